/**
 * mc-role-label over the protocol and on the command line: a custom role is a question (info)
 * until MachineConfigPools are in view — the other open documents, the workspace folder's
 * files, the files of one `mcroutes lint` run — and then a warning when none selects it,
 * nothing when one does. Open documents follow a pool as it is edited, opened and closed.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliTempDir, runCli } from '../support/cli';
import { sessionPerSuite, type LspClient } from '../support/lspClient';
import { machineConfig } from '../support/machineConfig';

const INFRA_MC = machineConfig({ name: '99-infra-routes', role: 'infra' });

const pool = (role: string) => `apiVersion: machineconfiguration.openshift.io/v1
kind: MachineConfigPool
metadata:
  name: ${role}
spec:
  machineConfigSelector:
    matchLabels:
      machineconfiguration.openshift.io/role: ${role}
`;

/** LSP severities: 2 warning, 3 information. */
const ROLE = { none: [], info: [3], warning: [2] } as const;

/** Waits until `uri` shows mc-role-label findings of exactly these severities (a state, not a count). */
async function roleState(client: LspClient, uri: string, severities: readonly number[], since: number): Promise<void> {
  await client.waitForDiagnostics(uri, (diagnostics) =>
    JSON.stringify(diagnostics.filter((d) => d.code === 'mc-role-label').map((d) => d.severity)) === JSON.stringify(severities),
  { since, what: `mc-role-label of severities ${JSON.stringify(severities)}` });
}

describe('mc-role-label and the MachineConfigPools in view, over the protocol', function () {
  this.timeout(40000);

  describe('open documents only (no workspace folder)', function () {
    const server = sessionPerSuite({ initializationOptions: { debounceMs: 0 } });
    let client: LspClient;
    before(() => (client = server()));

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
      client.didChange(poolUri, 2, { text: `${pool('gpu')}---\n${pool('infra')}` });
      await roleState(client, mc, ROLE.none, since);

      since = client.mark();
      client.didClose(poolUri);
      await roleState(client, mc, ROLE.info, since);
    });
  });

  describe('a workspace folder with a pool on disk', function () {
    let workspace: string;
    const server = sessionPerSuite(() => {
      workspace = mkdtempSync(path.join(tmpdir(), 'mcroutes-pools-'));
      writeFileSync(path.join(workspace, 'pool-gpu.yaml'), pool('gpu'));
      return { workspaceFolder: workspace, initializationOptions: { debounceMs: 0 } };
    });
    let client: LspClient;
    before(() => (client = server()));
    after(() => {
      if (workspace) rmSync(workspace, { recursive: true, force: true });
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
  const root = cliTempDir('mcroutes-lint-pools-');
  before(() => {
    writeFileSync(path.join(root(), 'mc.yaml'), INFRA_MC);
    writeFileSync(path.join(root(), 'pool-gpu.yaml'), pool('gpu'));
    writeFileSync(path.join(root(), 'pool-infra.yaml'), pool('infra'));
  });

  const role = (...files: string[]): string[] => {
    const result = runCli(['lint', '--format', 'json', ...files], { cwd: root() });
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
