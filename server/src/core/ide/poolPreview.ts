import type { Node } from 'yaml';
import { hasStructuralErrors, type ParsedText } from '../analysis/lint';
import type { DropinModel, FileModel, IgnitionConfig, UnitModel } from '../kinds/machineconfig/model';
import { isMachineConfigPool, rolesSelectedByPool } from '../kinds/machineconfig/pools';
import type { NmstateModel } from '../kinds/nmstate/model';
import { LineIndex } from '../text/lineIndex';
import type { Problem } from '../text/problem';
import { releaseMinor, releaseName, type Settings } from '../text/settings';
import { mapAt, pairOf, scalarAt, stringValue } from '../text/yamlDocuments';
import { selectorLabels } from './nodeSelection';
import { addFileRoutes, addUnitTextRoutes, contentsState, fileMode, readableConfig, readableNmstate, roleOf, UNIT_DIRECTORY, UNIT_ROUTES_HEADING, unitState } from './preview';
import { addStateRoutes, renderRules } from './previewNmstate';
import { Output, RouteLines, type RenderContext } from './previewText';

/**
 * The pool preview: what the nodes of one pool get from all the MachineConfigs of several
 * files together (`mcroutes.previewPool`, `mcroutes render --pool`). The Machine Config
 * Operator merges every MachineConfig the pool selects into `rendered-<pool>-<hash>`: it sorts
 * them by name (since OpenShift 4.15 the worker configs of a custom pool first, then the pool's
 * own: pkg/controller/common/helpers.go MergeMachineConfigs) and merges their Ignition configs
 * in that order, so for the same unit, dropin or file path the later config wins, field by
 * field (Ignition's merge: what the later entry sets replaces the earlier one's, what it does
 * not set stays). Pure: it reads the parses and findings the caller has.
 *
 * The format (blocks separated by one blank line, `<file>:<line>` 1-based as `mcroutes lint`
 * prints positions):
 *
 *     Pool <role>: what its nodes get from <n> MachineConfig(s) of <m> file(s), merged as rendered-<role>-<hash>.
 *     Roles: <which roles' configs, why: the pool that selects them, or the roles assumed>
 *     Merge order: <lexical by name | worker configs first, then <role>'s, each by name>
 *     Problems checked for <release> on <networkType>.
 *
 *     MachineConfigs, in merge order:
 *       1. <name> (<file>:<line>), role <role>
 *
 *     == unit <name> ==                                  (== dropin <name> of <unit> ==, == file <path> ==)
 *     path:  /etc/systemd/system/<name>
 *     from:  <config> (<file>:<line>)
 *     overrides: the one in <config> (<file>:<line>)     (one line each, latest first; the later name wins)
 *     contents: from <config> (<file>:<line>) — <winner> sets none, so the earlier contents stay
 *     state: <as the file preview says it>                 (files: mode: and contents:)
 *
 *     Routes it should produce, once it has run:           (the file preview's route lines of the part that wins)
 *
 *     NodeNetworkConfigurationPolicy <name> (<file>:<line>): nodes: <why it reaches the pool>
 *     Routes nmstate should add:
 *     Route rules nmstate should add, in ip rule words:
 *
 *     Routes on every <role> node, all sources together:
 *       $ ip route show
 *       <line>   (from <config or policy>, <file>:<line>) follows each group
 */

/** One file of the pool: its name as shown (a path), its parse, and its findings (which mark the routes not added). */
export interface PoolFile {
  name: string;
  parsed: ParsedText;
  problems?: readonly Problem[];
}

/** The roles the files know: the role labels of their MachineConfigs and the roles their MachineConfigPools select, sorted. */
export function poolRoles(files: readonly PoolFile[]): string[] {
  const roles = new Set<string>();
  for (const file of files) {
    for (const analysed of file.parsed.documents) {
      const config = readableConfig(analysed);
      const role = config ? roleOf(config) : undefined;
      if (role) roles.add(role);
      for (const selected of rolesSelectedByPool(analysed.document)) roles.add(selected);
    }
  }
  return [...roles].sort();
}

export function renderPool(files: readonly PoolFile[], role: string, settings: Settings): string {
  const out = new Output('');
  const places = new Places();
  const roles = poolMembers(files, role, places);
  const configs = mergeOrder(configsOf(files, roles.roles), role, settings);
  const policies = policiesFor(files, role);

  out.line(`Pool ${role}: what its nodes get from ${count(configs.list.length, 'MachineConfig')} of ${count(files.length, 'file')}, merged as rendered-${role}-<hash>.`);
  out.line(`Roles: ${roles.why}`);
  out.line(`Merge order: ${configs.order}`);
  out.line(`Problems checked for ${releaseName(settings)} on ${settings.networkType}.`);

  const all = new RouteLines([], settings);
  const sources: string[] = [];
  out.blank();
  if (configs.list.length === 0) {
    out.line(`No MachineConfig in these files has the role ${roles.roles.join(' or ')}: the pool gets nothing from them.`);
  } else {
    out.line('MachineConfigs, in merge order:');
    configs.list.forEach((c, i) => out.line(`  ${i + 1}. ${c.name} (${places.of(c.file, c.root)}), role ${c.role}`));
  }

  for (const part of mergedParts(configs.list)) {
    renderPart(part, out, places, settings, all, sources);
  }

  for (const policy of policies) {
    const name = stringValue(scalarAt(mapAt(policy.model.root, 'metadata'), 'name')) ?? '(no metadata.name)';
    const where = places.of(policy.file, policy.model.root);
    out.blank();
    out.line(`== NodeNetworkConfigurationPolicy ${name} ==`);
    out.line(`from:  ${where}`);
    out.line(`nodes: ${policy.reach}`);
    const state = policy.model.state;
    if (!state) {
      out.line('No spec.desiredState mapping: no state to apply.');
      continue;
    }
    const context: RenderContext = { out, text: policy.file.parsed.text, settings, problems: policy.file.problems ?? [] };
    const lines = new RouteLines(context.problems, settings);
    addStateRoutes(state, lines);
    lines.render('Routes nmstate should add:', out);
    renderRules(state, context);
    all.readingFrom(context.problems);
    addStateRoutes(state, all);
    sources.push(`policy ${name} (${where})`);
  }

  if (policies.length === 0) {
    out.blank();
    out.line(`No NodeNetworkConfigurationPolicy in these files selects node-role.kubernetes.io/${role} alone or every node.`);
  }

  out.blank();
  if (sources.length === 0) {
    out.line(`Routes on every ${role} node: none from these files.`);
  } else {
    all.render(`Routes on every ${role} node, all sources together (from ${sources.join(', ')}):`, out);
  }
  return out.text();
}

// ---------------------------------------------------------------------------------------
// Which configs, in which order

interface PoolConfig {
  name: string;
  role: string;
  config: IgnitionConfig;
  root: Node;
  file: PoolFile;
}

interface Members {
  roles: string[];
  why: string;
}

/** The roles whose MachineConfigs the pool of `role` takes, and why, in one sentence. */
function poolMembers(files: readonly PoolFile[], role: string, places: Places): Members {
  // A role no file knows: assuming worker's configs would show a pool that may not exist.
  if (!poolRoles(files).includes(role)) return { roles: [role], why: `${role} — no MachineConfig or MachineConfigPool in these files has this role` };
  if (role === 'worker' || role === 'master') return { roles: [role], why: `${role} (the pool's own role label)` };
  const pools: { name: string; roles: string[]; where: string }[] = [];
  for (const file of files) {
    for (const analysed of file.parsed.documents) {
      if (!isMachineConfigPool(analysed.document) || hasStructuralErrors(analysed.document)) continue;
      const roles = rolesSelectedByPool(analysed.document);
      if (!roles.includes(role)) continue;
      const root = analysed.document.contents!;
      pools.push({ name: stringValue(scalarAt(mapAt(root as never, 'metadata'), 'name')) ?? '(no metadata.name)', roles, where: places.of(file, root) });
    }
  }
  if (pools.length === 0) {
    return {
      roles: ['worker', role],
      why: `worker and ${role}, assumed — no MachineConfigPool in these files selects ${role}; a custom pool usually takes worker's configs too (machineConfigSelector values [worker, ${role}])`,
    };
  }
  const pool = pools[0];
  const also = pools.length > 1 ? ` (also selected by ${pools.slice(1).map((p) => `${p.name} at ${p.where}`).join(', ')})` : '';
  if (pool.roles.includes('worker')) {
    return { roles: ['worker', role], why: `worker and ${role} — MachineConfigPool ${pool.name} (${pool.where}) selects both${also}` };
  }
  return { roles: [role], why: `${role} only — MachineConfigPool ${pool.name} (${pool.where}) does not select worker, so its nodes get none of worker's configs${also}` };
}

function configsOf(files: readonly PoolFile[], roles: readonly string[]): PoolConfig[] {
  const configs: PoolConfig[] = [];
  for (const file of files) {
    for (const analysed of file.parsed.documents) {
      const config = readableConfig(analysed);
      const role = config ? roleOf(config) : undefined;
      if (!config || !role || !roles.includes(role)) continue;
      const name = stringValue(scalarAt(config.metadata, 'name')) ?? '(no metadata.name)';
      configs.push({ name, role, config, root: analysed.document.contents ?? config.config!, file });
    }
  }
  return configs;
}

/** The custom-pool order came with OpenShift 4.15; before it every config was sorted by name alone. */
const WORKER_FIRST_SINCE_MINOR = 15;

function mergeOrder(configs: PoolConfig[], role: string, settings: Settings): { list: PoolConfig[]; order: string } {
  const byName = (a: PoolConfig, b: PoolConfig): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const minor = releaseMinor(settings);
  const custom = role !== 'worker' && role !== 'master' && configs.some((c) => c.role === 'worker');
  if (!custom) return { list: [...configs].sort(byName), order: 'by name (lexical); for the same unit, dropin or file path the later name wins' };
  if (minor !== undefined && minor < WORKER_FIRST_SINCE_MINOR) {
    return { list: [...configs].sort(byName), order: `by name (lexical) across worker and ${role} (OpenShift before 4.15); the later name wins` };
  }
  const list = [...configs.filter((c) => c.role === 'worker').sort(byName), ...configs.filter((c) => c.role !== 'worker').sort(byName)];
  return { list, order: `worker's configs by name, then ${role}'s by name (OpenShift 4.15 and later): ${role}'s win over worker's, and the later name wins` };
}

// ---------------------------------------------------------------------------------------
// Merging the parts

interface Entry<T> {
  item: T;
  from: PoolConfig;
}

interface MergedPart {
  kind: 'unit' | 'dropin' | 'file';
  /** Unit name, `<unit>/<dropin>` or file path. */
  key: string;
  /** The entries that write it, in merge order: the last one wins. */
  entries: Entry<UnitModel | DropinModel | FileModel>[];
}

function mergedParts(configs: readonly PoolConfig[]): MergedPart[] {
  const parts = new Map<string, MergedPart>();
  const add = (kind: MergedPart['kind'], key: string | undefined, entry: Entry<UnitModel | DropinModel | FileModel>): void => {
    if (key === undefined) return;
    const id = `${kind}\u0000${key}`;
    const part = parts.get(id) ?? { kind, key, entries: [] };
    part.entries.push(entry);
    parts.set(id, part);
  };
  for (const from of configs) {
    for (const unit of from.config.units) {
      const name = stringValue(unit.name);
      add('unit', name, { item: unit, from });
      for (const dropin of unit.dropins) {
        const dropinName = stringValue(dropin.name);
        if (name !== undefined && dropinName !== undefined) add('dropin', `${name}/${dropinName}`, { item: dropin, from });
      }
    }
    for (const file of from.config.files) add('file', file.pathValue, { item: file, from });
  }
  // Each unit followed by its dropins, then the files, each in the order first written.
  const all = [...parts.values()];
  const units = all.filter((p) => p.kind === 'unit');
  return [
    ...units.flatMap((unit) => [unit, ...all.filter((p) => p.kind === 'dropin' && p.key.startsWith(`${unit.key}/`))]),
    ...all.filter((p) => p.kind === 'file'),
  ];
}

function renderPart(part: MergedPart, out: Output, places: Places, settings: Settings, all: RouteLines, sources: string[]): void {
  const winner = part.entries[part.entries.length - 1];
  const where = (entry: Entry<unknown>): string => `${entry.from.name} (${places.of(entry.from.file, (entry.item as { node: Node }).node)})`;
  out.blank();
  if (part.kind === 'unit') {
    out.line(`== unit ${part.key} ==`);
    out.line(`path:  ${UNIT_DIRECTORY}${part.key}`);
  } else if (part.kind === 'dropin') {
    const [unit, dropin] = [part.key.slice(0, part.key.indexOf('/')), part.key.slice(part.key.indexOf('/') + 1)];
    out.line(`== dropin ${dropin} of ${unit} ==`);
    out.line(`path:  ${UNIT_DIRECTORY}${unit}.d/${dropin}`);
  } else {
    out.line(`== file ${part.key} ==`);
  }
  out.line(`from:  ${where(winner)}`);
  for (const earlier of part.entries.slice(0, -1).reverse()) {
    out.line(`overrides: the one in ${where(earlier)}${earlier.from.name === winner.from.name ? ' — the same name: the cluster keeps only one of these MachineConfigs' : ''}`);
  }

  // Ignition merges field by field: the contents come from the last entry that sets them.
  const hasContents = (e: Entry<UnitModel | DropinModel | FileModel>): boolean => part.kind === 'file' ? (e.item as FileModel).source !== undefined || (e.item as FileModel).inline !== undefined : (e.item as UnitModel).contents !== undefined;
  const contents = [...part.entries].reverse().find(hasContents);
  if (contents && contents !== winner) out.line(`contents: from ${where(contents)} — ${winner.from.name} sets none, so the earlier contents stay`);
  const replaced = part.entries.slice(0, contents ? part.entries.indexOf(contents) : 0);
  if (part.kind !== 'file' && replaced.some((e) => routesIn(e.item as UnitModel | DropinModel, settings))) {
    out.line('(the routes of the contents it replaces are not added on a new node; a node where they already ran keeps what they wrote into NetworkManager profiles)');
  }
  if (part.kind === 'unit') {
    const stated = [...part.entries].reverse().find((e) => pairOf((e.item as UnitModel).node, 'enabled') || pairOf((e.item as UnitModel).node, 'mask')) ?? winner;
    out.line(`state: ${unitState(stated.item as UnitModel)}${stated !== winner ? ` (set by ${where(stated)})` : ''}`);
  } else if (part.kind === 'file') {
    const moded = [...part.entries].reverse().find((e) => (e.item as FileModel).mode !== undefined) ?? winner;
    out.line(`mode:  ${fileMode(moded.item as FileModel)}${moded !== winner ? ` (set by ${where(moded)})` : ''}`);
    out.line(`contents: ${contents ? contentsState(contents.item as FileModel) : contentsState(winner.item as FileModel)}`);
  }
  if (!contents) return;

  const problems = contents.from.file.problems ?? [];
  let heading = UNIT_ROUTES_HEADING;
  let wholeProfile: string | undefined;
  const addRoutes = (target: RouteLines): void => {
    if (part.kind !== 'file') addUnitTextRoutes((contents.item as UnitModel | DropinModel).contents!, target);
    else if ((contents.item as FileModel).nmstate?.state) {
      addStateRoutes((contents.item as FileModel).nmstate!.state!, target);
      heading = 'Routes nmstate should add from it:';
    } else {
      const found = addFileRoutes(contents.item as FileModel, target);
      if (found) ({ heading, wholeProfile } = found);
    }
  };
  const lines = new RouteLines(problems, settings);
  addRoutes(lines);
  all.readingFrom(problems);
  if (wholeProfile && lines.refusedCount > 0) all.note(`none from ${part.key}: NetworkManager refuses the whole profile ${wholeProfile}`);
  else addRoutes(all);
  if (lines.isEmpty) return;
  lines.render(heading, out, wholeProfile);
  sources.push(`${part.kind} ${part.key} of ${where(contents)}`);
}

function routesIn(entry: UnitModel | DropinModel, settings: Settings): boolean {
  if (!entry.contents) return false;
  const lines = new RouteLines([], settings);
  addUnitTextRoutes(entry.contents, lines);
  return !lines.isEmpty;
}

// ---------------------------------------------------------------------------------------
// NMState policies

interface PoolPolicy {
  model: NmstateModel;
  file: PoolFile;
  reach: string;
}

/** The policies whose nodeSelector is exactly the role's label, or that reach every node. */
function policiesFor(files: readonly PoolFile[], role: string): PoolPolicy[] {
  const policies: PoolPolicy[] = [];
  for (const file of files) {
    for (const analysed of file.parsed.documents) {
      const model = readableNmstate(analysed);
      if (model?.form !== 'policy') continue;
      const labels = selectorLabels(model.nodeSelector?.value);
      if (labels === undefined) continue;
      if (labels.length === 0) policies.push({ model, file, reach: 'every node, these too (no spec.nodeSelector labels)' });
      else if (labels.length === 1 && labels[0].key === `node-role.kubernetes.io/${role}` && labels[0].value === '') {
        policies.push({ model, file, reach: `every ${role} node (node-role.kubernetes.io/${role})` });
      }
    }
  }
  return policies;
}

// ---------------------------------------------------------------------------------------

/** `<file>:<line>` of nodes, a line index per file. */
class Places {
  private readonly indexes = new Map<PoolFile, LineIndex>();

  of(file: PoolFile, node: Node | undefined): string {
    let index = this.indexes.get(file);
    if (!index) {
      index = new LineIndex(file.parsed.text);
      this.indexes.set(file, index);
    }
    return `${file.name}:${index.positionAt(node?.range?.[0] ?? 0).line + 1}`;
  }
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}
