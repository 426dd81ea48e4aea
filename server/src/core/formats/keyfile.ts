import { parseCidr, type Family } from '../net/address';
import { EmbeddedText, EmbeddedTextBuilder } from '../text/embeddedText';
import { ROUTE_PROPERTIES, type Route, type RouteAttribute, type RouteGroup, type Unreadable } from '../routes/route';

/** One `key=value` line of a keyfile group. */
export interface KeyfileEntry {
  /** The key as written, e.g. `route1`. */
  key: EmbeddedText;
  /** The value with GKeyFile escapes (`\s`, `\n`, `\t`, `\r`, `\\`) decoded, still mapped. */
  value: EmbeddedText;
  /** The whole line, for findings about the assignment. */
  line: EmbeddedText;
}

export interface KeyfileGroup {
  name: string;
  header: EmbeddedText;
  entries: KeyfileEntry[];
}

/** A route from `[ipv4] route1=192.168.1.0/24,172.18.0.1,100` (and `route1_options=mtu=1400,…`). */
export interface KeyfileRoute extends Route {
  origin: 'keyfile';
  /** The `routeN=` entry the route comes from. */
  entry: KeyfileEntry;
  /** The `routeN_options=` entry, when there is one. */
  options?: KeyfileEntry;
  /**
   * The prefix length NetworkManager assumes when none is written (`route1=10.0.0.0,…`):
   * 24 for IPv4 and 128 for IPv6 (nm-keyfile-reader DEFAULT_PREFIX); undefined when written.
   */
  impliedPrefix?: number;
}

export interface Keyfile {
  groups: KeyfileGroup[];
  routes: KeyfileRoute[];
}

/** `route`, `routes`, `route1`, `routes12` … up to 999, without leading zeros (nm-keyfile-reader). */
const ROUTE_KEY = /^routes?(0|[1-9]\d{0,2})?$/;
const DELIMITERS = '/;,';

/**
 * Reads a NetworkManager keyfile (GKeyFile syntax: `[group]`, `key=value`, `#` comments)
 * and the static routes of its `[ipv4]` and `[ipv6]` groups, the way nm-keyfile-reader
 * reads them: `address/plen[,gateway[,metric]]`, with `/`, `;` and `,` interchangeable.
 */
export function parseKeyfile(text: EmbeddedText): Keyfile {
  const groups: KeyfileGroup[] = [];
  let current: KeyfileGroup | undefined;
  for (const raw of text.split('\n')) {
    const line = (raw.value.endsWith('\r') ? raw.slice(0, raw.length - 1) : raw).trim();
    if (line.length === 0 || line.value[0] === '#') continue;
    if (line.value[0] === '[') {
      const close = line.value.lastIndexOf(']');
      current = { name: line.value.slice(1, close < 0 ? undefined : close), header: line, entries: [] };
      groups.push(current);
      continue;
    }
    const equals = line.value.indexOf('=');
    if (!current || equals < 0) continue; // GKeyFile refuses the file; nothing to read routes from here
    current.entries.push({ key: line.slice(0, equals).trim(), value: unescapeValue(line.slice(equals + 1).trim()), line });
  }

  const routes: KeyfileRoute[] = [];
  // One list per family, however many [ipv4] groups the file repeats.
  const lists: Record<Family, RouteGroup> = { 4: { where: "this keyfile's [ipv4] group" }, 6: { where: "this keyfile's [ipv6] group" } };
  for (const group of groups) {
    const family: Family | undefined = group.name === 'ipv4' ? 4 : group.name === 'ipv6' ? 6 : undefined;
    if (!family) continue;
    for (const entry of group.entries) {
      // An empty value is no route (nm-keyfile-reader skips it).
      if (!ROUTE_KEY.test(entry.key.value) || entry.value.length === 0) continue;
      const options = group.entries.find((e) => e.key.value === `${entry.key.value}_options`);
      routes.push(readRoute(entry, family, options, lists[family]));
    }
  }
  return { groups, routes };
}

const IGNORED: Unreadable = { severity: 'warning', attribute: 'NetworkManager ignores it', route: 'NetworkManager ignores the route' };

function readRoute(entry: KeyfileEntry, family: Family, options: KeyfileEntry | undefined, group: RouteGroup): KeyfileRoute {
  const text = entry.value;
  const fields: { field: EmbeddedText; delimiter?: number }[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || DELIMITERS.includes(text.value[i])) {
      fields.push({ field: text.slice(from, i), delimiter: i < text.length ? i : undefined });
      from = i + 1;
    }
  }
  const address = fields[0].field;
  let next = 1;
  let destination = address;
  let impliedPrefix: number | undefined = family === 4 ? 24 : 128;
  const plen = fields[1]?.field;
  if (plen && /^\d+$/.test(plen.value)) {
    next = 2;
    impliedPrefix = undefined;
    const delimiter = fields[0].delimiter!;
    if (text.value[delimiter] === '/') {
      destination = text.slice(0, plen.length + delimiter + 1);
    } else {
      // `10.0.0.0,24`: the same route as `10.0.0.0/24`; the `/` stands for the separator written.
      const out = new EmbeddedTextBuilder(address.positionAt(0), text.exact, text.grouped);
      out.copy(text, 0, delimiter);
      const at = text.rangeOf(delimiter, delimiter + 1);
      out.push('/', at.start, at.end);
      out.copy(text, delimiter + 1, delimiter + 1 + plen.length);
      destination = out.build();
    }
  }
  const nonEmpty = (f: EmbeddedText | undefined) => (f && f.length > 0 ? f : undefined);
  let gateway = nonEmpty(fields[next]?.field);
  let metric = nonEmpty(fields[next + 1]?.field);
  // nm-keyfile-reader accepts the `a:b::/64,100` written by old NetworkManager: a number as gateway is the metric.
  if (family === 6 && gateway && !metric && fields.length === next + 1 && /^\d+$/.test(gateway.value)) {
    metric = gateway;
    gateway = undefined;
  }
  const unexpected = fields.slice(next + 2).map((f) => f.field).filter((f) => f.length > 0);
  const route: KeyfileRoute = {
    origin: 'keyfile',
    propertyFamily: family,
    propertyName: ROUTE_PROPERTIES[family],
    listNames: ROUTE_PROPERTIES,
    text,
    destination,
    gateway,
    metric,
    attributes: options ? readOptions(options.value) : [],
    unexpected,
    removal: false,
    group,
    unreadable: IGNORED,
    syntax: [],
    entry,
    options,
    impliedPrefix,
  };
  const reading = impliedPrefix === undefined ? undefined : parseCidr(destination.value);
  if (reading?.ok && reading.prefix !== impliedPrefix) {
    // nm-keyfile-reader: `route1=10.0.0.0,…` is read as 10.0.0.0/24, not as a host route.
    route.syntax.push({
      rule: 'route-cidr',
      severity: 'warning',
      message: `NetworkManager reads this route as ${destination.value}/${impliedPrefix}, not as a host route: write the prefix, /${reading.prefix} for one host.`,
      range: destination.rangeOf(),
      data: { impliedPrefix },
    });
  }
  return route;
}

/** `routeN_options=mtu=1400,lock-mtu=true,table=100`. */
function readOptions(value: EmbeddedText): RouteAttribute[] {
  const attributes: RouteAttribute[] = [];
  for (const part of value.split(',')) {
    const whole = part.trim();
    if (whole.length === 0) continue;
    const equals = whole.value.indexOf('=');
    attributes.push(equals < 0
      ? { name: whole, value: whole.slice(whole.length), whole }
      : { name: whole.slice(0, equals).trim(), value: whole.slice(equals + 1).trim(), whole });
  }
  return attributes;
}

const GKEYFILE_ESCAPES: Record<string, string> = { s: ' ', n: '\n', t: '\t', r: '\r', '\\': '\\' };

function unescapeValue(value: EmbeddedText): EmbeddedText {
  if (!value.value.includes('\\')) return value;
  const out = new EmbeddedTextBuilder(value.positionAt(0), value.exact, value.grouped);
  for (let i = 0; i < value.length; i++) {
    const decoded = value.value[i] === '\\' ? GKEYFILE_ESCAPES[value.value[i + 1]] : undefined;
    if (decoded !== undefined) {
      const at = value.rangeOf(i, i + 2);
      out.push(decoded, at.start, at.end);
      i++;
    } else {
      out.copy(value, i, i + 1);
    }
  }
  return out.build();
}
