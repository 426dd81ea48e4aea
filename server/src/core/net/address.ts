import * as ipaddr from 'ipaddr.js';

export type Family = 4 | 6;
export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

export interface ParsedAddress {
  family: Family;
  address: IpAddress;
}

export type CidrReading =
  | { ok: true; family: Family; address: IpAddress; prefix: number; explicitPrefix: boolean }
  /** `part` tells which characters are wrong: the address before `/` or the prefix after it. */
  | { ok: false; part: 'address' | 'prefix'; message: string };

/**
 * Parses one address as NetworkManager does (inet_pton): four decimal parts for IPv4,
 * no zone index for IPv6. ipaddr.js alone would also take `0x7f.1` or `10.1`.
 */
export function parseAddress(text: string): ParsedAddress | undefined {
  if (text.includes(':')) {
    if (text.includes('%') || !ipaddr.IPv6.isValid(text)) return undefined;
    // An IPv4 tail (::ffff:192.0.2.1) is dotted decimal for inet_pton too; ipaddr.js also takes 0x1.2.3.4 and 01.2.3.4.
    const tail = text.slice(text.lastIndexOf(':') + 1);
    if (tail.includes('.') && !ipaddr.IPv4.isValidFourPartDecimal(tail)) return undefined;
    return { family: 6, address: ipaddr.IPv6.parse(text) };
  }
  const octets = dottedQuad(text);
  return octets ? { family: 4, address: new ipaddr.IPv4(octets) } : undefined;
}

/**
 * The octets of a dotted quad as inet_pton reads one: four decimal parts of 0–255, no
 * leading zeros. The same addresses as ipaddr.js's isValidFourPartDecimal then parse, read
 * in one pass: a route list of a thousand entries spent most of its analysis in those two
 * (a regular expression per octet, then the parse again).
 */
function dottedQuad(text: string): number[] | undefined {
  const octets: number[] = [];
  let part = -1; // the part being read; -1 before its first digit
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : DOT; // the end closes the last part
    if (c === DOT) {
      if (part < 0 || octets.length === 4) return undefined;
      octets.push(part);
      part = -1;
      continue;
    }
    // Not a digit, or a digit after a leading zero (`01`).
    if (c < ZERO || c > NINE || part === 0) return undefined;
    part = part < 0 ? c - ZERO : part * 10 + (c - ZERO);
    if (part > 255) return undefined;
  }
  return octets.length === 4 ? octets : undefined;
}

const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** Parses `address[/prefix]`; a missing prefix means a host route (/32 or /128). */
export function parseCidr(text: string): CidrReading {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const parsed = parseAddress(addressText);
  if (!parsed) {
    return { ok: false, part: 'address', message: `${JSON.stringify(addressText)} is not an IPv4 or IPv6 address.` };
  }
  const bits = parsed.family === 4 ? 32 : 128;
  if (slash < 0) return { ok: true, family: parsed.family, address: parsed.address, prefix: bits, explicitPrefix: false };
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
    return { ok: false, part: 'prefix', message: `The prefix length ${JSON.stringify(prefixText)} must be a number from 0 to ${bits} for IPv${parsed.family}.` };
  }
  return { ok: true, family: parsed.family, address: parsed.address, prefix: Number(prefixText), explicitPrefix: true };
}

/** The network address of `address/prefix` (host bits cleared). */
export function networkOf(address: IpAddress, prefix: number): IpAddress {
  const bytes = address.toByteArray();
  let cleared = false;
  for (let bit = prefix; bit < bytes.length * 8; bit++) {
    const mask = 0x80 >> (bit & 7);
    if (bytes[bit >> 3] & mask) {
      bytes[bit >> 3] &= ~mask;
      cleared = true;
    }
  }
  // Most routes name their network by its own address: that address is the network.
  return cleared ? ipaddr.fromByteArray(bytes) : address;
}

/** The last address of `address/prefix` (host bits set): the IPv4 broadcast address. */
export function broadcastOf(address: IpAddress, prefix: number): IpAddress {
  const bytes = address.toByteArray();
  for (let bit = prefix; bit < bytes.length * 8; bit++) {
    bytes[bit >> 3] |= 0x80 >> (bit & 7);
  }
  return ipaddr.fromByteArray(bytes);
}

export function sameAddress(a: IpAddress, b: IpAddress): boolean {
  if (a instanceof ipaddr.IPv4 && b instanceof ipaddr.IPv4) return a.octets.every((octet, i) => octet === b.octets[i]);
  return a.kind() === b.kind() && a.toNormalizedString() === b.toNormalizedString();
}

/** Whether `address` lies in `network/prefix` (both of one family). */
export function contains(network: IpAddress, prefix: number, address: IpAddress): boolean {
  if (network.kind() !== address.kind()) return false;
  return (address as ipaddr.IPv4).match(network as ipaddr.IPv4, prefix);
}

/** A network as the rules compare them: family, network address (host bits cleared) and prefix. */
export interface Network {
  family: Family;
  address: IpAddress;
  prefix: number;
}

/** Parses `address/prefix` into its network; undefined when it is not one. */
export function parseNetwork(text: string): Network | undefined {
  const reading = parseCidr(text.trim());
  if (!reading.ok) return undefined;
  return { family: reading.family, address: networkOf(reading.address, reading.prefix), prefix: reading.prefix };
}

/** Whether `inner` lies entirely inside `outer` (equal networks included). */
export function isWithin(inner: Network, outer: Network): boolean {
  return inner.family === outer.family && inner.prefix >= outer.prefix && contains(outer.address, outer.prefix, inner.address);
}

/** `10.0.0.0/16`, the way a network is written. */
export function formatNetwork(network: Network): string {
  return `${formatAddress(network.address)}/${network.prefix}`;
}

/** An address as ipaddr.js writes it (an IPv4 address without its array join, which every route's network paid for). */
export function formatAddress(address: IpAddress): string {
  if (!(address instanceof ipaddr.IPv4)) return address.toString();
  const octets = address.octets;
  return `${octets[0]}.${octets[1]}.${octets[2]}.${octets[3]}`;
}
