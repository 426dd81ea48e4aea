/**
 * Preview Pool over the protocol (issue 19): mcroutes/poolRoles and mcroutes/previewPool read
 * the workspace folder's YAML files as saved and the open documents as edited.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Methods, type PoolPreviewResult, type PoolRolesResult } from '../../server/src/protocol';
import { sessionPerSuite, type LspClient } from '../support/lspClient';
import { machineConfig, orderedUnit } from '../support/machineConfig';

const routeUnit = (route: string): ReturnType<typeof orderedUnit> =>
  orderedUnit([`ExecStart=/usr/bin/nmcli connection modify br-ex +ipv4.routes "${route}"`], 'static-routes.service');
const A = machineConfig({ name: '99-worker-a', units: [routeUnit('10.10.0.0/16 192.168.1.1')] });
const B = machineConfig({ name: '99-worker-b', units: [routeUnit('10.20.0.0/16 192.168.1.254')] });

describe('Preview Pool over the protocol', function () {
  this.timeout(40000);

  let workspace: string;
  const server = sessionPerSuite(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'mcroutes-pool-'));
    writeFileSync(path.join(workspace, 'routes-a.yaml'), A);
    writeFileSync(path.join(workspace, 'routes-b.yaml'), B);
    writeFileSync(path.join(workspace, 'other.yaml'), 'kind: ConfigMap\n');
    return { workspaceFolder: workspace, initializationOptions: { debounceMs: 0 } };
  });
  let client: LspClient;
  before(() => (client = server()));
  after(() => {
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('lists the roles of the workspace files', async () => {
    const result = await client.request<PoolRolesResult>(Methods.poolRoles, {});
    assert.deepEqual(result, { roles: ['worker'] });
  });

  it('renders the pool from the files on disk: both configs with their origins, the later name wins the unit', async () => {
    const result = await client.request<PoolPreviewResult>(Methods.previewPool, { role: 'worker' });
    assert.equal(result.files, 2);
    assert.equal(result.bound, undefined);
    assert.ok(result.text.includes([
      'MachineConfigs, in merge order:',
      '  1. 99-worker-a (routes-a.yaml:1), role worker',
      '  2. 99-worker-b (routes-b.yaml:1), role worker',
      '',
      '== unit static-routes.service ==',
      'path:  /etc/systemd/system/static-routes.service',
      'from:  99-worker-b (routes-b.yaml:13)',
      'overrides: the one in 99-worker-a (routes-a.yaml:13)',
    ].join('\n')), result.text);
  });

  it('an open document as edited wins over its saved file; an untitled one joins in; a new role is listed', async () => {
    const uri = pathToFileURL(path.join(workspace, 'routes-a.yaml')).toString();
    const since = client.mark();
    // Renamed past 99-worker-b: now it wins.
    client.didOpen(uri, A.replace('99-worker-a', '99-worker-c'));
    await client.waitForDiagnostics(uri, () => true, { since, what: 'diagnostics of the open document' });
    client.didOpen('untitled:Untitled-1', machineConfig({ name: '50-infra', role: 'infra' }));
    const result = await client.request<PoolPreviewResult>(Methods.previewPool, { role: 'worker' });
    assert.match(result.text, /^from: {2}99-worker-c \(routes-a\.yaml:13\)\noverrides: the one in 99-worker-b \(routes-b\.yaml:13\)$/m);
    assert.deepEqual((await client.request<PoolRolesResult>(Methods.poolRoles, {})).roles, ['infra', 'worker']);
    const infra = await client.request<PoolPreviewResult>(Methods.previewPool, { role: 'infra' });
    assert.match(infra.text, /^ {2}3\. 50-infra \(untitled:Untitled-1:1\), role infra$/m);
  });

  it('bad params get an answer, not an error', async () => {
    const none = await client.request<PoolPreviewResult>(Methods.previewPool, {});
    assert.equal(none.text, 'No role given: pick the pool to preview.\n');
    const unknown = await client.request<PoolPreviewResult>(Methods.previewPool, { role: 'storage' });
    assert.match(unknown.text, /^Roles: storage — no MachineConfig or MachineConfigPool in these files has this role$/m);
  });
});
