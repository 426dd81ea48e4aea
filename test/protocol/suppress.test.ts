/**
 * The light bulb over the protocol (issue 20 item 3): each finding's own fixes, then
 * "Suppress RULE on this line", then "Fix all safe problems (N)". Choosing the suppression
 * and sending the edited text makes the server publish the findings without it, the others
 * unchanged; across files too.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cliTempDir, runCli } from '../support/cli';
import { applyLspEdits, sessionPerSuite, type CodeAction, type Diagnostic, type LspClient } from '../support/lspClient';
import { machineConfig } from '../support/machineConfig';
import { SEED, seedFindings } from '../support/seed';

const SUPPRESS = /^Suppress (\S+) on this line$/;
const UNIT = ['[Unit]', 'Wants=network-online.target', 'After=network-online.target', '[Service]', 'Type=oneshot', 'RemainAfterExit=yes',
  'ExecStart=/usr/bin/nmcli connection modify ens3 +ipv4.routes "10.1.0.0/16 192.168.1.1"', '[Install]', 'WantedBy=multi-user.target'];
const config = (name: string) => machineConfig({ name, role: 'worker', units: [{ name: 'static-routes.service', enabled: true, contents: UNIT }] });
const key = (d: Diagnostic) => `${d.code} ${d.message}`;

describe('Suppress RULE on this line and Fix all safe problems, over the protocol', function () {
  this.timeout(60000);
  const server = sessionPerSuite({ initializationOptions: { debounceMs: 0 } });
  let client: LspClient;
  before(() => (client = server()));
  let n = 0;

  async function open(text: string, uri = `file:///suppress/doc-${++n}.yaml`): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const since = client.mark();
    client.didOpen(uri, text);
    const published = await client.waitForDiagnostics(uri, () => true, { since, what: 'its findings' });
    return { uri, diagnostics: published.diagnostics };
  }

  const actionsFor = (uri: string, diagnostic: Diagnostic) => client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });

  /** Applies the action's edit as the editor does (didChange of the whole text) and waits for the findings of that version. */
  async function apply(uri: string, text: string, version: number, action: CodeAction): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const edited = applyLspEdits(text, action.edit!.changes![uri]);
    const since = client.mark();
    client.didChange(uri, version, { text: edited });
    const published = await client.waitForDiagnostics(uri, (_, p) => p.version === version, { since, what: `version ${version}` });
    return { text: edited, diagnostics: published.diagnostics };
  }

  it('a seed warning: its fix (preferred), then Suppress, then Fix all; Suppress removes the squiggle and nothing else', async () => {
    const { uri, diagnostics } = await open(SEED);
    const warning = diagnostics.find((d) => d.code === 'unit-network-online')!;
    const actions = await actionsFor(uri, warning);
    assert.deepEqual(actions.filter((a) => a.kind === 'quickfix').map((a) => [a.title, a.isPreferred ?? false]), [
      ['Add Wants=network-online.target', true],
      ['Suppress unit-network-online on this line', false],
      ['Fix all safe problems (5)', false],
    ]);
    const suppress = actions.find((a) => a.title === 'Suppress unit-network-online on this line')!;
    assert.deepEqual(suppress.diagnostics, [warning]);
    const after = await apply(uri, SEED, 2, suppress);
    assert.match(after.text, /\n {13}# mcroutes-disable-next-line unit-network-online\n {13}After=network-online.target\n/);
    assert.deepEqual(after.diagnostics.map(key).sort(), diagnostics.filter((d) => d !== warning).map(key).sort());
    client.didClose(uri);
  });

  it('every finding of the seed can be suppressed, each on its own, hints and findings without fixes included', async () => {
    const { uri, diagnostics } = await open(SEED);
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), seedFindings().map((f) => f.code).sort());
    for (const diagnostic of diagnostics) {
      const actions = await actionsFor(uri, diagnostic);
      const suppressions = actions.filter((a) => SUPPRESS.test(a.title));
      assert.deepEqual(suppressions.map((a) => a.title), [`Suppress ${diagnostic.code} on this line`]);
      assert.equal(suppressions[0].kind, 'quickfix');
      // After the finding's own fixes.
      const own = (diagnostic.data?.fixes ?? []).length;
      assert.equal(actions.indexOf(suppressions[0]), own);
    }
    client.didClose(uri);
  });

  it('Fix all safe problems makes the same edits as source.fixAll', async () => {
    const { uri, diagnostics } = await open(SEED);
    const actions = await actionsFor(uri, diagnostics.find((d) => d.code === 'mc-os-image-url')!);
    const quick = actions.find((a) => /^Fix all safe problems \(\d+\)$/.test(a.title))!;
    assert.equal(quick.kind, 'quickfix');
    assert.equal(quick.diagnostics, undefined);
    const source = (await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })).find((a) => a.kind === 'source.fixAll.mcroutes')!;
    assert.deepEqual(quick.edit, source.edit);
    const after = await apply(uri, SEED, 2, quick);
    assert.deepEqual(after.diagnostics.map((d) => d.code).sort(), ['nmcli-device-runtime', 'nmcli-ovn-port', 'route-ovn-egress']);
    client.didClose(uri);
  });

  it('mc-overridden, published because of another open file, is suppressed in the file it is shown in', async () => {
    const a = 'file:///suppress/pool/99-worker-a.yaml';
    const b = 'file:///suppress/pool/99-worker-b.yaml';
    const since = client.mark();
    client.didOpen(a, config('99-worker-a'));
    client.didOpen(b, config('99-worker-b'));
    const published = await client.waitForDiagnostics(a, (d) => d.some((x) => x.code === 'mc-overridden'), { since, what: 'mc-overridden' });
    const overridden = published.diagnostics.find((d) => d.code === 'mc-overridden')!;
    const suppress = (await actionsFor(a, overridden)).find((x) => x.title === 'Suppress mc-overridden on this line');
    assert.ok(suppress, 'a suppression is offered for a finding across files');
    const after = await apply(a, config('99-worker-a'), 2, suppress);
    assert.deepEqual(after.diagnostics.map(key).sort(), published.diagnostics.filter((d) => d !== overridden).map(key).sort());
    client.didClose(a);
    client.didClose(b);
  });
});

describe('a suppression of a finding across files in `mcroutes lint`', function () {
  this.timeout(30000);
  const root = cliTempDir('mcroutes-lint-suppress-');
  const suppressedA = config('99-worker-a').replace(/^( *)- name: static-routes\.service$/m, '$1# mcroutes-disable-next-line mc-overridden\n$&');
  before(() => {
    writeFileSync(path.join(root(), 'a.yaml'), suppressedA);
    writeFileSync(path.join(root(), 'b.yaml'), config('99-worker-b'));
  });

  it('silences mc-overridden and is used; linted alone it is unused, and --fix leaves it for the user', () => {
    const codes = (args: string[]) => (JSON.parse(runCli(['lint', '--hints', '--format', 'json', ...args], { cwd: root() }).stdout) as { file: string; code: string }[])
      .filter((f) => f.code === 'mc-overridden' || f.code === 'unused-suppression').map((f) => `${f.file} ${f.code}`);
    assert.deepEqual(codes(['.']), []);
    assert.deepEqual(codes(['a.yaml']), ['a.yaml unused-suppression']);
    runCli(['lint', '--fix', 'a.yaml'], { cwd: root() });
    assert.equal(readFileSync(path.join(root(), 'a.yaml'), 'utf8'), suppressedA);
  });
});
