/**
 * Completion in NMState documents (NodeNetworkConfigurationPolicy, NMStateConfig, a bare
 * state): the keys valid at the caret, from nmstate's key tables, and values — enums,
 * booleans, the interfaces the same state declares for `next-hop-interface`, the table ids
 * its rules, VRFs and routes use for `table-id`/`route-table`. The place at the caret comes
 * from completionContext, which reads half-typed lines; the state's names come from the
 * last good parse.
 */
import type { YamlKeyContext, YamlValueContext, DocumentLines } from './completionContext';
import { valueItems, type CompletionItem } from './completionItem';
import type { ParsedText } from '../analysis/lint';
import type { AppliedState } from '../kinds/documentKind';
import { NMSTATECONFIG_KIND, NNCP_KIND } from '../kinds/nmstate/model';
import { describeType, nmKeyAt, nmKeysAt, NMSTATECONFIG, POLICY, STATE, type NmKey } from '../kinds/nmstate/schema';
import { BASE_INTERFACE_KEYS } from '../kinds/nmstate/schemaInterfaces';
import { choice, escapeSnippet } from '../text/snippetText';

export interface NmstateAtCaret {
  /** The key table of the document: a policy's, an NMStateConfig's, or a bare state's. */
  root: NmKey;
  /** The states of the document at the caret, as last parsed. */
  states: readonly AppliedState[];
}

const KIND_LINE = /^kind:[ \t]*(["']?)([A-Za-z]+)\1[ \t]*(#.*)?$/m;

/** The NMState document at the caret, by its parse, or by its `kind:` line while the parse lags; undefined for any other. */
export function nmstateAt(parsed: ParsedText, region: DocumentLines): NmstateAtCaret | undefined {
  const analysed = parsed.documents.find(({ document }) => document.range[0] <= region.end && document.range[2] > region.start);
  const states = analysed?.kind?.states?.(analysed.model) ?? [];
  const kindLine = KIND_LINE.exec(parsed.text.slice(region.start, region.end))?.[2];
  if (kindLine === NNCP_KIND) return { root: POLICY, states };
  if (kindLine === NMSTATECONFIG_KIND) return { root: NMSTATECONFIG, states };
  if (analysed?.kind?.id === 'nmstate' && kindLine === undefined) return { root: STATE, states };
  return undefined;
}

/** Keys of the mapping at the caret that nmstate knows there and that are not written yet. */
export function nmstateKeyCompletions(context: YamlKeyContext, at: NmstateAtCaret): CompletionItem[] {
  const keys = nmKeysAt(at.root, context.parentPath);
  if (!keys) return [];
  const inInterface = isInterfaceItem(context.parentPath);
  const names = Object.keys(keys).filter((key) => !context.siblings.has(key));
  // In an interface the base keys come first, then the type blocks.
  const rank = (key: string): number => (inInterface && !Object.hasOwn(BASE_INTERFACE_KEYS, key) ? 1 : 0);
  names.sort((a, b) => rank(a) - rank(b));
  return names.map((key, i) => {
    const node = keys[key];
    return {
      label: key,
      kind: 'key' as const,
      ...insertKey(key, node, context),
      detail: detailOf(node),
      documentation: documentationOf(node),
      sortText: String(i).padStart(3, '0'),
    };
  });
}

function isInterfaceItem(path: readonly (string | number)[]): boolean {
  const at = path.lastIndexOf('interfaces');
  return at >= 0 && at === path.length - 2 && typeof path[path.length - 1] === 'number';
}

function insertKey(key: string, node: NmKey, context: YamlKeyContext): { insertText: string; isSnippet?: boolean } {
  const name = /^[A-Za-z0-9_.+-]+$/.test(key) ? key : JSON.stringify(key);
  if (context.hasColon) return { insertText: name };
  const inner = ' '.repeat(context.column + 2);
  const at = escapeSnippet(name);
  if (node.type === 'list of mappings' || node.type === 'list of strings') return { insertText: `${at}:\n${inner}- $0`, isSnippet: true };
  if (node.type === 'mapping') return { insertText: `${at}:\n${inner}$0`, isSnippet: true };
  const values = offered(node);
  if (values.length > 1) return { insertText: `${at}: \${1|${choice(values)}|}`, isSnippet: true };
  return { insertText: `${at}: $0`, isSnippet: true };
}

function offered(node: NmKey): readonly string[] {
  if (node.offer) return node.offer;
  if (node.values) return node.values;
  return node.type === 'boolean' ? ['true', 'false'] : [];
}

/** "boolean · since nmstate 2.2.10". */
function detailOf(node: NmKey): string {
  return node.since ? `${describeType(node)} · since nmstate ${node.since}` : describeType(node);
}

function documentationOf(node: NmKey): string {
  const values = offered(node);
  return values.length > 0 && node.type !== 'boolean' ? `${node.doc}\n\nValues: ${values.map((v) => `\`${v}\``).join(', ')}` : node.doc;
}

/** Values for the key at the caret. */
export function nmstateValueCompletions(context: YamlValueContext, at: NmstateAtCaret): CompletionItem[] {
  const key = context.path[context.path.length - 1];
  const node = nmKeyAt(at.root, context.path);
  if (!node) return [];
  let values: { value: string; detail?: string }[];
  if (key === 'next-hop-interface' || key === 'iif') values = interfacesOf(at.states);
  else if (key === 'table-id' || key === 'route-table' || key === 'route-table-id' || key === 'auto-route-table-id') values = tablesOf(at.states);
  else values = offered(node).map((value) => ({ value }));
  return valueItems(values, context.quote);
}

function interfacesOf(states: readonly AppliedState[]): { value: string; detail?: string }[] {
  const seen = new Map<string, string | undefined>();
  for (const { state } of states) {
    for (const iface of state.interfaces) {
      const name = iface.name?.value;
      if (name && !seen.has(name)) seen.set(name, iface.type?.value);
    }
  }
  return [...seen].map(([value, type]) => ({ value, detail: type ? `${type} declared in this state` : 'declared in this state' }));
}

function tablesOf(states: readonly AppliedState[]): { value: string; detail?: string }[] {
  const tables = new Map<string, string>();
  const add = (table: string | undefined, why: string): void => {
    if (table && /^\d+$/.test(table) && !tables.has(table)) tables.set(table, why);
  };
  for (const { state } of states) {
    for (const rule of state.routeRules) add(rule.routeTable?.value, 'looked up by a route-rule');
    for (const iface of state.interfaces) add(iface.vrfTable?.value, `the table of VRF ${iface.name?.value ?? ''}`.trim());
    for (const route of state.routes) add(route.table?.value, 'used by a route');
  }
  tables.delete('254');
  return [...[...tables].map(([value, detail]) => ({ value, detail })), { value: '254', detail: 'main' }];
}
