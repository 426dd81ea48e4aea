/**
 * What the user sees for NMState documents besides diagnostics (issue 17): the preview of a
 * policy, an NMStateConfig, a bare state and a MachineConfig's nmstate file (core/ide/previewNmstate.ts),
 * the selector in words (core/ide/nodeSelection.ts) and the hovers (core/ide/hoverNmstate.ts).
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { lintText, parseText } from '../../server/src/core/analysis/lint';
import { computeHover } from '../../server/src/core/ide/hover';
import { previewTargets, renderPreview, targetAt, type PreviewSelection } from '../../server/src/core/ide/preview';
import { machineConfigFileReach, selectorInWords } from '../../server/src/core/ide/nodeSelection';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { machineConfig } from '../support/machineConfig';

function preview(text: string, selection: PreviewSelection = {}): string {
  const result = lintText(text, DEFAULT_SETTINGS);
  assert.deepEqual(result.failures, []);
  return renderPreview(result.parsed, DEFAULT_SETTINGS, result.problems, selection);
}

/** The hover at the `nth` occurrence of `needle` (`into` characters in, after a `: ` when it has one), with the text it covers. */
function hover(text: string, needle: string, nth = 0): { markdown: string; covers: string } | undefined {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} in the text`);
  const into = needle.includes(': ') ? needle.indexOf(': ') + 3 : 1;
  const found = computeHover(parseText(text), at + into, DEFAULT_SETTINGS);
  return found && { markdown: found.markdown, covers: text.slice(found.start, found.end) };
}

const POLICY = `apiVersion: nmstate.io/v1
kind: NodeNetworkConfigurationPolicy
metadata:
  name: eth1-routes
spec:
  nodeSelector:
    node-role.kubernetes.io/worker: ""
  desiredState:
    interfaces:
      - name: eth1
        type: ethernet
        state: up
        ipv4:
          enabled: true
          dhcp: true
    route-rules:
      config:
        - ip-from: 192.0.2.0/24
          priority: 998
          route-table: 100
        - ip-to: 10.0.0.0/8
          route-table: 254
          state: absent
    routes:
      config:
        - destination: 198.51.100.0/24
          next-hop-address: 192.0.2.1
          next-hop-interface: eth1
          metric: 150
        - destination: 203.0.113.0/24
          next-hop-address: 192.0.2.1
          next-hop-interface: eth1
          table-id: 100
        - destination: 2001:db8:1::/64
          next-hop-address: 2001:db8::1
          next-hop-interface: eth1
        - destination: 0.0.0.0/0
          next-hop-interface: eth1
          state: absent
        - destination: "{{ capture.gw.routes.running.0.destination }}"
          next-hop-interface: eth1
`;

describe('NMState preview', () => {
  it('a policy: its name, the nodes, each route\'s ip route line, removals, the rules in ip rule words, its findings', () => {
    const text = preview(POLICY);
    const lines = text.split('\n');
    const from = lines.indexOf('NodeNetworkConfigurationPolicy eth1-routes (line 1)');
    assert.ok(from > 0, text);
    assert.deepEqual(lines.slice(from, lines.indexOf('', lines.indexOf('Route rules nmstate should add, in ip rule words:'))), [
      'NodeNetworkConfigurationPolicy eth1-routes (line 1)',
      'nodes: every worker node (node-role.kubernetes.io/worker)',
      '',
      'Routes nmstate should add:',
      '  $ ip route show',
      '  198.51.100.0/24 via 192.0.2.1 dev eth1 proto static metric 150',
      '  $ ip route show table 100',
      '  203.0.113.0/24 via 192.0.2.1 dev eth1 proto static',
      '  $ ip -6 route show',
      '  2001:db8:1::/64 via 2001:db8::1 dev eth1 proto static metric 1024 pref medium',
      '  (metric 0 where the route gives none: nmstate gives NetworkManager metric 0 for a route without one)',
      '  removes: every route matching destination: 0.0.0.0/0, next-hop-interface: eth1',
      '  known on the node: {destination: {{ capture.gw.routes.running.0.destination }}, next-hop-interface: eth1} — it holds a capture expression or placeholder',
      '',
      'Route rules nmstate should add, in ip rule words:',
      '  from 192.0.2.0/24 lookup 100 priority 998',
      '  removes: every rule matching ip-to: 10.0.0.0/8, route-table: 254',
    ]);
    assert.match(text, /\nProblems in this policy( \(\d+\):|: none)\n/);
    assert.doesNotMatch(text, /Elsewhere in the file/);
  });

  it('a route an error keeps out is "not added", with the rule that says why; the state is applied whole', () => {
    const text = preview(POLICY.replace('next-hop-address: 192.0.2.1\n          next-hop-interface: eth1\n          metric: 150', 'next-hop-address: 2001:db8::9\n          next-hop-interface: eth1\n          metric: 150'));
    assert.match(text, /\n {2}not added: \{destination: 198\.51\.100\.0\/24, next-hop-address: 2001:db8::9, next-hop-interface: eth1, metric: 150\} — route-family: /);
    assert.match(text, /\n {2}\(nmstate applies a state whole: while it refuses one entry, it applies none of them\)\n/);
  });

  it('a rule without a priority, a table 0, an action, fwmark and iif are written as ip rule takes them', () => {
    const text = preview(POLICY.replace(`        - ip-from: 192.0.2.0/24
          priority: 998
          route-table: 100`, `        - ip-from: 192.0.2.0/24
          route-table: 0
        - iif: eth1
          fwmark: 0x10
          fwmask: 0xff
          action: blackhole
          priority: 500`));
    assert.ok(text.includes('\n  from 192.0.2.0/24 lookup main\n  from all iif eth1 fwmark 0x10/0xff blackhole priority 500\n'), text);
    assert.ok(text.includes('\n  (no priority: nmstate puts the rule after the rules the node already has)\n'), text);
  });

  it('an NMStateConfig and a bare state say who applies them; a policy without a desiredState says there is none', () => {
    const config = preview(`apiVersion: agent-install.openshift.io/v1beta1
kind: NMStateConfig
metadata:
  name: master-0
spec:
  config:
    routes:
      config:
        - destination: 0.0.0.0/0
          next-hop-address: 192.0.2.1
          next-hop-interface: eth0
  interfaces:
    - name: eth0
      macAddress: "52:54:00:aa:bb:01"
`);
    assert.ok(config.includes('\nNMStateConfig master-0 (line 1)\nnodes: the host whose NICs have the MAC addresses of spec.interfaces, at install time'), config);
    assert.ok(config.includes('\n  default via 192.0.2.1 dev eth0 proto static\n'), config);
    const state = preview('routes:\n  config:\n    - destination: 198.51.100.0/24\n      next-hop-interface: eth1\n');
    assert.ok(state.includes('\nnmstate state (line 1)\nnodes: the host nmstatectl applies it on'), state);
    assert.ok(state.includes('\n  198.51.100.0/24 dev eth1 proto static scope link\n'), state);
    const empty = preview('apiVersion: nmstate.io/v1\nkind: NodeNetworkConfigurationPolicy\nmetadata:\n  name: p\nspec:\n  nodeSelector:\n    kubernetes.io/hostname: worker-1\n  desiredState: nope\n');
    assert.ok(empty.includes('\nnodes: the node named worker-1 (kubernetes.io/hostname)\n\nNo spec.desiredState mapping: no state to apply.\n'), empty);
  });

  it('a MachineConfig\'s nmstate file lists its routes and the nodes of its path', () => {
    const state = 'interfaces:\n  - name: br-ex\n    type: ovs-interface\n    state: up\n    ipv4:\n      enabled: true\n      dhcp: true\nroutes:\n  config:\n    - destination: 198.51.100.0/24\n      next-hop-address: 192.0.2.1\n      next-hop-interface: br-ex\n      metric: 150\n';
    for (const source of [`data:;base64,${Buffer.from(state).toString('base64')}`, `data:,${encodeURIComponent(state)}`]) {
      const text = preview(machineConfig({ files: [{ path: '/etc/nmstate/openshift/cluster.yml', source }] }));
      assert.ok(text.includes('\nnodes: every node of the worker pool, at boot (nmstate-configuration.service)\n\nRoutes nmstate should add from it:\n  $ ip route show\n  198.51.100.0/24 via 192.0.2.1 dev br-ex proto static metric 150\n'), text);
    }
    assert.equal(machineConfigFileReach('/etc/nmstate/openshift/worker-1.yml', 'worker'), 'the node named worker-1, at boot (nmstate-configuration.service)');
    assert.match(machineConfigFileReach('/etc/nmstate/openshift/cluster.yaml', 'worker'), /^none: /);
  });

  it('targets: each NMState document by its name; the cursor in one previews that one; a name that is not there is said so', () => {
    const two = `${POLICY}---\n${POLICY.replace('name: eth1-routes', 'name: other')}`;
    const parsed = lintText(two, DEFAULT_SETTINGS).parsed;
    assert.deepEqual(previewTargets(parsed).map((t) => `${t.kind} ${t.name}`), ['state eth1-routes', 'state other']);
    assert.equal(targetAt(parsed, two.indexOf('name: other'))?.name, 'other');
    const chosen = preview(two, { offset: two.lastIndexOf('198.51.100.0/24') });
    assert.ok(chosen.includes('NodeNetworkConfigurationPolicy other (document 2, line'), chosen);
    assert.ok(!chosen.includes('NodeNetworkConfigurationPolicy eth1-routes'), chosen);
    assert.equal(preview(two, { stateName: 'other' }), chosen);
    assert.match(preview(two, { stateName: 'nope' }), /\nNo NMState document named nope in this file\. NMState documents here: eth1-routes, other\.\n/);
  });
});

describe('the selector in words', () => {
  const words = (yaml: string) => selectorInWords(parseDocument(yaml).contents);
  it('a role, a hostname, another label, several ANDed, none, a list', () => {
    assert.equal(words('node-role.kubernetes.io/worker: ""'), 'every worker node (node-role.kubernetes.io/worker)');
    assert.equal(words('node-role.kubernetes.io/master:'), 'every control-plane node (node-role.kubernetes.io/master)');
    assert.equal(words('kubernetes.io/hostname: worker-1'), 'the node named worker-1 (kubernetes.io/hostname)');
    assert.equal(words('zone: a'), 'every node labelled zone=a');
    assert.equal(words('node-role.kubernetes.io/worker: ""\nzone: a'), 'only the nodes that are all of: a worker node (node-role.kubernetes.io/worker); labelled zone=a');
    assert.equal(words('{}'), 'every node — the control plane too (no spec.nodeSelector labels)');
    assert.equal(selectorInWords(undefined), 'every node — the control plane too (no spec.nodeSelector labels)');
    assert.match(words('- a\n- b'), /^none: spec.nodeSelector is not a mapping/);
    assert.match(words('desiredState:\n  interfaces: []'), /^none: spec.nodeSelector is not a mapping/);
  });
});

describe('NMState hovers', () => {
  it('a destination: the CIDR help and the ip route line nmstate produces', () => {
    const found = hover(POLICY, '198.51.100.0/24')!;
    assert.equal(found.covers, '198.51.100.0/24');
    assert.match(found.markdown, /\*\*Netmask:\*\* `255\.255\.255\.0`/);
    assert.match(found.markdown, /```\n198\.51\.100\.0\/24 via 192\.0\.2\.1 dev eth1 proto static metric 150\n```/);
  });

  it('a next hop and a metric: nmstate\'s words, not nmcli\'s', () => {
    assert.match(hover(POLICY, '192.0.2.1')!.markdown, /nmstate has no onlink/);
    const value = hover(POLICY, 'metric: 150')!;
    assert.equal(value.covers, '150');
    assert.match(value.markdown, /would get 0: nmstate gives NetworkManager metric 0/);
    assert.doesNotMatch(value.markdown, /\| `100` \| ethernet/);
  });

  it('a table-id: the rules and VRFs that use it; none: the routes are never consulted', () => {
    const used = hover(POLICY, 'table-id: 100')!;
    assert.equal(used.covers, '100');
    assert.match(used.markdown, /Used by:\n\n- route rule `from 192\.0\.2\.0\/24 lookup 100 priority 998`/);
    assert.match(used.markdown, /`ip route show table 100` should then list:\n\n```\n203\.0\.113\.0\/24 via 192\.0\.2\.1 dev eth1 proto static\n```/);
    const unused = hover(POLICY.replace('table-id: 100', 'table-id: 200'), 'table-id: 200')!;
    assert.match(unused.markdown, /⚠ No `route-rules` entry with `route-table: 200` and no VRF with `route-table-id: 200` in this state/);
    const rule = hover(POLICY, 'route-table: 100')!;
    assert.equal(rule.covers, '100');
    assert.match(rule.markdown, /Routes of this state in table 100: `203\.0\.113\.0\/24`\./);
    const vrf = POLICY.replace('    route-rules:', '      - name: vrf-blue\n        type: vrf\n        state: up\n        vrf:\n          port: [eth1]\n          route-table-id: 100\n    route-rules:');
    assert.match(hover(vrf, 'route-table-id: 100')!.markdown, /VRF `vrf-blue` \(`route-table-id: 100`\)/);
    assert.match(hover(POLICY.replace('table-id: 100', 'table-id: 254'), 'table-id: 254')!.markdown, /This is the main table/);
  });

  it('a static address: its subnet, and the routes of the state through its interface', () => {
    const text = POLICY.replace('          dhcp: true', '          dhcp: false\n          address:\n            - ip: 192.0.2.10\n              prefix-length: 24')
      .replace('node-role.kubernetes.io/worker: ""', 'kubernetes.io/hostname: worker-1');
    const found = hover(text, '192.0.2.10')!;
    assert.equal(found.covers, '192.0.2.10');
    assert.match(found.markdown, /^\*\*Static address `192\.0\.2\.10\/24` on `eth1`\*\*/);
    assert.match(found.markdown, /every host of `192\.0\.2\.0\/24` is then reachable on it/);
    assert.match(found.markdown, /\*\*Netmask:\*\* `255\.255\.255\.0` · 256 addresses, 254 usable/);
    assert.match(found.markdown, /- `198\.51\.100\.0\/24` — next hop 192\.0\.2\.1 is inside this subnet/);
  });

  it('spec.nodeSelector and each label: the nodes it picks, in words', () => {
    const key = hover(POLICY, 'nodeSelector')!;
    assert.equal(key.covers, 'nodeSelector');
    assert.match(key.markdown, /\*\*Nodes:\*\* every worker node \(node-role\.kubernetes\.io\/worker\)\./);
    const label = hover(POLICY, 'worker')!;
    assert.equal(label.covers, 'node-role.kubernetes.io/worker: ""');
    const none = hover(POLICY.replace('  nodeSelector:\n    node-role.kubernetes.io/worker: ""\n', '  nodeSelector: {}\n'), 'nodeSelector')!;
    assert.match(none.markdown, /every node — the control plane too/);
  });

  it('a MachineConfig\'s percent-encoded nmstate route gets the route hover with nmstate\'s line; base64 gets none', () => {
    const state = 'routes:\n  config:\n    - destination: 198.51.100.0/24\n      next-hop-address: 192.0.2.1\n      next-hop-interface: eth1\n';
    const percent = machineConfig({ files: [{ path: '/etc/nmstate/openshift/cluster.yml', text: state }] });
    const found = hover(percent, '198.51.100.0%2F24') ?? hover(percent, '198.51.100.0');
    assert.ok(found, percent);
    assert.match(found.markdown, /198\.51\.100\.0\/24 via 192\.0\.2\.1 dev eth1 proto static\n/);
    const base64 = machineConfig({ files: [{ path: '/etc/nmstate/openshift/cluster.yml', source: `data:;base64,${Buffer.from(state).toString('base64')}` }] });
    const parsed = parseText(base64);
    for (let offset = 0; offset <= base64.length; offset += 3) computeHover(parsed, offset, DEFAULT_SETTINGS);
  });

  it('bad shapes never throw: a state that is a string, a selector that is a list, routes that are a string', () => {
    for (const text of [
      POLICY.replace(/ {2}desiredState:[\s\S]*$/, '  desiredState: nope\n'),
      POLICY.replace('  nodeSelector:\n    node-role.kubernetes.io/worker: ""\n', '  nodeSelector:\n    - a\n'),
      POLICY.replace(/ {4}routes:[\s\S]*$/, '    routes:\n      config: nope\n'),
      'routes:\n  config:\n    - destination: [1, 2]\n      table-id: {a: 1}\n      metric: x\n',
    ]) {
      const parsed = parseText(text);
      for (let offset = 0; offset <= text.length; offset++) computeHover(parsed, offset, DEFAULT_SETTINGS);
      preview(text);
    }
  });
});
