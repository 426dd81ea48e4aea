/** The route wizard's custom requests over the protocol (dist/server.js --stdio). */
import * as assert from 'node:assert/strict';
import { Methods, type CheckWizardInputResult, type GenerateConfigResult, type WizardAnswers, type WizardDefaultsResult } from '../../server/src/protocol';
import { sessionPerTest, type LspClient } from '../support/lspClient';
import { SEED } from '../support/seed';

const SEED_URI = 'file:///work/seed-route.yaml';

const ANSWERS: WizardAnswers = {
  role: 'worker',
  name: '99-worker-static-routes',
  method: 'nmcli-unit',
  interface: 'br-ex',
  routes: [{ destination: '192.168.1.0/24', gateway: '172.18.0.1', metric: 100 }, { destination: 'fd00:1::/64' }],
  ignitionVersion: '3.5.0',
};

describe('wizard requests over the protocol', function () {
  this.timeout(20000);
  const server = sessionPerTest();
  let client: LspClient;

  beforeEach(() => {
    client = server();
  });

  it('mcroutes/checkWizardInput: host bits are offered the network address; the service network is refused with the reason', async function () {
    const hostBits = await client.request<CheckWizardInputResult>(Methods.checkWizardInput, { step: 'destination', value: '192.168.1.5/24', draft: {} });
    assert.deepEqual(hostBits, {
      ok: false,
      message: '192.168.1.5/24 has host bits set: the network of this route is 192.168.1.0/24.',
      severity: 'warning',
      rule: 'route-host-bits',
      suggestion: '192.168.1.0/24',
    });
    const service = await client.request<CheckWizardInputResult>(Methods.checkWizardInput, { step: 'destination', value: '172.30.1.0/24', draft: {} });
    assert.equal(service.ok, false);
    assert.equal(service.rule, 'route-overlaps-cluster');
    assert.match(service.message!, /service network 172\.30\.0\.0\/16/);
    assert.deepEqual(await client.request(Methods.checkWizardInput, { step: 'gateway', value: '172.18.0.1', draft: { route: { destination: '192.168.1.0/24' } } }), { ok: true });
  });

  it('the wizard\'s words: a repeated destination names the route entered; an IPv6 route\'s next hop example is IPv6', async function () {
    const repeated = await client.request<CheckWizardInputResult>(Methods.checkWizardInput, {
      step: 'destination', value: '192.168.1.0/24', draft: { routes: [{ destination: '192.168.1.0/24', gateway: '172.18.0.1' }] },
    });
    assert.deepEqual(repeated, {
      ok: false,
      message: 'You entered 192.168.1.0/24 already as route 1 (via 172.18.0.1): enter another destination.',
      severity: 'warning',
      rule: 'route-duplicate',
    });
    const v6 = await client.request<WizardDefaultsResult>(Methods.wizardDefaults, { draft: { route: { destination: 'fd00:1::/64' } } });
    assert.equal(v6.gatewayExample, 'e.g. fd00::1');
  });

  it('mcroutes/checkWizardInput follows the settings the client holds, after a change too', async function () {
    assert.deepEqual(await client.request(Methods.checkWizardInput, { step: 'interface', value: 'ens5', draft: {} }).then((r: CheckWizardInputResult) => r.rule), 'nmcli-ovn-port');
    client.configuration = { mcroutes: { networkType: 'OpenShiftSDN', serviceNetwork: ['172.31.0.0/16'] } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await client.request(Methods.checkWizardInput, { step: 'interface', value: 'ens5', draft: {} }), { ok: true });
    assert.deepEqual(await client.request(Methods.checkWizardInput, { step: 'destination', value: '172.30.1.0/24', draft: {} }), { ok: true });
  });

  it('mcroutes/checkWizardInput answers a refusal, not an error, to a malformed request', async function () {
    const result = await client.request<CheckWizardInputResult>(Methods.checkWizardInput, { step: 'nope', value: 3 });
    assert.equal(result.ok, false);
    assert.match(result.message!, /needs a step/);
  });

  it('mcroutes/wizardDefaults: br-ex on OVN-Kubernetes, the open file\'s interface on OpenShift SDN, the release\'s Ignition specs newest first', async function () {
    client.didOpen(SEED_URI, SEED);
    const ovn = await client.request<WizardDefaultsResult>(Methods.wizardDefaults, { uri: SEED_URI, draft: { role: 'worker' } });
    assert.deepEqual(ovn, {
      networkType: 'OVNKubernetes',
      ignitionVersions: ['3.4.0', '3.3.0', '3.2.0', '3.1.0', '3.0.0'],
      ignitionNote: '3.4.0 for any release from 4.13; 3.5.0 needs 4.19 or later: set mcroutes.openshiftVersion',
      name: '99-worker-static-routes',
      interface: 'br-ex',
      fileInterfaces: ['ens5'],
      interfaceNote: 'The interface the routes go on. On OVN-Kubernetes br-ex carries the node\'s IP.',
      interfaceExample: 'e.g. ens5',
      gatewayExample: 'e.g. 172.18.0.1',
      steps: ['role', 'name', 'method', 'interface', 'destination', 'gateway', 'metric', 'ignitionVersion'],
    });
    // A custom role's MachineConfig asks about its pool, a keyfile about the NIC's addressing; a keyfile is never proposed for br-ex.
    const keyfile = await client.request<WizardDefaultsResult>(Methods.wizardDefaults, { uri: SEED_URI, draft: { role: 'infra', method: 'keyfile' } });
    assert.deepEqual(keyfile.steps, ['role', 'name', 'method', 'pool', 'interface', 'addressing', 'destination', 'gateway', 'metric', 'ignitionVersion']);
    assert.equal(keyfile.interface, 'ens5');
    assert.equal(keyfile.interfaceNote, 'The secondary NIC the routes go on. A keyfile is for a secondary NIC, not br-ex.');
    client.configuration = { mcroutes: { networkType: 'OpenShiftSDN', openshiftVersion: '4.14' } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const sdn = await client.request<WizardDefaultsResult>(Methods.wizardDefaults, { uri: SEED_URI, draft: {} });
    assert.equal(sdn.interface, 'ens5');
    assert.deepEqual(sdn.ignitionVersions, ['3.4.0', '3.3.0', '3.2.0', '3.1.0', '3.0.0']);
    const none = await client.request<WizardDefaultsResult>(Methods.wizardDefaults, { uri: 'file:///not/open.yaml', draft: {} });
    assert.deepEqual(none.fileInterfaces, []);
  });

  it('mcroutes/generateConfig: the YAML for the answers, with the networkType of the settings unless the answers name one', async function () {
    const ovn = await client.request<GenerateConfigResult>(Methods.generateConfig, { answers: ANSWERS });
    assert.match(ovn.text, /After=network-online\.target ovs-configuration\.service\n/);
    assert.match(ovn.text, /ExecStart=\/usr\/bin\/nmcli dev modify br-ex \+ipv4\.routes "192\.168\.1\.0\/24 172\.18\.0\.1 100" \+ipv6\.routes "fd00:1::\/64"\n/);
    client.configuration = { mcroutes: { networkType: 'OpenShiftSDN' } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const sdn = await client.request<GenerateConfigResult>(Methods.generateConfig, { answers: { ...ANSWERS, interface: 'ens5' } });
    assert.match(sdn.text, /After=network-online\.target\n/);
    const named = await client.request<GenerateConfigResult>(Methods.generateConfig, { answers: { ...ANSWERS, networkType: 'OVNKubernetes' } });
    assert.match(named.text, /ovs-configuration\.service/);
  });

  it('mcroutes/generateConfig refuses answers without their parts as InvalidParams, and the server keeps serving', async function () {
    await assert.rejects(client.request(Methods.generateConfig, { answers: { method: 'carrier-pigeon' } }), /-32602/);
    await assert.rejects(client.request(Methods.generateConfig, {}), /-32602/);
    const ok = await client.request<GenerateConfigResult>(Methods.generateConfig, { answers: { ...ANSWERS, method: 'nmstate' } });
    assert.match(ok.text, /kind: NodeNetworkConfigurationPolicy/);
    assert.deepEqual(await client.shutdownAndExit(), { code: 0, signal: null });
  });
});
