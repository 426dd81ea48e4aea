import { INTERFACE_ITEM } from './schemaInterfaces';
import { freeMap, int, listOf, mapping, oneOf, str, strings, type NmKey } from './schemaTypes';

export type { NmKey, NmType } from './schemaTypes';

/**
 * The key tables of an nmstate state (nmstate's NetworkState and what it holds), and of
 * the documents that carry one: a NodeNetworkConfigurationPolicy (kubernetes-nmstate
 * api/shared NodeNetworkConfigurationPolicySpec) and an NMStateConfig (assisted-service
 * NMStateConfigSpec). Read from nmstate 2.2.37's serde structs (rust/src/lib/) and
 * devel/yaml_api.md; `since` is the first nmstate tag that reads a key newer releases
 * added, so a policy for an older cluster can be told what its nmstate rejects.
 */

export const ROUTE_TYPES: readonly string[] = ['blackhole', 'unreachable', 'prohibit'];

export const ROUTE_ENTRY: NmKey = listOf('Static routes to add (or, with state: absent, to remove).', {
  destination: str('The destination network in CIDR form (198.51.100.0/24, ::/0); required unless state: absent.'),
  'next-hop-address': str('The gateway. Leave it out for a route straight out of next-hop-interface.'),
  'next-hop-interface': str('The interface the route leaves through.'),
  metric: int('The route metric (lower wins; -1 lets the backend decide).'),
  'table-id': int('The routing table (254 or 0: main). Another table needs a route-rule or a VRF using it.'),
  state: oneOf(['absent', 'ignore'], 'absent removes every route that matches the fields given (the others act as wildcards).', { offer: ['absent'] }),
  weight: int('The weight of this next hop in an ECMP route (1–256).', { since: '2.2.5', min: 1, max: 256 }),
  'route-type': oneOf(ROUTE_TYPES, 'A route that drops traffic: blackhole, unreachable or prohibit.', { since: '2.2.20' }),
  cwnd: int('The TCP congestion window clamp (nmstate sets `lock cwnd`).', { since: '2.2.27' }),
  source: str('The preferred source address for traffic using this route (`src`).', { since: '2.2.36' }),
  'vrf-name': str('Put the route into the table of this VRF.', { since: '>2.2.37' }),
  mtu: int('The MTU of the route (may still change by path MTU discovery unless lock-mtu).', { since: '2.2.42' }),
  'lock-mtu': { doc: 'Lock the route MTU against path MTU discovery.', type: 'boolean', since: '2.2.59' },
});

export const ROUTE_RULE_ENTRY: NmKey = listOf('Policy routing rules (`ip rule`).', {
  'ip-from': str('Match the source address or network.'),
  'ip-to': str('Match the destination address or network.'),
  priority: int('The rule priority (lower first). Set it: without one nmstate appends after existing rules.'),
  'route-table': int('The table matching packets are looked up in (0 or 254: main).'),
  state: oneOf(['absent'], 'absent removes matching rules.'),
  family: oneOf(['ipv4', 'ipv6'], 'The family of a rule with neither ip-from nor ip-to (from all to all).', { since: '2.2.1' }),
  fwmark: { doc: 'Match this firewall mark (integer or hex string).', type: 'integer or string', since: '2.2.1' },
  fwmask: { doc: 'The mask applied to the firewall mark (integer or hex string).', type: 'integer or string', since: '2.2.1' },
  iif: str('Match packets that came in on this interface.', { since: '2.2.2' }),
  action: oneOf(ROUTE_TYPES, 'Instead of a table lookup: blackhole, unreachable or prohibit.', { since: '2.2.2' }),
  'suppress-prefix-length': int('Ignore routes of the table with this prefix length or shorter.', { since: '2.2.14' }),
  suppress_prefixlength: int('Alias of suppress-prefix-length.', { since: '2.2.14' }),
});

const dnsClient = (doc: string): NmKey => mapping(doc, {
  server: strings('Name servers (addresses).'),
  search: strings('Search domains.'),
  options: strings('resolv.conf options (rotate, ndots:2…).', { since: '2.2.16' }),
});

/** The top level of a state (nmstate's NetworkState, `deny_unknown_fields`). */
export const STATE: NmKey = mapping('An nmstate state: interfaces, routes, route-rules, dns-resolver…', {
  interfaces: INTERFACE_ITEM,
  routes: mapping('Routes: `config` is the list applied; `running` is only shown by nmstate.', {
    config: ROUTE_ENTRY,
    running: { ...ROUTE_ENTRY, doc: 'The routes in effect (shown by nmstate; ignored when applied).' },
  }),
  'route-rules': mapping('Policy routing rules: `config` is the list applied.', { config: ROUTE_RULE_ENTRY }),
  'dns-resolver': mapping('DNS: `config` is applied; `running` is only shown.', {
    config: dnsClient('The static DNS configuration (replaces the current one when given).'),
    running: dnsClient('The DNS configuration in effect (shown by nmstate).'),
  }),
  hostname: mapping('The host name.', { config: str('The static host name.'), running: str('The running host name.') }, { since: '2.1.1' }),
  'ovs-db': mapping('Global OpenvSwitch database settings.', {
    external_ids: freeMap('Free-form `external_ids` of the Open_vSwitch table.'),
    other_config: freeMap('Free-form `other_config` of the Open_vSwitch table.'),
  }),
  ovn: mapping('OVN settings.', {
    'bridge-mappings': listOf('OVN bridge mappings: localnet → OVS bridge.', {
      localnet: str('The OVN localnet network name.'),
      bridge: str('The OVS bridge it maps to.'),
      state: oneOf(['present', 'absent'], 'absent removes the mapping.'),
    }, { open: true }),
  }, { since: '2.2.13' }),
  description: str('A description of the state (nmstate ignores it when applying).', { since: '2.2.22' }),
});

const METADATA = freeMap('The object\'s name, labels and annotations.', { hint: 'name, labels, annotations' });
const STATUS = freeMap('Written by the operator: never by users.');

/** A NodeNetworkConfigurationPolicy (nmstate.io/v1). */
export const POLICY: NmKey = mapping('A NodeNetworkConfigurationPolicy.', {
  apiVersion: str('nmstate.io/v1 (v1beta1 is deprecated).', { offer: ['nmstate.io/v1'] }),
  kind: str('NodeNetworkConfigurationPolicy.', { offer: ['NodeNetworkConfigurationPolicy'] }),
  metadata: METADATA,
  spec: mapping('What the policy applies and where.', {
    nodeSelector: freeMap('Labels a node must have to get the policy (a map of strings). Without it: every node.', { hint: 'map of node labels' }),
    desiredState: { ...STATE, doc: 'The nmstate state the NMState Operator applies on each selected node.' },
    capture: freeMap('nmpolicy capture expressions: named queries on the node\'s current state, used as {{ capture.NAME… }}.'),
    maxUnavailable: { doc: 'How many (or what percentage of) selected nodes may apply the policy at a time (default 50%).', type: 'integer or string' },
  }),
  status: STATUS,
});

/** An NMStateConfig (agent-install.openshift.io/v1beta1). */
export const NMSTATECONFIG: NmKey = mapping('An NMStateConfig: one host\'s network for an agent-based install.', {
  apiVersion: str('agent-install.openshift.io/v1beta1.', { offer: ['agent-install.openshift.io/v1beta1'] }),
  kind: str('NMStateConfig.', { offer: ['NMStateConfig'] }),
  metadata: METADATA,
  spec: mapping('The host\'s network.', {
    config: { ...STATE, doc: 'The nmstate state of the host, applied at install time.' },
    interfaces: listOf('Maps the interface names the state uses to the host\'s NICs by MAC address.', {
      name: str('An interface name the state uses.'),
      macAddress: str('The MAC address of the NIC that gets this name.'),
    }),
  }),
  status: STATUS,
});

export type NmPath = readonly (string | number)[];

/** The key at `path` (keys, and list indexes as numbers) from `root`; undefined where nothing is known. */
export function nmKeyAt(root: NmKey, path: NmPath): NmKey | undefined {
  let node: NmKey | undefined = root;
  let inList = root.type === 'list of mappings';
  for (const part of path) {
    if (!node) return undefined;
    if (typeof part === 'number') {
      if (!inList) return undefined;
      inList = false;
      continue;
    }
    if (inList || !node.keys || !Object.hasOwn(node.keys, part)) return undefined;
    node = node.keys[part];
    inList = node.type === 'list of mappings';
  }
  return node;
}

/**
 * The keys valid at `path` (a mapping, or an item of a list of mappings); undefined when
 * nothing is known there or the place is free-form.
 */
export function nmKeysAt(root: NmKey, path: NmPath): Readonly<Record<string, NmKey>> | undefined {
  const last = path[path.length - 1];
  const node = nmKeyAt(root, path);
  if (!node?.keys) return undefined;
  // A list of mappings has keys for its items, not for itself.
  if (node.type === 'list of mappings' && typeof last !== 'number') return undefined;
  return node.keys;
}

/** How a key's type reads in hover and completion. */
export function describeType(key: NmKey): string {
  if (key.hint) return key.hint;
  const values = (key.offer ?? key.values)?.filter((v) => !/^\d$/.test(v));
  if (values && key.values) return values.length > 6 ? `${key.type}: ${values.slice(0, 5).join(', ')}, …` : `one of ${values.join(', ')}`;
  return key.type;
}
