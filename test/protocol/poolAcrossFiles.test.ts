/**
 * The "done when" (issue 19): two MachineConfigs for worker in two files both write
 * static-routes.service; the one that loses (the earlier name) gets mc-overridden with a link
 * to the winner — over the protocol (two open documents, and a workspace folder with the
 * winner saved on disk) and in `mcroutes lint DIR`. An edit in one file updates the other.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliTempDir, runCli } from '../support/cli';
import { sessionPerSuite, type Diagnostic, type LspClient } from '../support/lspClient';
import { machineConfig } from '../support/machineConfig';

const UNIT = `[Unit]
Description=Static routes
Wants=network-online.target
After=network-online.target
[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/bin/nmcli connection modify ens3 +ipv4.routes "10.1.0.0/16 192.168.1.1"
[Install]
WantedBy=multi-user.target`.split('\n');

const config = (name: string, unit = 'static-routes.service') => machineConfig({ name, role: 'worker', units: [{ name: unit, enabled: true, contents: UNIT }] });

/** A diagnostic with the LSP relatedInformation the test client does not type. */
type Linked = Diagnostic & { relatedInformation?: { location: { uri: string; range: Diagnostic['range'] }; message: string }[] };

const overridden = (diagnostics: Diagnostic[]): Linked[] => diagnostics.filter((d) => d.code === 'mc-overridden');

describe('mc-overridden across files, over the protocol', function () {
  this.timeout(40000);

  describe('two open documents', function () {
    const server = sessionPerSuite({ initializationOptions: { debounceMs: 0 } });
    let client: LspClient;
    before(() => (client = server()));

    it('the earlier name gets the warning with relatedInformation at the winner; renamed apart, it goes', async () => {
      const a = 'file:///pool/99-worker-a.yaml';
      const b = 'file:///pool/99-worker-b.yaml';
      let since = client.mark();
      client.didOpen(a, config('99-worker-a'));
      client.didOpen(b, config('99-worker-b'));
      const published = await client.waitForDiagnostics(a, (d) => overridden(d).length === 1, { since, what: 'mc-overridden' });
      const [warning] = overridden(published.diagnostics);
      assert.equal(warning.severity, 2);
      assert.equal(warning.message, 'This unit is overridden by "99-worker-b", later in pool worker: keep it in one config.');
      const text = config('99-worker-a');
      assert.equal(warning.range.start.line, text.split('\n').findIndex((l) => l.includes('- name: static-routes.service')));
      assert.equal(warning.relatedInformation?.length, 1);
      const link = warning.relatedInformation![0];
      assert.equal(link.location.uri, b);
      assert.equal(link.location.range.start.line, warning.range.start.line);
      assert.match(link.message, /99-worker-b/);
      // The winner has nothing to hear about.
      assert.deepEqual(overridden(client.publishes(b, since).at(-1)?.diagnostics ?? []), []);

      // An edit in the winner's file (another unit) updates the loser's findings.
      since = client.mark();
      client.didChange(b, 2, { text: config('99-worker-b', 'other.service') });
      await client.waitForDiagnostics(a, (d) => overridden(d).length === 0, { since, what: 'no mc-overridden' });
    });
  });

  describe('a workspace folder with the winner saved on disk', function () {
    let workspace: string;
    const server = sessionPerSuite(() => {
      workspace = mkdtempSync(path.join(tmpdir(), 'mcroutes-pool-'));
      writeFileSync(path.join(workspace, 'b.yaml'), config('99-worker-b'));
      return { workspaceFolder: workspace, initializationOptions: { debounceMs: 0 } };
    });
    let client: LspClient;
    before(() => (client = server()));
    after(() => {
      if (workspace) rmSync(workspace, { recursive: true, force: true });
    });

    it('the open loser links to the saved file', async () => {
      const a = pathToFileURL(path.join(workspace, 'a.yaml')).href;
      const since = client.mark();
      client.didOpen(a, config('99-worker-a'));
      // The first analysis may come before the folder scan ends: the scan's end re-validates.
      const published = await client.waitForDiagnostics(a, (d) => overridden(d).length === 1, { since, what: 'mc-overridden' });
      const link = overridden(published.diagnostics)[0].relatedInformation?.[0];
      assert.equal(link?.location.uri, pathToFileURL(path.join(workspace, 'b.yaml')).href);
      assert.ok((link?.location.range.start.line ?? 0) > 0);
    });
  });
});

describe('mc-overridden across the files of one `mcroutes lint` run', function () {
  this.timeout(30000);
  const root = cliTempDir('mcroutes-lint-overridden-');
  before(() => {
    writeFileSync(path.join(root(), 'a.yaml'), config('99-worker-a'));
    writeFileSync(path.join(root(), 'b.yaml'), config('99-worker-b'));
  });

  it('the loser is warned with (see FILE:LINE) of the winner; json carries related; alone, nothing', () => {
    const text = runCli(['lint', '.'], { cwd: root() });
    assert.equal(text.status, 0, text.stderr);
    const lines = text.stdout.split('\n').filter((l) => l.includes('mc-overridden'));
    const unitLine = config('99-worker-a').split('\n').findIndex((l) => l.includes('- name: static-routes.service')) + 1;
    assert.deepEqual(lines, [
      `a.yaml:${unitLine}:17 warning mc-overridden This unit is overridden by "99-worker-b", later in pool worker: keep it in one config. (see b.yaml:${unitLine})`,
    ]);
    const json = runCli(['lint', '--format', 'json', '.'], { cwd: root() });
    const found = (JSON.parse(json.stdout) as { file: string; code: string; related?: { file: string; line: number }[] }[]).filter((f) => f.code === 'mc-overridden');
    assert.deepEqual(found.map((f) => [f.file, f.related]), [['a.yaml', [{ file: 'b.yaml', line: unitLine, column: 17, message: '99-worker-b writes static-routes.service here and wins' }]]]);
    const sarif = JSON.parse(runCli(['lint', '--format', 'sarif', '.'], { cwd: root() }).stdout) as { runs: { results: { ruleId: string; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const linked = sarif.runs[0].results.find((r) => r.ruleId === 'mc-overridden')?.relatedLocations?.[0].physicalLocation;
    assert.deepEqual([linked?.artifactLocation.uri, linked?.region.startLine], ['b.yaml', unitLine]);
    const alone = runCli(['lint', '--format', 'json', 'a.yaml'], { cwd: root() });
    assert.deepEqual((JSON.parse(alone.stdout) as { code: string }[]).filter((f) => f.code === 'mc-overridden'), []);
  });
});
