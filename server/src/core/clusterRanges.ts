import { isWithin, parseNetwork, type Network } from './address';
import { routesOf, type ConfigRoute, type MachineConfigModel } from './model';
import { destinationNetwork, isRemoval } from './routeFacts';
import type { Settings } from './settings';

/**
 * Address ranges the cluster owns (openshift-docs cidr-range-definitions; OVN-Kubernetes
 * defaults). A node route into one of them takes addresses away from pods, services or
 * OVN's own plumbing.
 */
export interface NamedRange {
  network: Network;
  /** What the range is, for messages: "the cluster network". */
  what: string;
  /** The CIDR as written in the settings or the defaults. */
  cidr: string;
}

/** Settings lists are parsed once per list object (the same settings serve many routes). */
const parsedLists = new WeakMap<readonly string[], Map<string, NamedRange[]>>();

function named(cidrs: readonly string[], what: string): NamedRange[] {
  let byWhat = parsedLists.get(cidrs);
  if (!byWhat) {
    byWhat = new Map();
    parsedLists.set(cidrs, byWhat);
  }
  let ranges = byWhat.get(what);
  if (!ranges) {
    ranges = parseNamed(cidrs, what);
    byWhat.set(what, ranges);
  }
  return ranges;
}

function parseNamed(cidrs: readonly string[], what: string): NamedRange[] {
  const ranges: NamedRange[] = [];
  for (const cidr of cidrs) {
    const network = parseNetwork(cidr);
    if (network) ranges.push({ network, what, cidr });
  }
  return ranges;
}

/** The cluster (pod) and service networks of the settings. */
export function podAndServiceRanges(settings: Settings): NamedRange[] {
  return [...named(settings.clusterNetwork, 'the cluster (pod) network'), ...named(settings.serviceNetwork, 'the service network')];
}

export function machineRanges(settings: Settings): NamedRange[] {
  return named(settings.machineNetwork, 'the machine network');
}

/** 4.17 moved the OVN masquerade subnet from 169.254.169.0/29 (fd69::/125) to 169.254.0.0/17 (fd69::/112). */
export function masqueradeIsWide(openshiftVersion: string): boolean {
  const [major, minor] = openshiftVersion.split('.').map(Number);
  return major > 4 || (major === 4 && minor >= 17);
}

/** OVN-Kubernetes internal subnets: join, transit switch, masquerade (IPv4 and IPv6). */
export function ovnRanges(settings: Settings): NamedRange[] {
  const wide = masqueradeIsWide(settings.openshiftVersion);
  return [
    ...named(OVN_JOIN, 'the OVN-Kubernetes join subnet'),
    ...named(OVN_TRANSIT, 'the OVN-Kubernetes transit switch subnet'),
    ...named(wide ? OVN_MASQUERADE : OVN_MASQUERADE_BEFORE_4_17, `the OVN-Kubernetes masquerade subnet (OpenShift ${settings.openshiftVersion})`),
  ];
}

// Constant lists, so that `named` parses each once (it caches by list).
const OVN_JOIN = ['100.64.0.0/16', 'fd98::/64'];
const OVN_TRANSIT = ['100.88.0.0/16', 'fd97::/64'];
const OVN_MASQUERADE = ['169.254.0.0/17', 'fd69::/112'];
const OVN_MASQUERADE_BEFORE_4_17 = ['169.254.169.0/29', 'fd69::/125'];

/** A route of the config that adds a destination inside one of `ranges`. */
export interface RouteInRange {
  route: ConfigRoute;
  network: Network;
  hit: NamedRange;
}

/** Added (not removed) routes whose destination lies inside one of `ranges`. */
export function routesInside(mc: MachineConfigModel, ranges: NamedRange[]): RouteInRange[] {
  const found: RouteInRange[] = [];
  for (const route of routesOf(mc)) {
    if (isRemoval(route)) continue;
    const network = destinationNetwork(route);
    if (!network) continue;
    const hit = ranges.find((r) => isWithin(network, r.network));
    if (hit) found.push({ route, network, hit });
  }
  return found;
}
