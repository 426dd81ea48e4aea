import { broadcastOf, contains, networkOf, sameAddress, type IpAddress } from '../../../net/address';
import { interfaceAddressesOf, routeOwners, type InterfaceAddress } from '../../../kinds/machineconfig/configInterfaces';
import type { AppliedState } from '../../../kinds/documentKind';
import { ipConfigOf, isNmstateRoute, kernelInterface, staticSubnets, statesOfRoutes, unreachableNextHop } from '../../../kinds/nmstate/stateInterfaces';
import type { NmstateRoute } from '../../../formats/nmstateState';
import { syntaxProblemsOf, type Route } from '../../../routes/route';
import { machineRanges } from '../../../net/clusterRanges';
import { isOnlink, destinationReading, gatewayAddress } from '../../../routes/routeFacts';
import { quoted } from '../../../text/quote';
import type { Finding, Rule } from '../rule';

const NOT_A_NEXT_HOP: Record<string, string> = {
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  loopback: 'a loopback address',
};
/** 240.0.0.0/4 cannot be routed; ipaddr.js's "reserved" also holds the documentation and benchmark prefixes, which are fine. */
const RESERVED_V4 = 'reserved';

/** The next hop must be one unicast address the node can reach, not inside the route it serves. */
export const routeGateway: Rule = {
  id: 'route-gateway',
  check({ ignition: mc, routes, states, settings, report }) {
    // Read only when needed: the config's interface addresses, the state of each NMState route.
    let local: { addresses: InterfaceAddress[]; owners: ReadonlyMap<Route, string[]> } | undefined;
    const addressesFor = () => (local ??= mc ? { addresses: interfaceAddressesOf(mc), owners: routeOwners(mc) } : { addresses: [], owners: new Map() });
    let stateOf: Map<NmstateRoute, AppliedState> | undefined;
    const appliedOf = (route: NmstateRoute) => (stateOf ??= statesOfRoutes(states)).get(route);
    /** The addresses of the interface the route goes out of, when the config or state says which they are. */
    const ownAddresses = (route: Route): InterfaceAddress[] | undefined => {
      if (isNmstateRoute(route)) {
        const applied = appliedOf(route);
        const iface = route.nextHopInterface && applied ? kernelInterface(applied.state, route.nextHopInterface.value) : undefined;
        if (!iface) return undefined;
        return staticSubnets(ipConfigOf(iface, route.propertyFamily))
          .map((s) => ({ names: [route.nextHopInterface!.value], family: s.network.family, address: s.address, prefix: s.network.prefix, runtime: false }));
      }
      const { addresses, owners } = addressesFor();
      const names = owners.get(route);
      return names ? addresses.filter((a) => a.names.some((n) => names.includes(n))) : undefined;
    };
    // ipaddr.js finds an address's special range by matching it against each of them; the
    // routes of a file share a few next hops, each looked up once.
    const rangeNames = new Map<string, string>();
    const rangeNameOf = (text: string, address: IpAddress): string => {
      let name = rangeNames.get(text);
      if (name === undefined) rangeNames.set(text, (name = address.range()));
      return name;
    };
    for (const route of routes) {
      for (const { severity, message, range, data } of syntaxProblemsOf(route, 'route-gateway')) {
        report({ severity, message, range, ...(data ? { data } : {}) });
      }
      if (!route.gateway) continue;
      // Where the finding goes, found only for one: mapping the next hop back to the file is most of a route's cost here.
      const gatewayText = route.gateway;
      const range = () => gatewayText.rangeOf();
      const gateway = gatewayAddress(route);
      if (!gateway) {
        report({ severity: 'error', message: `Next hop ${quoted(route.gateway.value)} is not an IP address: write the gateway's address.`, range: range() });
        continue;
      }
      if (gateway.family !== route.propertyFamily) continue; // route-family says it
      const kind = rangeNameOf(route.gateway.value, gateway.address);
      const classE = gateway.family === 4 && kind === RESERVED_V4 && gateway.address.toByteArray()[0] >= 240;
      const finding = judge(classE ? 'reserved-v4' : kind === RESERVED_V4 ? 'unicast' : kind, route.gateway.value);
      if (finding) {
        report({ ...finding, range: range() });
        continue;
      }
      const destination = destinationReading(route);
      const notAHost = notAHostOf(route, gateway.address, destination, ownAddresses);
      if (notAHost) {
        report({ severity: 'error', message: notAHost, range: range() });
        continue;
      }
      // onlink=true: the next hop is declared reachable on the link itself, not through a route.
      // A gateway in the machine network, more specific than the destination, is reached
      // through the node's connected route (10.0.0.0/8 via 10.0.0.1 with 10.0.0.0/16 on br-ex).
      const connected = machineRanges(settings).some((r) => r.network.prefix > (destination.ok ? destination.prefix : 0) &&
        contains(r.network.address, r.network.prefix, gateway.address));
      if (destination.ok && destination.family === gateway.family && destination.prefix > 0 && !isOnlink(route) && !connected &&
          contains(destination.address, destination.prefix, gateway.address)) {
        // A summary route (10.50.0.0/16 via 10.50.0.1) on a NIC whose own address (10.50.0.5/24)
        // covers the gateway: reached through that connected, more specific route.
        let candidates: InterfaceAddress[];
        let names: string[] | undefined;
        // An address with the destination's own prefix reaches the next hop too, but a route
        // to the interface's own subnet is nmstate-hairpin's finding; for other routes it stays this one.
        let widest = destination.prefix + 1;
        if (isNmstateRoute(route)) {
          const applied = appliedOf(route);
          // The state gives the interface all its addresses and none holds the next hop: nmstate-next-hop-unreachable says so.
          if (applied && unreachableNextHop(applied.state, route)) continue;
          candidates = ownAddresses(route) ?? [];
          widest = destination.prefix;
        } else {
          candidates = addressesFor().addresses;
          names = addressesFor().owners.get(route);
        }
        const covered = candidates.some((a) => a.family === gateway.family && a.prefix >= widest &&
          (!names || a.names.length === 0 || a.names.some((n) => names.includes(n))) && contains(a.address, a.prefix, gateway.address));
        if (covered) continue;
        report({
          severity: 'warning',
          message: `Next hop ${route.gateway.value} lies inside its own route ${route.destination.value} and no address here covers it: use a reachable router.`,
          range: range(),
        });
      }
    }
  },
};

/**
 * An IPv4 next hop that is the network address of the destination it serves, or the network or
 * broadcast address of a subnet of its own interface: no host answers there (subnets of /31 and
 * /32 have no such addresses). IPv6 has no broadcast, and its network address is the routers' anycast.
 */
function notAHostOf(
  route: Route,
  gateway: IpAddress,
  destination: ReturnType<typeof destinationReading>,
  ownAddresses: (route: Route) => InterfaceAddress[] | undefined,
): string | undefined {
  if (gateway.kind() !== 'ipv4') return undefined;
  const text = route.gateway!.value;
  if (destination.ok && destination.family === 4 && destination.prefix > 0 && destination.prefix <= 30 &&
      sameAddress(networkOf(destination.address, destination.prefix), gateway)) {
    return `Next hop ${text} is the network address of ${route.destination.value}, not a host: write the gateway's own address.`;
  }
  for (const a of ownAddresses(route) ?? []) {
    if (a.family !== 4 || a.prefix > 30 || !contains(a.address, a.prefix, gateway)) continue;
    const network = networkOf(a.address, a.prefix);
    // The subnet's text only for a finding: writing it for every address of every route cost a fifth of the rule.
    const subnet = () => `${network.toString()}/${a.prefix}`;
    if (sameAddress(network, gateway)) return `Next hop ${text} is the network address of the interface's subnet ${subnet()}: use the gateway's address.`;
    if (sameAddress(broadcastOf(a.address, a.prefix), gateway)) return `Next hop ${text} is the broadcast address of the interface's subnet ${subnet()}: use the gateway's address.`;
  }
  return undefined;
}

function judge(kind: string, text: string): Omit<Finding, 'range'> | undefined {
  if (kind === 'unspecified') {
    return {
      severity: 'warning',
      message: `Next hop ${text} means "no gateway": leave it out for a directly connected destination.`,
    };
  }
  if (kind === 'reserved-v4') return { severity: 'error', message: `Next hop ${text} is in the reserved range 240.0.0.0/4: use a router's unicast address.` };
  const what = NOT_A_NEXT_HOP[kind];
  if (what) return { severity: 'error', message: `Next hop ${text} is ${what}: use a router's unicast address.` };
  return undefined;
}
