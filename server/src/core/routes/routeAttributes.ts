import { parseAddress, parseCidr, type Family } from '../net/address';
import { quoted } from '../text/quote';
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

/** Why `value` is not a valid value of the attribute, as a sentence; undefined when it is valid. */
export function attributeValueProblem(name: string, spec: RouteAttributeSpec, value: string, family: Family): string | undefined {
  const fault = attributeValueFault(name, spec, value, family);
  return fault === undefined ? undefined : `${fault}.`;
}

/**
 * Why `value` is not a valid value of the attribute, as a clause a message goes on from
 * (`mtu takes a number from 0 to 4294967295, not "big"`); undefined when it is valid.
 */
export function attributeValueFault(name: string, spec: RouteAttributeSpec, value: string, family: Family): string | undefined {
  if (value === '') return `${name} needs a value, as in ${name}=${example(spec.type)}`;
  const not = `not ${quoted(value, 24)}`;
  switch (spec.type) {
    case 'u32':
      return isUnsigned(value, U32_MAX) ? undefined : `${name} takes a number from 0 to ${U32_MAX}, ${not}`;
    case 'weight':
      return isUnsigned(value, 256) ? undefined : `weight takes a number from 0 to 256, ${not}`;
    case 'byte':
      if (isUnsigned(value, 255) || /^0x[0-9a-fA-F]{1,2}$/.test(value)) return undefined;
      return name === 'scope'
        ? `scope takes a number from 0 to 255 (253 is link, 254 host), ${not}`
        : `${name} takes a number from 0 to 255, ${not}`;
    case 'bool':
      return readBoolean(value) !== undefined ? undefined : `${name} takes true or false (yes/no, on/off, 1/0), ${not}`;
    case 'address': {
      const address = parseAddress(value);
      if (address?.family === family) return undefined;
      return `${name} takes one IPv${family} address without prefix, ${not}`;
    }
    case 'address-prefix': {
      const reading = parseCidr(value);
      if (reading.ok && reading.family === family) return undefined;
      return `${name} takes an IPv${family} address with an optional prefix, ${not}`;
    }
    case 'route-type':
      return (ROUTE_TYPES as readonly string[]).includes(value) ? undefined : `type takes ${ROUTE_TYPES.slice(0, -1).join(', ')} or ${ROUTE_TYPES[ROUTE_TYPES.length - 1]}, ${not}`;
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

/**
 * Names people write for things nmcli spells differently, with what to write instead: the
 * action a message ends with (`"via" is not a route attribute, so nmcli refuses the command: …`).
 */
export const MISPLACED_ROUTE_WORDS: Readonly<Record<string, string>> = {
  metric: 'write the metric as a bare number after the next hop',
  via: 'write the next hop right after the destination',
  gateway: 'write the next hop right after the destination',
  gw: 'write the next hop right after the destination',
  nexthop: 'write the next hop right after the destination',
  'next-hop': 'write the next hop right after the destination',
  // The route goes on the connection (or device) the command modifies.
  dev: 'drop it, as nmcli routes name no device',
  device: 'drop it, as nmcli routes name no device',
  proto: 'drop it, as NetworkManager sets proto static itself',
  protocol: 'drop it, as NetworkManager sets proto static itself',
};
