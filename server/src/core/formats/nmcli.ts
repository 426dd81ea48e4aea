import type { EmbeddedText } from '../text/embeddedText';
import { parseAddress, type Family } from '../net/address';
import { ROUTE_PROPERTIES, type Route, type RouteAttribute, type RouteGroup, type SyntaxProblem, type Unreadable } from '../routes/route';
import { MISPLACED_ROUTE_WORDS, ROUTE_ATTRIBUTES } from '../routes/routeAttributes';
import type { FileRange } from '../text/embeddedText';
import { quoted } from '../text/quote';

export type { RouteAttribute } from '../routes/route';

export type NmcliObject = 'device' | 'connection';

export interface NmcliProperty {
  /** The whole property token, e.g. `+ipv4.routes`. */
  token: EmbeddedText;
  operation: '+' | '-' | '';
  /** `ipv4.routes` without the operation. */
  name: string;
  value?: EmbeddedText;
}

/**
 * A word of a route that nmcli does not take where it stands (nmcli(1): `ip[/prefix]
 * [next-hop] [metric] [attribute=value]...`, in that order):
 * - `next-hop-late`: an address after the metric or an attribute ("the next hop must be first");
 * - `next-hop-again`: a second address before any metric: nmcli silently keeps the last;
 * - `metric-late`: a number after an attribute ("the metric must be before attributes");
 * - `metric-again`: a second number: nmcli silently keeps the last;
 * - `ip-route-keyword`: `via`, `dev`, `table 100`… written the `ip route` way (`argument` is
 *   the word it took, when it takes one);
 * - `bare-attribute`: a boolean attribute without `=value` (`onlink`);
 * - `syntax`: anything else nmcli cannot read.
 */
export type RouteWordIssueKind =
  | 'next-hop-late' | 'next-hop-again' | 'metric-late' | 'metric-again' | 'ip-route-keyword' | 'bare-attribute' | 'syntax';

export interface RouteWordIssue {
  kind: RouteWordIssueKind;
  word: EmbeddedText;
  argument?: EmbeddedText;
}

/** A route of an `ipv4.routes`/`ipv6.routes` argument; `text` is one comma-separated entry, trimmed. */
export interface NmcliRoute extends Route {
  origin: 'nmcli';
  property: NmcliProperty;
  /** Why each of `unexpected` is wrong where it stands. */
  issues: RouteWordIssue[];
}

export interface NmcliCommand {
  /** argv[0]: `nmcli` or a path ending in `/nmcli`. */
  program: EmbeddedText;
  object: NmcliObject;
  /** The object and verb words as written (`dev`, `modify`), for findings about the command form. */
  objectWord: EmbeddedText;
  verbWord: EmbeddedText;
  /** `connection modify --temporary`: the change is not saved to the profile. */
  temporary: boolean;
  /** The interface (`device modify`) or connection (`connection modify`) named. */
  target?: EmbeddedText;
  properties: NmcliProperty[];
  routes: NmcliRoute[];
}

const OPTIONS_WITH_ARGUMENT = new Set(['-m', '--mode', '-f', '--fields', '-g', '--get-values', '-e', '--escape', '-c', '--colors', '-w', '--wait']);
const CONNECTION_SELECTORS = new Set(['id', 'uuid', 'path', 'filename']);

/** nmcli accepts any unambiguous prefix of a command word: `dev`, `con`, `mod`. */
function abbreviates(word: string, full: string, shortest: number): boolean {
  return word.length >= shortest && full.startsWith(word);
}

/**
 * Reads `nmcli [options] device modify IFNAME PROP VALUE…` or
 * `nmcli [options] connection modify [--temporary] [id|uuid|path] NAME PROP VALUE…`
 * from an argv already split as systemd splits it. Anything else is not ours: undefined.
 */
export function parseNmcli(argv: EmbeddedText[]): NmcliCommand | undefined {
  if (argv.length === 0) return undefined;
  const program = argv[0].value;
  if (program !== 'nmcli' && !program.endsWith('/nmcli')) return undefined;

  let i = 1;
  while (i < argv.length && argv[i].value.startsWith('-')) {
    i += OPTIONS_WITH_ARGUMENT.has(argv[i].value) ? 2 : 1;
  }
  const objectWord = argv[i];
  const objectText = objectWord?.value ?? '';
  const object: NmcliObject | undefined = abbreviates(objectText, 'device', 1)
    ? 'device'
    : abbreviates(objectText, 'connection', 1)
      ? 'connection'
      : undefined;
  if (!object) return undefined;
  i++;
  const verbWord = argv[i];
  if (!verbWord || !abbreviates(verbWord.value, 'modify', 3)) return undefined;
  i++;

  let temporary = false;
  if (object === 'connection') {
    while (i < argv.length && argv[i].value.startsWith('--')) {
      if (argv[i].value === '--temporary') temporary = true;
      i++;
    }
    if (i < argv.length && CONNECTION_SELECTORS.has(argv[i].value) && i + 1 < argv.length) i++;
  }
  const target = argv[i];
  i++;

  const properties: NmcliProperty[] = [];
  const routes: NmcliRoute[] = [];
  while (i < argv.length) {
    const token = argv[i];
    // A lone `;` ends the command: systemd runs what follows as another command.
    if (token.value === ';') break;
    const first = token.value[0];
    const operation = first === '+' || first === '-' ? first : '';
    const property: NmcliProperty = { token, operation, name: token.value.slice(operation.length), value: argv[i + 1] };
    properties.push(property);
    const family = routeFamilyOf(property.name);
    // `-ipv4.routes 0,2` removes by index; `-ipv4.routes "10.0.0.0/8"` by value.
    if (family && property.value && !(operation === '-' && /^[\s,]*\d+([\s,]+\d+)*[\s,]*$/.test(property.value.value))) {
      routes.push(...parseRouteList(property.value, family, property));
    }
    i += 2;
  }
  return { program: argv[0], object, objectWord, verbWord, temporary, target, properties, routes };
}

function routeFamilyOf(name: string): Family | undefined {
  if (name === 'ipv4.routes') return 4;
  if (name === 'ipv6.routes') return 6;
  return undefined;
}

/**
 * Splits an `ipv4.routes` value: comma-separated routes, each
 * `ip[/prefix] [next-hop] [metric] [attribute=value]...`.
 */
export function parseRouteList(value: EmbeddedText, family: Family, property: NmcliProperty): NmcliRoute[] {
  const routes: NmcliRoute[] = [];
  const group: RouteGroup = { where: `this ${ROUTE_PROPERTIES[family]} value` };
  for (const part of value.split(',')) {
    const text = part.trim();
    if (text.length === 0) continue;
    const words = text.words();
    const route: NmcliRoute = {
      origin: 'nmcli',
      propertyFamily: family,
      propertyName: ROUTE_PROPERTIES[family],
      listNames: ROUTE_PROPERTIES,
      property,
      text,
      destination: words[0],
      attributes: [] as RouteAttribute[],
      unexpected: [],
      removal: property.operation === '-',
      group,
      unreadable: REFUSED,
      syntax: [],
      issues: [],
    };
    for (let w = 1; w < words.length; w++) {
      const word = words[w];
      const equals = word.value.indexOf('=');
      if (equals > 0) {
        route.attributes.push({ name: word.slice(0, equals), value: word.slice(equals + 1), whole: word });
      } else if (equals === 0) {
        flag(route, 'syntax', word);
      } else if (/^[+-]?\d+$/.test(word.value)) {
        if (route.attributes.length > 0) flag(route, 'metric-late', word);
        else if (route.metric) flag(route, 'metric-again', word);
        else route.metric = word;
      } else if (parseAddress(word.value)) {
        if (route.metric || route.attributes.length > 0) flag(route, 'next-hop-late', word);
        else if (route.gateway) flag(route, 'next-hop-again', word);
        else route.gateway = word;
      } else if (IP_ROUTE_KEYWORDS.has(word.value)) {
        // `via` and `metric` stand before a word nmcli reads anyway (the next hop, the metric).
        const takesArgument = IP_ROUTE_KEYWORDS.get(word.value) && w + 1 < words.length;
        flag(route, 'ip-route-keyword', word, takesArgument ? words[++w] : undefined);
      } else if (BARE_BOOLEAN_ATTRIBUTES.has(word.value)) {
        flag(route, 'bare-attribute', word);
      } else if (!route.gateway && !route.metric && route.attributes.length === 0) {
        // Where the next hop stands: route-gateway says it is not an address.
        route.gateway = word;
      } else {
        flag(route, 'syntax', word);
      }
    }
    for (const issue of route.issues) {
      const problem = syntaxProblemOf(issue, route);
      if (problem) route.syntax.push(problem);
    }
    routes.push(route);
  }
  return routes;
}

/** A word of `route` nmcli does not take where it stands. */
function flag(route: NmcliRoute, kind: RouteWordIssueKind, word: EmbeddedText, argument?: EmbeddedText): void {
  route.issues.push({ kind, word, ...(argument ? { argument } : {}) });
  route.unexpected.push(word);
}

const REFUSED: Unreadable = { severity: 'error', attribute: 'nmcli refuses the command', route: 'nmcli refuses the command' };

/** What nmcli does with a word of a route it does not take where it stands, said by the rule for that part of a route. */
function syntaxProblemOf(issue: RouteWordIssue, route: NmcliRoute): SyntaxProblem | undefined {
  const word = issue.word.value;
  switch (issue.kind) {
    case 'next-hop-late':
      return {
        rule: 'route-gateway',
        severity: 'error',
        message: `Next hop ${word} is out of place, so nmcli refuses the command: write it right after the destination.`,
        range: issue.word.rangeOf(),
      };
    case 'next-hop-again':
      return {
        rule: 'route-gateway',
        severity: 'warning',
        message: `nmcli keeps only the last next hop, ${word}, and drops ${route.gateway?.value}: write one route per next hop.`,
        range: issue.word.rangeOf(),
      };
    case 'metric-late':
      return {
        rule: 'route-metric',
        severity: 'error',
        message: `Metric ${word} comes after an attribute, so nmcli refuses the command: move it before the attributes.`,
        range: issue.word.rangeOf(),
      };
    case 'metric-again':
      return {
        rule: 'route-metric',
        severity: 'warning',
        message: `nmcli keeps only the last metric, ${word}, and drops ${route.metric?.value}: write one metric.`,
        range: issue.word.rangeOf(),
      };
  }
  const range: FileRange = issue.argument
    ? { start: issue.word.rangeOf().start, end: issue.argument.rangeOf().end }
    : issue.word.rangeOf();
  switch (issue.kind) {
    case 'ip-route-keyword': {
      const spec = ROUTE_ATTRIBUTES[word];
      const advice = MISPLACED_ROUTE_WORDS[word] ??
        (spec ? `write ${word}=${issue.argument?.value ?? 'VALUE'}` : `drop it, as nmcli routes have no ${word}`);
      return {
        rule: 'route-attribute',
        severity: 'error',
        message: `${quoted(`${word}${issue.argument ? ` ${issue.argument.value}` : ''}`, 30)} is ip-route syntax, so nmcli refuses the command: ${advice}.`,
        range,
      };
    }
    case 'bare-attribute':
      return {
        rule: 'route-attribute',
        severity: 'error',
        message: `${word} has no =value, so nmcli refuses the command: write ${word}=true.`,
        range,
      };
    case 'syntax':
      return {
        rule: 'route-attribute',
        severity: 'error',
        message: `nmcli cannot read ${quoted(word, 20)} and refuses the command: write ip[/prefix] [next-hop] [metric] [name=value].`,
        range,
      };
  }
}

/** `ip route` keywords people carry over, and whether they take the following word. */
const IP_ROUTE_KEYWORDS = new Map<string, boolean>([
  ['via', false], ['metric', false], ['dev', true], ['table', true], ['proto', true], ['scope', true], ['src', true],
  ['mtu', true], ['advmss', true], ['window', true], ['cwnd', true], ['initcwnd', true], ['initrwnd', true],
  ['rto_min', true], ['tos', true], ['weight', true], ['realm', true], ['expires', true], ['from', true],
]);

/** Boolean route attributes (libnm nm-setting-ip-config.c), which nmcli still wants as `name=value`. */
const BARE_BOOLEAN_ATTRIBUTES = new Set(['onlink', 'quickack', 'lock-advmss', 'lock-cwnd', 'lock-initcwnd', 'lock-initrwnd', 'lock-mtu', 'lock-window']);
