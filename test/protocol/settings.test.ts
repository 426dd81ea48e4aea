/**
 * The settings over stdio: a value that is not valid is named in one notice (with an
 * "Open Settings" button for a client that opens its settings), only that value is left
 * out, and mcroutes/assumptions says what the findings assume.
 */
import * as assert from 'node:assert/strict';
import { rangeOf, sessionsPerTest, type Diagnostic, type LspClient, type ShowMessageRequestParams } from '../support/lspClient';
import { SEED, showsSeedFindings } from '../support/seed';
import type { AssumptionsResult } from '../../server/src/protocol';

const SEED_URI = 'file:///work/seed-route.yaml';
const PLAIN_URI = 'file:///work/configmap.yaml';
const PLAIN_YAML = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: not-a-machineconfig\n';
const WARNING = 2;
/** The seed's route: inside 192.168.0.0/16, so flagged when that is a cluster network. */
const SEED_ROUTE = rangeOf(SEED, '192.168.1.0/24');
const ALL_NOTIFICATIONS = ['mcroutes/openSettings', 'mcroutes/settingsChanged'];

const overlapsSeedRoute = (d: Diagnostic[]): boolean =>
  d.some((x) => x.code === 'route-overlaps-cluster' && JSON.stringify(x.range) === JSON.stringify(SEED_ROUTE));

/** A settings change the server has handled: its re-validation of the seed published (since `mark`). */
async function changeSettings(client: LspClient, mcroutes: Record<string, unknown>): Promise<number> {
  client.configuration = { mcroutes };
  const mark = client.mark();
  client.notify('workspace/didChangeConfiguration', { settings: null });
  await client.waitFor('textDocument/publishDiagnostics', (p: { uri: string }) => p.uri === SEED_URI, undefined, mark);
  return mark;
}

describe('settings over stdio: values checked for real, named once, one click from the settings', function () {
  this.timeout(20000);
  const start = sessionsPerTest();

  it('a bad CIDR entry: one notice names it with Open Settings; the good entry stays in force while the notice is open', async function () {
    const client = await start({ initializationOptions: { debounceMs: 20, notifications: ALL_NOTIFICATIONS } });
    let pick: (() => void) | undefined;
    // The user leaves the notice open until the test picks its button.
    client.showMessageAnswer = (params) => new Promise((resolve) => {
      pick = () => resolve(params.actions?.find((a) => a.title === 'Open Settings') ?? null);
    });
    client.didOpen(SEED_URI, SEED, 1);
    await client.waitForDiagnostics(SEED_URI, showsSeedFindings, { what: 'the seed\'s known findings' });

    // 192.168.0.0/16 is no default: the finding on the seed's route comes from the good entry alone.
    const mark = client.mark();
    client.configuration = { mcroutes: { clusterNetwork: ['192.168.0.0/16', '10.300.0.0/33'] } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const notice = await client.waitForRequest<ShowMessageRequestParams>('window/showMessageRequest');
    assert.deepEqual(notice.params, {
      type: WARNING,
      message: 'mcroutes.clusterNetwork: "10.300.0.0/33" is not a CIDR; it is ignored.',
      actions: [{ title: 'Open Settings' }],
    });
    const shown = await client.waitForDiagnostics(SEED_URI, overlapsSeedRoute, { since: mark, what: 'route-overlaps-cluster on 192.168.1.0/24' });
    assert.ok(shown.diagnostics.some((d) => d.code === 'route-overlaps-cluster' && d.message.includes('192.168.0.0/16')));
    const assumed = await client.request<AssumptionsResult>('mcroutes/assumptions', { uri: SEED_URI });
    assert.deepEqual(assumed.clusterNetwork, ['192.168.0.0/16']);
    assert.deepEqual(assumed.ignoredSettings, ['mcroutes.clusterNetwork']);
    assert.equal(client.notifications.filter((n) => n.method === 'mcroutes/openSettings').length, 0, 'nothing opened before the button is picked');

    pick!();
    const opened = await client.waitFor('mcroutes/openSettings');
    assert.deepEqual(opened.params, { settings: ['mcroutes.clusterNetwork'] });

    // The same complaint again: not repeated.
    await changeSettings(client, { clusterNetwork: ['192.168.0.0/16', '10.300.0.0/33'] });
    assert.equal(client.serverRequests.filter((r) => r.method === 'window/showMessageRequest').length, 1);
    // Another bad value: a new notice, naming only it.
    client.showMessageAnswer = () => null;
    await changeSettings(client, { clusterNetwork: ['192.168.0.0/16', '10.300.0.0/33', '10.0.0.0/8/8'] });
    const notices = client.serverRequests.filter((r) => r.method === 'window/showMessageRequest').map((r) => (r.params as ShowMessageRequestParams).message);
    assert.deepEqual(notices.slice(1), ['mcroutes.clusterNetwork: "10.0.0.0/8/8" is not a CIDR; it is ignored.']);
  });

  it('several values not valid in one reading: one notice naming them; closed without a pick, nothing opens', async function () {
    const client = await start({ initializationOptions: { debounceMs: 20, notifications: ALL_NOTIFICATIONS } });
    client.didOpen(SEED_URI, SEED, 1);
    await client.waitForDiagnostics(SEED_URI, showsSeedFindings, { what: 'the seed\'s known findings' });
    await changeSettings(client, { networkType: 'Calico', serviceNetwork: ['172.30.0.0/16', '172.30.0.0/99'], rules: { 'route-defualt': 'off' } });
    const notices = client.serverRequests.filter((r) => r.method === 'window/showMessageRequest');
    assert.deepEqual(notices.map((r) => r.params), [{
      type: WARNING,
      message: 'mcroutes: 3 setting values are not used: networkType "Calico", serviceNetwork "172.30.0.0/99" and 1 more; see the log.',
      actions: [{ title: 'Open Settings' }],
    }]);
    // Each has its sentence in the log.
    await client.waitFor('window/logMessage', (p: { message: string }) => p.message === 'mcroutes.rules: there is no rule "route-defualt" (route-default?); it is ignored.');
    await client.roundTrip();
    assert.equal(client.notifications.filter((n) => n.method === 'mcroutes/openSettings').length, 0);
  });

  it('a client that does not open settings gets the message alone, and no notification it does not handle', async function () {
    const client = await start({ initializationOptions: { debounceMs: 20 } });
    client.didOpen(SEED_URI, SEED, 1);
    await client.waitForDiagnostics(SEED_URI, showsSeedFindings, { what: 'the seed\'s known findings' });
    const mark = await changeSettings(client, { clusterNetwork: ['192.168.0.0/16', '10.300.0.0/33'] });
    const shown = await client.waitFor('window/showMessage', (p: { message: string }) => p.message.includes('10.300.0.0/33'), undefined, mark);
    assert.deepEqual(shown.params, { type: WARNING, message: 'mcroutes.clusterNetwork: "10.300.0.0/33" is not a CIDR; it is ignored.' });
    await client.waitForDiagnostics(SEED_URI, overlapsSeedRoute, { since: mark, what: 'route-overlaps-cluster on 192.168.1.0/24' });
    await client.roundTrip();
    assert.deepEqual(client.serverRequests.filter((r) => r.method === 'window/showMessageRequest'), []);
    assert.deepEqual(client.notifications.filter((n) => n.method.startsWith('mcroutes/')), []);
  });

  it('mcroutes/assumptions: what the findings of a document assume, for the documents the server reads; again after a settings change', async function () {
    const client = await start({ initializationOptions: { debounceMs: 20, notifications: ALL_NOTIFICATIONS } });
    client.didOpen(SEED_URI, SEED, 1);
    client.didOpen(PLAIN_URI, PLAIN_YAML, 1);
    client.didOpen('file:///work/notes.txt', SEED, 1, 'plaintext');
    const seed = await client.request<AssumptionsResult>('mcroutes/assumptions', { uri: SEED_URI });
    assert.equal(seed.reads, true);
    assert.deepEqual(seed.kinds, ['MachineConfig']);
    assert.deepEqual(seed.rows.map((r) => `${r.text} – ${r.detail}`), ['OVN-Kubernetes – network type', 'any release – OpenShift release',
      '10.128.0.0/14 – cluster network', '172.30.0.0/16 – service network', '10.0.0.0/16 – machine network']);
    assert.equal((await client.request<AssumptionsResult>('mcroutes/assumptions', { uri: PLAIN_URI })).reads, false);
    assert.equal((await client.request<AssumptionsResult>('mcroutes/assumptions', { uri: 'file:///work/notes.txt' })).reads, false);
    assert.equal(await client.request('mcroutes/assumptions', { uri: 'file:///work/never-opened.yaml' }), null);
    assert.equal(await client.request('mcroutes/assumptions', {}), null);

    const mark = client.mark();
    client.configuration = { mcroutes: { openshiftVersion: '4.16', networkType: 'OpenShiftSDN', brExInterface: 'ens3' } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    // Sent after the server dropped the old settings: the question now gets the new ones.
    await client.waitFor('mcroutes/settingsChanged', undefined, undefined, mark);
    const changed = await client.request<AssumptionsResult>('mcroutes/assumptions', { uri: SEED_URI });
    assert.deepEqual(changed.rows.map((r) => `${r.text} – ${r.detail}`), ['OpenShift SDN – network type', '4.16 – OpenShift release',
      '10.128.0.0/14 – cluster network', '172.30.0.0/16 – service network', '10.0.0.0/16 – machine network', 'ens3 – NIC under br-ex']);
    assert.deepEqual(changed.ignored, []);
  });
});
