import type { IpAddress } from '../net/address';
import type { Route } from './route';
import { attributeOf, destinationNetwork, gatewayAddress, isOnlink, isRemoval, MAIN_TABLE, metricOf, readBoolean, tableOf } from './routeFacts';
import type { Settings } from '../text/settings';

/**
 * The line `ip route show` (IPv4) or `ip -6 route show` (IPv6) prints for a static route
 * NetworkManager added, e.g. `192.168.1.0/24 via 172.18.0.1 dev ens5 proto static metric 100`.
 * Hover and the unit preview both show it; it is what an administrator compares with
 * `oc debug node/<node> -- chroot /host ip route` after the rollout.
 *
 * The line follows iproute2's print order: type, destination (`default` for /0, no
 * prefix for a host route), `from`, `tos`, `via`, `dev`, `proto static`, `scope`, `src`,
 * `metric` (none for an IPv4 metric of 0), `onlink`, route metrics (`mtu [lock] N`, `window`, `cwnd`, `advmss`,
 * `initcwnd`, `rto_min`, `initrwnd`, `quickack`), and `pref medium` for IPv6. The table
 * is not in the line: `ip route show table N` lists that table's routes without it.
 */

/** NetworkManager's default route metric for an ethernet device (nm_device_get_route_metric_default). */
export const DEFAULT_ETHERNET_METRIC = 100;

export interface IpRouteOptions {
  /**
   * The metric NetworkManager gives a route that has none: the connection's
   * `ipv4.route-metric`/`ipv6.route-metric` when set, else the device type's default
   * (100 for ethernet, the default here; see defaultRouteMetric).
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

/** Route types NetworkManager knows (`type=` attribute) that have no next hop and no device. */
const NO_DEVICE_TYPES = new Set(['blackhole', 'unreachable', 'prohibit', 'throw']);
/** The routing table of the `local` type's default (NetworkManager puts `type=local` routes there). */
const LOCAL_TABLE = 255;
/** Route metrics in the order iproute2 prints them (RTAX_* order), with their unit. */
const ROUTE_METRICS: [name: string, unit: string][] = [
  ['mtu', ''], ['window', ''], ['cwnd', ''], ['advmss', ''], ['initcwnd', ''], ['rto_min', 'ms'], ['initrwnd', ''],
];
const SCOPE_NAMES: Record<number, string> = { 0: '', 200: 'site', 253: 'link', 254: 'host', 255: 'nowhere' };

/**
 * The `ip route show` line of `route` on `device` (`DEVICE` when unknown). A route
 * without a metric gets `defaultMetric`: NetworkManager's default for the device (100
 * for ethernet; see defaultRouteMetric). Parts that cannot be read (a destination that
 * is not an address) are shown as written; expectedRoute says whether the route is added at all.
 */
export function ipRouteLine(route: Route, device: string | undefined, defaultMetric: number | IpRouteOptions = DEFAULT_ETHERNET_METRIC): string {
  const fallback = typeof defaultMetric === 'number' ? defaultMetric : defaultMetric.defaultMetric ?? DEFAULT_ETHERNET_METRIC;
  const family = route.propertyFamily;
  const bits = family === 4 ? 32 : 128;
  const type = attributeOf(route, 'type')?.value.value ?? 'unicast';
  const words: string[] = [];
  if (type !== 'unicast') words.push(type);

  const network = destinationNetwork(route);
  if (!network) words.push(route.destination.value);
  else words.push(network.prefix === 0 ? 'default' : network.prefix === bits ? show(network.address) : `${show(network.address)}/${network.prefix}`);
  const from = attributeOf(route, 'from');
  if (from && family === 6) words.push('from', from.value.value);
  const tos = attributeOf(route, 'tos');
  if (tos && family === 4 && /^(0x[0-9a-f]+|\d+)$/i.test(tos.value.value) && Number(tos.value.value) !== 0) {
    words.push('tos', `0x${Number(tos.value.value).toString(16).padStart(2, '0')}`);
  }

  const gateway = route.gateway ? gatewayAddress(route) : undefined;
  const via = gateway && gateway.family === family && !isUnspecified(gateway.address) ? gateway.address : undefined;
  const hasDevice = !NO_DEVICE_TYPES.has(type);
  if (hasDevice && via) words.push('via', show(via));
  if (hasDevice) words.push('dev', device ?? 'DEVICE');
  words.push('proto', 'static');
  const scope = scopeOf(route, type, via !== undefined, family);
  if (scope) words.push('scope', scope);
  const src = attributeOf(route, 'src');
  if (src) words.push('src', src.value.value);

  let metric = metricOf(route) ?? fallback;
  // The kernel (and NetworkManager) store an IPv6 metric of 0 as 1024.
  if (family === 6 && metric === 0) metric = 1024;
  // The kernel reports no RTA_PRIORITY for an IPv4 metric of 0 (fib_dump_info), so iproute2 prints none.
  if (metric !== 0) words.push('metric', String(metric));
  if (isOnlink(route)) words.push('onlink');
  for (const [name, unit] of ROUTE_METRICS) {
    const value = attributeOf(route, name);
    if (!value || !/^\d+$/.test(value.value.value)) continue;
    const lock = attributeOf(route, `lock-${name}`);
    words.push(name, ...(lock && readBoolean(lock.value.value) === true ? ['lock'] : []), `${Number(value.value.value)}${unit}`);
  }
  const quickack = attributeOf(route, 'quickack');
  if (quickack && readBoolean(quickack.value.value) === true) words.push('quickack', '1');
  if (family === 6) words.push('pref', 'medium');
  return words.join(' ');
}

/** The command that lists the route: `ip route show`, `ip -6 route show`, `ip route show table 100`. */
export function ipRouteCommand(route: Route): string {
  const base = route.propertyFamily === 6 ? 'ip -6 route show' : 'ip route show';
  const table = tableFor(route);
  if (table === undefined || table === MAIN_TABLE) return base;
  return `${base} table ${table === LOCAL_TABLE ? 'local' : table}`;
}

function tableFor(route: Route): number | undefined {
  if (route.table || attributeOf(route, 'table')) return tableOf(route);
  return attributeOf(route, 'type')?.value.value === 'local' ? LOCAL_TABLE : MAIN_TABLE;
}

/**
 * The route as `ip route` lists it once NetworkManager has added it. Undefined when it
 * would not be added: a removal (`-ipv4.routes`), a destination or next hop that is not
 * an address of the route's family, a metric or table that is not a number.
 */
export function expectedRoute(route: Route, device: string, options: IpRouteOptions = {}): ExpectedRoute | undefined {
  if (isRemoval(route) || !destinationNetwork(route)) return undefined;
  if (route.metric && metricOf(route) === undefined) return undefined;
  const table = tableFor(route);
  if (table === undefined) return undefined;
  const gateway = route.gateway ? gatewayAddress(route) : undefined;
  if (route.gateway && (!gateway || gateway.family !== route.propertyFamily)) return undefined;
  return { command: ipRouteCommand(route), line: ipRouteLine(route, device, options), table, metricImplied: metricOf(route) === undefined };
}

/**
 * IPv4 only (`ip -6` prints no scope): NetworkManager gives a route without a next hop
 * scope link, a local route scope host, one with a next hop scope universe (not
 * printed), unless `scope=N` says otherwise.
 */
function scopeOf(route: Route, type: string, hasGateway: boolean, family: 4 | 6): string | undefined {
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
  return address.toByteArray().every((byte) => byte === 0);
}

/** iproute2 prints IPv6 addresses compressed (RFC 5952), IPv4 dotted. */
function show(address: IpAddress): string {
  return address.toString();
}


export interface DefaultMetric {
  metric: number;
  /** Why this metric: "NetworkManager's default for an ethernet device". */
  why: string;
}

/**
 * The metric NetworkManager gives a route that names none, guessed from the device name:
 * br-ex on OVN-Kubernetes gets configure-ovs.sh's route-metric 48 (br-ex1: 49); otherwise
 * the device type's default (nm-device.c): bond 300, team 350, VLAN 400, Wi-Fi 600,
 * ethernet 100.
 */
export function defaultRouteMetric(device: string | undefined, settings: Pick<Settings, 'networkType'>): DefaultMetric {
  if (device === 'br-ex' && settings.networkType === 'OVNKubernetes') return { metric: 48, why: 'the route-metric configure-ovs.sh gives br-ex' };
  if (device === 'br-ex1' && settings.networkType === 'OVNKubernetes') return { metric: 49, why: 'the route-metric configure-ovs.sh gives br-ex1' };
  if (device && /^[^.]+\.\d+$/.test(device)) return { metric: 400, why: 'NetworkManager\'s default for a VLAN device' };
  if (device && /^bond\d+$/.test(device)) return { metric: 300, why: 'NetworkManager\'s default for a bond' };
  if (device && /^team\d+$/.test(device)) return { metric: 350, why: 'NetworkManager\'s default for a team' };
  if (device && /^wl/.test(device)) return { metric: 600, why: 'NetworkManager\'s default for Wi-Fi' };
  return { metric: DEFAULT_ETHERNET_METRIC, why: 'NetworkManager\'s default for an ethernet device' };
}

/**
 * The metric of an nmstate route that names none: nmstate hands NetworkManager 0 for it
 * (gen_nm_ip_routes, nm/settings/route.rs), not the device's default.
 */
export const NMSTATE_DEFAULT_METRIC: DefaultMetric = { metric: 0, why: 'nmstate gives NetworkManager metric 0 for a route without one' };

