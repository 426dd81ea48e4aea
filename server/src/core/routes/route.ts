import type { EmbeddedText } from '../text/embeddedText';
import type { Family } from '../net/address';

/** `attr=value` after a route (nmcli) or in `routeN_options=` (keyfile). */
export interface RouteAttribute {
  name: EmbeddedText;
  value: EmbeddedText;
  whole: EmbeddedText;
}

/**
 * Where a route was written: an nmcli command (in a unit or in a script of storage.files),
 * a NetworkManager keyfile, or a route file of the ifcfg-rh plugin (route-NAME, route6-NAME).
 */
export type RouteOrigin = 'nmcli' | 'keyfile' | 'route-file';

/**
 * One static route, whatever wrote it. Every part is an embedded text that points into
 * the file (exactly for units and percent-encoded data URLs, at the whole payload for
 * base64), so the route rules underline the characters the user typed.
 */
export interface Route {
  origin: RouteOrigin;
  /** The family of the property the route sits in (`ipv4.routes`, keyfile `[ipv4]`, route file `route-NAME` → 4). */
  propertyFamily: Family;
  /** The NetworkManager property the route belongs to, for messages: `ipv4.routes` or `ipv6.routes`. */
  propertyName: 'ipv4.routes' | 'ipv6.routes';
  /** The whole route as written (one comma-separated nmcli entry, a keyfile value, a route file line or its ADDRESSn value), trimmed. */
  text: EmbeddedText;
  /** `address[/prefix]`. */
  destination: EmbeddedText;
  gateway?: EmbeddedText;
  metric?: EmbeddedText;
  attributes: RouteAttribute[];
  /** Words that are none of the above. */
  unexpected: EmbeddedText[];
}

/**
 * A route with what route facts read of the format that wrote it: an nmcli property's
 * operation (`-ipv4.routes` removes), a keyfile's implied prefix, a route file's format,
 * name and prefix problem. The formats' route types (NmcliRoute, KeyfileRoute,
 * RouteFileRoute; together the MachineConfig's ConfigRoute) each fit one member.
 */
export type OriginRoute =
  | (Route & { origin: 'nmcli'; property: { operation: '+' | '-' | '' } })
  | (Route & { origin: 'keyfile'; impliedPrefix?: number })
  | (Route & { origin: 'route-file'; format: 'ip' | 'key'; fileName: string; prefixProblem?: { message: string; at: EmbeddedText } });
