import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml';
import { parseAddress, parseCidr, type Family } from '../net/address';
import type { Route, RouteGroup, SyntaxProblem, Unreadable } from '../routes/route';
import { EmbeddedText, type FileRange } from '../text/embeddedText';
import { quoted } from '../text/quote';
import { hasPlaceholder } from '../text/placeholder';
import { pairOf, scalarAt, seqAt, mapAt, stringValue } from '../text/yamlDocuments';
import { embeddedTextOfScalar } from '../text/yamlScalar';

/**
 * An nmstate state (nmstate's NetworkState: `interfaces`, `routes`, `route-rules`, …) as
 * far as routes go, wherever it is written: under a policy's `spec.desiredState`, an
 * NMStateConfig's `spec.config`, a bare file, or an nmstate file inside a MachineConfig
 * (whose YAML is the decoded text of a `data:` URL). Every part keeps its range in the file.
 */

/**
 * Where the YAML nodes of a state point: `text` is what they were parsed from; `range` and
 * `embed` take offsets in it to the file. A document of the file maps to itself; an nmstate
 * file inside a MachineConfig maps through its decoded `data:` URL.
 */
export interface StateSource {
  readonly text: string;
  range(start: number, end: number): FileRange;
  /** A text of `text` (offsets into it) as a text of the file. */
  embed(inner: EmbeddedText): EmbeddedText;
  /** Whether the characters map one to one to the file (false for base64), so an edit can be made in place. */
  readonly exact: boolean;
}

/** Nodes parsed from the file itself. */
export function fileSource(text: string): StateSource {
  return { text, range: (start, end) => ({ start, end }), embed: (inner) => inner, exact: true };
}

/** Nodes parsed from `embedded.value` (a decoded `data:` URL). */
export function embeddedSource(embedded: EmbeddedText): StateSource {
  return {
    text: embedded.value,
    range: (start, end) => embedded.rangeOf(start, end),
    embed: (inner) => embedded.compose(inner),
    exact: embedded.exact,
  };
}

/** The file range of a node's value. */
export function nodeRange(source: StateSource, node: Node | null | undefined): FileRange {
  const range = node?.range;
  if (!range) return source.range(0, 0);
  return source.range(range[0], Math.max(range[0], range[1]));
}

/** A scalar's value as written, mapped to the file; undefined for anything but a non-null scalar. */
export function scalarText(source: StateSource, node: Node | null | undefined): EmbeddedText | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return source.embed(embeddedTextOfScalar(node as Scalar, source.text));
}

/** One `ipv4`/`ipv6` block of an interface. */
export interface IpConfig {
  node: YAMLMap;
  family: Family;
  /** `enabled:` as written; undefined when left out. */
  enabled?: boolean;
  dhcp?: boolean;
  autoconf?: boolean;
  /** The static addresses (`address[]`), with the prefix length read as a number when it is one. */
  addresses: StaticAddress[];
}

export interface StaticAddress {
  node: YAMLMap;
  ip?: EmbeddedText;
  prefixLength?: number;
  /** The `prefix-length` scalar, for ranges. */
  prefixText?: EmbeddedText;
}

/** One `interfaces[]` entry. */
export interface NmstateInterface {
  node: YAMLMap;
  name?: EmbeddedText;
  type?: EmbeddedText;
  /** `state:` (up, down, absent, ignore); undefined when left out (up). */
  state?: string;
  ipv4?: IpConfig;
  ipv6?: IpConfig;
  /** `vrf.route-table-id` of a VRF interface. */
  vrfTable?: EmbeddedText;
}

/** A route of a `routes.config` entry. */
export interface NmstateRoute extends Route {
  origin: 'nmstate';
  /** The `routes.config` entry. */
  entry: YAMLMap;
  nextHopInterface?: EmbeddedText;
}

/** One `route-rules.config` entry. */
export interface NmstateRouteRule {
  node: YAMLMap;
  ipFrom?: EmbeddedText;
  ipTo?: EmbeddedText;
  priority?: EmbeddedText;
  routeTable?: EmbeddedText;
  removal: boolean;
}

/** A `{{ capture.NAME… }}` expression in a value of the state. */
export interface CaptureReference {
  /** NAME, mapped to the file. */
  name: EmbeddedText;
  /** The whole scalar it sits in. */
  value: EmbeddedText;
}

export interface NmstateState {
  /** The state mapping. */
  map: YAMLMap;
  source: StateSource;
  /** Whether the state has an `interfaces:` list (a route-only state is normal). */
  declaresInterfaces: boolean;
  interfaces: NmstateInterface[];
  routes: NmstateRoute[];
  routeRules: NmstateRouteRule[];
  captures: CaptureReference[];
}

/** Reads the state `map`; `where` names its route list in messages ("this policy's routes.config"). */
export function readNmstateState(map: YAMLMap, source: StateSource, where: string): NmstateState {
  const group: RouteGroup = { where };
  const routes: NmstateRoute[] = [];
  for (const item of seqAt(mapAt(map, 'routes'), 'config')?.items ?? []) {
    if (!isMap(item)) continue;
    const route = readRoute(item, source, group);
    if (route) routes.push(route);
  }
  const routeRules: NmstateRouteRule[] = [];
  for (const item of seqAt(mapAt(map, 'route-rules'), 'config')?.items ?? []) {
    if (isMap(item)) routeRules.push(readRouteRule(item, source));
  }
  const interfaceList = seqAt(map, 'interfaces');
  const interfaces: NmstateInterface[] = [];
  for (const item of interfaceList?.items ?? []) if (isMap(item)) interfaces.push(readInterface(item, source));
  return {
    map,
    source,
    declaresInterfaces: interfaceList !== undefined,
    interfaces,
    routes,
    routeRules,
    captures: captureReferences(map, source),
  };
}

/** A value as written: nothing for a missing, null or templated one (a capture expression is filled in on the node). */
function partOf(map: YAMLMap, key: string, source: StateSource): EmbeddedText | undefined {
  const value = scalarText(source, pairOf(map, key)?.value)?.trim();
  if (!value || value.length === 0 || hasPlaceholder(value.value)) return undefined;
  return value;
}

function booleanAt(map: YAMLMap, key: string): boolean | undefined {
  const value = scalarAt(map, key)?.value;
  return typeof value === 'boolean' ? value : undefined;
}

function readInterface(node: YAMLMap, source: StateSource): NmstateInterface {
  const result: NmstateInterface = { node };
  const name = partOf(node, 'name', source);
  if (name) result.name = name;
  const type = partOf(node, 'type', source);
  if (type) result.type = type;
  const state = stringValue(scalarAt(node, 'state'));
  if (state) result.state = state;
  const ipv4 = mapAt(node, 'ipv4');
  if (ipv4) result.ipv4 = readIpConfig(ipv4, 4, source);
  const ipv6 = mapAt(node, 'ipv6');
  if (ipv6) result.ipv6 = readIpConfig(ipv6, 6, source);
  const vrfTable = partOf(mapAt(node, 'vrf') ?? node, 'route-table-id', source);
  if (vrfTable && mapAt(node, 'vrf')) result.vrfTable = vrfTable;
  return result;
}

function readIpConfig(node: YAMLMap, family: Family, source: StateSource): IpConfig {
  const addresses: StaticAddress[] = [];
  for (const item of seqAt(node, 'address')?.items ?? []) {
    if (!isMap(item)) continue;
    const address: StaticAddress = { node: item };
    const ip = partOf(item, 'ip', source);
    if (ip) address.ip = ip;
    const prefixText = partOf(item, 'prefix-length', source);
    if (prefixText) {
      address.prefixText = prefixText;
      if (/^\d+$/.test(prefixText.value)) address.prefixLength = Number(prefixText.value);
    }
    addresses.push(address);
  }
  const config: IpConfig = { node, family, addresses };
  const enabled = booleanAt(node, 'enabled');
  if (enabled !== undefined) config.enabled = enabled;
  const dhcp = booleanAt(node, 'dhcp');
  if (dhcp !== undefined) config.dhcp = dhcp;
  const autoconf = booleanAt(node, 'autoconf');
  if (autoconf !== undefined) config.autoconf = autoconf;
  return config;
}

function readRouteRule(node: YAMLMap, source: StateSource): NmstateRouteRule {
  const rule: NmstateRouteRule = { node, removal: stringValue(scalarAt(node, 'state')) === 'absent' };
  const ipFrom = partOf(node, 'ip-from', source);
  if (ipFrom) rule.ipFrom = ipFrom;
  const ipTo = partOf(node, 'ip-to', source);
  if (ipTo) rule.ipTo = ipTo;
  const priority = partOf(node, 'priority', source);
  if (priority) rule.priority = priority;
  const routeTable = partOf(node, 'route-table', source);
  if (routeTable) rule.routeTable = routeTable;
  return rule;
}

/** `{{ capture.NAME.… }}`: NAME is what `spec.capture` must define. */
const CAPTURE_REFERENCE = /\{\{\s*capture\.([A-Za-z0-9_-]+)/g;

function captureReferences(map: YAMLMap, source: StateSource): CaptureReference[] {
  const found: CaptureReference[] = [];
  const visit = (node: unknown): void => {
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) visit(isMap(node) ? (item as { value: unknown }).value : item);
      return;
    }
    if (!isScalar(node) || typeof node.value !== 'string' || !node.value.includes('capture.')) return;
    const value = scalarText(source, node);
    if (!value) return;
    CAPTURE_REFERENCE.lastIndex = 0;
    for (let m = CAPTURE_REFERENCE.exec(value.value); m; m = CAPTURE_REFERENCE.exec(value.value)) {
      const at = m.index + m[0].length - m[1].length;
      found.push({ name: value.slice(at, at + m[1].length), value });
    }
  };
  visit(map);
  return found;
}

/** nmstate does not apply a state it cannot read; the NMState Operator reports the policy as failed. */
const REJECTED: Unreadable = { severity: 'error', attribute: 'nmstate rejects the state', route: 'nmstate rejects the state' };

const LIST_NAMES: Readonly<Record<Family, string>> = { 4: 'an IPv4 routes.config entry', 6: 'an IPv6 routes.config entry' };

const U32_MAX = 4294967295;

function readRoute(entry: YAMLMap, source: StateSource, group: RouteGroup): NmstateRoute | undefined {
  const part = (key: string) => partOf(entry, key, source);
  const removal = stringValue(scalarAt(entry, 'state')) === 'absent';
  const range = nodeRange(source, entry);
  const syntax: SyntaxProblem[] = [];
  let destination = part('destination');
  if (!destination) {
    const node = pairOf(entry, 'destination')?.value;
    // Templated, or a removal whose missing fields are wildcards: nothing to judge.
    if (removal || (isScalar(node) && typeof node.value === 'string' && hasPlaceholder(node.value))) return undefined;
    destination = EmbeddedText.verbatim('', range.start);
    // Said on `destination:` when its value is empty, else on the entry's first key.
    const key = pairOf(entry, 'destination')?.key ?? entry.items[0]?.key;
    syntax.push({
      rule: 'route-cidr',
      severity: 'error',
      message: 'This route has no destination, so nmstate rejects the state: give it one.',
      range: isScalar(key) ? nodeRange(source, key) : { start: range.start, end: Math.min(range.end, range.start + 1) },
    });
  }
  const gateway = part('next-hop-address');
  const metric = part('metric');
  const table = part('table-id');
  if (table && !(/^\+?\d+$/.test(table.value) && Number(table.value) <= U32_MAX)) {
    syntax.push({
      rule: 'route-attribute',
      severity: 'error',
      message: `table-id ${quoted(table.value, 24)} is not a number from 0 to ${U32_MAX}: nmstate rejects the state.`,
      range: table.rangeOf(),
    });
  }
  const reading = parseCidr(destination.value);
  const family: Family = reading.ok
    ? reading.family
    : parseAddress(gateway?.value ?? '')?.family ?? (destination.value.includes(':') ? 6 : 4);
  const nextHopInterface = part('next-hop-interface');
  return {
    origin: 'nmstate',
    entry,
    propertyFamily: family,
    propertyName: 'routes.config',
    listNames: LIST_NAMES,
    text: source.embed(EmbeddedText.verbatim(source.text.slice(entry.range?.[0] ?? 0, entry.range?.[1] ?? 0), entry.range?.[0] ?? 0)),
    destination,
    ...(gateway ? { gateway } : {}),
    ...(metric ? { metric } : {}),
    ...(table ? { table } : {}),
    ...(nextHopInterface ? { nextHopInterface } : {}),
    attributes: [],
    unexpected: [],
    removal,
    group,
    unreadable: REJECTED,
    syntax,
  };
}
