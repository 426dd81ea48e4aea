/**
 * mc-role-label over the protocol and on the command line: a custom role is a question (info)
 * until MachineConfigPools are in view — the other open documents, the workspace folder's
 * files, the files of one `mcroutes lint` run — and then a warning when none selects it,
 * nothing when one does. Open documents follow a pool as it is edited, opened and closed.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CAPABILITIES, LspClient, PUBLISH, REPO_ROOT, SERVER_JS } from '../support/lspClient';

const CLI_JS = path.join(REPO_ROOT, 'dist', 'cli.js');

const INFRA_MC = `apiVersion: machineconfiguration.openshift.io/v1
kind: MachineConfig
metadata:
  name: 99-infra-routes
  labels:
    machineconfiguration.openshift.io/role: infra
spec:
  config:
    ignition:
      version: 3.4.0
`;

const pool = (role: string) => `apiVersion: machineconfiguration.openshift.io/v1
kind: MachineConfigPool
metadata:
  name: ${role}
spec:
  machineConfigSelector:
    matchLabels:
      machineconfiguration.openshift.io/role: ${role}
`;

interface Published { uri: string; version?: number; diagnostics: { code?: string; severity?: number }[] }

/** LSP severities: 2 warning, 3 information. */
const ROLE = { none: [], info: [3], warning: [2] } as const;

async function start(workspace?: string): Promise<LspClient> {
  assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run \`npm run build\` first`);
  const client = LspClient.stdio();
  client.configuration = { mcroutes: {} };
  const rootUri = workspace === undefined ? null : pathToFileURL(workspace).href;
  await client.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'mcroutes-protocol-test', version: '0' },
    rootUri,
    workspaceFolders: rootUri === null ? null : [{ uri: rootUri, name: 'pools' }],
    capabilities: DEFAULT_CAPABILITIES,
    initializationOptions: { debounceMs: 0 },
  });
  client.notify('initialized', {});
  return client;
}

/** Waits until `uri` is published with mc-role-label findings of exactly these severities (a state, not a count). */
async function roleState(client: LspClient, uri: string, severities: readonly number[], since: number): Promise<void> {
  const matches = (p: Published) => p.uri === uri &&
    JSON.stringify(p.diagnostics.filter((d) => d.code === 'mc-role-label').map((d) => d.severity)) === JSON.stringify(severities);
  await client.waitFor<Published>(PUBLISH, matches, 15000, since);
}

describe('mc-role-label and the MachineConfigPools in view, over the protocol', function () {
  this.timeout(40000);

  describe('open documents only (no workspace folder)', function () {
    let client: LspClient;
    before(async () => {
      client = await start();
    });
    after(async () => {
      await client.shutdownAndExit();
    });

    it('info with no pool in view; a pool opened that leaves the role out makes it a warning; edited to select it, nothing; closed, info again', async () => {
      const mc = 'file:///pools/mc.yaml';
      const poolUri = 'file:///pools/pool.yaml';
      let since = client.mark();
      client.didOpen(mc, INFRA_MC);
      await roleState(client, mc, ROLE.info, since);

      since = client.mark();
      client.didOpen(poolUri, pool('gpu'));
      await roleState(client, mc, ROLE.warning, since);

      since = client.mark();
      client.notify('textDocument/didChange', { textDocument: { uri: poolUri, version: 2 }, contentChanges: [{ text: `${pool('gpu')}---\n${pool('infra')}` }] });
      await roleState(client, mc, ROLE.none, since);

      since = client.mark();
      client.notify('textDocument/didClose', { textDocument: { uri: poolUri } });
      await roleState(client, mc, ROLE.info, since);
    });
  });

  describe('a workspace folder with a pool on disk', function () {
    let client: LspClient;
    let workspace: string;
    before(async () => {
      workspace = mkdtempSync(path.join(tmpdir(), 'mcroutes-pools-'));
      writeFileSync(path.join(workspace, 'pool-gpu.yaml'), pool('gpu'));
      client = await start(workspace);
    });
    after(async () => {
      await client.shutdownAndExit();
      rmSync(workspace, { recursive: true, force: true });
    });

    it('the saved pool is in view: a role it leaves out is a warning, the role it selects is answered', async () => {
      const infra = pathToFileURL(path.join(workspace, 'infra.yaml')).href;
      const gpu = pathToFileURL(path.join(workspace, 'gpu.yaml')).href;
      const since = client.mark();
      client.didOpen(infra, INFRA_MC);
      client.didOpen(gpu, INFRA_MC.replace(/infra/g, 'gpu'));
      await roleState(client, infra, ROLE.warning, since);
      await roleState(client, gpu, ROLE.none, since);
    });
  });
});

describe('mc-role-label and the MachineConfigPools of one `mcroutes lint` run', function () {
  this.timeout(30000);
  let root: string;
  before(() => {
    assert.ok(existsSync(CLI_JS), `${CLI_JS} is missing: run \`npm run build\` first`);
    root = mkdtempSync(path.join(tmpdir(), 'mcroutes-lint-pools-'));
    writeFileSync(path.join(root, 'mc.yaml'), INFRA_MC);
    writeFileSync(path.join(root, 'pool-gpu.yaml'), pool('gpu'));
    writeFileSync(path.join(root, 'pool-infra.yaml'), pool('infra'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const role = (...files: string[]): string[] => {
    const result = spawnSync(process.execPath, [CLI_JS, 'lint', '--format', 'json', ...files], { cwd: root, encoding: 'utf8', timeout: 15000 });
    assert.equal(result.status, 0, result.stderr);
    return (JSON.parse(result.stdout) as { code: string; severity: string }[]).filter((f) => f.code === 'mc-role-label').map((f) => f.severity);
  };

  it('alone: info; with a pool file that leaves the role out: warning; with one that selects it: nothing', () => {
    assert.deepEqual(role('mc.yaml'), ['info']);
    assert.deepEqual(role('mc.yaml', 'pool-gpu.yaml'), ['warning']);
    assert.deepEqual(role('mc.yaml', 'pool-gpu.yaml', 'pool-infra.yaml'), []);
    assert.deepEqual(role('.'), []);
  });
});
