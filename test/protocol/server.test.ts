/** The bundled server (dist/server.js --stdio) spoken to over the Language Server Protocol. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MIN_DEBOUNCE_MS } from '../../server/src/lsp/debounce';
import { positionAt, rangeOf, sessionsPerTest, type Diagnostic, type LspClient, type PublishDiagnosticsParams } from '../support/lspClient';
import { keysOf, lintLine, REPO_ROOT, SEED, SEED_FINDINGS, SEED_STATE, showsSeedFindings } from '../support/seed';

const SEED_URI = 'file:///work/seed-route.yaml';
const VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const PLAIN_YAML = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: not-a-machineconfig\ndata:\n  route: "192.168.1.5/24"\n';

const WARNING = 2;
const SHOW_MESSAGE_WARNING = 2;

/** `uri` shows its publish of `version`. */
const published = (client: LspClient, uri: string, version: number, since = 0): Promise<PublishDiagnosticsParams> =>
  client.waitForVersion(uri, version, since);

/** The seed shows its known findings, by code and range (from notification `since` on). */
const seedShown = (client: LspClient, since = 0): Promise<PublishDiagnosticsParams> =>
  client.waitForDiagnostics(SEED_URI, showsSeedFindings, { since, what: 'the seed\'s known findings' });

function describeDiagnostics(diagnostics: Diagnostic[]): string {
  return diagnostics
    .map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`)
    .join('\n');
}

function findCode(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((d) => d.code === code);
  assert.ok(found, `expected a ${code} diagnostic; got:\n${describeDiagnostics(diagnostics)}`);
  return found;
}

describe('language server over stdio', function () {
  this.timeout(20000);
  const start = sessionsPerTest();

  it('answers initialize with incremental sync and its version, and logs a startup line', async function () {
    const client = await start();
    const result = client.initializeResult;
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(result.serverInfo, { name: 'mcroutes', version: VERSION });
    const startup = await client.waitFor('window/logMessage', (p: { message: string }) => p.message.includes(VERSION));
    assert.match(startup.params.message, /mcroutes language server/);
  });

  it('mcroutes/serverInfo says which process answers and what it has cost so far', async function () {
    const client = await start();
    const first = await client.request<{ pid: number; version: string; node: string; cpuMicros: number; busyMs: number; peakRssBytes: number }>('mcroutes/serverInfo');
    assert.equal(first.version, VERSION);
    assert.equal(first.node, process.version);
    assert.ok(Number.isInteger(first.pid) && first.pid !== process.pid);
    // A Node process cannot run in less than 10 MB, nor start without CPU time.
    assert.ok(first.peakRssBytes > 10 * 2 ** 20, `peakRssBytes ${first.peakRssBytes}`);
    assert.ok(first.cpuMicros > 0);
    assert.ok(first.busyMs > 0 && first.busyMs * 1000 <= first.cpuMicros * 2, `busyMs ${first.busyMs}`);
    client.didOpen(SEED_URI, SEED, 1);
    await seedShown(client);
    const second = await client.request<{ cpuMicros: number; busyMs: number; peakRssBytes: number }>('mcroutes/serverInfo');
    assert.ok(second.cpuMicros > first.cpuMicros, 'analysing the seed costs CPU time');
    assert.ok(second.busyMs > first.busyMs, 'and busy time');
    assert.ok(second.peakRssBytes >= first.peakRssBytes, 'a peak never goes down');
  });

  it('registers for configuration changes of the mcroutes section', async function () {
    const client = await start();
    const registration = await client.waitForRequest('client/registerCapability');
    const registrations = (registration.params as { registrations: Array<{ method: string; registerOptions: unknown }> }).registrations;
    assert.deepEqual(
      registrations.find((r) => r.method === 'workspace/didChangeConfiguration')?.registerOptions,
      { section: 'mcroutes' },
    );
  });

  it('publishes no findings for YAML that is not a MachineConfig', async function () {
    const client = await start();
    client.didOpen('file:///work/configmap.yaml', PLAIN_YAML);
    const params = await published(client, 'file:///work/configmap.yaml', 1);
    assert.deepEqual(params.diagnostics, []);
  });

  it('says nothing at all about documents that are not YAML', async function () {
    const client = await start();
    client.didOpen('file:///work/seed.txt', SEED, 1, 'plaintext');
    client.didOpen('file:///work/other.yaml', PLAIN_YAML);
    // Both are handled in order of arrival; the YAML one being answered means the text one was passed over.
    await published(client, 'file:///work/other.yaml', 1);
    assert.deepEqual(client.publishes('file:///work/seed.txt'), []);
  });

  it('reports the seed findings with exact ranges, severity, source and version', async function () {
    const client = await start();
    client.didOpen(SEED_URI, SEED, 1);
    const params = await published(client, SEED_URI, 1);
    assert.equal(params.version, 1);
    assert.deepEqual(keysOf(params.diagnostics), keysOf(SEED_STATE), 'the known findings, by code and range');

    const networkd = rangeOf(SEED, 'networkd');
    assert.deepEqual(networkd, { start: { line: 16, character: 4 }, end: { line: 16, character: 12 } });
    const after = rangeOf(SEED, 'After=network-online.target');
    assert.deepEqual(after, { start: { line: 24, character: 13 }, end: { line: 24, character: 40 } });

    const unknownKey = findCode(params.diagnostics, 'ign-unknown-key');
    assert.deepEqual(unknownKey.range, networkd);
    assert.equal(unknownKey.severity, WARNING);
    assert.equal(unknownKey.source, 'mcroutes');

    const networkOnline = findCode(params.diagnostics, 'unit-network-online');
    assert.deepEqual(networkOnline.range, after);
    assert.equal(networkOnline.severity, WARNING);
    assert.equal(networkOnline.source, 'mcroutes');

    for (const d of params.diagnostics) {
      assert.equal(d.source, 'mcroutes');
      assert.ok([1, 2, 3, 4].includes(d.severity ?? 0), `severity of ${d.code}`);
    }

    // The whole list, as test/unit/seed.test.ts has it (default settings: OVN-Kubernetes).
    const severities = ['', 'error', 'warning', 'info', 'hint'];
    assert.deepEqual(params.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${severities[d.severity ?? 0]} ${d.code}`), SEED_FINDINGS.map(lintLine));
  });

  it('follows incremental edits: host bits set in the destination, then cleared', async function () {
    const client = await start({ initializationOptions: { debounceMs: 20 } });
    client.didOpen(SEED_URI, SEED, 1);
    const first = await published(client, SEED_URI, 1);
    assert.equal(first.diagnostics.filter((d) => d.code === 'route-host-bits').length, 0);

    // Replace the last character of the network address: 192.168.1.0/24 → 192.168.1.5/24.
    const offset = SEED.indexOf('192.168.1.0/24') + '192.168.1.'.length;
    const at = positionAt(SEED, offset);
    assert.equal(at.line, 28);
    const edit = { start: at, end: { line: at.line, character: at.character + 1 } };
    client.didChange(SEED_URI, 2, { range: edit, text: '5' });
    const changed = await published(client, SEED_URI, 2);
    const edited = SEED.slice(0, offset) + '5' + SEED.slice(offset + 1);
    const hostBits = findCode(changed.diagnostics, 'route-host-bits');
    assert.deepEqual(hostBits.range, rangeOf(edited, '192.168.1.5/24'));
    assert.equal(hostBits.range.end.character - hostBits.range.start.character, 14);
    assert.equal(hostBits.severity, WARNING);

    client.didChange(SEED_URI, 3, { range: edit, text: '0' });
    const restored = await published(client, SEED_URI, 3);
    assert.equal(restored.diagnostics.filter((d) => d.code === 'route-host-bits').length, 0,
      describeDiagnostics(restored.diagnostics));
    assert.deepEqual(keysOf(restored.diagnostics), keysOf(SEED_STATE), 'back to the seed\'s known findings');
  });

  it('publishes only the latest version after rapid edits, once the debounce has passed (on the test clock)', async function () {
    // The editor's debounce, on a clock that moves only when the test says: typing faster
    // than the debounce is then a fact of the test, not a hope about the machine. On a clock
    // that stands still the seed's analysis costs nothing: the shortest wait (debounce.ts).
    const client = await start({ initializationOptions: { testClock: {} } });
    client.didOpen(SEED_URI, SEED, 1);
    await published(client, SEED_URI, 1);
    const mark = client.mark();
    // Type " typing" at the end of the first comment line, one character per version.
    const line0 = SEED.split('\n')[0];
    const typed = ' typing';
    for (let i = 0; i < typed.length; i++) {
      const position = { line: 0, character: line0.length + i };
      client.didChange(SEED_URI, 2 + i, { range: { start: position, end: position }, text: typed[i] });
    }
    await client.advanceClock(MIN_DEBOUNCE_MS - 1);
    await client.roundTrip();
    assert.deepEqual(client.publishes(SEED_URI, mark), [], 'nothing is published before the debounce has passed');
    await client.advanceClock(1);
    const latest = 1 + typed.length;
    await published(client, SEED_URI, latest, mark);
    await client.roundTrip();
    assert.deepEqual(client.publishes(SEED_URI, mark).map((p) => p.version), [latest]);
  });

  it('the test clock\'s request is refused by a server on the system clock', async function () {
    const client = await start();
    await assert.rejects(client.advanceClock(1), /-32600.*needs initializationOptions\.testClock/);
  });

  it('clears the diagnostics of a closed document', async function () {
    const client = await start();
    client.didOpen(SEED_URI, SEED, 1);
    await seedShown(client);
    const mark = client.mark();
    client.didClose(SEED_URI);
    const cleared = await client.waitForDiagnostics(SEED_URI, (d) => d.length === 0, { since: mark, what: 'no findings' });
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('re-reads its settings on a configuration change and names a wrong value once', async function () {
    const client = await start({ configuration: { mcroutes: { openshiftVersion: '4.19', trace: { server: 'off' } } }, initializationOptions: { debounceMs: 20 } });
    client.didOpen(SEED_URI, SEED, 1);
    await seedShown(client);
    const pulls = () => client.serverRequests.filter((r) => r.method === 'workspace/configuration');
    assert.deepEqual(pulls()[0]?.params, { items: [{ section: 'mcroutes' }] });
    assert.equal(client.notifications.filter((n) => n.method === 'window/showMessage').length, 0, 'valid settings: no complaint');

    client.configuration = { mcroutes: { openshiftVersion: 42 } };
    const mark = client.mark();
    const pullsBefore = pulls().length;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const shown = await client.waitFor<{ type: number; message: string }>('window/showMessage',
      (p) => p.message.includes('mcroutes.openshiftVersion'), undefined, mark);
    assert.equal(shown.params.type, SHOW_MESSAGE_WARNING);
    assert.ok(pulls().length > pullsBefore, 'the server pulled the settings again');
    // Re-validated without a restart, with the default in place of the wrong value.
    await seedShown(client, mark);

    // The same complaint is not repeated while it stands.
    const mark2 = client.mark();
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await seedShown(client, mark2);
    const complaints = client.notifications.filter((n) => n.method === 'window/showMessage' && n.params.message.includes('mcroutes.openshiftVersion'));
    assert.equal(complaints.length, 1);
  });

  it('uses initializationOptions and pushed settings when the client cannot be asked', async function () {
    const capabilities = { workspace: { configuration: false }, textDocument: { publishDiagnostics: { versionSupport: true } } };
    const client = await start({ initializationOptions: { settings: { networkType: 'Calico' } }, capabilities });
    client.didOpen(SEED_URI, SEED, 1);
    await client.waitFor('window/showMessage', (p: { message: string }) => p.message.includes('mcroutes.networkType'));
    // The wrong value is replaced by the default: OVN-Kubernetes, the seed's known findings.
    await seedShown(client);

    const mark = client.mark();
    client.notify('workspace/didChangeConfiguration', { settings: { mcroutes: { machineNetwork: 'not a list' } } });
    await client.waitFor('window/showMessage', (p: { message: string }) => p.message.includes('mcroutes.machineNetwork'), undefined, mark);
    await seedShown(client, mark);
    assert.equal(client.serverRequests.filter((r) => r.method === 'workspace/configuration').length, 0);
    assert.equal(client.serverRequests.filter((r) => r.method === 'client/registerCapability').length, 0);
  });

  it('survives malformed input and unknown requests', async function () {
    const client = await start();
    client.notify('textDocument/didOpen', {});
    client.didChange('file:///never-opened.yaml', 2, { text: 'x' });
    await assert.rejects(client.request('mcroutes/noSuchRequest', {}), /-32601/);
    client.didOpen('file:///work/after.yaml', PLAIN_YAML);
    await published(client, 'file:///work/after.yaml', 1);
    assert.deepEqual(await client.shutdownAndExit(), { code: 0, signal: null });
  });

  it('logs an uncaught exception instead of dying', async function () {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcroutes-throw-'));
    const thrower = path.join(dir, 'throw-later.js');
    writeFileSync(thrower, "setTimeout(() => { throw new Error('boom from the protocol test'); }, 0);\n");
    try {
      const client = await start({ nodeArgs: ['--require', thrower] });
      const logged = await client.waitFor<{ type: number; message: string }>('window/logMessage', (p) => p.message.includes('boom from the protocol test'));
      assert.equal(logged.params.type, 1);
      assert.match(logged.params.message, /uncaught exception/);
      client.didOpen('file:///work/still-alive.yaml', PLAIN_YAML);
      await published(client, 'file:///work/still-alive.yaml', 1);
      assert.deepEqual(await client.shutdownAndExit(), { code: 0, signal: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers shutdown and exits with code 0 on exit', async function () {
    const client = await start();
    client.didOpen(SEED_URI, SEED, 1);
    await seedShown(client);
    const answer = await client.request('shutdown');
    assert.equal(answer, null);
    client.notify('exit');
    assert.deepEqual(await client.exited, { code: 0, signal: null });
  });

  it('exits with code 1 on exit without shutdown', async function () {
    const client = await start();
    client.notify('exit');
    assert.deepEqual(await client.exited, { code: 1, signal: null });
  });
});
