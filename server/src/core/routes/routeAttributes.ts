import { parseAddress, parseCidr, type Family } from '../net/address';
import { readBoolean } from './routeFacts';

/**
 * The route attributes NetworkManager knows (libnm nm-setting-ip-config.c,
 * ip_route_attribute_spec) with their types and families. nmcli takes them as
 * `name=value` after the metric; keyfiles as `routeN_options=name=value,…`.
 */
export type RouteAttributeType = 'u32' | 'bool' | 'byte' | 'address' | 'address-prefix' | 'route-type' | 'weight';

export interface RouteAttributeSpec {
  type: RouteAttributeType;
  v4: boolean;
  v6: boolean;
}

const both = (type: RouteAttributeType): RouteAttributeSpec => ({ type, v4: true, v6: true });

export const ROUTE_ATTRIBUTES: Readonly<Record<string, RouteAttributeSpec>> = {
  advmss: both('u32'),
  cwnd: both('u32'),
  from: { type: 'address-prefix', v4: false, v6: true },
  initcwnd: both('u32'),
  initrwnd: both('u32'),
  'lock-advmss': both('bool'),
  'lock-cwnd': both('bool'),
  'lock-initcwnd': both('bool'),
  'lock-initrwnd': both('bool'),
  'lock-mtu': both('bool'),
  'lock-window': both('bool'),
  mtu: both('u32'),
  onlink: both('bool'),
  quickack: both('bool'),
  rto_min: both('u32'),
  scope: { type: 'byte', v4: true, v6: false },
  src: both('address'),
  table: both('u32'),
  tos: { type: 'byte', v4: true, v6: false },
  type: both('route-type'),
  weight: { type: 'weight', v4: true, v6: false },
  window: both('u32'),
};

/** Route types NetworkManager accepts (RTN_UNICAST, LOCAL, BLACKHOLE, UNREACHABLE, PROHIBIT, THROW). */
export const ROUTE_TYPES = ['unicast', 'local', 'blackhole', 'unreachable', 'prohibit', 'throw'] as const;
/** Route types that drop or hand back the packet: they cannot have a next hop. */
export const NO_NEXT_HOP_TYPES = new Set(['blackhole', 'unreachable', 'prohibit', 'throw']);

const U32_MAX = 4294967295;

/** Why `value` is not a valid value of the attribute, or undefined when it is. */
export function attributeValueProblem(name: string, spec: RouteAttributeSpec, value: string, family: Family): string | undefined {
  if (value === '') return `${name} needs a value (${name}=${example(spec.type)}).`;
  switch (spec.type) {
    case 'u32':
      return isUnsigned(value, U32_MAX) ? undefined : `${name} takes a number from 0 to ${U32_MAX}, not ${JSON.stringify(value)}.`;
    case 'weight':
      return isUnsigned(value, 256) ? undefined : `weight takes a number from 0 to 256, not ${JSON.stringify(value)}.`;
    case 'byte':
      if (isUnsigned(value, 255) || /^0x[0-9a-fA-F]{1,2}$/.test(value)) return undefined;
      return name === 'scope'
        ? `scope takes a number from 0 to 255 (0 global, 200 site, 253 link, 254 host), not ${JSON.stringify(value)}.`
        : `${name} takes a number from 0 to 255, not ${JSON.stringify(value)}.`;
    case 'bool':
      return readBoolean(value) !== undefined ? undefined : `${name} takes true or false (also yes/no, on/off, 1/0), not ${JSON.stringify(value)}.`;
    case 'address': {
      const address = parseAddress(value);
      if (address?.family === family) return undefined;
      return `${name} takes one IPv${family} address (no prefix), not ${JSON.stringify(value)}.`;
    }
    case 'address-prefix': {
      const reading = parseCidr(value);
      if (reading.ok && reading.family === family) return undefined;
      return `${name} takes an IPv${family} address with an optional prefix, not ${JSON.stringify(value)}.`;
    }
    case 'route-type':
      return (ROUTE_TYPES as readonly string[]).includes(value) ? undefined : `type takes one of ${ROUTE_TYPES.join(', ')}, not ${JSON.stringify(value)}.`;
  }
}

function isUnsigned(value: string, max: number): boolean {
  return /^\+?\d+$/.test(value) && Number(value) <= max;
}

function example(type: RouteAttributeType): string {
  switch (type) {
    case 'bool': return 'true';
    case 'address': return 'ADDRESS';
    case 'address-prefix': return 'ADDRESS/PREFIX';
    case 'route-type': return 'blackhole';
    default: return 'N';
  }
}

/** Names people write for things nmcli spells differently, with what to write instead. */
export const MISPLACED_ROUTE_WORDS: Readonly<Record<string, string>> = {
  metric: 'the metric is a bare number after the next hop (192.168.1.0/24 172.18.0.1 100)',
  via: 'the next hop is written right after the destination, without a keyword',
  gateway: 'the next hop is written right after the destination, without a keyword',
  gw: 'the next hop is written right after the destination, without a keyword',
  nexthop: 'the next hop is written right after the destination, without a keyword',
  'next-hop': 'the next hop is written right after the destination, without a keyword',
  dev: 'a route names no device: it goes on the device or connection being modified',
  device: 'a route names no device: it goes on the device or connection being modified',
  proto: 'NetworkManager marks its routes proto static itself',
  protocol: 'NetworkManager marks its routes proto static itself',
};
