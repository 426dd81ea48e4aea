/**
 * The workspace index (core/analysis/workspaceIndex.ts): facts of a file, pools in MCO merge
 * order, and the findings across files with their related locations.
 */
import * as assert from 'node:assert/strict';
import { lintText, parseText } from '../../server/src/core/analysis/lint';
import { IncrementalLinter } from '../../server/src/core/analysis/incremental';
import { factsOfParsed, findingsAcrossFiles, poolViews, shiftIndex, type FileIndex } from '../../server/src/core/analysis/workspaceIndex';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { machineConfig } from '../support/machineConfig';

const UNIT = ['[Unit]', 'Description=x', '[Service]', 'Type=oneshot', 'ExecStart=/usr/bin/true', '[Install]', 'WantedBy=multi-user.target'];

const index = (text: string): FileIndex => factsOfParsed(parseText(text));

const keyfile = (device: string, gateway: string) =>
  `[connection]\nid=${device}\ntype=ethernet\ninterface-name=${device}\n[ipv4]\nmethod=manual\naddress1=192.168.9.10/24\nroute1=10.9.0.0/16,${gateway}\n`;

const policy = (selector: string, gateway: string) => `apiVersion: nmstate.io/v1
kind: NodeNetworkConfigurationPolicy
metadata:
  name: routes
spec:
  nodeSelector:
    ${selector}
  desiredState:
    routes:
      config:
        - destination: 10.9.0.0/16
          next-hop-address: ${gateway}
          next-hop-interface: ""
`;

const pool = (name: string, roles: string[]) => `apiVersion: machineconfiguration.openshift.io/v1
kind: MachineConfigPool
metadata:
  name: ${name}
spec:
  machineConfigSelector:
    matchExpressions:
      - key: machineconfiguration.openshift.io/role
        operator: In
        values: [${roles.join(', ')}]
`;

describe('workspace index', () => {
  it('facts: a config\'s name, role, units with enabled and drop-ins, files, routes with their part', () => {
    const text = machineConfig({
      name: '99-worker-a', role: 'worker',
      files: [{ path: '/etc/NetworkManager/system-connections/ens4.nmconnection', mode: '0600', text: keyfile('ens4', '192.168.9.1') }],
      units: [{ name: 'a.service', enabled: true, contents: UNIT, dropins: [{ name: '10-x.conf', contents: ['[Service]', 'Environment=A=1'] }] }],
    });
    const [mc] = index(text).documents;
    assert.equal(mc.kind, 'MachineConfig');
    if (mc.kind !== 'MachineConfig') return;
    assert.equal(mc.name, '99-worker-a');
    assert.equal(mc.role, 'worker');
    assert.deepEqual(mc.units.map((u) => [u.name, u.enabled, u.contents, u.dropins.map((d) => d.name)]), [['a.service', true, true, ['10-x.conf']]]);
    assert.equal(text.slice(mc.units[0].range.start, mc.units[0].range.end), 'a.service');
    assert.deepEqual(mc.files.map((f) => f.path), ['/etc/NetworkManager/system-connections/ens4.nmconnection']);
    assert.deepEqual(mc.routes.map((r) => [r.destination, r.gateway, r.part]), [['10.9.0.0/16', '192.168.9.1', { kind: 'file', name: '/etc/NetworkManager/system-connections/ens4.nmconnection' }]]);
  });

  it('pools: configs in name order, the later writer last; worker and master when no file declares them', () => {
    const a = index(machineConfig({ name: '99-worker-b', role: 'worker', units: [{ name: 'x.service', contents: UNIT }] }));
    const b = index(machineConfig({ name: '50-worker-a', role: 'worker', units: [{ name: 'x.service', contents: UNIT }] }));
    const views = poolViews([{ file: 'a', index: a }, { file: 'b', index: b }]);
    const worker = views.find((v) => v.name === 'worker')!;
    assert.deepEqual(worker.configs.map((c) => c.facts.name), ['50-worker-a', '99-worker-b']);
    assert.deepEqual(worker.parts[0].writers.map((w) => w.config.file), ['b', 'a']);
    assert.deepEqual(views.map((v) => v.name).sort(), ['master', 'worker']);
  });

  it('mc-overridden: on the earlier name only, with a related location in the other file; not for enabled alone, nor the same name', () => {
    const loser = index(machineConfig({ name: '99-worker-a', role: 'worker', units: [{ name: 'x.service', contents: UNIT }, { name: 'y.service', enabled: true }] }));
    const winner = index(machineConfig({ name: '99-worker-b', role: 'worker', units: [{ name: 'x.service', contents: UNIT }, { name: 'y.service', contents: UNIT }] }));
    const found = findingsAcrossFiles(loser, [{ file: 'b.yaml', index: winner }]);
    assert.deepEqual(found.map((p) => [p.code, p.severity, p.data?.part]), [['mc-overridden', 'warning', 'x.service']]);
    assert.equal(found[0].related?.[0].file, 'b.yaml');
    assert.deepEqual(findingsAcrossFiles(winner, [{ file: 'a.yaml', index: loser }]), []);
    const sameName = index(machineConfig({ name: '99-worker-a', role: 'worker', units: [{ name: 'x.service', contents: UNIT }] }));
    assert.deepEqual(findingsAcrossFiles(loser, [{ file: 'c.yaml', index: sameName }]), []);
  });

  it('mc-overridden across roles only where a pool in view merges them', () => {
    const worker = index(machineConfig({ name: '99-worker-a', role: 'worker', units: [{ name: 'x.service', contents: UNIT }] }));
    const infra = index(machineConfig({ name: '99-worker-b', role: 'infra', units: [{ name: 'x.service', contents: UNIT }] }));
    assert.deepEqual(findingsAcrossFiles(worker, [{ file: 'infra.yaml', index: infra }]), []);
    const found = findingsAcrossFiles(worker, [{ file: 'infra.yaml', index: infra }, { file: 'pool.yaml', index: index(pool('infra', ['worker', 'infra'])) }]);
    assert.deepEqual(found.map((p) => [p.code, p.data?.pool]), [['mc-overridden', 'infra']]);
    // A worker config named after the pool's: by name it wins, since 4.15 the pool's does. Nothing said.
    const laterWorker = index(machineConfig({ name: '99-worker-z', role: 'worker', units: [{ name: 'x.service', contents: UNIT }] }));
    const poolFile = { file: 'pool.yaml', index: index(pool('infra', ['worker', 'infra'])) };
    assert.deepEqual(findingsAcrossFiles(infra, [{ file: 'worker.yaml', index: laterWorker }, poolFile]).filter((p) => p.code === 'mc-overridden'), []);
  });

  it('route-duplicate across configs: another gateway is a warning, the same an info; a policy for exactly the role counts; a route of an overridden unit does not', () => {
    const file = (name: string, gateway: string) => index(machineConfig({ name, role: 'worker', files: [{ path: `/etc/NetworkManager/system-connections/${name}.nmconnection`, mode: '0600', text: keyfile(name, gateway) }] }));
    const later = file('99-worker-b', '192.168.9.2');
    assert.deepEqual(findingsAcrossFiles(later, [{ file: 'a', index: file('99-worker-a', '192.168.9.1') }]).map((p) => [p.code, p.severity]), [['route-duplicate', 'warning']]);
    assert.deepEqual(findingsAcrossFiles(later, [{ file: 'a', index: file('99-worker-a', '192.168.9.2') }]).map((p) => [p.code, p.severity]), [['route-duplicate', 'info']]);
    const forWorkers = index(policy('node-role.kubernetes.io/worker: ""', '192.168.9.3'));
    assert.deepEqual(findingsAcrossFiles(forWorkers, [{ file: 'b', index: later }]).map((p) => [p.code, p.related?.[0].file]), [['route-duplicate', 'b']]);
    const forOthers = index(policy('kubernetes.io/hostname: w1', '192.168.9.3'));
    assert.deepEqual(findingsAcrossFiles(forOthers, [{ file: 'b', index: later }]), []);
    // The earlier config's file is replaced by the later one's: its route never reaches a node.
    const samePath = (name: string, gateway: string) => index(machineConfig({ name, role: 'worker', files: [{ path: '/etc/NetworkManager/system-connections/ens4.nmconnection', mode: '0600', text: keyfile('ens4', gateway) }] }));
    assert.deepEqual(findingsAcrossFiles(samePath('99-worker-b', '192.168.9.2'), [{ file: 'a', index: samePath('99-worker-a', '192.168.9.1') }]), []);
  });

  it('pool-selector: a custom pool without worker is a warning; a pool no config in view is for, info', () => {
    assert.deepEqual(findingsAcrossFiles(index(pool('infra', ['infra'])), []).map((p) => [p.code, p.severity]), [['pool-selector', 'warning']]);
    assert.deepEqual(findingsAcrossFiles(index(pool('infra', ['worker', 'infra'])), []), []);
    const mc = index(machineConfig({ name: '99-master-a', role: 'master' }));
    assert.deepEqual(findingsAcrossFiles(index(pool('infra', ['worker', 'infra'])), [{ file: 'm', index: mc }]).map((p) => [p.code, p.severity]), [['pool-selector', 'info']]);
  });

  it('shifted facts move every range; the incremental linter gives the index lintText gives, after an edit above', () => {
    const text = `${machineConfig({ name: '99-worker-a', role: 'worker', units: [{ name: 'x.service', contents: UNIT }] })}---\n${machineConfig({ name: '99-worker-b', role: 'worker', units: [{ name: 'x.service', contents: UNIT }] })}`;
    const facts = index(text);
    const shifted = shiftIndex(facts, 3);
    assert.equal(JSON.stringify(shifted).length > 0, true);
    const linter = new IncrementalLinter();
    linter.lint(text, DEFAULT_SETTINGS);
    const edited = `# a\n${text}`;
    assert.deepEqual(linter.lint(edited, DEFAULT_SETTINGS).index, lintText(edited, DEFAULT_SETTINGS).index);
    assert.deepEqual(linter.lint(edited, DEFAULT_SETTINGS).problems.filter((p) => p.code === 'mc-overridden').length, 1);
  });

  it('bad input never throws: a pool whose selector is a string, a config whose units are a map', () => {
    const weird = 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfigPool\nmetadata:\n  name: p\nspec:\n  machineConfigSelector: yes\n---\napiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  name: 99-x\n  labels: {machineconfiguration.openshift.io/role: worker}\nspec:\n  config:\n    systemd:\n      units: {a: 1}\n';
    const result = lintText(weird, DEFAULT_SETTINGS);
    assert.deepEqual(result.failures, []);
  });
});
