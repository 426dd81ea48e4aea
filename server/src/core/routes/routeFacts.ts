import { networkOf, parseAddress, parseCidr, type CidrReading, type Network, type ParsedAddress } from '../net/address';
import type { EmbeddedText } from '../text/embeddedText';
import type { OriginRoute, RouteAttribute } from './route';
import type { Severity } from '../text/problem';

/**
 * Facts about a route that several rules need, read the same way for nmcli, keyfile and
 * route file routes: the network it names, whether it is being removed, its table, its
 * attributes.
 */

/** The network of the destination (host bits cleared), in the route's own family; undefined when unreadable. */
export function destinationNetwork(route: OriginRoute): Network | undefined {
  // Many rules ask for the same route's network; parsing addresses is the costly part.
  if (networks.has(route)) return networks.get(route);
  const network = readDestinationNetwork(route);
  networks.set(route, network);
  return network;
}

const networks = new WeakMap<OriginRoute, Network | undefined>();

/** The destination as written, parsed once per route. */
export function destinationReading(route: OriginRoute): CidrReading {
  let reading = readings.get(route);
  if (!reading) {
    reading = parseCidr(route.destination.value);
    readings.set(route, reading);
  }
  return reading;
}

const readings = new WeakMap<OriginRoute, CidrReading>();

/** The next hop, parsed once per route; undefined without one or when it is not an address. */
export function gatewayAddress(route: OriginRoute): ParsedAddress | undefined {
  if (!route.gateway) return undefined;
  if (!gateways.has(route)) gateways.set(route, parseAddress(route.gateway.value));
  return gateways.get(route);
}

const gateways = new WeakMap<OriginRoute, ParsedAddress | undefined>();

function readDestinationNetwork(route: OriginRoute): Network | undefined {
  // A route file's ADDRESSn without a usable NETMASKn: NetworkManager has no such route.
  if (route.origin === 'route-file' && route.prefixProblem) return undefined;
  const reading = destinationReading(route);
  if (!reading.ok || reading.family !== route.propertyFamily) return undefined;
  // A keyfile route written without a prefix means /24 (IPv4) or /128 to NetworkManager.
  const prefix = !reading.explicitPrefix && route.origin === 'keyfile' && route.impliedPrefix !== undefined
    ? route.impliedPrefix
    : reading.prefix;
  return { family: reading.family, address: networkOf(reading.address, prefix), prefix };
}

/** `-ipv4.routes "…"` removes routes: the route is not added. */
export function isRemoval(route: OriginRoute): boolean {
  return route.origin === 'nmcli' && route.property.operation === '-';
}

/** The last `name=` attribute of the route (nmcli and NetworkManager keep the last one). */
export function attributeOf(route: OriginRoute, name: string): RouteAttribute | undefined {
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
export function isOnlink(route: OriginRoute): boolean {
  const onlink = attributeOf(route, 'onlink');
  return onlink !== undefined && readBoolean(onlink.value.value) === true;
}

export const MAIN_TABLE = 254;

/**
 * The routing table the route goes to: `table=N`, or the main table when absent or 0
 * (0 means "the profile's ipv4.route-table", which is the main table unless set).
 * Undefined when the value is not a number (route-attribute says so).
 */
export function tableOf(route: OriginRoute): number | undefined {
  const table = attributeOf(route, 'table');
  if (!table) return MAIN_TABLE;
  if (!/^\d+$/.test(table.value.value)) return undefined;
  const n = Number(table.value.value);
  return n === 0 ? MAIN_TABLE : n;
}

/** The metric as a number (undefined when none is written or it is not a number). */
export function metricOf(route: OriginRoute): number | undefined {
  if (!route.metric || !/^\+?\d+$/.test(route.metric.value)) return undefined;
  return Number(route.metric.value);
}

/** The range for a finding about the whole route entry. */
export function routeRange(route: OriginRoute): EmbeddedText {
  return route.text;
}

/**
 * What happens to a route file route NetworkManager cannot read: a line of the `ip route`
 * format is skipped (the others still count); anything wrong in the key format
 * (ADDRESSn=…) makes the ifcfg-rh plugin refuse the whole connection profile.
 */
export function routeFileRefusal(route: OriginRoute & { origin: 'route-file' }): { severity: Severity; consequence: string } {
  return route.format === 'key'
    ? { severity: 'error', consequence: `NetworkManager refuses the whole ifcfg-${route.fileName.slice(route.fileName.indexOf('-') + 1)} connection profile` }
    : { severity: 'warning', consequence: `NetworkManager ignores this line of ${route.fileName}` };
}

/** Where routes of `family` are written, for messages: `ipv4.routes`, or for a route file `route-NAME` / `route6-NAME`. */
export function routeListName(route: OriginRoute, family = route.propertyFamily): string {
  if (route.origin !== 'route-file') return `ipv${family}.routes`;
  const name = route.fileName.slice(route.fileName.indexOf('-') + 1);
  return `${family === 4 ? 'route' : 'route6'}-${name}`;
}
