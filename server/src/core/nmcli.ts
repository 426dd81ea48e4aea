import type { EmbeddedText } from './embeddedText';
import type { Family } from './address';
import type { Route, RouteAttribute } from './route';

export type { RouteAttribute } from './route';

export type NmcliObject = 'device' | 'connection';

export interface NmcliProperty {
  /** The whole property token, e.g. `+ipv4.routes`. */
  token: EmbeddedText;
  operation: '+' | '-' | '';
  /** `ipv4.routes` without the operation. */
  name: string;
  value?: EmbeddedText;
}

/** A route of an `ipv4.routes`/`ipv6.routes` argument; `text` is one comma-separated entry, trimmed. */
export interface NmcliRoute extends Route {
  origin: 'nmcli';
  property: NmcliProperty;
}

export interface NmcliCommand {
  object: NmcliObject;
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
  const objectWord = argv[i]?.value ?? '';
  const object: NmcliObject | undefined = abbreviates(objectWord, 'device', 1)
    ? 'device'
    : abbreviates(objectWord, 'connection', 1)
      ? 'connection'
      : undefined;
  if (!object) return undefined;
  i++;
  const verb = argv[i]?.value ?? '';
  if (!abbreviates(verb, 'modify', 3)) return undefined;
  i++;

  if (object === 'connection') {
    while (i < argv.length && argv[i].value.startsWith('--')) i++;
    if (i < argv.length && CONNECTION_SELECTORS.has(argv[i].value) && i + 1 < argv.length) i++;
  }
  const target = argv[i];
  i++;

  const properties: NmcliProperty[] = [];
  const routes: NmcliRoute[] = [];
  while (i < argv.length) {
    const token = argv[i];
    const first = token.value[0];
    const operation = first === '+' || first === '-' ? first : '';
    const property: NmcliProperty = { token, operation, name: token.value.slice(operation.length), value: argv[i + 1] };
    properties.push(property);
    const family = routeFamilyOf(property.name);
    if (family && property.value && !(operation === '-' && /^\d+$/.test(property.value.value.trim()))) {
      routes.push(...parseRouteList(property.value, family, property));
    }
    i += 2;
  }
  return { object, target, properties, routes };
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
  for (const part of value.split(',')) {
    const text = part.trim();
    if (text.length === 0) continue;
    const words = text.words();
    const route: NmcliRoute = {
      origin: 'nmcli',
      propertyFamily: family,
      propertyName: family === 4 ? 'ipv4.routes' : 'ipv6.routes',
      property,
      text,
      destination: words[0],
      attributes: [] as RouteAttribute[],
      unexpected: [],
    };
    for (const word of words.slice(1)) {
      const equals = word.value.indexOf('=');
      if (equals > 0) {
        route.attributes.push({ name: word.slice(0, equals), value: word.slice(equals + 1), whole: word });
      } else if (route.attributes.length === 0 && !route.gateway && !route.metric && !/^\d+$/.test(word.value)) {
        route.gateway = word;
      } else if (route.attributes.length === 0 && !route.metric && /^\d+$/.test(word.value)) {
        route.metric = word;
      } else {
        route.unexpected.push(word);
      }
    }
    routes.push(route);
  }
  return routes;
}
