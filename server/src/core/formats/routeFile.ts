import { parseAddress, type Family } from '../net/address';
import { EmbeddedText, EmbeddedTextBuilder, type FileRange } from '../text/embeddedText';
import { quoted } from '../text/quote';
import { ROUTE_PROPERTIES, type Route, type RouteAttribute, type SyntaxProblem, type Unreadable } from '../routes/route';

/**
 * Route files of NetworkManager's ifcfg-rh plugin (nms-ifcfg-rh-reader.c), read with the
 * connection profile ifcfg-NAME of the same directory:
 * /etc/sysconfig/network-scripts/route-NAME (IPv4) and route6-NAME (IPv6).
 *
 * Two formats. When any line matches `^\s*ADDRESS[0-9]+=` the file is the key format
 * (IPv4 only): `ADDRESS0=`, `NETMASK0=`, `GATEWAY0=`, `METRIC0=`, `OPTIONS0=`, read for
 * n = 0, 1, 2… up to the first missing ADDRESSn; a route NetworkManager cannot read
 * makes it refuse the whole connection profile. Otherwise each line is the argument of
 * `ip route add` (`10.10.10.0/24 via 192.168.0.1 dev eth0 metric 100`, `default via …`),
 * split on whitespace without quoting; a line it cannot read is ignored, with a warning
 * in the journal, and the other lines still count.
 */

export const NETWORK_SCRIPTS_DIRECTORY = '/etc/sysconfig/network-scripts/';

/** Suffixes of files the ifcfg-rh plugin ignores (utils_should_ignore_file): backups and package leftovers. */
const IGNORED_SUFFIXES = ['~', '.bak', '.orig', '.rej', '.rpmnew', '.rpmsave', '.augnew', '.augtmp'];

export interface RouteFilePath {
  family: Family;
  /** `route-ens5` or `route6-ens5`. */
  fileName: string;
  /** The name of the connection profile: NAME of ifcfg-NAME (usually the interface). */
  name: string;
}

/** What a path under /etc/sysconfig/network-scripts/ is, when it is a route file the plugin reads. */
export function routeFilePath(path: string): RouteFilePath | undefined {
  if (!path.startsWith(NETWORK_SCRIPTS_DIRECTORY)) return undefined;
  const fileName = path.slice(NETWORK_SCRIPTS_DIRECTORY.length);
  const match = /^(route6?)-([^/]+)$/.exec(fileName);
  if (!match || IGNORED_SUFFIXES.some((s) => fileName.endsWith(s))) return undefined;
  return { family: match[1] === 'route' ? 4 : 6, fileName, name: match[2] };
}

/**
 * Something in a route file NetworkManager cannot read; route-attribute reports it as
 * `<problem>, so <what NetworkManager does>: <fix>.`
 */
export interface RouteFileIssue {
  word: EmbeddedText;
  /** What is wrong: `"table" is given twice in one route`. */
  problem: string;
  /** What to write instead: `keep one`. */
  fix: string;
}

export type RouteFileFormat = 'ip' | 'key';

export interface RouteFileRoute extends Route {
  origin: 'route-file';
  format: RouteFileFormat;
  /** `route-ens5` or `route6-ens5`, for messages. */
  fileName: string;
  /** Key format: the NETMASKn value (the prefix is written there; `destination` is ADDRESSn with the prefix it gives). */
  netmask?: EmbeddedText;
  /** Key format: why the prefix cannot be read (NETMASKn missing, not an address, not contiguous); route-cidr reports it. */
  prefixProblem?: { message: string; at: EmbeddedText };
  /** ip format: `dev NAME` (NetworkManager ignores it: the route goes on the profile's device). */
  device?: EmbeddedText;
  issues: RouteFileIssue[];
}

export interface RouteFile {
  path: RouteFilePath;
  format: RouteFileFormat;
  routes: RouteFileRoute[];
}

export function parseRouteFile(text: EmbeddedText, path: RouteFilePath): RouteFile {
  const lines = text.split('\n').map((l) => (l.value.endsWith('\r') ? l.slice(0, l.length - 1) : l));
  // utils_has_route_file_new_syntax_content: IPv6 route files are always read line by line.
  const key = path.family === 4 && lines.some((l) => /^\s*ADDRESS\d+=/.test(l.value));
  const unreadable = routeFileRefusal(key ? 'key' : 'ip', path);
  const shared: SharedByRoutes = { group: { where: path.fileName }, unreadable };
  const routes = key ? readKeyFormat(lines, path, shared) : readIpFormat(lines, path, shared);
  for (const route of routes) route.syntax.push(...syntaxProblemsOf(route, unreadable));
  return { path, format: key ? 'key' : 'ip', routes };
}

/**
 * What happens to a route NetworkManager cannot read: a line of the `ip route` format is
 * skipped (the others still count); anything wrong in the key format (ADDRESSn=…) makes
 * the ifcfg-rh plugin refuse the whole connection profile.
 */
function routeFileRefusal(format: RouteFileFormat, path: RouteFilePath): Unreadable {
  const consequence = format === 'key'
    ? `NetworkManager refuses ifcfg-${path.name}`
    : 'NetworkManager ignores this line';
  return { severity: format === 'key' ? 'error' : 'warning', attribute: consequence, route: consequence };
}

/** The reader's findings about a route, said by route-cidr (its prefix, its destination) and route-attribute (its words). */
function syntaxProblemsOf(route: RouteFileRoute, unreadable: Unreadable): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  if (route.prefixProblem) {
    problems.push({ rule: 'route-cidr', severity: 'error', message: route.prefixProblem.message, range: route.prefixProblem.at.rangeOf() });
  }
  if (route.destination.length === 0) {
    // Only keywords on the line (`via 10.0.0.1 dev eth0`): parse_route_line wants a destination.
    problems.push({
      rule: 'route-cidr',
      severity: 'warning',
      message: 'This line has no destination, so NetworkManager ignores it: start it with ADDRESS/PREFIX or default.',
      range: route.text.rangeOf(),
    });
  }
  for (const issue of route.issues) {
    problems.push({ rule: 'route-attribute', severity: unreadable.severity, message: `${issue.problem}, so ${unreadable.attribute}: ${issue.fix}.`, range: issue.word.rangeOf() });
  }
  return problems;
}

/** What every route of one route file shares: the file is one list, and what NetworkManager does with what it cannot read. */
type SharedByRoutes = Pick<Route, 'group' | 'unreadable'>;

/** A route file's routes of each family are written in route-NAME and route6-NAME. */
function listNamesOf(path: RouteFilePath): Record<Family, string> {
  return { 4: `route-${path.name}`, 6: `route6-${path.name}` };
}

// ---------------------------------------------------------------------------------------
// The `ip route add` format

/** Keywords of parse_route_line and the kind of argument each takes. */
type Keyword = 'to' | 'via' | 'metric' | 'dev' | 'table' | 'src' | 'from' | 'tos' | 'scope' | 'onlink' | 'lock-u32';
const KEYWORDS: Record<string, Keyword> = {
  to: 'to', via: 'via', metric: 'metric', dev: 'dev', table: 'table', src: 'src', from: 'from', tos: 'tos', scope: 'scope', onlink: 'onlink',
  mtu: 'lock-u32', window: 'lock-u32', cwnd: 'lock-u32', initcwnd: 'lock-u32', initrwnd: 'lock-u32',
};
/** Route types parse_route_line takes as a bare word, once. */
const TYPE_WORDS = new Set(['local', 'unicast', 'throw', 'unreachable', 'prohibit', 'blackhole', 'nat']);
const SCOPES = new Set(['global', 'nowhere', 'host', 'link', 'site']);

function readIpFormat(lines: EmbeddedText[], path: RouteFilePath, shared: SharedByRoutes): RouteFileRoute[] {
  const routes: RouteFileRoute[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    // parse_route_line_is_comment: initscripts' '^[[:space:]]*(\#.*)?$'
    if (line.length === 0 || line.value[0] === '#') continue;
    routes.push(readIpLine(line, path, [], shared));
  }
  return routes;
}

/**
 * One line as parse_route_line reads it. `issues` collects why NetworkManager would not
 * take it (it stops at the first); `options` reads an OPTIONSn value of the key format,
 * where only attributes are allowed and the route itself comes from the other keys.
 */
function readIpLine(line: EmbeddedText, path: RouteFilePath, attributes: RouteAttribute[], shared: SharedByRoutes, options?: RouteFileRoute): RouteFileRoute {
  // nm_utils_strsplit_set(line, " \t\n"): whitespace only, no quoting.
  const spans: { from: number; to: number }[] = [];
  for (const m of line.value.matchAll(/[^ \t\n]+/g)) spans.push({ from: m.index!, to: m.index! + m[0].length });
  const words = spans.map((s) => line.slice(s.from, s.to));
  /** Words i to j as one text, for an attribute written as `mtu lock 1400`. */
  const through = (i: number, j: number) => line.slice(spans[i].from, spans[j].to);
  const route: RouteFileRoute = options ?? {
    origin: 'route-file',
    format: 'ip',
    fileName: path.fileName,
    propertyFamily: path.family,
    propertyName: ROUTE_PROPERTIES[path.family],
    listNames: listNamesOf(path),
    text: line,
    destination: line.slice(0, 0),
    attributes,
    unexpected: [],
    removal: false,
    ...shared,
    syntax: [],
    issues: [],
  };
  const issue = (word: EmbeddedText, problem: string, fix: string) => {
    route.issues.push({ word, problem, fix });
    route.unexpected.push(word);
  };
  const seen = new Set<string>();
  let hasDestination = false;
  let hasType = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const w = word.value;
    const keyword = Object.prototype.hasOwnProperty.call(KEYWORDS, w) ? KEYWORDS[w] : undefined;
    const allowed = keyword !== undefined && !(keyword === 'from' && path.family === 4) &&
      !(options && (keyword === 'to' || keyword === 'via' || keyword === 'metric' || keyword === 'dev'));
    if (keyword && allowed) {
      if (seen.has(w)) {
        issue(word, `${quoted(w)} is given twice in one route`, 'keep one');
        return route;
      }
      seen.add(w);
      if (keyword === 'onlink') {
        attributes.push({ name: word, value: synthetic('true', word.rangeOf()), whole: word });
        continue;
      }
      const start = i;
      let argument = words[i + 1];
      if (!argument) {
        issue(word, `${quoted(w)} has no value after it`, 'write one');
        return route;
      }
      i++;
      switch (keyword) {
        case 'to':
          route.destination = destinationOf(argument, path.family);
          hasDestination = true;
          break;
        case 'via':
          route.gateway = argument;
          break;
        case 'metric':
          route.metric = argument;
          break;
        case 'dev':
          route.device = argument;
          break;
        case 'table':
        case 'src':
        case 'from':
          attributes.push({ name: word, value: argument, whole: through(start, i) });
          break;
        case 'tos':
          // Read as hexadecimal (`tos 10` is 0x10); NetworkManager ignores it for IPv6.
          if (!/^(0x)?[0-9a-f]{1,2}$/i.test(argument.value)) {
            issue(argument, `tos ${quoted(argument.value, 24)} is not a hexadecimal byte`, 'write 00 to ff');
            return route;
          }
          break;
        case 'scope':
          if (!SCOPES.has(argument.value) && !isByte(argument.value)) {
            issue(argument, `scope ${quoted(argument.value, 24)} is not a scope`, 'write link, host, global or a number');
            return route;
          }
          break;
        case 'lock-u32':
          if (argument.value === 'lock') {
            const locked = words[i + 1];
            if (!locked) {
              issue(argument, `${quoted(`${w} lock`)} has no value after it`, 'write one');
              return route;
            }
            attributes.push({ name: synthetic(`lock-${w}`, word.rangeOf()), value: synthetic('true', argument.rangeOf()), whole: through(start, i) });
            argument = locked;
            i++;
          }
          attributes.push({ name: word, value: argument, whole: through(start, i) });
          break;
      }
      continue;
    }
    if (!hasType && TYPE_WORDS.has(w)) {
      hasType = true;
      attributes.push({ name: synthetic('type', word.rangeOf()), value: word, whole: word });
      continue;
    }
    if (!hasDestination && !options) {
      route.destination = destinationOf(word, path.family);
      hasDestination = true;
      continue;
    }
    // The words NetworkManager reads (parse_route_line) are listed in docs/rules.md, route-attribute.
    if (parseAddress(w) && !options) issue(word, `${w} has no keyword`, `write "via ${w}" for a next hop`);
    else issue(word, `${quoted(w)} is not a word NetworkManager reads${options ? ' in OPTIONS' : ' in a route file'}`, 'remove it');
    return route;
  }
  return route;
}

/** `default` is 0.0.0.0/0 (or ::/0), written as one word: the text maps every character to it. */
function destinationOf(word: EmbeddedText, family: Family): EmbeddedText {
  if (word.value !== 'default') return word;
  return synthetic(family === 4 ? '0.0.0.0/0' : '::/0', word.rangeOf(), word.exact);
}

/** A text that is not in the file as such (a meaning of what is written): every character maps to `at`. */
function synthetic(value: string, at: FileRange, exact = true): EmbeddedText {
  const out = new EmbeddedTextBuilder(at.start, exact);
  out.push(value, at.start, at.end);
  return out.build();
}

function isByte(text: string): boolean {
  // _nm_utils_ascii_str_to_int64(s, 0, …): decimal, 0x hexadecimal or 0 octal.
  const n = /^0x[0-9a-f]+$/i.test(text) ? parseInt(text, 16) : /^0[0-7]*$/.test(text) ? parseInt(text, 8) : /^[1-9]\d*$/.test(text) ? Number(text) : NaN;
  return n >= 0 && n <= 255;
}

// ---------------------------------------------------------------------------------------
// The key format

interface KeyEntry {
  key: EmbeddedText;
  value: EmbeddedText;
}

function readKeyFormat(lines: EmbeddedText[], path: RouteFilePath, shared: SharedByRoutes): RouteFileRoute[] {
  const entries = new Map<string, KeyEntry>();
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length === 0 || line.value[0] === '#') continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(line.value);
    if (!match) continue; // shvar skips what is not an assignment
    // The last assignment wins, as when the shell sources the file.
    entries.set(match[1], { key: line.slice(0, match[1].length), value: unquote(line.slice(match[0].length)) });
  }
  const routes: RouteFileRoute[] = [];
  for (let n = 0; ; n++) {
    const address = entries.get(`ADDRESS${n}`);
    if (!address) break; // read_one_ip4_route: the first missing ADDRESSn ends the list
    const netmask = entries.get(`NETMASK${n}`);
    const route: RouteFileRoute = {
      origin: 'route-file',
      format: 'key',
      fileName: path.fileName,
      propertyFamily: 4,
      propertyName: ROUTE_PROPERTIES[4],
      listNames: listNamesOf(path),
      text: address.value,
      destination: address.value,
      gateway: nonEmpty(entries.get(`GATEWAY${n}`)?.value),
      metric: nonEmpty(entries.get(`METRIC${n}`)?.value),
      attributes: [],
      unexpected: [],
      removal: false,
      ...shared,
    syntax: [],
      issues: [],
      netmask: netmask?.value,
    };
    const prefix = prefixOf(netmask, n, address, `ifcfg-${path.name}`);
    if (typeof prefix === 'number') {
      // ADDRESSn with the prefix NETMASKn gives: `/24` maps to the end of the address, so
      // the destination still underlines just the ADDRESSn value.
      const end = address.value.rangeOf().end;
      const out = new EmbeddedTextBuilder(address.value.positionAt(0), address.value.exact, address.value.grouped);
      out.copy(address.value, 0, address.value.length);
      out.push(`/${prefix}`, end, end);
      route.destination = out.build();
    } else {
      route.prefixProblem = prefix;
      route.unreadablePrefix = true;
    }
    const options = entries.get(`OPTIONS${n}`)?.value;
    if (options && options.length > 0) readIpLine(options, path, route.attributes, shared, route);
    routes.push(route);
  }
  return routes;
}

/** The prefix length of NETMASKn, or why there is none. */
function prefixOf(netmask: KeyEntry | undefined, n: number, address: KeyEntry, profile: string): number | { message: string; at: EmbeddedText } {
  // The whole connection profile, not only this route (docs/rules.md, route-cidr).
  const refused = `NetworkManager refuses ${profile}`;
  if (!netmask || netmask.value.length === 0) {
    return { message: `ADDRESS${n} has no NETMASK${n}, so ${refused}: add one, e.g. NETMASK${n}=255.255.255.0.`, at: address.key };
  }
  const parsed = parseAddress(netmask.value.value);
  if (!parsed || parsed.family !== 4) {
    return { message: `NETMASK${n} ${quoted(netmask.value.value, 16)} is not an IPv4 netmask, so ${refused}: use e.g. 255.255.255.0.`, at: netmask.value };
  }
  const bits = parsed.address.toByteArray().reduce((n32, byte) => n32 * 256 + byte, 0);
  let prefix = 0;
  while (prefix < 32 && Math.floor(bits / 2 ** (31 - prefix)) % 2 === 1) prefix++;
  const contiguous = bits === 2 ** 32 - 2 ** (32 - prefix);
  if (!contiguous) {
    return {
      message: `NETMASK${n} ${netmask.value.value} is not a contiguous netmask, so ${refused}: use e.g. 255.255.0.0.`,
      at: netmask.value,
    };
  }
  return prefix;
}

/** A shell value of the file: `"…"` or `'…'` around it are not part of it. */
function unquote(value: EmbeddedText): EmbeddedText {
  const v = value.value;
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return value.slice(1, v.length - 1);
  return value;
}

function nonEmpty(text: EmbeddedText | undefined): EmbeddedText | undefined {
  return text && text.length > 0 ? text : undefined;
}
