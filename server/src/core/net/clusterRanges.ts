import { formatNetwork, parseNetwork, type Network } from './address';
import type { Settings } from '../text/settings';

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

/**
 * OVN-Kubernetes internal subnets: join, transit switch, masquerade (IPv4 and IPv6). The
 * masquerade subnet is the one of mcroutes.ovnMasqueradeSubnet; unset, 169.254.169.0/29
 * (fd69::/125), masquerade on every release (4.17 widened it only for new installations,
 * and upgraded clusters keep the old one). The release setting does not decide it: a
 * cluster at 4.18 may have been installed at 4.16.
 */
export function ovnRanges(settings: Settings): NamedRange[] {
  return [
    ...named(OVN_JOIN, 'the OVN-Kubernetes join subnet'),
    ...named(OVN_TRANSIT, 'the OVN-Kubernetes transit switch subnet'),
    ...masqueradeRanges(settings).certain,
  ];
}

/**
 * The masquerade subnet per family. `certain`: OVN's on this cluster (the setting, or the
 * part every cluster has). `possible`: OVN's only if the cluster was installed at 4.17 or
 * later, which the file and the release cannot tell (empty when the setting says).
 */
export function masqueradeRanges(settings: Settings): { certain: NamedRange[]; possible: NamedRange[] } {
  const key = settings.ovnMasqueradeSubnet ?? '';
  let ranges = masqueradeBySetting.get(key);
  if (!ranges) {
    ranges = readMasquerade(settings.ovnMasqueradeSubnet);
    masqueradeBySetting.set(key, ranges);
  }
  return ranges;
}

const masqueradeBySetting = new Map<string, { certain: NamedRange[]; possible: NamedRange[] }>();

function readMasquerade(setting: string | undefined): { certain: NamedRange[]; possible: NamedRange[] } {
  const configured = setting ? parseNetwork(setting) : undefined;
  const certain: NamedRange[] = [];
  const possible: NamedRange[] = [];
  for (const family of [4, 6] as const) {
    const defaults = MASQUERADE_DEFAULTS[family];
    if (configured?.family === family) {
      certain.push({ network: configured, what: 'the OVN-Kubernetes masquerade subnet (setting mcroutes.ovnMasqueradeSubnet)', cidr: formatNetwork(configured) });
      continue;
    }
    // A default of the other family tells the era: the two families moved together in 4.17.
    const era = configured && (['wide', 'narrow'] as const).find((e) => formatNetwork(configured) === MASQUERADE_DEFAULTS[configured.family][e]);
    if (era) {
      certain.push(...parseNamed([defaults[era]], 'the OVN-Kubernetes masquerade subnet (per mcroutes.ovnMasqueradeSubnet)'));
      continue;
    }
    certain.push(...parseNamed([defaults.narrow], 'the OVN-Kubernetes masquerade subnet'));
    possible.push(...parseNamed([defaults.wide], 'the OVN-Kubernetes masquerade subnet of clusters installed at 4.17 or later'));
  }
  return { certain, possible };
}

// Constant lists, so that `named` parses each once (it caches by list).
const OVN_JOIN = ['100.64.0.0/16', 'fd98::/64'];
const OVN_TRANSIT = ['100.88.0.0/16', 'fd97::/64'];
/** 4.17 widened the masquerade subnet for new installations (openshift-docs cidr-range-definitions). */
const MASQUERADE_DEFAULTS = {
  4: { narrow: '169.254.169.0/29', wide: '169.254.0.0/17' },
  6: { narrow: 'fd69::/125', wide: 'fd69::/112' },
} as const;
