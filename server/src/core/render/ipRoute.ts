import type { IpAddress } from '../address';
import type { ConfigRoute } from '../model';
import { attributeOf, destinationNetwork, gatewayAddress, isRemoval, MAIN_TABLE, metricOf, readBoolean, tableOf } from '../routeFacts';

/**
 * The line `ip route show` (IPv4) or `ip -6 route show` (IPv6) prints for a static route
 * NetworkManager added, e.g. `192.168.1.0/24 via 172.18.0.1 dev ens5 proto static metric 100`.
 * Hover and the unit preview both show it; it is what an administrator compares with
 * `oc debug node/<node> -- chroot /host ip route` after the rollout.
 */

/** NetworkManager's default route metric for an ethernet device (nm_device_get_route_metric_default). */
export const DEFAULT_ETHERNET_METRIC = 100;

export interface IpRouteOptions {
  /**
   * The metric NetworkManager gives a route that has none: the connection's
   * `ipv4.route-metric`/`ipv6.route-metric` when set, else the device type's default
   * (100 for ethernet, the default here).
   */
  defaultMetric?: number;
}

export interface ExpectedRoute {
  /** The command whose output holds the line: `ip route show`, `ip -6 route show`, with `table N` outside the main table. */
  command: string;
  /** The line as iproute2 prints it. */
  line: string;
  /** The routing table (254 is main). */
  table: number;
  /** The metric is NetworkManager's default, not written in the route. */
  metricImplied: boolean;
}

/** The `ip route show` line of `route` on `device`; undefined when NetworkManager would not add it (see expectedRoute). */
export function ipRouteLine(route: ConfigRoute, device: string, options: IpRouteOptions = {}): string | undefined {
  return expectedRoute(route, device, options)?.line;
}

/** Route types NetworkManager knows (`type=` attribute) that have no next hop and no device. */
const NO_DEVICE_TYPES = new Set(['blackhole', 'unreachable', 'prohibit', 'throw']);
const LOCAL_TABLE = 255;

/**
 * The route as `ip route` lists it once NetworkManager has added it. Undefined when it
 * would not be added: a removal (`-ipv4.routes`), a destination or next hop that is not
 * an address of the route's family, a metric or table that is not a number. The line
 * follows iproute2's print order: type, destination (`default` for /0, no prefix for a
 * host route), `from`, `tos`, `via`, `dev`, `proto static`, `scope`, `src`, `metric`,
 * `onlink`, route metrics (`mtu [lock] N`, `window`, `cwnd`, `advmss`, `initcwnd`,
 * `rto_min`, `initrwnd`, `quickack`), and `pref medium` for IPv6. The table is not in the
 * line: `ip route show table N` lists that table's routes without it.
 */
export function expectedRoute(route: ConfigRoute, device: string, options: IpRouteOptions = {}): ExpectedRoute | undefined {
  if (isRemoval(route)) return undefined;
  const network = destinationNetwork(route);
  if (!network) return undefined;
  const family = network.family;
  if (route.metric && metricOf(route) === undefined) return undefined;
  const type = attributeOf(route, 'type')?.value.value ?? 'unicast';
  let table = tableOf(route);
  if (table === undefined) return undefined;
  if (type === 'local' && !attributeOf(route, 'table')) table = LOCAL_TABLE;

  const gateway = route.gateway ? gatewayAddress(route) : undefined;
  if (route.gateway && (!gateway || gateway.family !== family)) return undefined;
  const via = gateway && !isUnspecified(gateway.address) ? gateway.address : undefined;

  const bits = family === 4 ? 32 : 128;
  const words: string[] = [];
  if (type !== 'unicast') words.push(type);
  words.push(network.prefix === 0 ? 'default' : network.prefix === bits ? show(network.address) : `${show(network.address)}/${network.prefix}`);
  const from = attributeOf(route, 'from');
  if (from && family === 6) words.push('from', from.value.value);
  const tos = attributeOf(route, 'tos');
  if (tos && family === 4 && /^(0x[0-9a-f]+|\d+)$/i.test(tos.value.value)) words.push('tos', `0x${Number(tos.value.value).toString(16).padStart(2, '0')}`);
  const hasDevice = !NO_DEVICE_TYPES.has(type);
  if (hasDevice && via) words.push('via', show(via));
  if (hasDevice) words.push('dev', device);
  words.push('proto', 'static');
  const scope = scopeOf(route, type, via !== undefined, family);
  if (scope) words.push('scope', scope);
  const src = attributeOf(route, 'src');
  if (src) words.push('src', src.value.value);
  const metric = metricOf(route) ?? options.defaultMetric ?? DEFAULT_ETHERNET_METRIC;
  words.push('metric', String(metric));
  const onlink = attributeOf(route, 'onlink');
  if (onlink && readBoolean(onlink.value.value) === true) words.push('onlink');
  for (const [name, shown, unit] of ROUTE_METRICS) {
    const value = attributeOf(route, name);
    if (!value || !/^\d+$/.test(value.value.value)) continue;
    const lock = attributeOf(route, `lock-${name}`);
    words.push(shown, ...(lock && readBoolean(lock.value.value) === true ? ['lock'] : []), `${Number(value.value.value)}${unit}`);
  }
  const quickack = attributeOf(route, 'quickack');
  if (quickack && readBoolean(quickack.value.value) === true) words.push('quickack', '1');
  if (family === 6) words.push('pref', 'medium');

  const base = family === 4 ? 'ip route show' : 'ip -6 route show';
  return {
    command: table === MAIN_TABLE ? base : `${base} table ${table === LOCAL_TABLE ? 'local' : table}`,
    line: words.join(' '),
    table,
    metricImplied: metricOf(route) === undefined,
  };
}

/** Route metrics in the order iproute2 prints them (RTAX_* order), with their unit. */
const ROUTE_METRICS: [name: string, shown: string, unit: string][] = [
  ['mtu', 'mtu', ''], ['window', 'window', ''], ['cwnd', 'cwnd', ''], ['advmss', 'advmss', ''],
  ['initcwnd', 'initcwnd', ''], ['rto_min', 'rto_min', 'ms'], ['initrwnd', 'initrwnd', ''],
];

const SCOPE_NAMES: Record<number, string> = { 0: '', 200: 'site', 253: 'link', 254: 'host', 255: 'nowhere' };

/**
 * IPv4 only (`ip -6` prints no scope): NetworkManager gives a route without a next hop
 * scope link, a local route scope host, one with a next hop scope universe (not
 * printed), unless `scope=N` says otherwise.
 */
function scopeOf(route: ConfigRoute, type: string, hasGateway: boolean, family: 4 | 6): string | undefined {
  if (family === 6) return undefined;
  const written = attributeOf(route, 'scope');
  if (written && /^\d+$/.test(written.value.value)) {
    const n = Number(written.value.value);
    return n in SCOPE_NAMES ? SCOPE_NAMES[n] || undefined : String(n);
  }
  if (type === 'local') return 'host';
  if (type !== 'unicast') return undefined;
  return hasGateway ? undefined : 'link';
}

function isUnspecified(address: IpAddress): boolean {
  return address.range() === 'unspecified';
}

/** iproute2 prints IPv6 addresses compressed (RFC 5952), IPv4 dotted. */
function show(address: IpAddress): string {
  return address.toString();
}
