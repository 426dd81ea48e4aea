import { isMap, isPair, isScalar, type Node, type Scalar, type YAMLMap } from 'yaml';
import { parseAddress, parseCidr, type Family } from '../../net/address';
import type { Route, RouteGroup, SyntaxProblem, Unreadable } from '../../routes/route';
import { EmbeddedText } from '../../text/embeddedText';
import { hasPlaceholder } from '../../text/placeholder';
import { mapAt, pairOf, rangeOfNode, scalarAt, seqAt, stringValue, type YamlDocument } from '../../text/yamlDocuments';
import { embeddedTextOfScalar } from '../../text/yamlScalar';

/**
 * NMState (../shared/domain/NMSTATE.md): a NodeNetworkConfigurationPolicy (`nmstate.io/v1`
 * or `v1beta1`, the state under `spec.desiredState`) or a bare nmstate state file (top-level
 * `routes:` with `config:`, no `kind`/`apiVersion`). This slice reads the state's
 * `routes.config` entries; NMStateConfig and nmstate files inside MachineConfigs are not read.
 */

const NNCP_KIND = 'NodeNetworkConfigurationPolicy';
const NNCP_API_VERSIONS: readonly string[] = ['nmstate.io/v1', 'nmstate.io/v1beta1'];

/** The top-level keys of an nmstate state (nmstate's NetworkState); a bare file with any other key is not taken for one. */
const STATE_KEYS = new Set(['interfaces', 'routes', 'route-rules', 'dns-resolver', 'hostname', 'ovs-db', 'ovn', 'description']);

/** A route of a `routes.config` entry. */
export interface NmstateRoute extends Route {
  origin: 'nmstate';
  /** The `routes.config` entry. */
  entry: YAMLMap;
  nextHopInterface?: EmbeddedText;
}

export interface NmstateModel {
  form: 'policy' | 'state';
  root: YAMLMap;
  /** `spec.desiredState` of a policy, the whole document of a bare state; undefined when a policy has none. */
  state?: YAMLMap;
  routes: NmstateRoute[];
}

/** A NodeNetworkConfigurationPolicy of nmstate.io/v1 or v1beta1. */
function isNmstatePolicyRoot(root: unknown): root is YAMLMap {
  if (!isMap(root)) return false;
  return stringValue(scalarAt(root, 'kind')) === NNCP_KIND &&
    NNCP_API_VERSIONS.includes(stringValue(scalarAt(root, 'apiVersion')) ?? '');
}

/** A bare nmstate state: `routes:` with `config:`, only nmstate's top-level keys, no `kind` or `apiVersion`. */
function isNmstateStateRoot(root: unknown): root is YAMLMap {
  if (!isMap(root)) return false;
  const routes = mapAt(root, 'routes');
  if (!routes || !pairOf(routes, 'config')) return false;
  return root.items.every((item) => isPair(item) && isScalar(item.key) && STATE_KEYS.has(String(item.key.value)));
}

export function isNmstateRoot(root: unknown): boolean {
  return isNmstatePolicyRoot(root) || isNmstateStateRoot(root);
}

export function buildNmstate(document: YamlDocument, text: string): NmstateModel {
  const root = document.contents as YAMLMap;
  const form = isNmstatePolicyRoot(root) ? 'policy' : 'state';
  const state = form === 'policy' ? mapAt(mapAt(root, 'spec'), 'desiredState') : root;
  const group: RouteGroup = { where: form === 'policy' ? 'this policy\'s routes.config' : 'this state\'s routes.config' };
  const routes: NmstateRoute[] = [];
  for (const item of seqAt(mapAt(state, 'routes'), 'config')?.items ?? []) {
    if (!isMap(item)) continue;
    const route = readRoute(item, text, group);
    if (route) routes.push(route);
  }
  return { form, root, state, routes };
}

/** nmstate does not apply a state it cannot read; the NMState Operator reports the policy as failed. */
const REJECTED: Unreadable = { severity: 'error', attribute: 'nmstate rejects the state', route: 'nmstate rejects the state' };

const LIST_NAMES: Readonly<Record<Family, string>> = { 4: 'an IPv4 routes.config entry', 6: 'an IPv6 routes.config entry' };

const U32_MAX = 4294967295;

function readRoute(entry: YAMLMap, text: string, group: RouteGroup): NmstateRoute | undefined {
  /** A scalar value as written; nothing for a missing, null or templated one (a capture expression is filled in on the node). */
  const part = (key: string): EmbeddedText | undefined => {
    const node: Node | null | undefined = pairOf(entry, key)?.value;
    if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
    const value = embeddedTextOfScalar(node as Scalar, text).trim();
    if (value.length === 0 || hasPlaceholder(value.value)) return undefined;
    return value;
  };
  const removal = stringValue(scalarAt(entry, 'state')) === 'absent';
  const range = rangeOfNode(entry);
  const whole = EmbeddedText.verbatim(text.slice(range.start, range.end), range.start);
  const syntax: SyntaxProblem[] = [];
  let destination = part('destination');
  if (!destination) {
    const node = pairOf(entry, 'destination')?.value;
    // Templated, or a removal whose missing fields are wildcards: nothing to judge.
    if (removal || (isScalar(node) && typeof node.value === 'string' && hasPlaceholder(node.value))) return undefined;
    destination = EmbeddedText.verbatim('', range.start);
    // Said on the entry's first key (or on `destination:` when its value is empty).
    const first = entry.items[0]?.key;
    const key = pairOf(entry, 'destination')?.key ?? first;
    syntax.push({
      rule: 'route-cidr',
      severity: 'error',
      message: 'This route has no destination: nmstate wants one on every route it adds (only a state: absent entry may leave it out).',
      range: isScalar(key) ? rangeOfNode(key) : { start: range.start, end: range.start + Math.min(whole.length, 1) },
    });
  }
  const gateway = part('next-hop-address');
  const metric = part('metric');
  const table = part('table-id');
  if (table && !(/^\+?\d+$/.test(table.value) && Number(table.value) <= U32_MAX)) {
    syntax.push({
      rule: 'route-attribute',
      severity: 'error',
      message: `table-id ${JSON.stringify(table.value)} is not a number from 0 to ${U32_MAX}: nmstate rejects the state.`,
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
    text: whole,
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
