import type { EmbeddedText, FileRange } from '../text/embeddedText';
import type { CidrReading, Family, Network, ParsedAddress } from '../net/address';
import type { RuleId, Severity } from '../text/problem';

/** `attr=value` after a route (nmcli) or in `routeN_options=` (keyfile). */
export interface RouteAttribute {
  name: EmbeddedText;
  value: EmbeddedText;
  whole: EmbeddedText;
}

/**
 * The list a route was written in (one nmcli `ipv4.routes` argument, one keyfile group, one
 * route file, …): two routes are in the same list when they share this object.
 */
export interface RouteGroup {
  /** The list as a message names it: `this ipv4.routes value`, `route-eth0`. */
  where: string;
}

/**
 * A mistake the reader of a route found in how it is written, said by the rule `rule` (the
 * rule that judges that part of a route) with the reader's own words: the route rules do
 * not know the syntax of what wrote the route.
 */
export interface SyntaxProblem {
  rule: RuleId;
  severity: Severity;
  message: string;
  range: FileRange;
  data?: Record<string, unknown>;
}

/** What happens to a route whose parts cannot be read, for the route rules' messages. */
export interface Unreadable {
  severity: Severity;
  /** What happens when an attribute cannot be read: `nmcli refuses the command`, `NetworkManager ignores it`. */
  attribute: string;
  /** What happens when the route's own words (its metric) cannot be read. */
  route: string;
}

/**
 * One static route, whatever wrote it (an nmcli argument, a keyfile, a route file, …): the
 * route rules read these fields and never ask where the route came from. Every part is an
 * embedded text that points into the file (exactly for units and percent-encoded data
 * URLs, at the whole payload for base64), so the rules underline the characters the user
 * typed.
 */
export interface Route {
  /** The family of the list the route sits in (`ipv4.routes`, keyfile `[ipv4]`, route file `route-NAME` → 4). */
  propertyFamily: Family;
  /** The NetworkManager property the route ends up in, for messages: `ipv4.routes` or `ipv6.routes`. */
  propertyName: string;
  /** Where routes of each family are written, for messages: `ipv6.routes`, `route6-eth0`. */
  listNames: Readonly<Record<Family, string>>;
  /** The whole route as written (one comma-separated nmcli entry, a keyfile value, a route file line or its ADDRESSn value), trimmed. */
  text: EmbeddedText;
  /** `address[/prefix]`. */
  destination: EmbeddedText;
  gateway?: EmbeddedText;
  metric?: EmbeddedText;
  /** The routing table, when the syntax writes it apart from the attributes (otherwise `table=`). */
  table?: EmbeddedText;
  attributes: RouteAttribute[];
  /** Words that are none of the above. */
  unexpected: EmbeddedText[];
  /** The route is being taken away (`-ipv4.routes "…"`), not added. */
  removal: boolean;
  group: RouteGroup;
  /** The prefix length a destination written without one means (a keyfile's /24 or /128); undefined when it is a host route. */
  impliedPrefix?: number;
  /** The prefix is written apart from the destination and cannot be read (a route file's NETMASKn): the route names no network. */
  unreadablePrefix?: boolean;
  unreadable: Unreadable;
  /** What the reader found wrong in how the route is written; each rule reports those tagged with its id. */
  syntax: SyntaxProblem[];
  /**
   * The destination and next hop read as addresses (routeFacts.ts), kept on the route on its
   * first use: a dozen rules and the workspace index ask for them, and a map from routes to
   * readings cost more than the reading. The fields they are read from are set by the reader
   * of the route and never change after it (a new parse makes new routes).
   */
  readings?: RouteReadings;
}

/** What routeFacts.ts reads from a route's destination and next hop. */
export interface RouteReadings {
  /** The destination as written. */
  destination: CidrReading;
  /** The network of the destination (host bits cleared), in the route's own family; undefined when unreadable. */
  network?: Network;
  /** That network written as formatNetwork writes it (`10.0.0.0/8`). */
  networkText?: string;
  /** The next hop; undefined without one or when it is not an address. */
  gateway?: ParsedAddress;
}

/** Where routes of each family go in NetworkManager's properties. */
export const ROUTE_PROPERTIES: Readonly<Record<Family, string>> = { 4: 'ipv4.routes', 6: 'ipv6.routes' };

/** The syntax problems of `route` that `rule` reports. */
export function syntaxProblemsOf(route: Route, rule: RuleId): SyntaxProblem[] {
  return route.syntax.length === 0 ? [] : route.syntax.filter((problem) => problem.rule === rule);
}
