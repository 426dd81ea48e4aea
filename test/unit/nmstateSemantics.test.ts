/**
 * NMState checks of routes, interfaces and tables (issue 17): ranges, messages and severities
 * the fixtures (test/fixtures/cases/nmstate-*.yaml) cannot say, the same checks inside a
 * MachineConfig's base64 nmstate file, and input of any shape.
 */
import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/analysis/lint';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import type { Problem } from '../../server/src/core/text/problem';
import { nmstateMachineConfig } from '../support/machineConfig';

function policy(state: string): string {
  return [
    'apiVersion: nmstate.io/v1',
    'kind: NodeNetworkConfigurationPolicy',
    'metadata:',
    '  name: ens6-routes',
    'spec:',
    '  nodeSelector:',
    '    kubernetes.io/hostname: worker-0',
    '  desiredState:',
    ...state.split('\n').map((line) => `    ${line}`),
    '',
  ].join('\n');
}

const machineConfigWith = (state: string, path?: string): string => nmstateMachineConfig(state, path);

const STATIC_ENS6 = [
  'interfaces:',
  '  - name: ens6',
  '    type: ethernet',
  '    state: up',
  '    ipv4:',
  '      enabled: true',
  '      dhcp: false',
  '      address:',
  '        - ip: 172.20.5.10',
  '          prefix-length: 24',
].join('\n');

const lint = (text: string, settings: Settings = DEFAULT_SETTINGS) => {
  const result = lintText(text, settings);
  assert.deepEqual(result.failures, []);
  return result.problems.filter((p) => p.severity !== 'hint');
};
const of = (problems: Problem[], code: string) => problems.filter((p) => p.code === code);
const at = (text: string, p: Problem) => text.slice(p.start, p.end);

describe('NMState semantics: interfaces, next hops, default routes, tables', function () {
  it('nmstate-iface-family underlines the interface; the message names the block and the fix', function () {
    const text = policy([
      'interfaces:',
      '  - name: ens6',
      '    type: ethernet',
      '    ipv4: {enabled: false}',
      '  - name: vlan100',
      '    type: vlan',
      '    vlan: {base-iface: ens7, id: 100}',
      'routes:',
      '  config:',
      '    - destination: 192.168.50.0/24',
      '      next-hop-address: 192.168.6.1',
      '      next-hop-interface: ens6',
      '    - destination: 192.168.51.0/24',
      '      next-hop-address: 192.168.6.1',
      '      next-hop-interface: vlan100',
    ].join('\n'));
    const found = of(lint(text), 'nmstate-iface-family');
    assert.deepEqual(found.map((p) => [p.severity, at(text, p), p.start]), [
      ['error', 'ens6', text.indexOf('ens6', text.indexOf('next-hop-interface'))],
      ['error', 'vlan100', text.lastIndexOf('vlan100')],
    ]);
    assert.equal(found[0].message, 'ens6 has ipv4 enabled: false, so nmstate refuses this route: enable ipv4 on it.');
    assert.equal(found[1].message, 'vlan vlan100 is created without ipv4, so nmstate refuses this route: add ipv4: {enabled: true}.');
    for (const p of found) assert.ok(p.message.length < 130, p.message);
  });

  it('nmstate-next-hop-unreachable underlines the next hop, in a policy and inside a base64 MachineConfig file', function () {
    const routes = [
      'routes:',
      '  config:',
      '    - destination: 192.168.70.0/24',
      '      next-hop-address: 172.20.6.1',
      '      next-hop-interface: ens6',
    ].join('\n');
    const text = policy(`${STATIC_ENS6}\n${routes}`);
    const [problem] = of(lint(text), 'nmstate-next-hop-unreachable');
    assert.equal(at(text, problem), '172.20.6.1');
    assert.equal(problem.severity, 'error');
    assert.equal(problem.message, 'Next hop 172.20.6.1 is outside ens6\'s subnets, so the kernel refuses the route: use a gateway on that link.');

    const mc = machineConfigWith(`${STATIC_ENS6}\n${routes}\n`);
    const inFile = of(lint(mc), 'nmstate-next-hop-unreachable');
    assert.equal(inFile.length, 1);
    assert.match(inFile[0].message, /^Next hop 172\.20\.6\.1 is outside ens6's subnets/);
    // Base64: the finding underlines the groups where the next hop starts, inside the payload.
    const payload = mc.indexOf('base64,') + 'base64,'.length;
    assert.ok(inFile[0].start >= payload && inFile[0].end <= mc.indexOf('\n', payload) && inFile[0].end - inFile[0].start <= 8);
    assert.equal(inFile[0].fixes, undefined);
  });

  it('route-gateway uses the state\'s addresses: network and broadcast next hops are errors, a summary route is fine', function () {
    const text = policy([
      STATIC_ENS6,
      'routes:',
      '  config:',
      '    - destination: 192.168.71.0/24',
      '      next-hop-address: 172.20.5.0',
      '      next-hop-interface: ens6',
      '    - destination: 172.20.0.0/16',
      '      next-hop-address: 172.20.5.1',
      '      next-hop-interface: ens6',
    ].join('\n'));
    const problems = lint(text);
    assert.deepEqual(of(problems, 'route-gateway').map((p) => [p.severity, at(text, p)]), [['error', '172.20.5.0']]);
    assert.deepEqual(of(problems, 'nmstate-next-hop-unreachable'), []);
    // Without the interface's address the summary route's next hop lies inside it, unreachable as far as the file tells.
    const bare = policy('routes:\n  config:\n    - destination: 172.20.0.0/16\n      next-hop-address: 172.20.5.1\n      next-hop-interface: ens6');
    assert.deepEqual(of(lint(bare), 'route-gateway').map((p) => [p.severity, at(bare, p)]), [['warning', '172.20.5.1']]);
  });

  it('nmstate-hairpin underlines the destination', function () {
    const text = policy(`${STATIC_ENS6}\nroutes:\n  config:\n    - destination: 172.20.5.0/24\n      next-hop-address: 172.20.5.1\n      next-hop-interface: ens6`);
    const problems = lint(text);
    assert.deepEqual(problems.map((p) => [p.code, p.severity, at(text, p)]), [['nmstate-hairpin', 'warning', '172.20.5.0/24']]);
  });

  it('route-default: a secondary NIC is flagged, br-ex and the NIC of brExInterface are not, also inside a base64 file', function () {
    const route = (iface: string) => policy(`routes:\n  config:\n    - destination: 0.0.0.0/0\n      next-hop-address: 192.168.6.1\n      next-hop-interface: ${iface}`);
    const secondary = route('ens6');
    const [problem] = of(lint(secondary), 'route-default');
    assert.equal(at(secondary, problem), '0.0.0.0/0');
    assert.equal(problem.message, '0.0.0.0/0 via ens6 in the main table competes with br-ex\'s default route: use a table-id with route-rules.');
    assert.deepEqual(of(lint(route('br-ex')), 'route-default'), []);
    assert.deepEqual(of(lint(route('ens3'), { ...DEFAULT_SETTINGS, brExInterface: 'ens3' }), 'route-default'), []);

    const brEx = (iface: string) => machineConfigWith([
      'interfaces:',
      '  - name: br-ex',
      '    type: ovs-interface',
      '    state: up',
      '    ipv4: {enabled: true, dhcp: false, address: [{ip: 192.168.6.10, prefix-length: 24}]}',
      'routes:',
      '  config:',
      '    - destination: 0.0.0.0/0',
      '      next-hop-address: 192.168.6.1',
      `      next-hop-interface: ${iface}`,
      '',
    ].join('\n'), '/etc/nmstate/openshift/worker-0.yml');
    assert.deepEqual(lint(brEx('br-ex')), []);
    const onSecondary = brEx('ens6');
    const found = of(lint(onSecondary), 'route-default');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^0\.0\.0\.0\/0 via ens6 in the main table competes with br-ex's/);
    assert.ok(found[0].start > onSecondary.indexOf('base64,'));
  });

  it('route-default: two default routes on interfaces of one type with no metric tie; different types do not', function () {
    const state = (secondType: string) => policy([
      'interfaces:',
      '  - {name: ens6, type: ethernet, ipv4: {enabled: true, dhcp: true}}',
      `  - {name: ens7, type: ${secondType}, ipv4: {enabled: true, dhcp: true}}`,
      'route-rules:',
      '  config:',
      '    - {ip-from: 192.168.100.0/24, route-table: 100, priority: 998}',
      'routes:',
      '  config:',
      '    - {destination: 0.0.0.0/0, next-hop-address: 192.168.6.1, next-hop-interface: ens6, table-id: 100}',
      '    - {destination: 0.0.0.0/0, next-hop-address: 192.168.7.1, next-hop-interface: ens7, table-id: 100}',
    ].join('\n'));
    const tie = state('ethernet');
    const found = of(lint(tie), 'route-default');
    assert.equal(found.length, 1);
    assert.equal(found[0].start, tie.lastIndexOf('0.0.0.0/0'));
    assert.equal(found[0].message, 'This default route has the same metric as the one via ens6, so egress is a coin toss: give one a lower metric.');
    assert.deepEqual(of(lint(state('bond')), 'route-default'), []);
    assert.deepEqual(of(lint(tie), 'route-duplicate'), []);
  });

  it('route-table-unused: a route-only policy gets an info, a MachineConfig nmstate file the warning', function () {
    const routes = 'routes:\n  config:\n    - destination: 192.168.12.0/24\n      next-hop-address: 192.168.6.1\n      next-hop-interface: ens6\n      table-id: 200\n';
    const text = policy(routes);
    assert.deepEqual(of(lint(text), 'route-table-unused').map((p) => [p.severity, at(text, p)]), [['info', '200']]);
    const mc = machineConfigWith(routes);
    assert.deepEqual(of(lint(mc), 'route-table-unused').map((p) => p.severity), ['warning']);
    const withRule = machineConfigWith(`${routes}route-rules:\n  config:\n    - ip-from: 192.168.100.0/24\n      route-table: 200\n`);
    assert.deepEqual(of(lint(withRule), 'route-table-unused'), []);
  });

  it('nmstate-rule-priority underlines the priority', function () {
    const text = policy('route-rules:\n  config:\n    - ip-to: 10.128.0.0/14\n      route-table: 254\n      priority: 1000');
    assert.deepEqual(lint(text).map((p) => [p.code, p.severity, at(text, p)]), [['nmstate-rule-priority', 'info', '1000']]);
  });

  it('states of any shape never make a rule throw', function () {
    for (const state of [
      'interfaces: ens6\nroutes:\n  config:\n    - {destination: 0.0.0.0/0, next-hop-interface: ens6}',
      'interfaces:\n  - name: ens6\n    ipv4: yes\n    ipv6: [1, 2]\nroutes:\n  config:\n    - {destination: 192.168.1.0/24, next-hop-address: 10.9.9.1, next-hop-interface: ens6}',
      'interfaces:\n  - {name: [a], type: {x: 1}, ipv4: {enabled: false, address: [{ip: 1.2.3.4, prefix-length: 99}, 7]}}\nroutes:\n  config:\n    - {destination: 1.2.3.0/24, next-hop-address: 1.2.3.4, next-hop-interface: [a]}',
      'interfaces:\n  - {name: ens6, ipv4: {enabled: true, dhcp: false, address: [{ip: "{{ capture.x }}", prefix-length: 24}]}}\nroutes:\n  config:\n    - {destination: 0.0.0.0/0, next-hop-address: 10.1.1.1, next-hop-interface: ens6, table-id: 7, metric: x}',
      'route-rules:\n  config:\n    - {priority: [1000], route-table: {a: b}}\n    - 5\nroutes:\n  config: 3',
      'interfaces:\n  - {name: v, type: vrf, vrf: {port: ens4, route-table-id: x}}\nroutes:\n  config:\n    - {destination: 1.2.3.0/24, next-hop-interface: v, table-id: 99999999999}',
    ]) {
      lint(policy(state));
      lint(machineConfigWith(state));
    }
  });
});
