import { isMap, isScalar, type Scalar, type YAMLMap } from 'yaml';
import { hasStructuralErrors, type AnalysedDocument, type ParsedText } from '../analysis/lint';
import type { DropinModel, ExecLine, FileModel, IgnitionConfig, MachineConfigModel, UnitModel, UnitText } from '../kinds/machineconfig/model';
import { butaneKind } from '../kinds/butane/kind';
import type { ButaneModel } from '../kinds/butane/model';
import { renderButaneHeading } from './previewButane';
import type { NmcliCommand } from '../formats/nmcli';
import type { Problem } from '../text/problem';
import { releaseName, type Settings } from '../text/settings';
import { hasExpansion } from '../formats/shellScript';
import { directivesOf } from '../formats/unitFile';
import { mapAt, pairOf, scalarAt, stringValue } from '../text/yamlDocuments';
import { nmstateKind } from '../kinds/nmstate/kind';
import type { NmstateModel } from '../kinds/nmstate/model';
import { machineConfigFileReach } from './nodeSelection';
import { nmstateLabel, renderNmstateDocument, renderState } from './previewNmstate';
import { entryRange, inside, Output, renderProblems, RouteLines, type Device, type RenderContext } from './previewText';

/**
 * The unit preview: what the node gets from a MachineConfig, as plain text for reading
 * in an editor beside the YAML (`mcroutes.previewUnit`) or on a terminal (`mcroutes
 * render`). Pure: it reads the parse and the findings the caller already has.
 *
 * The format (stable; tests assert it whole). Blocks are separated by one blank line and
 * the text ends with a newline. The first lines:
 *
 *     Preview of <what is shown> in <source>          (only when the caller names the source)
 *     Problems checked for OpenShift <openshiftVersion> on <networkType>.
 *
 * (`Problems checked for any supported OpenShift release on …` when the release is unset).
 * The title names up to three entries (`unit <name>`, `file <path>`, `NodeNetworkConfigurationPolicy
 * <name>`, …, joined with `, ` and ` and `), more as counts (`4 units and 2 files`), none as
 * `Preview of <source>`.
 *
 * Then each YAML document, in file order:
 * - one that does not parse:
 *   `Document <n> (line <l>) does not parse: <first error> (line <l>:<c>) — fix the YAML to preview it.`
 * - one that is not a MachineConfig, when everything is previewed and the file holds a MachineConfig:
 *   `Document <n> (line <l>) is a <kind>, not a MachineConfig: nothing to preview.`
 * - a MachineConfig with something chosen in it: the heading
 *   `MachineConfig <metadata.name> (document <n>, line <l>), role <role>` (`document <n>, `
 *   only when the file holds several documents; `, role …` only when labelled), then its
 *   chosen units (each followed by its dropins), then its chosen files:
 *
 *       == unit <name> (line <l>) ==                   == dropin <name> of <unit> (line <l>) ==
 *       path:  /etc/systemd/system/<name>               path:  /etc/systemd/system/<unit>.d/<name>
 *       state: <enabled — systemctl enable links it into <target>.wants | disabled | masked | …>
 *
 *       ----- contents, as the node has them -----
 *       <the text exactly: YAML indentation removed, chomping applied>
 *       \ No newline at end of file                     (only when the text does not end with one)
 *       ----- end of contents -----
 *
 *       <Key> (unit line <u>, file line <f>), as systemd splits it:     (each Exec*= line; `dropin line` in dropins)
 *         prefix <c>: <meaning>                         (each of - @ : + ! | before the command)
 *         argv[<i>] <argument>                          (verbatim, or a JSON string when it is empty,
 *                                                        has control characters or surrounding spaces;
 *                                                        `   (systemd expands …)` after one with % or $)
 *
 *       Routes it should produce, once it has run:     (keyfiles and route files: `Routes NetworkManager should add from it:`)
 *         $ <ip route show | ip -6 route show | … table <n>>
 *         <the line iproute2 prints: routes/ipRoute.ts>
 *         (metric <m> where the route gives none: <why>)
 *         (<device placeholder>: <what it stands for>)
 *         removes: <route>                              (`-ipv4.routes`)
 *         known when it runs: <route> — it holds a variable
 *         not added: <route> — <rule id>: <message> | <why>
 *
 *       Problems in this unit (<n>):                   (`dropin`, `file`; `Problems in this unit: none`)
 *         <line>:<col> <severity> <rule id> <message>
 *
 *   A unit without contents says `No contents: …` in place of the contents block. A file:
 *
 *       == file <path> (line <l>) ==
 *       mode:  <octal, e.g. 0644> [(written <as in the YAML>) | (no mode: Ignition's default)]
 *       contents: <data: URL, base64|percent-encoded, decoded below | why they are not shown>
 *
 *   then its contents block, its routes (NetworkManager keyfiles, ifcfg-rh route files, nmcli
 *   in scripts) and its problems as above.
 *
 * A Butane config (variant openshift) gets the heading and the MachineConfig it compiles to
 * (previewButane.ts; only when everything is previewed), then its units and files as a
 * MachineConfig's, with the Butane file's lines and findings (`contents: contents.inline
 * (Butane), as written below` for inline file text).
 *
 * An NMState document (a NodeNetworkConfigurationPolicy, an NMStateConfig, a bare state) is
 * shown as previewNmstate.ts says, and an nmstate file of a MachineConfig gets its `nodes:`
 * line and routes there too.
 *
 * When the selection names a unit, file or NMState document that is not there: `No unit named
 * <name> in this file. Units here: <names>.` (`No file with the path …`, `No NMState document
 * named …`). When no document is a MachineConfig or an NMState document:
 * `No MachineConfig or NMState document in this file: nothing to preview.` A part of the file not analysed for a
 * design limit gives `Not previewed: <the limit finding's message>`. Last, when findings lie outside what
 * is shown: `Elsewhere in the file: <line>:<col> <severity> <rule id>, … .` (at most 12, then
 * `and <n> more`). Positions are 1-based lines and columns of the YAML file, as `mcroutes
 * lint` prints them.
 */

/** What to preview: a unit by name, a file by path, an NMState document by name, the one at an offset; all of them when nothing (or nothing there) is chosen. */
export interface PreviewSelection {
  unitName?: string;
  filePath?: string;
  /** An NMState document (policy, NMStateConfig) by its metadata.name. */
  stateName?: string;
  offset?: number;
}

/** A unit, file or NMState document the preview can show on its own, with the range of its YAML entry. */
export interface PreviewTarget {
  kind: 'unit' | 'file' | 'state';
  /** The unit name, file path or NMState document's metadata.name; undefined when the entry has none. */
  name?: string;
  /** Index of the YAML document in the file. */
  documentIndex: number;
  /** Offsets of the whole entry (from the start of its line, so the `- ` counts). */
  start: number;
  end: number;
}

/** Every unit and file of the file's MachineConfigs and every NMState document that parse, in file order. */
export function previewTargets(parsed: ParsedText): PreviewTarget[] {
  const targets: PreviewTarget[] = [];
  parsed.documents.forEach((analysed, documentIndex) => {
    const nmstate = readableNmstate(analysed);
    if (nmstate) targets.push({ kind: 'state', name: nmstateName(nmstate), documentIndex, ...entryRange(parsed.text, nmstate.root) });
    const mc = readableConfig(analysed);
    if (!mc) return;
    for (const unit of mc.units) {
      targets.push({ kind: 'unit', name: stringValue(unit.name), documentIndex, ...entryRange(parsed.text, unit.node) });
    }
    for (const file of mc.files) {
      targets.push({ kind: 'file', name: file.pathValue, documentIndex, ...entryRange(parsed.text, file.node) });
    }
  });
  return targets;
}

/** The unit or file whose YAML entry holds `offset`. */
export function targetAt(parsed: ParsedText, offset: number): PreviewTarget | undefined {
  // The last one: an entry's range reaches the start of the next entry's line.
  const targets = previewTargets(parsed);
  for (let i = targets.length - 1; i >= 0; i--) if (targets[i].start <= offset && offset <= targets[i].end) return targets[i];
  return undefined;
}

/**
 * `source`: the YAML file's name as the reader knows it (the editor's tab, the path given to
 * `mcroutes render`); with it, the text starts with a title naming the file and what is shown.
 */
export function renderPreview(parsed: ParsedText, settings: Settings, problems: readonly Problem[], selection: PreviewSelection = {}, source?: string): string {
  const out = new Output(parsed.text);
  const chosen = choose(parsed, selection);
  out.line(`Problems checked for ${releaseName(settings)} on ${settings.networkType}.`);

  const shownRanges: { start: number; end: number }[] = [];
  let previewable = 0;
  const shown: ShownEntry[] = [];
  const context: RenderContext = { out, text: parsed.text, settings, problems };
  parsed.documents.forEach((analysed, index) => {
    const where = `Document ${index + 1} (line ${out.lineOf(documentStart(analysed))})`;
    if (hasStructuralErrors(analysed.document)) {
      const error = analysed.document.errors.find((e) => e.code !== 'DUPLICATE_KEY')!;
      const message = error.message.split('\n')[0].replace(/[\s:.]+$/, '');
      out.blank();
      out.line(`${where} does not parse: ${message} (line ${out.position(error.pos[0])}) — fix the YAML to preview it.`);
      return;
    }
    const nmstate = readableNmstate(analysed);
    if (nmstate) {
      previewable++;
      if (!chosen.all && !chosen.states.has(index)) return;
      renderNmstateDocument(nmstate, index, parsed.documents.length, context);
      shownRanges.push(entryRange(parsed.text, nmstate.root));
      shown.push({ kind: 'NMState document', label: nmstateLabel(nmstate) });
      return;
    }
    const butane = readableButane(analysed);
    const mc = analysed.machineConfig ?? butane?.config;
    if (!mc) {
      if (chosen.all && parsed.documents.some((d) => d.machineConfig || readableNmstate(d) || readableButane(d))) {
        const kind = kindOf(analysed);
        if (kind !== undefined) {
          out.blank();
          out.line(`${where} is ${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}, not a MachineConfig or an NMState document: nothing to preview.`);
        }
      }
      return;
    }
    previewable++;
    const units = mc.units.filter((u) => chosen.all || chosen.units.has(u));
    const files = mc.files.filter((f) => chosen.all || chosen.files.has(f));
    if (units.length === 0 && files.length === 0 && !chosen.all) return;

    if (butane) {
      const range = butane.root.range ?? [0, 0, 0];
      renderButaneHeading(butane, parsed.text.slice(range[0], range[2]), index, parsed.documents.length, out, chosen.all);
    } else {
      out.blank();
      out.line(machineConfigHeading(analysed.machineConfig!, index, parsed.documents.length, out));
    }
    if (units.length === 0 && files.length === 0) {
      out.line('No systemd units and no storage.files: nothing the node gets from it to preview.');
    }
    for (const unit of units) {
      renderUnit(unit, context);
      shownRanges.push(entryRange(parsed.text, unit.node));
      shown.push({ kind: 'unit', label: `unit ${stringValue(unit.name) ?? '(no name)'}` });
    }
    for (const file of files) {
      renderFile(file, context, roleOf(mc));
      shownRanges.push(entryRange(parsed.text, file.node));
      shown.push({ kind: 'file', label: `file ${file.pathValue ?? '(no path)'}` });
    }
  });

  // Parts past a design limit (core/text/limits.ts) were not analysed: say so, in the finding's words.
  for (const skipped of parsed.skipped ?? []) {
    out.blank();
    out.line(`Not previewed: ${skipped.problem.message}`);
  }

  if (previewable === 0 && !parsed.documents.some((d) => hasStructuralErrors(d.document)) && !parsed.skipped?.length) {
    out.blank();
    out.line('No MachineConfig or NMState document in this file: nothing to preview.');
  } else if (shown.length === 0 && !chosen.all) {
    out.blank();
    out.line(notFound(parsed, selection));
  }

  const elsewhere = problems.filter((p) => !shownRanges.some((r) => inside(p, r)));
  if (elsewhere.length > 0 && previewable > 0) {
    const listed = elsewhere.slice(0, ELSEWHERE_LISTED).map((p) => `${out.position(p.start)} ${p.severity} ${p.code}`);
    const more = elsewhere.length > ELSEWHERE_LISTED ? ` and ${elsewhere.length - ELSEWHERE_LISTED} more` : '';
    out.blank();
    out.line(`Elsewhere in the file: ${listed.join(', ')}${more}.`);
  }
  return source === undefined ? out.text() : `${previewTitle(source, shown)}\n${out.text()}`;
}

const ELSEWHERE_LISTED = 12;

/** A unit, file or NMState document the preview shows: its kind (for a count) and how the title names it. */
interface ShownEntry {
  kind: 'unit' | 'file' | 'NMState document';
  label: string;
}

/** At most this many entries are named in the title; more are counted by kind. */
const TITLE_NAMED = 3;

/** `Preview of unit a.service and file /etc/x in 99-worker.yaml`, or `Preview of 4 units and 2 files in …`. */
function previewTitle(source: string, shown: readonly ShownEntry[]): string {
  if (shown.length === 0) return `Preview of ${source}`;
  let what: string[];
  if (shown.length <= TITLE_NAMED) what = shown.map((entry) => entry.label);
  else {
    const counts = new Map<ShownEntry['kind'], number>();
    for (const entry of shown) counts.set(entry.kind, (counts.get(entry.kind) ?? 0) + 1);
    what = [...counts].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`);
  }
  const listed = what.length === 1 ? what[0] : `${what.slice(0, -1).join(', ')} and ${what[what.length - 1]}`;
  return `Preview of ${listed} in ${source}`;
}

// ---------------------------------------------------------------------------------------
// Selection

interface Chosen {
  all: boolean;
  units: Set<UnitModel>;
  files: Set<FileModel>;
  /** Indexes of the NMState documents chosen. */
  states: Set<number>;
}

function choose(parsed: ParsedText, selection: PreviewSelection): Chosen {
  const chosen: Chosen = { all: false, units: new Set(), files: new Set(), states: new Set() };
  const machineConfigs = parsed.documents.map(readableConfig).filter((mc): mc is IgnitionConfig => mc !== undefined);
  if (selection.unitName !== undefined) {
    for (const mc of machineConfigs) for (const unit of mc.units) if (stringValue(unit.name) === selection.unitName) chosen.units.add(unit);
    return chosen;
  }
  if (selection.filePath !== undefined) {
    for (const mc of machineConfigs) for (const file of mc.files) if (file.pathValue === selection.filePath) chosen.files.add(file);
    return chosen;
  }
  if (selection.stateName !== undefined) {
    parsed.documents.forEach((analysed, index) => {
      const nmstate = readableNmstate(analysed);
      if (nmstate && nmstateName(nmstate) === selection.stateName) chosen.states.add(index);
    });
    return chosen;
  }
  const target = selection.offset === undefined ? undefined : targetAt(parsed, selection.offset);
  if (target?.kind === 'state') {
    chosen.states.add(target.documentIndex);
    return chosen;
  }
  if (target) {
    const mc = readableConfig(parsed.documents[target.documentIndex])!;
    if (target.kind === 'unit') chosen.units.add(mc.units.find((u) => entryRange(parsed.text, u.node).start === target.start)!);
    else chosen.files.add(mc.files.find((f) => entryRange(parsed.text, f.node).start === target.start)!);
    return chosen;
  }
  chosen.all = true;
  return chosen;
}

function notFound(parsed: ParsedText, selection: PreviewSelection): string {
  const targets = previewTargets(parsed);
  if (selection.stateName !== undefined) {
    const names = [...new Set(targets.filter((t) => t.kind === 'state' && t.name !== undefined).map((t) => t.name!))];
    return `No NMState document named ${selection.stateName} in this file.${names.length > 0 ? ` NMState documents here: ${names.join(', ')}.` : ' There are no named NMState documents here.'}`;
  }
  const kind = selection.unitName !== undefined ? 'unit' : 'file';
  const wanted = selection.unitName ?? selection.filePath ?? '';
  const names = [...new Set(targets.filter((t) => t.kind === kind && t.name !== undefined).map((t) => t.name!))];
  const available = names.length > 0 ? ` ${kind === 'unit' ? 'Units' : 'Files'} here: ${names.join(', ')}.` : ` There are no ${kind}s here.`;
  return `No ${kind} ${kind === 'unit' ? 'named' : 'with the path'} ${wanted} in this file.${available}`;
}

/** The model of a document that parses and is an NMState policy, NMStateConfig or state. */
export function readableNmstate(analysed: AnalysedDocument): NmstateModel | undefined {
  return analysed.kind === nmstateKind && !hasStructuralErrors(analysed.document) ? analysed.model as NmstateModel : undefined;
}

function nmstateName(model: NmstateModel): string | undefined {
  return stringValue(scalarAt(mapAt(model.root, 'metadata'), 'name'));
}

/** The Ignition config of a document that parses and is a MachineConfig or a Butane config: the units and files the preview shows. */
export function readableConfig(analysed: AnalysedDocument): IgnitionConfig | undefined {
  if (hasStructuralErrors(analysed.document)) return undefined;
  return analysed.machineConfig ?? readableButane(analysed)?.config;
}

/** The model of a document that parses and is a Butane config. */
function readableButane(analysed: AnalysedDocument): ButaneModel | undefined {
  return analysed.kind === butaneKind && !hasStructuralErrors(analysed.document) ? analysed.model as ButaneModel : undefined;
}

/** Where a document's own text starts (after a `---` marker). */
function documentStart(analysed: AnalysedDocument): number {
  return analysed.document.contents?.range?.[0] ?? analysed.document.range[0];
}

// ---------------------------------------------------------------------------------------
// Rendering

export function roleOf(mc: IgnitionConfig): string | undefined {
  return stringValue(scalarAt(mapAt(mc.metadata, 'labels'), 'machineconfiguration.openshift.io/role'));
}

function machineConfigHeading(mc: MachineConfigModel, index: number, documents: number, out: Output): string {
  const name = stringValue(scalarAt(mc.metadata, 'name'));
  const role = roleOf(mc);
  const where = `${documents > 1 ? `document ${index + 1}, ` : ''}line ${out.lineOf(mc.root.range?.[0] ?? 0)}`;
  return `MachineConfig ${name ?? '(no metadata.name)'} (${where})${role ? `, role ${role}` : ''}`;
}

export const UNIT_DIRECTORY = '/etc/systemd/system/';

function renderUnit(unit: UnitModel, context: RenderContext): void {
  const { out } = context;
  const name = stringValue(unit.name);
  out.blank();
  out.line(`== unit ${name ?? '(no name)'} (line ${out.lineOf(unit.node.range?.[0] ?? 0)}) ==`);
  out.line(`path:  ${name ? UNIT_DIRECTORY + name : '(none: Ignition refuses a unit without a name)'}`);
  out.line(`state: ${unitState(unit)}`);
  if (!isMasked(unit)) {
    if (unit.contents) renderUnitText(unit.contents, 'unit', context);
    else {
      out.blank();
      out.line(`No contents: the node ${unit.dropins.length > 0 ? 'keeps the unit it has and adds the dropins below' : 'keeps the unit it has'}.`);
    }
  }
  const dropinRanges = unit.dropins.map((d) => entryRange(context.text, d.node));
  renderProblems('unit', context, entryRange(context.text, unit.node), dropinRanges);
  for (const dropin of unit.dropins) renderDropin(dropin, name, context);
}

function renderDropin(dropin: DropinModel, unitName: string | undefined, context: RenderContext): void {
  const { out } = context;
  const name = stringValue(dropin.name);
  out.blank();
  out.line(`== dropin ${name ?? '(no name)'} of ${unitName ?? '(a unit without a name)'} (line ${out.lineOf(dropin.node.range?.[0] ?? 0)}) ==`);
  out.line(`path:  ${name && unitName ? `${UNIT_DIRECTORY}${unitName}.d/${name}` : '(none: Ignition refuses a dropin without a name or a unit name)'}`);
  if (dropin.contents) renderUnitText(dropin.contents, 'dropin', context);
  else {
    out.blank();
    out.line('No contents: the node writes an empty dropin.');
  }
  renderProblems('dropin', context, entryRange(context.text, dropin.node), []);
}

function isMasked(unit: UnitModel): boolean {
  return scalarAt(unit.node, 'mask')?.value === true;
}

export function unitState(unit: UnitModel): string {
  if (isMasked(unit)) return 'masked — the node links the path to /dev/null; the contents are not used';
  const enabled = pairOf(unit.node, 'enabled');
  if (!enabled) {
    return unit.contents
      ? 'not enabled (no enabled: true) — nothing starts it at boot unless another unit pulls it in'
      : 'unchanged (no enabled:) — the unit keeps the state it has on the node';
  }
  const value = isScalar(enabled.value) ? enabled.value.value : undefined;
  if (value === false) return 'disabled (enabled: false)';
  if (value !== true) return `enabled: ${isScalar(enabled.value) ? String(enabled.value.source ?? enabled.value.value) : '…'} is not a boolean; Ignition refuses it`;
  const file = unit.contents?.file;
  if (!file) return 'enabled';
  if (!file.sections.some((s) => s.name === 'Install')) return 'enabled, but the unit has no [Install] section: enabling it does nothing';
  const links: string[] = [];
  for (const [key, suffix] of [['WantedBy', 'wants'], ['RequiredBy', 'requires'], ['UpheldBy', 'upholds']] as const) {
    for (const directive of directivesOf(file, 'Install', key)) {
      for (const target of directive.value.value.split(/\s+/).filter(Boolean)) links.push(`${target}.${suffix}`);
    }
  }
  if (links.length === 0) return 'enabled, but [Install] names no target (WantedBy=): nothing starts it at boot';
  return `enabled — systemctl enable links it into ${links.join(', ')}`;
}

function renderUnitText(unit: UnitText, what: 'unit' | 'dropin', context: RenderContext): void {
  renderContents(unit.text.value, context.out);
  for (const exec of unit.execLines) renderExecLine(exec, unit, what, context);
  const lines = new RouteLines(context.problems, context.settings);
  addUnitTextRoutes(unit, lines);
  lines.render(UNIT_ROUTES_HEADING, context.out);
}

export const UNIT_ROUTES_HEADING = 'Routes it should produce, once it has run:';

/** The routes of a unit's or dropin's nmcli commands, run directly or by a shell script of an Exec*= line. */
export function addUnitTextRoutes(unit: UnitText, lines: RouteLines): void {
  for (const exec of unit.execLines) {
    if (exec.nmcli) addNmcliRoutes(exec.nmcli, lines);
    for (const command of exec.script ?? []) if (command.nmcli) addNmcliRoutes(command.nmcli, lines);
  }
}

function addNmcliRoutes(nmcli: NmcliCommand, lines: RouteLines): void {
  const target = nmcli.target?.value;
  const device: Device = target === undefined
    ? { name: '<device>', note: 'the command names none' }
    : hasExpansion(target)
      ? { name: `<${target}>`, note: 'the device is only known when the command runs' }
      : nmcli.object === 'device'
        ? { name: target }
        : { name: `<device of connection ${target}>`, note: 'the device the profile is active on' };
  for (const route of nmcli.routes) {
    const property = nmcli.properties.filter((p) => p.name === `ipv${route.propertyFamily}.route-metric` && p.value).pop();
    const metric = property?.value && /^\d+$/.test(property.value.value) ? Number(property.value.value) : undefined;
    lines.add(route, device, metric === undefined ? undefined : { metric, why: `ipv${route.propertyFamily}.route-metric ${metric} in the same command` });
  }
}

function renderContents(value: string, out: Output): void {
  out.blank();
  out.line('----- contents, as the node has them -----');
  const body = value.endsWith('\n') ? value.slice(0, -1) : value;
  if (value.length > 0) for (const line of body.split('\n')) out.line(line);
  if (value.length > 0 && !value.endsWith('\n')) out.line('\\ No newline at end of file');
  out.line('----- end of contents -----');
}

const PREFIXES: Record<string, string> = {
  '-': 'a failure is ignored',
  '@': 'the second word is passed as argv[0]',
  ':': 'no variable expansion',
  '+': 'runs with full privileges',
  '!': 'runs with elevated privileges',
  '|': 'runs through the user\'s shell',
};

function renderExecLine(exec: ExecLine, unit: UnitText, what: 'unit' | 'dropin', context: RenderContext): void {
  const { out } = context;
  const key = exec.directive.key;
  const places: string[] = [];
  const index = unit.text.indexAt(key.rangeOf().start);
  if (index !== undefined) places.push(`${what} line ${countLines(unit.text.value, index)}`);
  if (unit.text.exact) places.push(`file line ${out.lineOf(key.rangeOf().start)}`);
  out.blank();
  out.line(`${key.value}${places.length ? ` (${places.join(', ')})` : ''}, as systemd splits it:`);
  for (const prefix of new Set(exec.command.prefixes)) {
    out.line(`  prefix ${prefix}: ${PREFIXES[prefix] ?? 'a systemd prefix'}`);
  }
  const width = `argv[${Math.max(0, exec.command.argv.length - 1)}]`.length;
  exec.command.argv.forEach((arg, i) => {
    const expands = /%[A-Za-z%]|\$/.test(arg.value) && !exec.command.prefixes.includes(':') ? '   (systemd expands %-specifiers and $variables here)' : '';
    out.line(`  ${`argv[${i}]`.padEnd(width)} ${showArgument(arg.value)}${expands}`);
  });
  if (exec.command.error) out.line(`  cannot be split further: ${exec.command.error.message}`);
  if (exec.command.argv.length === 0 && !exec.command.error) out.line(`  (empty: clears the ${key.value}= commands set before it)`);
}

/** An argument as it is, unless that would hide something: then as a JSON string. */
function showArgument(value: string): string {
  return value.length > 0 && !/[\x00-\x1f\x7f]/.test(value) && value.trim() === value ? value : JSON.stringify(value);
}

function countLines(value: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (value.charCodeAt(i) === 10) n++;
  return n;
}

/** `role`: the MachineConfig's role label, which names the pool an nmstate file reaches. */
function renderFile(file: FileModel, context: RenderContext, role: string | undefined): void {
  const { out } = context;
  out.blank();
  out.line(`== file ${file.pathValue ?? '(no path)'} (line ${out.lineOf(file.node.range?.[0] ?? 0)}) ==`);
  out.line(`mode:  ${fileMode(file)}`);
  out.line(`contents: ${contentsState(file)}`);
  if (file.text) renderContents(file.text.value, out);
  if (file.nmstate?.state) {
    context.out.line(`nodes: ${machineConfigFileReach(file.pathValue, role)}`);
    renderState(file.nmstate.state, context, 'Routes nmstate should add from it:');
  } else {
    const lines = new RouteLines(context.problems, context.settings);
    const routes = addFileRoutes(file, lines);
    if (routes) lines.render(routes.heading, out, routes.wholeProfile);
  }
  renderProblems('file', context, entryRange(context.text, file.node), []);
}

/**
 * The routes NetworkManager adds from a keyfile or an ifcfg-rh route file, or a script's nmcli
 * commands add, of storage.files (an nmstate file's go through previewNmstate.ts); the heading
 * of their lines and, for a route file of the key format, the profile one bad route makes
 * NetworkManager refuse whole. Undefined for other files.
 */
export function addFileRoutes(file: FileModel, lines: RouteLines): { heading: string; wholeProfile?: string } | undefined {
  if (file.keyfile) {
    const connection = file.keyfile.groups.find((g) => g.name === 'connection');
    const iface = connection?.entries.filter((e) => e.key.value === 'interface-name').pop()?.value.value;
    const id = connection?.entries.filter((e) => e.key.value === 'id').pop()?.value.value;
    const device: Device = iface
      ? { name: iface }
      : { name: `<device of connection ${id ?? file.pathValue?.replace(/^.*\//, '').replace(/\.nmconnection$/, '')}>`, note: 'the profile names no interface-name; the device it is active on' };
    for (const route of file.keyfile.routes) {
      const group = file.keyfile.groups.find((g) => g.name === `ipv${route.propertyFamily}`);
      const written = group?.entries.filter((e) => e.key.value === 'route-metric').pop()?.value.value;
      const metric = written !== undefined && /^\d+$/.test(written) ? Number(written) : undefined;
      lines.add(route, device, metric === undefined ? undefined : { metric, why: `route-metric= in [ipv${route.propertyFamily}]` });
    }
    return { heading: NM_ROUTES_HEADING };
  }
  if (file.routeFile) {
    // route-NAME belongs to the profile ifcfg-NAME, whose device is usually NAME.
    const name = file.routeFile.path.name;
    for (const route of file.routeFile.routes) lines.add(route, { name, note: `the device of the profile ifcfg-${name}, usually ${name}` });
    return { heading: NM_ROUTES_HEADING, ...(file.routeFile.format === 'key' ? { wholeProfile: `ifcfg-${name}` } : {}) };
  }
  if (file.scriptCommands && !file.nmstate?.state) {
    for (const command of file.scriptCommands) if (command.nmcli) addNmcliRoutes(command.nmcli, lines);
    return { heading: UNIT_ROUTES_HEADING };
  }
  return undefined;
}

const NM_ROUTES_HEADING = 'Routes NetworkManager should add from it:';

export function fileMode(file: FileModel): string {
  if (!file.mode) return '0644 (no mode: Ignition\'s default)';
  const value = file.mode.value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0o7777) {
    const octal = `0${value.toString(8).padStart(3, '0')}`;
    const written = String(file.mode.source ?? value);
    return written === octal ? octal : `${octal} (written ${written})`;
  }
  return `${String(file.mode.source ?? value)} is not a mode`;
}

export function contentsState(file: FileModel): string {
  if (file.inline) return 'contents.inline (Butane), as written below';
  if (!file.contents || !file.source || file.source.value === null || file.source.value === '') {
    return 'none — the node writes an empty file';
  }
  const source = String(file.source.value);
  if (!file.dataUrl) {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(source)?.[1];
    return `${scheme ? `a ${scheme}: URL` : 'not a URL'} — not previewed (only data: URLs are shown)`;
  }
  const compression = file.compression?.value;
  if (compression !== undefined && compression !== null && compression !== '') return `${String(compression)}-compressed data: URL — not previewed`;
  if (file.dataUrl.error) return `the data: URL does not decode: ${file.dataUrl.error.message}`;
  if (file.dataUrl.binary) return 'binary data — not shown';
  return `data: URL, ${file.dataUrl.encoding === 'base64' ? 'base64' : 'percent-encoded'}, decoded below`;
}

function kindOf(analysed: AnalysedDocument): string | undefined {
  const root = analysed.document.contents;
  if (!isMap(root)) return undefined;
  const kind = scalarAt(root as YAMLMap, 'kind');
  return stringValue(kind as Scalar | undefined);
}

