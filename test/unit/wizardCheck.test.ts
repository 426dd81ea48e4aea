/** checkWizardInput: each wizard answer judged by the linter's own rules, and the wizard's proposals. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import { checkWizardInput, proposedInterface, stepsFor, wizardDefaults, type WizardCheck, type WizardDraft, type WizardStep } from '../../server/src/core/ide/wizardCheck';

const OVN: Settings = { ...DEFAULT_SETTINGS, rules: {} };
const SDN: Settings = { ...OVN, networkType: 'OpenShiftSDN' };
const SEED = readFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'seed-route.yaml'), 'utf8');

function check(step: WizardStep, value: string, draft: WizardDraft = {}, settings: Settings = OVN): WizardCheck {
  return checkWizardInput(step, value, draft, settings);
}

/** The verdict without its message: ok, rule, severity and suggestion. */
function verdict(result: WizardCheck): Omit<WizardCheck, 'message'> {
  const { message: _message, ...rest } = result;
  return rest;
}

const ROUTE = { destination: '192.168.1.0/24' };

describe('checkWizardInput', function () {
  describe('role', function () {
    it('worker and master pass silently', function () {
      assert.deepEqual(check('role', 'worker'), { ok: true });
      assert.deepEqual(check('role', 'master'), { ok: true });
    });
    it('a custom pool passes with mc-role-label\'s question whether a MachineConfigPool selects it (none is in view)', function () {
      const result = check('role', 'infra');
      assert.deepEqual(verdict(result), { ok: true, severity: 'info', rule: 'mc-role-label' });
      assert.match(result.message!, /^Role "infra" needs a pool that selects it, and none is in view/);
    });
    it('a name no pool can have, or none, is refused', function () {
      assert.equal(check('role', 'Infra').ok, false);
      assert.equal(check('role', 'infra nodes').ok, false);
      assert.equal(check('role', 'x'.repeat(64)).ok, false);
      assert.match(check('role', '  ').message!, /Enter the name of a MachineConfigPool/);
    });
  });

  describe('name', function () {
    it('the proposal passes', function () {
      assert.deepEqual(check('name', '99-worker-static-routes', { role: 'worker' }), { ok: true });
    });
    it('mc-name refuses what the API server refuses and offers its valid name', function () {
      const result = check('name', 'My Routes');
      assert.deepEqual(verdict(result), { ok: false, severity: 'error', rule: 'mc-name', suggestion: 'my-routes' });
      assert.match(result.message!, /^metadata\.name "My Routes" is refused by the API server: use my-routes\.$/);
    });
    it('an empty name is mc-name\'s "required"', function () {
      const result = check('name', '');
      assert.equal(result.rule, 'mc-name');
      assert.equal(result.ok, false);
      assert.match(result.message!, /The API server refuses a MachineConfig without metadata\.name/);
    });
  });

  describe('interface', function () {
    it('br-ex on OVN-Kubernetes and the NIC on OpenShift SDN pass', function () {
      assert.deepEqual(check('interface', 'br-ex'), { ok: true });
      assert.deepEqual(check('interface', 'ens5', {}, SDN), { ok: true });
    });
    it('a NIC for the nmcli unit on OVN-Kubernetes: nmcli-ovn-port\'s question, taken; refused with br-ex offered once the setting names it', function () {
      const asked = check('interface', 'ens5', { method: 'nmcli-unit' });
      assert.deepEqual(verdict(asked), { ok: true, severity: 'info', rule: 'nmcli-ovn-port', suggestion: 'br-ex' });
      assert.match(asked.message!, /^If ens5 is the NIC under br-ex, the route belongs on br-ex/);
      const known = check('interface', 'ens5', { method: 'nmcli-unit' }, { ...OVN, brExInterface: 'ens5' });
      assert.deepEqual(verdict(known), { ok: false, severity: 'error', rule: 'nmcli-ovn-port', suggestion: 'br-ex' });
      assert.deepEqual(check('interface', 'ens224', { method: 'nmcli-unit' }, { ...OVN, brExInterface: 'ens5' }), { ok: true });
    });
    it('for a keyfile or an NMState policy only the name rules apply: a NIC passes, the cluster\'s interfaces do not', function () {
      assert.deepEqual(check('interface', 'ens6', { method: 'keyfile' }), { ok: true });
      assert.deepEqual(check('interface', 'ens6', { method: 'nmstate' }), { ok: true });
      assert.equal(check('interface', 'tun0', { method: 'nmstate' }, SDN).rule, 'nmcli-reserved-iface');
      assert.deepEqual(check('interface', 'tun0', { method: 'nmstate' }), { ok: true }, 'tun0 is an ordinary name on OVN-Kubernetes');
      assert.match(check('interface', 'genev_sys_6081', { method: 'keyfile' }).message!, /Open vSwitch interface the cluster network owns/);
    });
    it('a keyfile or an NMState policy is for a secondary NIC: br-ex, OVS\'s interfaces and the NIC under br-ex are refused with the reason', function () {
      const keyfile = check('interface', 'br-ex', { method: 'keyfile' });
      assert.deepEqual(verdict(keyfile), { ok: false, severity: 'error' });
      assert.match(keyfile.message!, /^br-ex is the OVS bridge configure-ovs builds and owns: a keyfile for it is not applied\./);
      assert.equal(check('interface', 'br-ex', { method: 'keyfile' }, SDN).ok, false);
      const nmstate = check('interface', 'br-ex', { method: 'nmstate' });
      assert.match(nmstate.message!, /^The NMState Operator must not change br-ex/);
      assert.equal(check('interface', 'ovs-system', { method: 'nmstate' }).ok, false);
      const under = check('interface', 'ens3', { method: 'keyfile' }, { ...OVN, brExInterface: 'ens3' });
      assert.match(under.message!, /^ens3 is the NIC br-ex is built on \(mcroutes\.brExInterface\)/);
      assert.equal(under.ok, false);
      assert.match(check('interface', '', { method: 'keyfile' }).message!, /^Enter the secondary NIC the routes go on, e\.g\. ens6/);
    });
  });

  describe('addressing, pool', function () {
    it('addressing: dhcp or the NIC\'s addresses with prefix; DHCP on OVN-Kubernetes asks whether the NIC is br-ex\'s', function () {
      const draft: WizardDraft = { method: 'keyfile', interface: 'ens6' };
      assert.deepEqual(check('addressing', '10.0.5.10/24', draft), { ok: true });
      assert.deepEqual(check('addressing', 'dhcp', draft, { ...OVN, brExInterface: 'ens3' }), { ok: true });
      assert.deepEqual(verdict(check('addressing', 'dhcp', draft)), { ok: true, severity: 'info', rule: 'nmcli-ovn-port' });
      assert.deepEqual(check('addressing', 'dhcp', draft, SDN), { ok: true });
      assert.deepEqual(verdict(check('addressing', '10.0.5.0/24', draft)), { ok: false, severity: 'error' });
      assert.match(check('addressing', '', draft).message!, /or dhcp/);
    });
    it('a static keyfile gives the NIC only the families it has addresses for: a route of another family is refused', function () {
      const draft: WizardDraft = { method: 'keyfile', interface: 'ens6', addressing: '10.0.5.10/24' };
      assert.deepEqual(check('destination', '192.168.1.0/24', draft), { ok: true });
      assert.match(check('destination', 'fd00:1::/64', draft).message!, /^The NIC gets no IPv6 address from this keyfile \(10\.0\.5\.10\/24\)/);
      assert.deepEqual(check('destination', 'fd00:1::/64', { ...draft, addressing: 'dhcp' }), { ok: true });
    });
    it('pool: yes for a custom role\'s MachineConfig; no draws mc-role-label\'s word; nothing to include for worker or NMState', function () {
      assert.deepEqual(check('pool', 'yes', { role: 'infra', method: 'nmcli-unit' }), { ok: true });
      assert.equal(check('pool', 'no', { role: 'infra', method: 'keyfile' }).rule, 'mc-role-label');
      assert.match(check('pool', 'yes', { role: 'worker' }).message!, /Every cluster has the worker pool/);
      assert.match(check('pool', 'yes', { role: 'infra', method: 'nmstate' }).message!, /needs no MachineConfigPool/);
      assert.deepEqual(check('role', 'infra', { withPool: true }), { ok: true }, 'a role whose pool comes along draws no word');
    });
    it('stepsFor: the pool for a custom role\'s MachineConfig, the addressing for a keyfile, no Ignition version for NMState', function () {
      assert.deepEqual(stepsFor({ role: 'worker', method: 'nmcli-unit' }), ['role', 'name', 'method', 'interface', 'destination', 'gateway', 'metric', 'ignitionVersion']);
      assert.deepEqual(stepsFor({ role: 'infra', method: 'keyfile' }), ['role', 'name', 'method', 'pool', 'interface', 'addressing', 'destination', 'gateway', 'metric', 'ignitionVersion']);
      assert.deepEqual(stepsFor({ role: 'infra', method: 'nmstate' }), ['role', 'name', 'method', 'interface', 'destination', 'gateway', 'metric']);
    });
    it('iface-name refuses a name Linux cannot have; a name that does not survive the unit text is refused', function () {
      assert.deepEqual(verdict(check('interface', 'averyveryverylongname')), { ok: false, severity: 'error', rule: 'iface-name' });
      assert.equal(check('interface', 'en"s5').ok, false);
      assert.equal(check('interface', 'ens 5').ok, false);
      assert.match(check('interface', '').message!, /Enter the interface/);
    });
  });

  describe('destination', function () {
    it('a network outside the cluster\'s ranges passes, IPv4 and IPv6, with or without prefix', function () {
      for (const value of ['192.168.1.0/24', 'fd00:1::/64', '203.0.113.7', '2001:db8::/32']) assert.deepEqual(check('destination', value), { ok: true }, value);
    });
    it('host bits set: route-host-bits\' message and the network address as suggestion', function () {
      const result = check('destination', '192.168.1.5/24');
      assert.deepEqual(verdict(result), { ok: false, severity: 'warning', rule: 'route-host-bits', suggestion: '192.168.1.0/24' });
      assert.equal(result.message, '192.168.1.5/24 has host bits set: the network of this route is 192.168.1.0/24.');
      assert.equal(check('destination', 'fd00:1::5/64').suggestion, 'fd00:1::/64');
      assert.equal(check('destination', '192.168.1.5/24', { method: 'keyfile', interface: 'ens6' }).suggestion, '192.168.1.0/24', 'the same through a keyfile');
    });
    it('an overlap with the cluster, service or OVN networks is refused with the rule\'s reason and no suggestion', function () {
      const service = check('destination', '172.30.1.0/24');
      assert.deepEqual(verdict(service), { ok: false, severity: 'error', rule: 'route-overlaps-cluster' });
      assert.match(service.message!, /lies in the service network 172\.30\.0\.0\/16/);
      assert.equal(check('destination', '10.128.4.0/24').rule, 'route-overlaps-cluster');
      assert.equal(check('destination', '100.64.1.0/24').rule, 'route-overlaps-ovn');
      assert.equal(check('destination', 'fd98::/64').rule, 'route-overlaps-ovn');
    });
    it('the settings decide the ranges: another service network moves the refusal', function () {
      const custom: Settings = { ...OVN, serviceNetwork: ['172.31.0.0/16'] };
      assert.deepEqual(check('destination', '172.30.1.0/24', {}, custom), { ok: true });
      assert.equal(check('destination', '172.31.1.0/24', {}, custom).rule, 'route-overlaps-cluster');
    });
    it('warnings refuse a route too: machine network, default route, a repeated destination', function () {
      assert.deepEqual(verdict(check('destination', '10.0.5.0/24')), { ok: false, severity: 'warning', rule: 'route-overlaps-machine' });
      assert.equal(check('destination', '0.0.0.0/0').rule, 'route-default');
      assert.equal(check('destination', '192.168.1.0/24', { routes: [ROUTE] }).rule, 'route-duplicate');
      assert.deepEqual(check('destination', 'fd00::/64', { routes: [ROUTE] }), { ok: true }, 'another family is another list');
    });
    it('a repeated destination is said in the wizard\'s words: the route number and what was entered for it', function () {
      const routes = [{ destination: '10.1.0.0/16', gateway: '172.18.0.1', metric: 100 }, { destination: '192.168.1.0/24', gateway: '172.18.0.1' }];
      const again = check('destination', '192.168.1.0/24', { routes });
      assert.deepEqual(verdict(again), { ok: false, severity: 'warning', rule: 'route-duplicate' });
      assert.equal(again.message, 'You entered 192.168.1.0/24 already as route 2 (via 172.18.0.1): enter another destination.');
      assert.equal(check('destination', '192.168.1.0/24', { routes: [ROUTE] }).message, 'You entered 192.168.1.0/24 already as route 1: enter another destination.');
      // Host bits or a host route written without its prefix: the same network.
      assert.match(check('destination', '192.168.1.0', { routes: [{ destination: '192.168.1.0/32' }] }).message!, /^You entered 192\.168\.1\.0\/32 already as route 1: /);
      // The same metric as a route that has one: the metric step says so.
      const metric = check('metric', '100', { routes, route: { destination: '10.1.0.0/16', gateway: '172.18.0.9' } });
      assert.equal(metric.rule, 'route-duplicate');
      assert.equal(metric.message, 'You entered 10.1.0.0/16 already as route 1 (via 172.18.0.1, metric 100): enter another metric.');
      // IPv6: the same next hop twice.
      const v6 = check('gateway', 'fd00::1', { routes: [{ destination: 'fd00:1::/64', gateway: 'fd00::1' }], route: { destination: 'fd00:1::/64' } });
      assert.equal(v6.message, 'You entered fd00:1::/64 already as route 1 (via fd00::1): enter another next hop.');
      for (const result of [again, metric, v6]) assert.doesNotMatch(result.message!, /ipv[46]\.routes|this .* value/);
    });
    it('what is no network is refused by route-cidr; two words are refused by the round trip', function () {
      assert.equal(check('destination', '300.1.1.1/24').rule, 'route-cidr');
      assert.equal(check('destination', '192.168.1.0/33').rule, 'route-cidr');
      const twoWords = check('destination', '192.168.1.0/24 172.18.0.1');
      assert.equal(twoWords.ok, false);
      assert.match(twoWords.message!, /one network as address\/prefix/);
      assert.match(check('destination', '').message!, /Enter the destination/);
    });
  });

  describe('gateway and metric', function () {
    it('a reachable next hop passes; none is fine (directly connected)', function () {
      assert.deepEqual(check('gateway', '172.18.0.1', { route: ROUTE }), { ok: true });
      assert.deepEqual(check('gateway', '', { route: ROUTE }), { ok: true });
    });
    it('route-gateway and route-family speak about the next hop', function () {
      assert.deepEqual(verdict(check('gateway', '192.168.1.1', { route: ROUTE })), { ok: false, severity: 'warning', rule: 'route-gateway' });
      assert.equal(check('gateway', '224.0.0.1', { route: ROUTE }).rule, 'route-gateway');
      assert.equal(check('gateway', 'fd00::1', { route: ROUTE }).rule, 'route-family');
      assert.equal(check('gateway', 'abc', { route: ROUTE }).ok, false);
    });
    it('route-metric refuses what is no u32; empty is the default metric', function () {
      const route = { ...ROUTE, gateway: '172.18.0.1' };
      assert.deepEqual(check('metric', '100', { route }), { ok: true });
      assert.deepEqual(check('metric', '4294967295', { route }), { ok: true });
      assert.deepEqual(check('metric', '', { route }), { ok: true });
      assert.equal(check('metric', '4294967296', { route }).rule, 'route-metric');
      assert.equal(check('metric', '-1', { route }).rule, 'route-metric');
      assert.equal(check('metric', 'abc', { route }).ok, false);
      assert.equal(check('metric', 'abc', { route, method: 'keyfile', interface: 'ens6' }).rule, 'route-metric');
    });
  });

  describe('ignitionVersion', function () {
    it('the versions the release accepts pass; a newer one is refused with the newest as suggestion', function () {
      assert.deepEqual(check('ignitionVersion', '3.4.0'), { ok: true });
      assert.deepEqual(check('ignitionVersion', '3.5.0', {}, { ...OVN, openshiftVersion: '4.19' }), { ok: true });
      // With the release unset, 3.5.0 is only a question, but the wizard writes nothing the rules speak of.
      assert.deepEqual(verdict(check('ignitionVersion', '3.5.0')), { ok: false, severity: 'info', rule: 'ign-version', suggestion: '3.4.0' });
      assert.deepEqual(check('ignitionVersion', '3.2.0', {}, { ...OVN, openshiftVersion: '4.12' }), { ok: true });
      assert.deepEqual(verdict(check('ignitionVersion', '3.4.0', {}, { ...OVN, openshiftVersion: '4.12' })),
        { ok: false, severity: 'warning', rule: 'ign-version', suggestion: '3.2.0' });
    });
    it('a malformed or legacy spec is refused; an NMState policy has none to check', function () {
      assert.equal(check('ignitionVersion', '3.1').rule, 'ign-version');
      assert.deepEqual(verdict(check('ignitionVersion', '2.2.0')), { ok: false, severity: 'info', rule: 'ign-version' });
      assert.deepEqual(check('ignitionVersion', 'anything', { method: 'nmstate' }), { ok: true });
    });
  });

  it('never throws, whatever the draft holds', function () {
    const weird = { routes: [{ destination: 42 }], route: null, role: {} } as unknown as WizardDraft;
    for (const step of ['role', 'name', 'method', 'interface', 'destination', 'gateway', 'metric', 'ignitionVersion', 'nope'] as WizardStep[]) {
      assert.doesNotThrow(() => checkWizardInput(step, 'x', weird, OVN));
    }
  });
});

describe('wizardDefaults', function () {
  it('proposes br-ex on OVN-Kubernetes, the open file\'s interface otherwise, and the accepted Ignition specs newest first', function () {
    const defaults = wizardDefaults(SDN, { role: 'infra', method: 'nmcli-unit' }, SEED);
    assert.deepEqual(defaults, {
      networkType: 'OpenShiftSDN',
      ignitionVersions: ['3.4.0', '3.3.0', '3.2.0', '3.1.0', '3.0.0'],
      ignitionNote: '3.4.0 for any release from 4.13; 3.5.0 needs 4.19 or later: set mcroutes.openshiftVersion',
      name: '99-infra-static-routes',
      interface: 'ens5',
      fileInterfaces: ['ens5'],
      interfaceNote: 'The interface the routes go on. Network type OpenShiftSDN.',
      interfaceExample: 'e.g. ens5',
      gatewayExample: 'e.g. 172.18.0.1',
      steps: ['role', 'name', 'method', 'pool', 'interface', 'destination', 'gateway', 'metric', 'ignitionVersion'],
    });
    assert.equal(wizardDefaults(OVN, {}, SEED).interface, 'br-ex');
    assert.deepEqual(wizardDefaults({ ...OVN, openshiftVersion: '4.12' }).ignitionVersions, ['3.2.0', '3.1.0', '3.0.0']);
    const release = wizardDefaults({ ...OVN, openshiftVersion: '4.19' });
    assert.equal(release.openshiftVersion, '4.19');
    assert.deepEqual(release.ignitionVersions[0], '3.5.0');
    assert.equal(release.ignitionNote, 'OpenShift 4.19 accepts up to 3.5.0; setting mcroutes.openshiftVersion');
  });
  it('a keyfile or an NMState policy is never proposed for br-ex or the NIC under it; nothing is proposed without a file to learn from', function () {
    assert.equal(proposedInterface('keyfile', OVN, ['br-ex', 'ens6']), 'ens6');
    assert.equal(proposedInterface('keyfile', OVN, []), '');
    assert.equal(proposedInterface('nmstate', OVN, ['ens6']), 'ens6');
    assert.equal(proposedInterface('nmstate', OVN, ['br-ex']), '');
    assert.equal(proposedInterface('nmstate', { ...OVN, brExInterface: 'ens5' }, ['ens5', 'ens6']), 'ens6');
    assert.equal(proposedInterface('nmcli-unit', SDN, ['tun0', 'ens3']), 'ens3');
  });
  it('the next hop\'s example is of the destination\'s family', function () {
    assert.equal(wizardDefaults(OVN, { route: { destination: '192.168.1.0/24' } }).gatewayExample, 'e.g. 172.18.0.1');
    assert.equal(wizardDefaults(OVN, { route: { destination: 'fd00:1::/64' } }).gatewayExample, 'e.g. fd00::1');
    assert.equal(wizardDefaults(OVN, {}).gatewayExample, 'e.g. 172.18.0.1');
    // The example itself is a next hop the wizard takes for such a route.
    assert.deepEqual(check('gateway', 'fd00::1', { route: { destination: 'fd00:1::/64' } }), { ok: true });
    assert.match(check('gateway', 'fd00::1 fd00::2', { route: { destination: 'fd00:1::/64' } }).message!, /^Enter one IP address, e\.g\. fd00::1\.$/);
  });
  it('no name is proposed for a role no pool can have', function () {
    assert.equal(wizardDefaults(OVN, { role: 'Bad Role' }).name, undefined);
  });
});
