import { formatNetwork, isWithin, networkOf, parseAddress, parseCidr, type CidrReading, type Network, type ParsedAddress } from '../net/address';
import type { NamedRange } from '../net/clusterRanges';
import type { Route, RouteAttribute, RouteReadings } from './route';

/**
 * Facts about a route that several rules need, read the same way for nmcli, keyfile and
 * route file routes: the network it names, whether it is being removed, its table, its
 * attributes.
 */

/** The network of the destination (host bits cleared), in the route's own family; undefined when unreadable. */
export function destinationNetwork(route: Route): Network | undefined {
  return readingsOf(route).network;
}

/** The destination's network as formatNetwork writes it (`10.0.0.0/8`); undefined when unreadable. */
export function destinationNetworkText(route: Route): string | undefined {
  return readingsOf(route).networkText;
}

/** The destination as written. */
export function destinationReading(route: Route): CidrReading {
  return readingsOf(route).destination;
}

/** The next hop; undefined without one or when it is not an address. */
export function gatewayAddress(route: Route): ParsedAddress | undefined {
  return readingsOf(route).gateway;
}

/** The route's addresses, read on first use and kept on the route (see Route.readings). */
function readingsOf(route: Route): RouteReadings {
  return (route.readings ??= readAddresses(route));
}

function readAddresses(route: Route): RouteReadings {
  const destination = parseCidr(route.destination.value);
  const network = destinationNetworkOf(route, destination);
  return {
    destination,
    network,
    networkText: network ? formatNetwork(network) : undefined,
    gateway: route.gateway ? parseAddress(route.gateway.value) : undefined,
  };
}

function destinationNetworkOf(route: Route, reading: CidrReading): Network | undefined {
  // A route file's ADDRESSn without a usable NETMASKn: NetworkManager has no such route.
  if (route.unreadablePrefix) return undefined;
  if (!reading.ok || reading.family !== route.propertyFamily) return undefined;
  // A keyfile route written without a prefix means /24 (IPv4) or /128 to NetworkManager.
  const prefix = !reading.explicitPrefix && route.impliedPrefix !== undefined
    ? route.impliedPrefix
    : reading.prefix;
  return { family: reading.family, address: networkOf(reading.address, prefix), prefix };
}

/** `-ipv4.routes "…"` removes routes: the route is not added. */
export function isRemoval(route: Route): boolean {
  return route.removal;
}

/** The last `name=` attribute of the route (nmcli and NetworkManager keep the last one). */
export function attributeOf(route: Route, name: string): RouteAttribute | undefined {
  let found: RouteAttribute | undefined;
  for (const attribute of route.attributes) if (attribute.name.value === name) found = attribute;
  return found;
}

/** Booleans as libnm reads them (_nm_utils_ascii_str_to_bool): undefined when not one. */
export function readBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(t)) return true;
  if (['false', 'no', 'off', '0'].includes(t)) return false;
  return undefined;
}

/** `onlink=true`: the next hop is on the link, whatever the interface's subnets say. */
export function isOnlink(route: Route): boolean {
  const onlink = attributeOf(route, 'onlink');
  return onlink !== undefined && readBoolean(onlink.value.value) === true;
}

export const MAIN_TABLE = 254;

/**
 * The routing table the route goes to: `table=N`, or the main table when absent or 0
 * (0 means "the profile's ipv4.route-table", which is the main table unless set).
 * Undefined when the value is not a number (route-attribute says so).
 */
export function tableOf(route: Route): number | undefined {
  const table = route.table ?? attributeOf(route, 'table')?.value;
  if (!table) return MAIN_TABLE;
  if (!/^\d+$/.test(table.value)) return undefined;
  const n = Number(table.value);
  return n === 0 ? MAIN_TABLE : n;
}

/** The metric as a number (undefined when none is written or it is not a number). */
export function metricOf(route: Route): number | undefined {
  if (!route.metric || !/^\+?\d+$/.test(route.metric.value)) return undefined;
  return Number(route.metric.value);
}

/** Where routes of `family` are written, for messages: `ipv4.routes`, or for a route file `route-NAME` / `route6-NAME`. */
export function routeListName(route: Route, family = route.propertyFamily): string {
  return route.listNames[family];
}

/** A route that adds a destination inside one of some ranges (the cluster's, the machine network). */
export interface RouteInRange {
  route: Route;
  network: Network;
  hit: NamedRange;
}

/** Added (not removed) routes whose destination lies inside one of `ranges`. */
export function routesInside(routes: readonly Route[], ranges: NamedRange[]): RouteInRange[] {
  const found: RouteInRange[] = [];
  for (const route of routes) {
    if (isRemoval(route)) continue;
    const network = destinationNetwork(route);
    if (!network) continue;
    for (const hit of ranges) {
      if (!isWithin(network, hit.network)) continue;
      found.push({ route, network, hit });
      break;
    }
  }
  return found;
}
