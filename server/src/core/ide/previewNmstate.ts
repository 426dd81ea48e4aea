import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { NmstateRouteRule, NmstateState } from '../formats/nmstateState';
import type { NmstateModel } from '../kinds/nmstate/model';
import { mapAt, scalarAt, seqAt, stringValue } from '../text/yamlDocuments';
import { NMSTATE_DEFAULT_METRIC } from '../routes/ipRoute';
import { MAIN_TABLE } from '../routes/routeFacts';
import { statesReach } from './nodeSelection';
import { entryRange, renderProblems, RouteLines, type Device, type RenderContext } from './previewText';

/**
 * The NMState part of the preview (preview.ts): for a NodeNetworkConfigurationPolicy, an
 * NMStateConfig or a bare state, and for an nmstate file of a MachineConfig, which nodes get
 * the state and what `ip route` and `ip rule` should list on them once nmstate applied it.
 *
 *     NodeNetworkConfigurationPolicy <metadata.name> (document <n>, line <l>)   (NMStateConfig …, nmstate state …)
 *     nodes: <the selector in words: nodeSelection.ts>
 *
 *     Routes nmstate should add:
 *       $ ip route show [table <n>]
 *       <the line iproute2 prints: routes/ipRoute.ts>
 *       (metric 0 where the route gives none: …)
 *       removes: every route matching <key: value, …>
 *       known on the node: <route> — it holds a capture expression or placeholder
 *       not added: <route> — <rule id>: <message> | <why>
 *       (nmstate applies a state whole: …)                          (when a route is not added)
 *
 *     Route rules nmstate should add, in ip rule words:
 *       from <ip-from | all> [to <ip-to>] [iif <name>] [fwmark <m>[/<mask>]] lookup <table | main> | <action> [priority <p>]
 *       removes: every rule matching <key: value, …>
 *
 *     Problems in this policy (<n>):                               (`NMStateConfig`, `state`; `Problems in this policy: none`)
 *       <line>:<col> <severity> <rule id> <message>
 */

const HEADINGS: Readonly<Record<NmstateModel['form'], { title: string; what: string }>> = {
  policy: { title: 'NodeNetworkConfigurationPolicy', what: 'policy' },
  nmstateconfig: { title: 'NMStateConfig', what: 'NMStateConfig' },
  state: { title: 'nmstate state', what: 'state' },
  hosts: { title: 'Install-time host network config', what: 'file' },
};

/** How the preview's title names an NMState document: `NodeNetworkConfigurationPolicy ens6-routes`, `nmstate state`. */
export function nmstateLabel(model: NmstateModel): string {
  if (model.form === 'state') return HEADINGS.state.title;
  const name = stringValue(scalarAt(mapAt(model.root, 'metadata'), 'name'));
  return `${HEADINGS[model.form].title} ${name ?? '(no metadata.name)'}`;
}

/** One NMState document: its heading, the nodes it reaches, its routes and rules, its findings. */
export function renderNmstateDocument(model: NmstateModel, index: number, documents: number, context: RenderContext): void {
  const { out } = context;
  const { title, what } = HEADINGS[model.form];
  const name = stringValue(scalarAt(mapAt(model.root, 'metadata'), 'name'));
  const where = `${documents > 1 ? `document ${index + 1}, ` : ''}line ${out.lineOf(model.root.range?.[0] ?? 0)}`;
  out.blank();
  const kind = stringValue(scalarAt(model.root, 'kind'));
  const heading = model.form === 'hosts' ? `${title} (${kind ?? 'install-config'})` : title;
  out.line(`${heading}${model.form === 'state' ? '' : ` ${name ?? '(no metadata.name)'}`} (${where})`);
  out.line(`nodes: ${statesReach(model)}`);
  if (model.hosts) {
    for (const host of model.hosts) renderState(host.state, context, `Routes nmstate should add on ${host.name ?? 'a host without a name'}:`);
  } else if (model.state) renderState(model.state, context);
  else {
    out.blank();
    out.line(`No ${model.form === 'policy' ? 'spec.desiredState' : 'spec.config'} mapping: no state to apply.`);
  }
  renderProblems(what, context, entryRange(context.text, model.root), []);
}

/** The routes and route rules of a state, as `ip route` and `ip rule` should list them. */
export function renderState(state: NmstateState, context: RenderContext, heading = 'Routes nmstate should add:'): void {
  const lines = new RouteLines(context.problems, context.settings);
  addStateRoutes(state, lines);
  lines.render(heading, context.out);
  renderRules(state, context);
}

/** The routes of a state, and what it removes or leaves to the node, into `lines`. */
export function addStateRoutes(state: NmstateState, lines: RouteLines): void {
  const refusedBefore = lines.refusedCount;
  for (const entry of seqAt(mapAt(state.map, 'routes'), 'config')?.items ?? []) {
    if (!isMap(entry)) continue;
    const label = `{${summary(entry)}}`;
    if (isAbsent(entry)) {
      lines.note(`removes: every route matching ${summary(entry)}`);
      continue;
    }
    const route = state.routes.find((r) => r.entry === entry);
    // The reader leaves out only a route whose destination is a capture expression or a placeholder.
    if (!route) {
      lines.note(`known on the node: ${label} — it holds a capture expression or placeholder`);
      continue;
    }
    const device: Device = route.nextHopInterface
      ? { name: route.nextHopInterface.value }
      : { name: '<next-hop-interface>', note: 'the route names none' };
    lines.add(route, device, NMSTATE_DEFAULT_METRIC, label);
  }
  if (lines.refusedCount > refusedBefore) {
    lines.note('(nmstate applies a state whole: while it refuses one entry, it applies none of them)');
  }
}

export function renderRules(state: NmstateState, context: RenderContext): void {
  if (state.routeRules.length === 0) return;
  const { out } = context;
  out.blank();
  out.line('Route rules nmstate should add, in ip rule words:');
  let unordered = false;
  for (const rule of state.routeRules) {
    if (rule.removal) {
      out.line(`  removes: every rule matching ${summary(rule.node)}`);
      continue;
    }
    out.line(`  ${ipRuleWords(rule)}`);
    if (!rule.priority) unordered = true;
  }
  if (unordered) out.line('  (no priority: nmstate puts the rule after the rules the node already has)');
}

/** `from 192.0.2.0/24 lookup 100 priority 998`: the rule as `ip rule add` takes it. */
export function ipRuleWords(rule: NmstateRouteRule): string {
  const words = ['from', rule.ipFrom?.value ?? 'all'];
  if (rule.ipTo) words.push('to', rule.ipTo.value);
  const iif = written(rule.node, 'iif');
  if (iif) words.push('iif', iif);
  const fwmark = written(rule.node, 'fwmark');
  if (fwmark) {
    const fwmask = written(rule.node, 'fwmask');
    words.push('fwmark', fwmask ? `${fwmark}/${fwmask}` : fwmark);
  }
  const action = written(rule.node, 'action');
  if (action) words.push(action);
  else words.push('lookup', tableName(rule.routeTable?.value));
  if (rule.priority) words.push('priority', rule.priority.value);
  return words.join(' ');
}

const TABLE_NAMES: Readonly<Record<number, string>> = { [MAIN_TABLE]: 'main', 255: 'local', 253: 'default' };

/** `ip rule` names tables 253–255; nmstate reads an unset or 0 route-table as main. */
function tableName(table: string | undefined): string {
  if (table === undefined || !/^\d+$/.test(table)) return table ?? 'main';
  const n = Number(table);
  return n === 0 ? 'main' : TABLE_NAMES[n] ?? String(n);
}

/** A scalar value as written (`0x10` stays hex), for the words of a line. */
function written(map: YAMLMap, key: string): string | undefined {
  const node = scalarAt(map, key);
  if (!node || node.value === null || node.value === undefined || node.value === '') return undefined;
  return typeof node.value === 'number' && node.source ? node.source : String(node.value);
}

function isAbsent(entry: YAMLMap): boolean {
  return stringValue(scalarAt(entry, 'state')) === 'absent';
}

/** `destination: 0.0.0.0/0, next-hop-interface: eth1`: the scalar fields of an entry, as written. */
function summary(entry: YAMLMap): string {
  const parts: string[] = [];
  for (const item of entry.items) {
    if (!isScalar(item.key) || item.key.value === 'state' || !isScalar(item.value)) continue;
    parts.push(`${String(item.key.value)}: ${String(item.value.value)}`);
  }
  return parts.length > 0 ? parts.join(', ') : 'anything';
}

