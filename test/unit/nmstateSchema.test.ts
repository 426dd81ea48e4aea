/**
 * NMState key tables (kinds/nmstate/schema*.ts) and what they drive: nmstate-unknown-key,
 * nmstate-value, completion and key hover. The fixtures nmstate-unknown-key.yaml and
 * nmstate-value.yaml hold flagged cases and look-alikes; these tests pin the tables against
 * nmstate's reference, ranges, messages, the base64 MachineConfig case, completion and hover.
 */
import * as assert from 'node:assert/strict';
import { lintText, parseText } from '../../server/src/core/analysis/lint';
import { completionsAt } from '../../server/src/core/ide/completion';
import { hoverAt } from '../../server/src/core/ide/hover';
import { nmstateKeyHover } from '../../server/src/core/ide/hoverNmstateKeys';
import { nmKeyAt, nmKeysAt, NMSTATECONFIG, POLICY, ROUTE_ENTRY, ROUTE_RULE_ENTRY, STATE } from '../../server/src/core/kinds/nmstate/schema';
import { BASE_INTERFACE_KEYS, INTERFACE_BLOCKS } from '../../server/src/core/kinds/nmstate/schemaInterfaces';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import type { Problem } from '../../server/src/core/text/problem';

const keysOf = (record: Readonly<Record<string, unknown>> | undefined) => Object.keys(record ?? {}).sort();

/** nmstate 2.2.37 (rust/src/lib, serde names after rename/rename_all), plus keys devel/yaml_api.md documents for later releases. */
const REFERENCE = {
  state: ['description', 'dns-resolver', 'hostname', 'interfaces', 'ovn', 'ovs-db', 'route-rules', 'routes'],
  route: ['cwnd', 'destination', 'lock-mtu', 'metric', 'mtu', 'next-hop-address', 'next-hop-interface', 'route-type', 'source', 'state', 'table-id', 'vrf-name', 'weight'],
  rule: ['action', 'family', 'fwmark', 'fwmask', 'iif', 'ip-from', 'ip-to', 'priority', 'route-table', 'state', 'suppress-prefix-length', 'suppress_prefixlength'],
  base: ['802.1x', 'accept-all-mac-addresses', 'alt-names', 'controller', 'copy-mac-from', 'description', 'dispatch', 'driver', 'ethtool', 'identifier', 'ipv4', 'ipv6',
    'lldp', 'mac-address', 'max-mtu', 'min-mtu', 'mptcp', 'mtu', 'name', 'ovs-db', 'pci-address', 'permanent-mac-address', 'profile-name', 'state', 'type', 'wait-ip'],
  ipv6: ['addr-gen-mode', 'address', 'allow-extra-address', 'auto-dns', 'auto-gateway', 'auto-route-metric', 'auto-route-table-id', 'auto-routes', 'autoconf',
    'dhcp', 'dhcp-client-id', 'dhcp-custom-hostname', 'dhcp-duid', 'dhcp-send-hostname', 'enabled', 'forwarding', 'token'],
  // ip.rs reads valid-lft/valid-left and preferred-lft/preferred-left as aliases of the lifetimes.
  address: ['ip', 'mptcp-flags', 'preferred-left', 'preferred-lft', 'preferred-life-time', 'prefix-length', 'valid-left', 'valid-lft', 'valid-life-time'],
  blocks: ['bridge', 'dpdk', 'ethernet', 'hsr', 'infiniband', 'ip-tunnel', 'ipvlan', 'libreswan', 'link-aggregation', 'mac-vlan', 'mac-vtap', 'macsec', 'patch', 'veth', 'vlan', 'vrf', 'vxlan'],
  vlan: ['base-iface', 'id', 'loose-binding', 'protocol', 'registration-protocol', 'reorder-headers'],
  vrf: ['port', 'ports', 'route-table-id'],
  bond: ['mode', 'options', 'port', 'ports', 'ports-config'],
  policySpec: ['capture', 'desiredState', 'maxUnavailable', 'nodeSelector'],
  nmstateConfigSpec: ['config', 'interfaces'],
};

describe('NMState key tables', function () {
  it('cover nmstate\'s reference for the state, routes, route rules, interfaces and their blocks', function () {
    assert.deepEqual(keysOf(STATE.keys), REFERENCE.state);
    assert.deepEqual(keysOf(ROUTE_ENTRY.keys), REFERENCE.route);
    assert.deepEqual(keysOf(ROUTE_RULE_ENTRY.keys), REFERENCE.rule);
    assert.deepEqual(keysOf(BASE_INTERFACE_KEYS), REFERENCE.base);
    assert.deepEqual(keysOf(nmKeysAt(STATE, ['interfaces', 0, 'ipv6'])), REFERENCE.ipv6);
    // nmstate refuses autoconf in ipv4 (InterfaceIpv4's deserializer).
    assert.deepEqual(keysOf(nmKeysAt(STATE, ['interfaces', 0, 'ipv4'])), REFERENCE.ipv6.filter((k) => k !== 'autoconf'));
    assert.deepEqual(keysOf(nmKeysAt(STATE, ['interfaces', 0, 'ipv4', 'address', 0])), REFERENCE.address);
    assert.deepEqual(keysOf(INTERFACE_BLOCKS), REFERENCE.blocks);
    assert.deepEqual(keysOf(INTERFACE_BLOCKS.vlan.keys), REFERENCE.vlan);
    assert.deepEqual(keysOf(INTERFACE_BLOCKS.vrf.keys), REFERENCE.vrf);
    assert.deepEqual(keysOf(INTERFACE_BLOCKS['link-aggregation'].keys), REFERENCE.bond);
    assert.deepEqual(keysOf(POLICY.keys?.spec.keys), REFERENCE.policySpec);
    assert.deepEqual(keysOf(NMSTATECONFIG.keys?.spec.keys), REFERENCE.nmstateConfigSpec);
    assert.deepEqual(keysOf(nmKeysAt(NMSTATECONFIG, ['spec', 'interfaces', 0])), ['macAddress', 'name']);
  });

  it('carry the enums and the first releases of newer keys', function () {
    assert.deepEqual(nmKeyAt(STATE, ['route-rules', 'config', 0, 'action'])?.values, ['blackhole', 'unreachable', 'prohibit']);
    assert.deepEqual(nmKeyAt(STATE, ['route-rules', 'config', 0, 'family'])?.values, ['ipv4', 'ipv6']);
    assert.ok(nmKeyAt(STATE, ['interfaces', 0, 'state'])?.values?.includes('up'));
    assert.ok(nmKeyAt(STATE, ['interfaces', 0, 'type'])?.values?.includes('ovs-interface'));
    assert.ok(nmKeyAt(STATE, ['interfaces', 0, 'link-aggregation', 'mode'])?.values?.includes('802.3ad'));
    const since = (path: (string | number)[]) => nmKeyAt(STATE, path)?.since;
    assert.equal(since(['routes', 'config', 0, 'weight']), '2.2.5');
    assert.equal(since(['routes', 'config', 0, 'route-type']), '2.2.20');
    assert.equal(since(['routes', 'config', 0, 'cwnd']), '2.2.27');
    assert.equal(since(['routes', 'config', 0, 'source']), '2.2.36');
    assert.equal(since(['route-rules', 'config', 0, 'iif']), '2.2.2');
    assert.equal(since(['route-rules', 'config', 0, 'suppress-prefix-length']), '2.2.14');
    assert.equal(since(['interfaces', 0, 'ipv4', 'auto-route-metric']), '2.2.1');
    assert.equal(since(['routes', 'config', 0, 'destination']), undefined);
  });
});

const placed = (text: string, problems: readonly Problem[], code: string) =>
  problems.filter((p) => p.code === code).map((p) => `${JSON.stringify(text.slice(p.start, p.end))} ${p.message}`);

function policy(state: string): string {
  return ['apiVersion: nmstate.io/v1', 'kind: NodeNetworkConfigurationPolicy', 'metadata:', '  name: p', 'spec:',
    '  nodeSelector:', '    kubernetes.io/hostname: worker-0', '  desiredState:', state, ''].join('\n');
}

describe('nmstate-unknown-key', function () {
  it('underlines the key, with what to do or a did-you-mean', function () {
    const text = policy([
      '    routes:', '      config:', '        - destination: 198.51.100.0/24', '          next-hop: 192.0.2.1',
      '          next-hop-interface: ens6', '          options: quickack=1', '          prefix-length: 24',
    ].join('\n'));
    const { problems, failures } = lintText(text, DEFAULT_SETTINGS);
    assert.deepEqual(failures, []);
    assert.deepEqual(placed(text, problems, 'nmstate-unknown-key'), [
      '"next-hop" nmstate rejects the unknown key next-hop in routes.config[]: did you mean next-hop-address?',
      '"options" options is not an nmstate key in routes.config[]: set attributes such as quickack through NetworkManager.',
      '"prefix-length" prefix-length is not an nmstate key in routes.config[]: write the prefix into destination, e.g. 198.51.100.0/24.',
    ]);
    assert.equal(problems.find((p) => p.code === 'nmstate-unknown-key')?.data?.suggestion, 'next-hop-address');
  });

  it('knows every type\'s block in any interface, and leaves absent interfaces, capture and labels alone', function () {
    const text = policy([
      '    interfaces:', '      - name: ens6', '        vlan: {id: 5, base-iface: ens5}', '        bridge: {port: []}',
      '      - name: old', '        state: absent', '        anything: 1',
    ].join('\n')).replace('  name: p', '  name: p\n  labels:\n    whatever: "x"');
    assert.deepEqual(placed(text, lintText(text, DEFAULT_SETTINGS).problems, 'nmstate-unknown-key'), []);
  });

  it('says it inside the base64 nmstate file of a MachineConfig, on the first groups of the key', function () {
    const state = 'interfaces:\n- name: br-ex\n  type: ovs-bridge\nroutes:\n  config:\n  - destination: 198.51.100.0/24\n    gateway: 192.0.2.1\n    next-hop-interface: br-ex\n';
    const text = [
      'apiVersion: machineconfiguration.openshift.io/v1', 'kind: MachineConfig', 'metadata:', '  name: 10-br-ex',
      '  labels:', '    machineconfiguration.openshift.io/role: worker', 'spec:', '  config:', '    ignition:', '      version: 3.4.0',
      '    storage:', '      files:', '        - path: /etc/nmstate/openshift/cluster.yml', '          mode: 0644', '          contents:',
      `            source: data:text/plain;charset=utf-8;base64,${Buffer.from(state).toString('base64')}`, '',
    ].join('\n');
    const { problems, failures } = lintText(text, DEFAULT_SETTINGS);
    assert.deepEqual(failures, []);
    const found = problems.filter((p) => p.code === 'nmstate-unknown-key');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^nmstate rejects the unknown key gateway in routes\.config\[\]: did you mean next-hop-address\?$/);
    const payload = text.indexOf('base64,') + 7;
    assert.ok(found[0].start >= payload && found[0].end <= text.indexOf('\n', payload), 'inside the payload');
    assert.ok(found[0].end - found[0].start <= 8, 'the first groups of the key');
  });
});

describe('nmstate-value', function () {
  it('underlines the value at fault: enum with did-you-mean, prefix length, a list where a mapping goes', function () {
    const text = policy([
      '    interfaces:', '      - name: ens6', '        type: ethernets', '        state: upp', '        ipv6:', '          enabled: true',
      '          address:', '            - ip: 2001:db8::1', '              prefix-length: 129', '    routes:', '      - destination: 198.51.100.0/24',
    ].join('\n'));
    const { problems, failures } = lintText(text, DEFAULT_SETTINGS);
    assert.deepEqual(failures, []);
    assert.deepEqual(placed(text, problems, 'nmstate-value'), [
      '"ethernets" type: "ethernets" is not a value nmstate knows: did you mean ethernet?',
      '"upp" state: "upp" is not a value nmstate knows: did you mean up?',
      '"129" prefix-length 129 is longer than an IPv6 address (0–128): nmstate rejects the state.',
      '"- destination: 198.51.100.0/24" routes must be a mapping, not a list: put the list under routes: config:.',
    ]);
  });

  it('accepts what nmstate\'s deserializer reads, templates, and types NetworkManager knows', function () {
    const text = policy([
      '    interfaces:', '      - name: ens6', '        type: team', '        ipv4:', '          enabled: "yes"', '          dhcp: 0',
      '          address:', '            - ip: 192.0.2.1', '              prefix-length: "24"', '      - name: "{{ capture.x.name }}"',
      '        type: "{{ capture.x.type }}"', '        state: "{{ capture.x.state }}"', '      - name: bond0', '        type: bond',
      '        link-aggregation:', '          mode: 4',
    ].join('\n'));
    assert.deepEqual(placed(text, lintText(text, DEFAULT_SETTINGS).problems, 'nmstate-value'), []);
  });

  it('survives any shape: a state that is a string, a list, a number; a selector that is a list', function () {
    for (const state of ['  desiredState: 5', '  desiredState: [a, b]', '  desiredState:\n    interfaces: 7\n    routes:\n      config: {a: 1}\n    route-rules: x']) {
      const text = ['apiVersion: nmstate.io/v1', 'kind: NodeNetworkConfigurationPolicy', 'metadata:', '  name: p', 'spec:', '  nodeSelector: [worker]', state, ''].join('\n');
      const { problems, failures } = lintText(text, DEFAULT_SETTINGS);
      assert.deepEqual(failures, []);
      assert.ok(problems.some((p) => p.code === 'nmstate-node-selector' && text.slice(p.start, p.end) === '[worker]'));
      assert.ok(problems.filter((p) => p.code === 'nmstate-value').length >= 1, state);
    }
  });
});

describe('NMState completion and key hover', function () {
  const complete = (withCaret: string) => {
    const offset = withCaret.indexOf('|');
    const text = withCaret.slice(0, offset) + withCaret.slice(offset + 1);
    return completionsAt(parseText(text), offset, DEFAULT_SETTINGS, { knownRoles: [] }).items;
  };
  const state = [
    '    interfaces:', '      - name: ens6', '        type: ethernet', '      - name: blue', '        type: vrf', '        vrf:',
    '          route-table-id: 100', '    route-rules:', '      config:', '        - ip-from: 192.0.2.0/24', '          route-table: 200',
    '    routes:', '      config:', '        - destination: 198.51.100.0/24', '          CARET',
  ].join('\n');

  it('offers the keys of a route that are not written yet, with since in the detail and the doc', function () {
    const items = complete(policy(state.replace('CARET', '|')));
    assert.ok(!items.some((i) => i.label === 'destination'));
    const weight = items.find((i) => i.label === 'weight');
    assert.equal(weight?.detail, 'integer · since nmstate 2.2.5');
    assert.match(weight?.documentation ?? '', /ECMP/);
  });

  it('offers the interfaces of the state for next-hop-interface and the tables in use for table-id', function () {
    assert.deepEqual(complete(policy(state.replace('CARET', 'next-hop-interface: |'))).map((i) => i.label), ['ens6', 'blue']);
    assert.deepEqual(complete(policy(state.replace('CARET', 'table-id: |'))).map((i) => i.label), ['200', '100', '254']);
  });

  it('offers interface types, states and booleans, also in a bare state while the line is typed', function () {
    const bare = (line: string) => complete(`interfaces:\n  - name: eth1\n    ${line}\n`).map((i) => i.label);
    assert.ok(bare('type: |').includes('linux-bridge'));
    assert.deepEqual(bare('state: |'), ['up', 'down', 'absent', 'ignore']);
    assert.ok(bare('|').includes('ipv4'));
    assert.deepEqual(complete('interfaces:\n  - name: eth1\n    ipv4:\n      enabled: |\n').map((i) => i.label), ['true', 'false']);
    assert.deepEqual(complete(policy('    route-rules:\n      config:\n        - action: |')).map((i) => i.label), ['blackhole', 'unreachable', 'prohibit']);
  });

  it('hovers a key with its doc, type, values and since; envelope keys too; unknown keys get nothing', function () {
    const text = policy(state.replace('CARET', 'route-type: blackhole\n          foo: 1'));
    const parsed = parseText(text);
    const hover = (word: string) => hoverAt(parsed, text.indexOf(word) + 1, DEFAULT_SETTINGS);
    const routeType = hover('route-type');
    assert.ok(routeType);
    assert.equal(text.slice(routeType.start, routeType.end), 'route-type');
    assert.match(routeType.markdown, /routes\.config\[\]\.route-type/);
    assert.match(routeType.markdown, /`blackhole`/);
    assert.match(routeType.markdown, /Since nmstate 2\.2\.20/);
    assert.match(hover('nodeSelector')?.markdown ?? '', /the nodes this policy configures/);
    assert.equal(hover('foo:'), undefined);
    assert.equal(nmstateKeyHover(parsed, text.indexOf('kubernetes.io/hostname') + 1), undefined);
  });
});
