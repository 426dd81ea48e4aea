/**
 * The pool preview (core/ide/poolPreview.ts, issue 19): what a pool's nodes get from the
 * MachineConfigs of several files together, merged in the Machine Config Operator's order.
 */
import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/analysis/lint';
import { poolRoles, renderPool, type PoolFile } from '../../server/src/core/ide/poolPreview';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import { machineConfig, nmstateMachineConfig, orderedUnit } from '../support/machineConfig';

function file(name: string, text: string, settings: Settings = DEFAULT_SETTINGS): PoolFile {
  const result = lintText(text, settings);
  assert.deepEqual(result.failures, []);
  return { name, parsed: result.parsed, problems: result.problems };
}

function pool(role: string, files: Record<string, string>, settings: Settings = DEFAULT_SETTINGS): string {
  return renderPool(Object.entries(files).map(([name, text]) => file(name, text, settings)), role, settings);
}

const routeUnit = (route: string): ReturnType<typeof orderedUnit> =>
  orderedUnit([`ExecStart=/usr/bin/nmcli connection modify br-ex +ipv4.routes "${route}"`], 'static-routes.service');

const A = machineConfig({ name: '99-worker-a', units: [routeUnit('10.10.0.0/16 192.168.1.1')] });
const B = machineConfig({ name: '99-worker-b', units: [routeUnit('10.20.0.0/16 192.168.1.254')] });

function pool3(role: string): string {
  return `apiVersion: machineconfiguration.openshift.io/v1
kind: MachineConfigPool
metadata:
  name: ${role}
spec:
  machineConfigSelector:
    matchExpressions:
      - key: machineconfiguration.openshift.io/role
        operator: In
        values: [worker, ${role}]
  nodeSelector:
    matchLabels:
      node-role.kubernetes.io/${role}: ""
`;
}

describe('pool preview', () => {
  it('merges by name: the later name wins the unit, whatever the file order; both configs are listed with their origins', () => {
    const text = pool('worker', { 'routes-b.yaml': B, 'routes-a.yaml': A });
    assert.ok(text.startsWith('Pool worker: what its nodes get from 2 MachineConfigs of 2 files, merged as rendered-worker-<hash>.\n'), text);
    assert.ok(text.includes([
      'MachineConfigs, in merge order:',
      '  1. 99-worker-a (routes-a.yaml:1), role worker',
      '  2. 99-worker-b (routes-b.yaml:1), role worker',
    ].join('\n')), text);
    assert.ok(text.includes([
      '== unit static-routes.service ==',
      'path:  /etc/systemd/system/static-routes.service',
      'from:  99-worker-b (routes-b.yaml:13)',
      'overrides: the one in 99-worker-a (routes-a.yaml:13)',
    ].join('\n')), text);
    // Only the winner's route is added; the loser's is named as not added on a new node.
    assert.match(text, /^ {2}10\.20\.0\.0\/16 via 192\.168\.1\.254 dev <device of connection br-ex> proto static metric \d+$/m);
    assert.ok(!text.includes('10.10.0.0/16 via'), text);
    assert.match(text, /^\(the routes of the contents it replaces are not added on a new node;/m);
    assert.match(text, /^Routes on every worker node, all sources together \(from unit static-routes\.service of 99-worker-b \(routes-b\.yaml:13\)\):$/m);
  });

  it('a dropin and a file written twice: the later name wins each; distinct parts come from their own config', () => {
    const first = machineConfig({
      name: '50-worker-first',
      files: [{ path: '/etc/NetworkManager/system-connections/eth1.nmconnection', mode: '0600', text: '[connection]\nid=eth1\ninterface-name=eth1\n[ipv4]\nmethod=auto\nroute1=10.1.0.0/16,192.168.2.1\n' }],
      units: [{ name: 'kubelet.service', dropins: [{ name: '10-env.conf', contents: ['[Service]', 'Environment=A=1'] }] }],
    });
    const second = machineConfig({
      name: '60-worker-second',
      files: [{ path: '/etc/NetworkManager/system-connections/eth1.nmconnection', mode: '0600', text: '[connection]\nid=eth1\ninterface-name=eth1\n[ipv4]\nmethod=auto\nroute1=10.2.0.0/16,192.168.2.1\n' }],
      units: [{ name: 'kubelet.service', dropins: [{ name: '10-env.conf', contents: ['[Service]', 'Environment=A=2'] }, { name: '20-other.conf', contents: ['[Service]', 'Environment=B=1'] }] }],
    });
    const text = pool('worker', { 'first.yaml': first, 'second.yaml': second });
    assert.match(text, /== dropin 10-env\.conf of kubelet\.service ==\npath: {2}\/etc\/systemd\/system\/kubelet\.service\.d\/10-env\.conf\nfrom: {2}60-worker-second \(second\.yaml:\d+\)\noverrides: the one in 50-worker-first \(first\.yaml:\d+\)\n/);
    assert.match(text, /== dropin 20-other\.conf of kubelet\.service ==\npath: .*\nfrom: {2}60-worker-second \(second\.yaml:\d+\)\n\n/);
    assert.match(text, /== file \/etc\/NetworkManager\/system-connections\/eth1\.nmconnection ==\nfrom: {2}60-worker-second \(second\.yaml:\d+\)\noverrides: the one in 50-worker-first \(first\.yaml:\d+\)\nmode: {2}0600\n/);
    assert.match(text, /^ {2}10\.2\.0\.0\/16 via 192\.168\.2\.1 dev eth1 proto static metric \d+$/m);
    assert.ok(!text.includes('10.1.0.0/16 via'), text);
    // The unit itself: the later entry sets no contents, so neither does the merge.
    assert.match(text, /== unit kubelet\.service ==\npath: .*\nfrom: {2}60-worker-second \(second\.yaml:\d+\)\noverrides: the one in 50-worker-first \(first\.yaml:\d+\)\nstate: unchanged/);
  });

  it('contents from an earlier config stay when the later one sets none (Ignition merges field by field)', () => {
    const withContents = machineConfig({ name: '10-worker-x', units: [routeUnit('10.30.0.0/16 192.168.1.1')] });
    const enableOnly = machineConfig({ name: '20-worker-y', units: [{ name: 'static-routes.service', enabled: false }] });
    const text = pool('worker', { 'x.yaml': withContents, 'y.yaml': enableOnly });
    assert.match(text, /^contents: from 10-worker-x \(x\.yaml:13\) — 20-worker-y sets none, so the earlier contents stay$/m);
    assert.match(text, /^state: disabled \(enabled: false\)$/m);
    assert.ok(!text.includes('the routes of the contents it replaces'), text);
    assert.match(text, /^ {2}10\.30\.0\.0\/16 via 192\.168\.1\.1 /m);
  });

  it('a custom role whose pool selects worker too: worker configs first, then the role\'s, whatever their names', () => {
    const infra = machineConfig({ name: '00-infra-routes', role: 'infra', units: [routeUnit('10.40.0.0/16 192.168.1.1')] });
    const text = pool('infra', { 'pools.yaml': pool3('infra'), 'worker.yaml': A, 'infra.yaml': infra });
    assert.match(text, /^Roles: worker and infra — MachineConfigPool infra \(pools\.yaml:1\) selects both$/m);
    assert.match(text, /^Merge order: worker's configs by name, then infra's by name \(OpenShift 4\.15 and later\)/m);
    assert.ok(text.includes('  1. 99-worker-a (worker.yaml:1), role worker\n  2. 00-infra-routes (infra.yaml:1), role infra\n'), text);
    assert.match(text, /^from: {2}00-infra-routes \(infra\.yaml:13\)\noverrides: the one in 99-worker-a \(worker\.yaml:13\)$/m);
    // Before 4.15 the names alone decide: 99-worker-a wins.
    const old = pool('infra', { 'pools.yaml': pool3('infra'), 'worker.yaml': A, 'infra.yaml': infra }, { ...DEFAULT_SETTINGS, openshiftVersion: '4.14' });
    assert.ok(old.includes('  1. 00-infra-routes (infra.yaml:1), role infra\n  2. 99-worker-a (worker.yaml:1), role worker\n'), old);
    assert.match(old, /^from: {2}99-worker-a \(worker\.yaml:13\)$/m);
  });

  it('a custom role whose pool does not select worker gets only its own configs', () => {
    const own = pool3('infra').replace('values: [worker, infra]', 'values: [infra]');
    const infra = machineConfig({ name: '00-infra-routes', role: 'infra', units: [routeUnit('10.40.0.0/16 192.168.1.1')] });
    const text = pool('infra', { 'pools.yaml': own, 'worker.yaml': A, 'infra.yaml': infra });
    assert.match(text, /^Roles: infra only — MachineConfigPool infra \(pools\.yaml:1\) does not select worker, so its nodes get none of worker's configs$/m);
    assert.ok(!text.includes('99-worker-a'), text);
    assert.ok(text.includes('1 MachineConfig of 3 files'), text);
  });

  it('a custom role without a pool: says the roles it assumed', () => {
    const infra = machineConfig({ name: '00-infra-routes', role: 'infra', units: [routeUnit('10.40.0.0/16 192.168.1.1')] });
    const text = pool('infra', { 'worker.yaml': A, 'infra.yaml': infra });
    assert.match(text, /^Roles: worker and infra, assumed — no MachineConfigPool in these files selects infra; a custom pool usually takes worker's configs too/m);
    assert.ok(text.includes('2 MachineConfigs of 2 files'), text);
  });

  it('NMState policies whose nodeSelector is the role\'s label, or every node, add their routes; others do not', () => {
    const policy = (name: string, selector: string, destination: string): string => `apiVersion: nmstate.io/v1
kind: NodeNetworkConfigurationPolicy
metadata:
  name: ${name}
spec:
${selector}  desiredState:
    routes:
      config:
        - destination: ${destination}
          next-hop-address: 192.168.5.1
          next-hop-interface: eth1
`;
    const policies = [
      policy('for-workers', '  nodeSelector:\n    node-role.kubernetes.io/worker: ""\n', '10.50.0.0/16'),
      policy('for-masters', '  nodeSelector:\n    node-role.kubernetes.io/master: ""\n', '10.60.0.0/16'),
      policy('for-one', '  nodeSelector:\n    kubernetes.io/hostname: worker-0\n', '10.70.0.0/16'),
      policy('for-all', '', '10.80.0.0/16'),
    ].join('---\n');
    const text = pool('worker', { 'a.yaml': A, 'policies.yaml': policies });
    assert.match(text, /^== NodeNetworkConfigurationPolicy for-workers ==\nfrom: {2}policies\.yaml:1\nnodes: every worker node \(node-role\.kubernetes\.io\/worker\)\n/m);
    assert.match(text, /^== NodeNetworkConfigurationPolicy for-all ==\nfrom: {2}policies\.yaml:\d+\nnodes: every node, these too/m);
    assert.ok(!text.includes('for-masters') && !text.includes('for-one'), text);
    const together = text.slice(text.indexOf('Routes on every worker node'));
    assert.match(together, /policy for-workers \(policies\.yaml:1\)/);
    assert.match(together, /^ {2}10\.10\.0\.0\/16 via 192\.168\.1\.1 /m);
    assert.match(together, /^ {2}10\.50\.0\.0\/16 via 192\.168\.5\.1 dev eth1 proto static$/m);
    assert.match(together, /^ {2}10\.80\.0\.0\/16 via 192\.168\.5\.1 dev eth1 /m);
  });

  it('a MachineConfig\'s nmstate file for the pool: its routes with the config it comes from', () => {
    const state = 'routes:\n  config:\n    - destination: 10.90.0.0/16\n      next-hop-address: 192.168.6.1\n      next-hop-interface: br-ex\n';
    const text = pool('worker', { 'nmstate.yaml': nmstateMachineConfig(state) });
    assert.match(text, /== file \/etc\/nmstate\/openshift\/cluster\.yml ==\nfrom: {2}10-br-ex-worker \(nmstate\.yaml:\d+\)\n/);
    assert.match(text, /^Routes nmstate should add from it:\n {2}\$ ip route show\n {2}10\.90\.0\.0\/16 via 192\.168\.6\.1 dev br-ex /m);
  });

  it('an empty role: says the pool gets nothing from the files', () => {
    const text = pool('storage', { 'a.yaml': A });
    assert.match(text, /^Pool storage: what its nodes get from 0 MachineConfigs of 1 file/);
    assert.match(text, /^Roles: storage — no MachineConfig or MachineConfigPool in these files has this role$/m);
    assert.match(text, /^No MachineConfig in these files has the role storage: the pool gets nothing from them\.$/m);
    assert.match(text, /^Routes on every storage node: none from these files\.$/m);
  });

  it('knows the roles of MachineConfigs and pools', () => {
    const infra = machineConfig({ name: '00-infra-routes', role: 'infra' });
    assert.deepEqual(poolRoles([file('a.yaml', A), file('b.yaml', infra), file('p.yaml', pool3('edge'))]), ['edge', 'infra', 'worker']);
    assert.deepEqual(poolRoles([]), []);
  });

  it('survives broken YAML and files of other kinds', () => {
    const text = pool('worker', { 'bad.yaml': 'kind: MachineConfig\nmetadata: [\n', 'cm.yaml': 'kind: ConfigMap\n', 'a.yaml': A });
    assert.ok(text.includes('1 MachineConfig of 3 files'), text);
  });
});
