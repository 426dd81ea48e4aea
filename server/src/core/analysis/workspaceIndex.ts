/**
 * The workspace index: what each file says that matters beyond it, as facts (names, roles,
 * units, files, routes, with their ranges), never text. The Machine Config Operator never
 * applies one file: it merges every MachineConfig whose role label a pool selects, in
 * lexical order of their names (Go's sort by Name), and for the same unit, drop-in or
 * file path Ignition merges the entries field by field, so where both write `contents`
 * the later name's contents are the ones written. poolViews() says what each pool's nodes
 * get; findingsAcrossFiles() the findings that only the files together show.
 *
 * API for the server, the CLI and a pool preview:
 * - factsOfParsed(parsed) → FileIndex, the facts of one file;
 * - poolViews(files) → PoolView[], each pool's configs, parts and routes in merge order;
 * - findingsAcrossFiles(self, others) → Problem[] of the file `self`, with `related` locations.
 * A fact's `file` is the name its caller indexed it under (a URI, a path); undefined is the
 * file being linted.
 */
import { isMap, isScalar, type Pair, type Scalar } from 'yaml';
import { isExpanded, isGeneratedByPlatform, type IgnitionConfig, type UnitText } from '../kinds/machineconfig/model';
import type { NmcliRoute } from '../formats/nmcli';
import { isMachineConfigPool, rolesSelectedByPool, ROLE_LABEL } from '../kinds/machineconfig/pools';
import type { NmstateModel } from '../kinds/nmstate/model';
import { nmstateKind } from '../kinds/nmstate/kind';
import { nextHopInterfaceOf } from '../kinds/nmstate/stateInterfaces';
import type { Route } from '../routes/route';
import { attributeOf, destinationNetwork, destinationNetworkText, isRemoval, metricOf, tableOf } from '../routes/routeFacts';
import type { FileRange } from '../text/embeddedText';
import { hasPlaceholder } from '../text/placeholder';
import type { Problem, RelatedLocation, RuleId } from '../text/problem';
import { quoted } from '../text/quote';
import { mapAt, pairOf, rangeOfNode, scalarAt, stringValue } from '../text/yamlDocuments';
import type { MachineConfigModel } from '../kinds/machineconfig/model';
import type { YamlDocument } from '../text/yamlDocuments';
import type { PoolFacts } from './rules/rule';

/** The label a pool's nodeSelector (and an NMState policy's) uses for a role: node-role.kubernetes.io/<role>. */
export const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';

export interface RouteFact {
  /** The destination network, normalised (`10.0.0.0/8`). */
  destination: string;
  family: 4 | 6;
  gateway?: string;
  /** The interface an NMState route names; '' for routes that name theirs elsewhere. */
  device: string;
  table?: number;
  metric?: number;
  /** Written with weight= (ECMP). */
  weighted: boolean;
  range: FileRange;
  /** The unit, drop-in or file of a MachineConfig that writes it: when another config overrides that part, the route is gone. */
  part?: { kind: PartKind; name: string };
}

export type PartKind = 'unit' | 'dropin' | 'file';

export interface UnitFact {
  name: string;
  range: FileRange;
  /** Writes `contents`. */
  contents: boolean;
  enabled?: boolean;
  mask?: boolean;
  dropins: { name: string; range: FileRange; contents: boolean }[];
}

export interface MachineConfigFacts {
  kind: 'MachineConfig';
  name: string;
  range: FileRange;
  /** The role label's value, when it is a plain name. */
  role?: string;
  units: UnitFact[];
  files: { path: string; range: FileRange; contents: boolean }[];
  routes: RouteFact[];
}

export interface MachineConfigPoolFacts {
  kind: 'MachineConfigPool';
  name: string;
  range: FileRange;
  /** The roles its machineConfigSelector takes (matchLabels, matchExpressions In). */
  roles: string[];
  /** The `machineConfigSelector` key, where a finding about it goes. */
  selectorRange: FileRange;
}

export interface PolicyFacts {
  kind: 'NodeNetworkConfigurationPolicy';
  name: string;
  range: FileRange;
  /** The role when the nodeSelector is exactly `node-role.kubernetes.io/<role>: ""`: the pool of that role's nodes. */
  role?: string;
  routes: RouteFact[];
}

export type DocumentFacts = MachineConfigFacts | MachineConfigPoolFacts | PolicyFacts;

/** The facts of one file. */
export interface FileIndex {
  documents: DocumentFacts[];
}

export interface IndexedFile {
  /** How the caller names the file (a URI in the server, a path in the CLI). */
  file: string;
  index: FileIndex;
}

/** A document's facts with the file they are in; file undefined: the file being linted. */
export interface Located<T extends DocumentFacts = DocumentFacts> {
  file?: string;
  facts: T;
}

export const EMPTY_INDEX: FileIndex = Object.freeze({ documents: [] }) as FileIndex;

/** One analysed YAML document, as lint.ts's AnalysedDocument has it. */
export interface IndexedDocument {
  document: YamlDocument;
  model?: unknown;
  kind?: { id: string };
  machineConfig?: MachineConfigModel;
}

/** The facts of a file's parse (lint.ts's ParsedText; documents whose YAML does not parse are left out). */
export function factsOfParsed(parsed: { documents: readonly IndexedDocument[] }): FileIndex {
  return { documents: parsed.documents.flatMap((d) => factsOfDocument(d)) };
}

/** The facts of one analysed document: none, or one. */
export function factsOfDocument(analysed: IndexedDocument): DocumentFacts[] {
  const { document, kind, model, machineConfig: mc } = analysed;
  if (document.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return [];
  if (mc) {
    const nameScalar = scalarAt(mc.metadata, 'name');
    const name = stringValue(nameScalar);
    if (!name || hasPlaceholder(name) || isGeneratedByPlatform(mc)) return [];
    const role = stringValue(scalarAt(mapAt(mc.metadata, 'labels'), ROLE_LABEL));
    const units: UnitFact[] = [];
    for (const unit of mc.units) {
      const unitName = stringValue(unit.name);
      if (!unitName) continue;
      const dropins = unit.dropins.flatMap((d) => {
        const dropinName = stringValue(d.name);
        return dropinName ? [{ name: dropinName, range: rangeOfNode(d.name), contents: pairOf(d.node, 'contents') !== undefined }] : [];
      });
      units.push({
        name: unitName,
        range: rangeOfNode(unit.name),
        contents: pairOf(unit.node, 'contents') !== undefined,
        ...booleanAt(unit.node, 'enabled'),
        ...booleanAt(unit.node, 'mask'),
        dropins,
      });
    }
    const files = mc.files.flatMap((f) => (f.pathValue ? [{ path: f.pathValue, range: rangeOfNode(f.path), contents: f.contents !== undefined }] : []));
    const routes = routesByPart(mc);
    return [{ kind: 'MachineConfig', name, range: rangeOfNode(nameScalar), ...(role && !hasPlaceholder(role) ? { role } : {}), units, files, routes }];
  }
  if (isMachineConfigPool(document) && isMap(document.contents)) {
    const root = document.contents;
    const nameScalar = scalarAt(mapAt(root, 'metadata'), 'name');
    const name = stringValue(nameScalar);
    const selector = pairOf(mapAt(root, 'spec'), 'machineConfigSelector');
    if (!name) return [];
    return [{
      kind: 'MachineConfigPool',
      name,
      range: rangeOfNode(nameScalar),
      roles: rolesSelectedByPool(document),
      selectorRange: selector ? rangeOfNode(selector.key) : rangeOfNode(nameScalar),
    }];
  }
  if (kind?.id === nmstateKind.id && model) {
    const policy = model as NmstateModel;
    if (policy.form !== 'policy') return [];
    const nameScalar = scalarAt(mapAt(policy.root, 'metadata'), 'name');
    const role = roleOfSelector(policy);
    return [{
      kind: 'NodeNetworkConfigurationPolicy',
      name: stringValue(nameScalar) ?? '',
      range: rangeOfNode(nameScalar ?? policy.root),
      ...(role ? { role } : {}),
      routes: routeFacts(policy.routes),
    }];
  }
  return [];
}

function booleanAt(node: Parameters<typeof scalarAt>[0], key: 'enabled' | 'mask'): { enabled?: boolean; mask?: boolean } {
  const value = scalarAt(node, key)?.value;
  return typeof value === 'boolean' ? { [key]: value } : {};
}

/** `node-role.kubernetes.io/<role>: ""` and nothing else: the nodes of that role's pool. */
function roleOfSelector(policy: NmstateModel): string | undefined {
  const selector = policy.nodeSelector?.value;
  if (!isMap(selector) || selector.items.length !== 1) return undefined;
  const pair = selector.items[0] as Pair<unknown, unknown>;
  if (!isScalar(pair.key) || !isScalar(pair.value)) return undefined;
  const key = String((pair.key as Scalar).value);
  const value = (pair.value as Scalar).value;
  if (!key.startsWith(NODE_ROLE_PREFIX) || !(value === '' || value === null)) return undefined;
  const role = key.slice(NODE_ROLE_PREFIX.length);
  return role && !role.includes('/') ? role : undefined;
}

/** The routes of a config (as routesOf reads them), each with the unit, drop-in or file it is in. */
function routesByPart(mc: IgnitionConfig): RouteFact[] {
  const facts: RouteFact[] = [];
  const nmcli = (list: readonly NmcliRoute[] | undefined, part: RouteFact['part']) => {
    for (const route of list ?? []) if (!isExpanded(route)) addRouteFact(facts, route, part);
  };
  const ofUnit = (text: UnitText | undefined, part: RouteFact['part']) => {
    for (const exec of text?.execLines ?? []) {
      nmcli(exec.nmcli?.routes, part);
      for (const command of exec.script ?? []) nmcli(command.nmcli?.routes, part);
    }
  };
  for (const unit of mc.units) {
    const unitName = stringValue(unit.name) ?? '';
    ofUnit(unit.contents, { kind: 'unit', name: unitName });
    for (const dropin of unit.dropins) ofUnit(dropin.contents, { kind: 'dropin', name: `${unitName}/${stringValue(dropin.name) ?? ''}` });
  }
  for (const file of mc.files) {
    const part: RouteFact['part'] = { kind: 'file', name: file.pathValue ?? '' };
    for (const route of file.keyfile?.routes ?? []) addRouteFact(facts, route, part);
    for (const route of file.routeFile?.routes ?? []) addRouteFact(facts, route, part);
    for (const route of file.nmstate?.state?.routes ?? []) addRouteFact(facts, route, part);
    for (const command of file.scriptCommands ?? []) nmcli(command.nmcli?.routes, part);
  }
  return facts;
}

function routeFacts(routes: readonly Route[]): RouteFact[] {
  const facts: RouteFact[] = [];
  for (const route of routes) addRouteFact(facts, route);
  return facts;
}

/** The route's facts, unless it is removed or names no network. */
function addRouteFact(facts: RouteFact[], route: Route, part?: RouteFact['part']): void {
  if (isRemoval(route)) return;
  const network = destinationNetwork(route);
  if (!network) return;
  const destination = destinationNetworkText(route)!;
  const device = nextHopInterfaceOf(route);
  const table = tableOf(route);
  const metric = metricOf(route);
  const weighted = attributeOf(route, 'weight') !== undefined;
  const range = route.destination.rangeOf();
  // Keys always in this order: facts are compared as JSON (IncrementalLinter, indexKey).
  const fact: RouteFact = route.gateway?.value
    ? { destination, family: network.family, gateway: route.gateway.value, device, table, metric, weighted, range }
    : { destination, family: network.family, device, table, metric, weighted, range };
  if (part) fact.part = part;
  facts.push(fact);
}

/** The facts with every range moved by `delta` (a document chunk that moved in its file). */
export function shiftIndex(index: FileIndex, delta: number): FileIndex {
  if (delta === 0) return index;
  const at = (r: FileRange): FileRange => ({ start: r.start + delta, end: r.end + delta });
  // Facts are never changed once made: an empty list is shared, not copied (most units have no drop-ins).
  const each = <T>(list: T[], move: (item: T) => T): T[] => (list.length === 0 ? list : list.map(move));
  const routes = (list: RouteFact[]) => each(list, (r) => ({ ...r, range: at(r.range) }));
  return {
    documents: index.documents.map((d): DocumentFacts => {
      switch (d.kind) {
        case 'MachineConfig':
          return {
            ...d,
            range: at(d.range),
            units: each(d.units, (u) => ({ ...u, range: at(u.range), dropins: each(u.dropins, (x) => ({ ...x, range: at(x.range) })) })),
            files: each(d.files, (f) => ({ ...f, range: at(f.range) })),
            routes: routes(d.routes),
          };
        case 'MachineConfigPool':
          return { ...d, range: at(d.range), selectorRange: at(d.selectorRange) };
        default:
          return { ...d, range: at(d.range), routes: routes(d.routes) };
      }
    }),
  };
}

/** A stable key of the facts: equal keys, equal findings in the other files. */
export function indexKey(index: FileIndex): string {
  return index.documents.length === 0 ? '' : JSON.stringify(index.documents);
}

// ——— Pools ———

/** A unit, drop-in or file of a pool's rendered config: who writes it, in merge order. */
export interface PoolPart {
  kind: PartKind;
  /** `static-routes.service`, `kubelet.service/10-env.conf`, `/etc/hosts`. */
  name: string;
  /** Every config that writes it, in merge order; the last that writes contents is what the nodes get. */
  writers: { config: Located<MachineConfigFacts>; range: FileRange; contents: boolean; enabled?: boolean; mask?: boolean }[];
}

export interface PoolRoute {
  route: RouteFact;
  from: Located<MachineConfigFacts | PolicyFacts>;
  /** The part that writes it is overridden by a later config: the nodes never get this route. */
  overridden?: true;
}

export interface PoolView {
  name: string;
  roles: string[];
  /** The MachineConfigPool; undefined for worker and master when no file declares them (every cluster has those). */
  declared?: Located<MachineConfigPoolFacts>;
  /** The MachineConfigs the pool selects, in MCO merge order (by name). */
  configs: Located<MachineConfigFacts>[];
  parts: PoolPart[];
  /** The routes of its configs (merge order), then of the NMState policies for exactly its role. */
  routes: PoolRoute[];
}

/**
 * Every pool in view and what its nodes get: the MachineConfigPools of the files, worker and
 * master when no file declares them. `files` includes the linted file (file undefined).
 */
export function poolViews(files: readonly { file?: string; index: FileIndex }[]): PoolView[] {
  const inView = collect(files);
  return poolGroups(inView).map((group) => viewOf(group, inView.policies));
}

/** The documents of the files by kind, the MachineConfigs in merge order. */
interface InView {
  configs: Located<MachineConfigFacts>[];
  pools: Located<MachineConfigPoolFacts>[];
  policies: Located<PolicyFacts>[];
}

function collect(files: readonly { file?: string; index: FileIndex }[]): InView {
  const configs: Located<MachineConfigFacts>[] = [];
  const pools: Located<MachineConfigPoolFacts>[] = [];
  const policies: Located<PolicyFacts>[] = [];
  for (const { file, index } of files) {
    for (const facts of index.documents) {
      if (facts.kind === 'MachineConfig') configs.push(located(file, facts));
      else if (facts.kind === 'MachineConfigPool') pools.push(located(file, facts));
      else policies.push(located(file, facts));
    }
  }
  configs.sort((a, b) => compareNames(a.facts.name, b.facts.name));
  return { configs, pools, policies };
}

function located<T extends DocumentFacts>(file: string | undefined, facts: T): Located<T> {
  return file !== undefined ? { file, facts } : { facts };
}

/** Roles whose configs the MCO merges together: a pool in view, or a role that no pool in view takes. */
interface MergeGroup {
  name: string;
  roles: string[];
  declared?: Located<MachineConfigPoolFacts>;
  /** The configs of its roles, in merge order. */
  configs: Located<MachineConfigFacts>[];
}

/** The pools in view: the MachineConfigPools of the files, then worker and master unless declared. */
function poolGroups({ configs, pools }: InView): MergeGroup[] {
  const groups: MergeGroup[] = [];
  const named = new Set(pools.map((p) => p.facts.name));
  for (const pool of pools) groups.push(groupOf(pool.facts.name, pool.facts.roles, configs, pool));
  for (const standard of ['master', 'worker']) if (!named.has(standard)) groups.push(groupOf(standard, [standard], configs));
  return groups;
}

function groupOf(name: string, roles: string[], all: Located<MachineConfigFacts>[], declared?: Located<MachineConfigPoolFacts>): MergeGroup {
  const configs = all.filter((c) => c.facts.role !== undefined && roles.includes(c.facts.role));
  return declared ? { name, roles, declared, configs } : { name, roles, configs };
}

function viewOf(group: MergeGroup, policies: readonly Located<PolicyFacts>[]): PoolView {
  const { name, roles, declared, configs } = group;
  const parts = mergeParts(configs);
  const routes: PoolRoute[] = [];
  const isOverridden = overriddenRoutes(parts.byKind);
  forEachRoute(group, policies, (route, from) => {
    const entry: PoolRoute = { route, from };
    if (isOverridden(route, from)) entry.overridden = true;
    routes.push(entry);
  });
  return { name, roles, ...(declared ? { declared } : {}), configs, parts: parts.ordered, routes };
}

/** The routes a group's nodes may get, in its order: its configs' (merge order), then those of the NMState policies for exactly one of its roles. */
function forEachRoute(group: MergeGroup, policies: readonly Located<PolicyFacts>[], visit: (route: RouteFact, from: Located<MachineConfigFacts | PolicyFacts>) => void): void {
  for (const config of group.configs) for (const route of config.facts.routes) visit(route, config);
  for (const policy of policies) {
    if (policy.facts.role === undefined || !group.roles.includes(policy.facts.role)) continue;
    for (const route of policy.facts.routes) visit(route, policy);
  }
}

/** A pool's parts by kind, then name (no key string to build per unit and route). */
type PartsByKind = Record<PartKind, Map<string, PoolPart>>;

/** What a unit, drop-in or file entry of a config says of its part. */
interface PartWrite {
  range: FileRange;
  contents: boolean;
  enabled?: boolean;
  mask?: boolean;
}

/** Every unit, drop-in and file a config writes, named as a part of the pool: each unit and its drop-ins, then the files. */
function forEachPartWritten(facts: MachineConfigFacts, visit: (kind: PartKind, name: string, write: PartWrite) => void): void {
  for (const unit of facts.units) {
    visit('unit', unit.name, unit);
    for (const dropin of unit.dropins) visit('dropin', `${unit.name}/${dropin.name}`, dropin);
  }
  for (const file of facts.files) visit('file', file.path, file);
}

/**
 * The parts the configs (in merge order) write, each with its writers in that order, listed
 * in the order first written; with `only`, just the parts it takes.
 */
function mergeParts(configs: readonly Located<MachineConfigFacts>[], only?: (kind: PartKind, name: string) => boolean): { byKind: PartsByKind; ordered: PoolPart[] } {
  const byKind: PartsByKind = { unit: new Map(), dropin: new Map(), file: new Map() };
  const ordered: PoolPart[] = [];
  for (const config of configs) {
    forEachPartWritten(config.facts, (kind, name, { range, contents, enabled, mask }) => {
      if (only && !only(kind, name)) return;
      let part = byKind[kind].get(name);
      if (!part) {
        byKind[kind].set(name, (part = { kind, name, writers: [] }));
        ordered.push(part);
      }
      const writer: PoolPart['writers'][number] = { config, range, contents };
      if (enabled !== undefined) writer.enabled = enabled;
      if (mask !== undefined) writer.mask = mask;
      part.writers.push(writer);
    });
  }
  return { byKind, ordered };
}

/**
 * mergeParts for the parts that more than one entry writes, which alone can override: a part
 * written once (most: each config writes its own units) is counted, not merged.
 */
function partsWrittenTwice(configs: readonly Located<MachineConfigFacts>[]): { byKind: PartsByKind; ordered: PoolPart[] } {
  const once: Record<PartKind, Set<string>> = { unit: new Set(), dropin: new Set(), file: new Set() };
  const twice: Record<PartKind, Set<string>> = { unit: new Set(), dropin: new Set(), file: new Set() };
  let any = false;
  const count = (kind: PartKind, name: string): void => {
    const written = once[kind];
    const before = written.size;
    if (written.add(name).size > before) return;
    twice[kind].add(name);
    any = true;
  };
  for (const config of configs) forEachPartWritten(config.facts, count);
  if (!any) return { byKind: { unit: new Map(), dropin: new Map(), file: new Map() }, ordered: [] };
  return mergeParts(configs, (kind, name) => twice[kind].has(name));
}

/**
 * Whether a config's route never reaches the nodes: a later config with another name writes
 * the contents of the unit, drop-in or file the route is in. `parts`: the pool's parts (a part
 * with one writer may be left out: a config does not override itself).
 */
function overriddenRoutes(parts: PartsByKind): (route: RouteFact, from: Located<MachineConfigFacts | PolicyFacts>) => boolean {
  // The routes of one part share its object: its last writer is looked up once.
  const winners = new Map<NonNullable<RouteFact['part']>, Located<MachineConfigFacts> | undefined>();
  return (route, from) => {
    const routePart = route.part;
    // No part of its kind has a writer to look up (findings leave out parts written once: most).
    if (!routePart || !parts[routePart.kind]?.size) return false;
    let winner = winners.get(routePart);
    if (winner === undefined && !winners.has(routePart)) winners.set(routePart, (winner = contentsWinner(parts[routePart.kind]?.get(routePart.name))));
    return winner !== undefined && winner !== from && winner.facts.name !== from.facts.name;
  };
}

/** The config whose contents of the part the nodes get: the last writer that writes contents. */
function contentsWinner(part: PoolPart | undefined): Located<MachineConfigFacts> | undefined {
  const writers = part?.writers ?? [];
  for (let i = writers.length - 1; i >= 0; i--) if (writers[i].contents) return writers[i].config;
  return undefined;
}

/** MCO sorts configs by name with Go's string order: bytes, which for these names is UTF-16 order. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ——— Findings across files ———

/** The rules findingsAcrossFiles reports for (route-duplicate also reports within a config). */
export const RULES_ACROSS_FILES: ReadonlySet<RuleId> = new Set<RuleId>(['mc-overridden', 'pool-selector', 'route-duplicate']);

/**
 * The findings of the file `self` that the other files (and its own other documents) show:
 * mc-overridden, route-duplicate across configs, pool-selector. One finding per fact.
 */
export function findingsAcrossFiles(self: FileIndex, others: readonly IndexedFile[]): Problem[] {
  if (self.documents.length === 0) return [];
  return findingsIn([{ index: self }, ...others], (file) => file === undefined).get(undefined) ?? [];
}

/**
 * The findings across files of every file at once, by file (`mcroutes lint`: one pass over
 * the run instead of one per file). A related location in the same file names it too.
 */
export function findingsOfFiles(files: readonly IndexedFile[]): Map<string, Problem[]> {
  return findingsIn(files, () => true) as Map<string, Problem[]>;
}

/**
 * The pools' merges as poolViews makes them, without what cannot be a finding: parts that one
 * entry writes, and route entries for routes that reach the nodes without a duplicate.
 */
function findingsIn(files: readonly { file?: string; index: FileIndex }[], mine: (file: string | undefined) => boolean): Map<string | undefined, Problem[]> {
  const inView = collect(files);
  const found = new Map<string | undefined, Problem[]>();
  const said = new Set<string>();
  const once: Report = (file, key, problem) => {
    const full = `${file ?? ''}\0${key}`;
    if (said.has(full)) return;
    said.add(full);
    const list = found.get(file);
    if (list) list.push(problem);
    else found.set(file, [problem]);
  };
  // Same-role configs always share their pool; the pools in view add the roles they merge.
  // A role's own pool first: a finding names the smallest pool it holds in.
  const pools = poolGroups(inView);
  const groups = [...pools, ...rolesWithoutPool(pools, inView.configs)].sort((a, b) => a.roles.length - b.roles.length);
  for (const group of groups) {
    const parts = partsWrittenTwice(group.configs);
    overridden(group, parts.ordered, mine, once);
    duplicateRoutes(group, inView.policies, overriddenRoutes(parts.byKind), mine, once);
  }
  poolSelectors(files, mine, once);
  return found;
}

/** Every role of a config with no pool in view: its configs still merge together, in whatever pool takes the role. */
function rolesWithoutPool(pools: MergeGroup[], configs: Located<MachineConfigFacts>[]): MergeGroup[] {
  const covered = new Set(pools.flatMap((v) => v.roles));
  const roles = new Set<string>();
  for (const { facts } of configs) if (facts.role && !covered.has(facts.role)) roles.add(facts.role);
  return [...roles].map((role) => groupOf(role, [role], configs));
}

type Report = (file: string | undefined, key: string, problem: Problem) => void;
type Mine = (file: string | undefined) => boolean;

const PART_WORDS: Record<PartKind, string> = { unit: 'unit', dropin: 'drop-in', file: 'file' };

/** Where two configs write the same part's contents (or set enabled/mask apart), the earlier name loses. `parts`: those with two writers or more. */
function overridden(group: MergeGroup, parts: readonly PoolPart[], mine: Mine, report: Report): void {
  const where = group.declared || group.name === 'worker' || group.name === 'master' ? `pool ${group.name}` : `role ${group.name}`;
  for (const part of parts) {
    for (const field of ['contents', 'enabled', 'mask'] as const) {
      const writers = part.writers.filter((w) => (field === 'contents' ? w.contents : w[field] !== undefined));
      for (let i = 0; i < writers.length - 1; i++) {
        const loser = writers[i];
        if (!mine(loser.config.file)) continue;
        // The last writer after it with another name is what the nodes get (a same-named config is the same object).
        const winner = lastWriterNamedOtherThan(writers, i);
        if (!winner) continue;
        // A custom pool that takes worker's configs too: since 4.15 the MCO merges worker's
        // configs first, then the pool's own, so a pool config beats a worker config whatever the
        // names; before 4.15 names alone decide. When the two orders disagree (a worker config
        // named after the pool's), the release decides, which the file does not say: nothing said.
        if (winner.config.facts.role === 'worker' && loser.config.facts.role !== 'worker') continue;
        if (field !== 'contents' && winner[field] === loser[field]) continue;
        // The finding is on the part's name or path: the message need not repeat it.
        const what = field === 'contents' ? `This ${PART_WORDS[part.kind]}` : `This ${PART_WORDS[part.kind]}'s ${field}: ${String(loser[field])}`;
        const winnerName = winner.config.facts.name;
        report(loser.config.file, `mc-overridden\0${loser.range.start}\0${field}`, {
          code: 'mc-overridden',
          severity: 'warning',
          message: `${what} is overridden by ${quoted(winnerName, 30)}, later in ${where}: ${field === 'contents' ? 'keep it' : 'set it'} in one config.`,
          start: loser.range.start,
          end: loser.range.end,
          data: { part: part.name, partKind: part.kind, field, winner: winnerName, pool: group.name },
          related: [related(winner.config.file, winner.range, `${winnerName} writes ${part.name} here and wins`)],
        });
      }
    }
  }
}

/** The last of writers[i + 1…] whose config is named otherwise than writers[i]'s (searched from the end, without copying the list). */
function lastWriterNamedOtherThan(writers: PoolPart['writers'], i: number): PoolPart['writers'][number] | undefined {
  const name = writers[i].config.facts.name;
  for (let j = writers.length - 1; j > i; j--) if (writers[j].config.facts.name !== name) return writers[j];
  return undefined;
}

/** The same destination (table, metric, interface) from two documents for one group's nodes; `isOverridden`: routes the nodes never get. */
function duplicateRoutes(group: MergeGroup, policies: readonly Located<PolicyFacts>[], isOverridden: (route: RouteFact, from: Located<MachineConfigFacts | PolicyFacts>) => boolean, mine: Mine, report: Report): void {
  // The first route of each destination, table, metric and interface (an index into `firsts`
  // and `fromOf`): by destination its first route, then the other firsts of it (another
  // table, metric or interface: few). Indexes, not an entry per route: a pool of thousands
  // of routes, none of them duplicates, allocates next to nothing.
  const firsts: RouteFact[] = [];
  const fromOf: Located<MachineConfigFacts | PolicyFacts>[] = [];
  const byDestination = new Map<string, number>();
  const moreByDestination = new Map<string, number[]>();
  const isSame = (i: number, route: RouteFact): boolean => firsts[i].table === route.table && firsts[i].metric === route.metric && firsts[i].device === route.device;
  forEachRoute(group, policies, (route, from) => {
    if (isOverridden(route, from)) return;
    const first = byDestination.get(route.destination);
    let found: number | undefined;
    if (first === undefined) byDestination.set(route.destination, firsts.length);
    else if (isSame(first, route)) found = first;
    else {
      const more = moreByDestination.get(route.destination);
      found = more?.find((i) => isSame(i, route));
      if (found === undefined) {
        if (more) more.push(firsts.length);
        else moreByDestination.set(route.destination, [firsts.length]);
      }
    }
    if (found === undefined) {
      firsts.push(route);
      fromOf.push(from);
      return;
    }
    const earlier = { route: firsts[found], from: fromOf[found] };
    // The same document: route-duplicate of the document says it. The same name: one object on the cluster.
    if (earlier.from.facts === from.facts || earlier.from.facts.name === from.facts.name) return;
    if (!mine(from.file)) return;
    const sameHop = (earlier.route.gateway ?? '') === (route.gateway ?? '');
    if (!sameHop && (route.family === 6 || (earlier.route.weighted && route.weighted))) return;
    const other = earlier.from.facts.name;
    const by = earlier.from.facts.kind === 'MachineConfig' ? other : `policy ${other}`;
    report(from.file, `route-duplicate\0${route.range.start}`, {
      code: 'route-duplicate',
      severity: sameHop ? 'info' : 'warning',
      message: sameHop
        ? `${route.destination} is also added by ${by} for the ${group.name} nodes: remove one of the two.`
        : `${route.destination} is also routed via ${earlier.route.gateway ?? 'the link'} by ${by} for the ${group.name} nodes: keep one.`,
      start: route.range.start,
      end: route.range.end,
      data: { network: route.destination, other, pool: group.name },
      related: [related(earlier.from.file, earlier.route.range, `${by} routes ${route.destination} here`)],
    });
  });
}

/** A custom pool that leaves out worker; a pool no config of the workspace is for. */
function poolSelectors(files: readonly { file?: string; index: FileIndex }[], mine: Mine, report: Report): void {
  const roles = new Set<string>();
  for (const { index } of files) {
    for (const d of index.documents) if (d.kind === 'MachineConfig' && d.role) roles.add(d.role);
  }
  for (const { file, index } of files) {
    if (!mine(file)) continue;
    for (const pool of index.documents) if (pool.kind === 'MachineConfigPool') poolSelector(pool, roles, (key, problem) => report(file, key, problem));
  }
}

/** One pool's finding: its selector leaves out worker, or takes no role a config in view has (`roles`). */
function poolSelector(pool: MachineConfigPoolFacts, roles: ReadonlySet<string>, report: (key: string, problem: Problem) => void): void {
  if (pool.roles.length === 0) return;
  const standard = pool.name === 'worker' || pool.name === 'master';
  if (!standard && !pool.roles.includes('worker') && !pool.roles.includes('master')) {
    const own = pool.roles.join(', ');
    report(`pool-selector\0${pool.selectorRange.start}`, {
      code: 'pool-selector',
      severity: 'warning',
      message: `Pool ${quoted(pool.name, 30)} takes only ${own}, so its nodes lose every worker config: select In [worker, ${own}].`,
      start: pool.selectorRange.start,
      end: pool.selectorRange.end,
      data: { pool: pool.name, roles: pool.roles },
    });
    return;
  }
  if (roles.size > 0 && !pool.roles.some((role) => roles.has(role))) {
    report(`pool-selector\0${pool.range.start}`, {
      code: 'pool-selector',
      severity: 'info',
      message: `Pool ${quoted(pool.name, 30)} selects role ${pool.roles.join(' or ')}, which no MachineConfig in view has: check the spelling.`,
      start: pool.range.start,
      end: pool.range.end,
      data: { pool: pool.name, roles: pool.roles },
    });
  }
}

function related(file: string | undefined, range: FileRange, message: string): RelatedLocation {
  return { ...(file !== undefined ? { file } : {}), start: range.start, end: range.end, message };
}

/** What is known beyond the linted file: its pools (mc-role-label) and the index of the other files. */
export interface WorkspaceFacts extends PoolFacts {
  files?: readonly IndexedFile[];
  /** The file's findings across files, when the caller computed them for every file at once (findingsOfFiles). */
  findings?: readonly Problem[];
}
