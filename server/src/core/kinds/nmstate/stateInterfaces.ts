import { contains, networkOf, parseAddress, parseCidr, type Family, type IpAddress, type Network } from '../../net/address';
import type { IpConfig, NmstateInterface, NmstateRoute, NmstateState } from '../../formats/nmstateState';
import type { AppliedState } from '../documentKind';
import type { Route } from '../../routes/route';
import { isMap, isScalar, type YAMLMap } from 'yaml';
import { mapAt, scalarAt, seqAt } from '../../text/yamlDocuments';

/**
 * What a state says about the interface a route goes out of (`next-hop-interface`), as
 * nmstate reads it (rust/src/lib/route.rs MergedRoutes::new, ip.rs, iface.rs): which
 * declaration is the kernel interface, whether the route's family is enabled on it, which
 * static subnets it has.
 */

/** nmstate's userspace types (iface.rs USERSPACE_IFACE_TYPES): not kernel interfaces, so never a route's interface. */
const USERSPACE_TYPES: ReadonlySet<string> = new Set(['ovs-bridge', 'ipsec']);

/**
 * Types whose interface the state creates: nothing is on the node before it, so what the
 * state leaves out of `ipv4`/`ipv6` is not merged from a current interface (iface.rs
 * MergedInterface::new takes the desired one as it is, and a missing `enabled` reads false).
 */
const CREATED_TYPES: ReadonlySet<string> = new Set([
  'bond', 'linux-bridge', 'dummy', 'hsr', 'mac-vlan', 'mac-vtap', 'ovs-interface', 'veth', 'vlan', 'vrf', 'vxlan',
  'team', 'macsec', 'ipvlan', 'xfrm', 'tun',
]);

/** The interface is one the state creates (a vlan, a bond, …), not a NIC that exists before it. */
export function isCreatedType(iface: NmstateInterface): boolean {
  return iface.type !== undefined && CREATED_TYPES.has(iface.type.value);
}

/**
 * Whether the state names `name` among its interfaces (any type, any state), or as a port or
 * base interface of one of them (`vrf.port`, `bridge.port[].name`, `link-aggregation.port`,
 * `vlan.base-iface`…): MetalLB's VRF policy names its NIC only as the VRF's port.
 */
export function declaresInterface(state: NmstateState, name: string): boolean {
  return state.interfaces.some((iface) => iface.name?.value === name || referencedNames(iface.node).includes(name));
}

/** Sections of an interface that name other interfaces (nmstate's yaml_api). */
const PORT_LISTS = [['vrf', 'port'], ['link-aggregation', 'port'], ['bridge', 'port'], ['team', 'port']] as const;
const BASE_INTERFACES = ['vlan', 'vxlan', 'mac-vlan', 'mac-vtap', 'ipvlan', 'macsec', 'infiniband'] as const;

function referencedNames(node: YAMLMap): string[] {
  const names: string[] = [];
  const take = (value: unknown) => {
    if (typeof value === 'string' && value.length > 0) names.push(value);
  };
  for (const [section, key] of PORT_LISTS) {
    for (const item of seqAt(mapAt(node, section), key)?.items ?? []) {
      if (isScalar(item)) take(item.value);
      else if (isMap(item)) take(scalarAt(item, 'name')?.value);
    }
  }
  for (const section of BASE_INTERFACES) take(scalarAt(mapAt(node, section), 'base-iface')?.value);
  return names;
}

/**
 * The declaration of `name` that is the kernel interface (br-ex as ovs-interface, not as
 * ovs-bridge); undefined when the state declares none, or only a removal of it.
 */
export function kernelInterface(state: NmstateState, name: string): NmstateInterface | undefined {
  let found: NmstateInterface | undefined;
  for (const iface of state.interfaces) {
    if (iface.name?.value !== name || (iface.type && USERSPACE_TYPES.has(iface.type.value))) continue;
    found = iface;
  }
  return found && found.state !== 'absent' ? found : undefined;
}

export function ipConfigOf(iface: NmstateInterface, family: Family): IpConfig | undefined {
  return family === 4 ? iface.ipv4 : iface.ipv6;
}

/** A static address of an interface, with the subnet it makes connected. */
export interface StaticSubnet {
  /** As written: `10.0.5.10/24`. */
  text: string;
  address: IpAddress;
  network: Network;
}

/** The readable static addresses of `config`. */
export function staticSubnets(config: IpConfig | undefined): StaticSubnet[] {
  const found: StaticSubnet[] = [];
  for (const entry of config?.addresses ?? []) {
    if (!entry.ip || entry.prefixLength === undefined) continue;
    const parsed = parseAddress(entry.ip.value);
    const limit = parsed?.family === 4 ? 32 : 128;
    if (!parsed || parsed.family !== config!.family || entry.prefixLength > limit) continue;
    found.push({
      text: `${entry.ip.value}/${entry.prefixLength}`,
      address: parsed.address,
      network: { family: parsed.family, address: networkOf(parsed.address, entry.prefixLength), prefix: entry.prefixLength },
    });
  }
  return found;
}

/**
 * The static addresses that are all the interface has of `family`, or undefined when the
 * file cannot tell: no static address, or an address may come from DHCP or autoconf (a left
 * out `dhcp:` keeps what a NIC has today; a created interface has none).
 */
export function onlyStaticSubnets(iface: NmstateInterface, family: Family): StaticSubnet[] | undefined {
  const config = ipConfigOf(iface, family);
  if (!config || config.enabled === false) return undefined;
  const created = isCreatedType(iface);
  const off = (value: boolean | undefined) => value === false || (value === undefined && created);
  if (!off(config.dhcp) || (family === 6 && !off(config.autoconf))) return undefined;
  const subnets = staticSubnets(config);
  return subnets.length > 0 ? subnets : undefined;
}

/** Whether a static subnet holds `address`. */
export function subnetHolding(subnets: readonly StaticSubnet[], address: IpAddress): StaticSubnet | undefined {
  return subnets.find((s) => s.network.family === (address.kind() === 'ipv4' ? 4 : 6) && contains(s.network.address, s.network.prefix, address));
}

/** A route's next hop (`next-hop-address`) outside every subnet of its interface, as the state tells it. */
export interface UnreachableNextHop {
  route: NmstateRoute;
  iface: NmstateInterface;
  subnets: StaticSubnet[];
}

/**
 * The next hop of `route` is outside every static subnet of its interface, which has no other
 * address of the family: the kernel refuses a gateway that is not on the link (nmstate has no
 * `onlink`). Undefined when the state cannot tell, or another route of the state puts the next
 * hop on the link (a route to it with no next hop on the same interface). An IPv6 link-local
 * next hop is always on the link.
 */
export function unreachableNextHop(state: NmstateState, route: NmstateRoute): UnreachableNextHop | undefined {
  if (route.removal || !route.gateway || !route.nextHopInterface) return undefined;
  const gateway = parseAddress(route.gateway.value);
  if (!gateway || gateway.family !== route.propertyFamily) return undefined;
  if (gateway.family === 6 && gateway.address.range() === 'linkLocal') return undefined;
  const iface = kernelInterface(state, route.nextHopInterface.value);
  if (!iface) return undefined;
  const subnets = onlyStaticSubnets(iface, gateway.family);
  if (!subnets || subnetHolding(subnets, gateway.address)) return undefined;
  const onLink = state.routes.some((other) => {
    if (other.removal || other.gateway || other.nextHopInterface?.value !== route.nextHopInterface?.value) return false;
    const reading = parseCidr(other.destination.value);
    return reading.ok && contains(reading.address, reading.prefix, gateway.address);
  });
  return onLink ? undefined : { route, iface, subnets };
}

/** The state each NMState route of the document comes from. */
export function statesOfRoutes(states: readonly AppliedState[]): Map<NmstateRoute, AppliedState> {
  const found = new Map<NmstateRoute, AppliedState>();
  for (const applied of states) for (const route of applied.state.routes) found.set(route, applied);
  return found;
}

/** "this policy", "this NMStateConfig", … for messages. */
export function stateName(applied: AppliedState): string {
  switch (applied.via) {
    case 'policy': return 'this policy';
    case 'nmstateconfig': return 'this NMStateConfig';
    case 'machineconfig': return 'this nmstate file';
    default: return 'this state';
  }
}

/** br-ex, the bridge OVN-Kubernetes gives the node IP and its default route. */
export const BR_EX = 'br-ex';

/** Whether a route of the document is a `routes.config` entry of an nmstate state. */
export function isNmstateRoute(route: Route): route is NmstateRoute {
  return (route as Partial<NmstateRoute>).origin === 'nmstate';
}

/** The interface an NMState route names (`next-hop-interface`); '' for other routes, which name theirs elsewhere. */
export function nextHopInterfaceOf(route: Route): string {
  return isNmstateRoute(route) ? route.nextHopInterface?.value ?? '' : '';
}
