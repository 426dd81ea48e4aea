import * as ipaddr from 'ipaddr.js';
import { isWithin, networkOf, type Family, type IpAddress, type Network } from './address';
import { machineRanges, masqueradeRanges, ovnRanges, podAndServiceRanges, type NamedRange } from './clusterRanges';
import type { Settings } from '../text/settings';

/**
 * The arithmetic of one address block, as a hover shows it: network, netmask, first and
 * last usable address, broadcast, size. Sizes are bigints: an IPv6 /64 holds 2^64.
 */
export interface SubnetFacts {
  family: Family;
  prefix: number;
  /** The address with host bits cleared. */
  network: IpAddress;
  /** The address as written had host bits set (`192.168.1.5/24`). */
  hostBitsSet: boolean;
  /** IPv4 only: `255.255.255.0` for /24. */
  netmask?: IpAddress;
  /** The first and last address a host may use. */
  first: IpAddress;
  last: IpAddress;
  /** IPv4 with prefix /30 or shorter: the all-ones address. */
  broadcast?: IpAddress;
  /** How many addresses the block holds: 2^(bits − prefix). */
  size: bigint;
  /** How many of them hosts can use. */
  usable: bigint;
}

export function subnetFacts(address: IpAddress, prefix: number): SubnetFacts {
  const family: Family = address.kind() === 'ipv4' ? 4 : 6;
  const bits = family === 4 ? 32 : 128;
  const network = networkOf(address, prefix);
  const size = 1n << BigInt(bits - prefix);
  const base = toBigInt(network);
  const top = base + size - 1n;
  const facts: SubnetFacts = {
    family,
    prefix,
    network,
    hostBitsSet: network.toNormalizedString() !== address.toNormalizedString(),
    first: network,
    last: network,
    size,
    usable: size,
  };
  if (family === 4) facts.netmask = ipaddr.IPv4.subnetMaskFromPrefixLength(prefix);
  if (prefix >= bits - 1) {
    // /32 and /128: one host. /31 (RFC 3021) and /127 (RFC 6164): both addresses are usable.
    facts.last = fromBigInt(top, family);
  } else if (family === 4) {
    facts.first = fromBigInt(base + 1n, 4);
    facts.last = fromBigInt(top - 1n, 4);
    facts.broadcast = fromBigInt(top, 4);
    facts.usable = size - 2n;
  } else {
    // The all-zeros address of an IPv6 subnet is the Subnet-Router anycast address; there is no broadcast.
    facts.first = fromBigInt(base + 1n, 6);
    facts.last = fromBigInt(top, 6);
    facts.usable = size - 1n;
  }
  return facts;
}

/** `256`, `65,536`, or `2^64 = 18,446,744,073,709,551,616` and `2^96` for big blocks. */
export function formatCount(count: bigint): string {
  const power = exactPowerOfTwo(count);
  if (power !== undefined && power > 32) return power <= 64 ? `2^${power} = ${groupDigits(count)}` : `2^${power}`;
  return groupDigits(count);
}

function exactPowerOfTwo(n: bigint): number | undefined {
  if (n <= 0n || (n & (n - 1n)) !== 0n) return undefined;
  return n.toString(2).length - 1;
}

function groupDigits(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function toBigInt(address: IpAddress): bigint {
  let n = 0n;
  for (const byte of address.toByteArray()) n = (n << 8n) | BigInt(byte);
  return n;
}

export function fromBigInt(n: bigint, family: Family): IpAddress {
  const length = family === 4 ? 4 : 16;
  const bytes = new Array<number>(length);
  for (let i = length - 1; i >= 0; i--) {
    bytes[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return ipaddr.fromByteArray(bytes);
}

/** How a network relates to a named range: the same block, inside it, or containing it. */
export type Relation = 'equal' | 'inside' | 'contains';

export interface RangeTouch {
  range: NamedRange;
  relation: Relation;
}

/** The ranges the cluster owns or lives in, from the settings: cluster, service, machine, and OVN-Kubernetes' own on OVN. */
export function clusterRangesOf(settings: Settings): NamedRange[] {
  let ranges = rangesBySettings.get(settings);
  if (!ranges) {
    ranges = readClusterRanges(settings);
    rangesBySettings.set(settings, ranges);
  }
  return ranges;
}

/** Settings objects are replaced, never changed, when the user edits them: one reading each. */
const rangesBySettings = new WeakMap<Settings, NamedRange[]>();

function readClusterRanges(settings: Settings): NamedRange[] {
  return [
    ...podAndServiceRanges(settings),
    ...machineRanges(settings),
    ...(settings.networkType === 'OVNKubernetes' ? [...ovnRanges(settings), ...masqueradeRanges(settings).possible] : []),
  ];
}

/** The ranges `network` touches. Two CIDR blocks either nest or are disjoint, so touching is one of three relations. */
export function touchingRanges(network: Network, ranges: readonly NamedRange[]): RangeTouch[] {
  const touches: RangeTouch[] = [];
  for (const range of ranges) {
    if (range.network.family !== network.family) continue;
    const inside = isWithin(network, range.network);
    const contains = isWithin(range.network, network);
    if (inside && contains) touches.push({ range, relation: 'equal' });
    else if (inside) touches.push({ range, relation: 'inside' });
    else if (contains) touches.push({ range, relation: 'contains' });
  }
  return touches;
}

/** "lies inside the machine network `10.0.0.0/16`". */
export function describeTouch(touch: RangeTouch): string {
  const where = `${touch.range.what} \`${touch.range.cidr}\``;
  switch (touch.relation) {
    case 'equal': return `is ${where}`;
    case 'inside': return `lies inside ${where}`;
    case 'contains': return `contains ${where}`;
  }
}

const RANGE_NAMES: Readonly<Record<string, string>> = {
  unspecified: 'the unspecified address',
  broadcast: 'the limited broadcast address',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'shared address space (RFC 6598, 100.64.0.0/10)',
  private: 'private (RFC 1918)',
  reserved: 'reserved or documentation',
  uniqueLocal: 'unique local (fc00::/7, the IPv6 private range)',
  ipv4Mapped: 'IPv4-mapped',
  rfc6052: 'NAT64 (64:ff9b::/96)',
  '6to4': '6to4',
  teredo: 'Teredo',
  benchmarking: 'benchmarking',
  unicast: 'public (global unicast)',
};

/** What kind of addresses a block holds ("private (RFC 1918)"), when the whole block is of one kind. */
export function addressKind(network: IpAddress, last: IpAddress): string | undefined {
  const kind = network.range();
  if (kind !== last.range()) return undefined;
  return RANGE_NAMES[kind] ?? kind;
}
