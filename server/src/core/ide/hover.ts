import { isScalar, type Node, type Pair, type Scalar } from 'yaml';
import { renderDoc, type Doc } from '../text/doc';
import { keyDoc, pathPattern } from '../kinds/machineconfig/schema';
import { VALUE_NOTES, type ValueNote } from '../kinds/machineconfig/machineConfigValues';
import { keyfileGroupDoc, keyfileKeyDoc } from '../formats/keyfileDocs';
import { directiveDoc, DIRECTIVE_DOCS, sectionDoc, takesUnitNames, unitNameDoc } from '../formats/systemdDocs';
import type { EmbeddedText, FileRange } from '../text/embeddedText';
import {
  addressHover,
  attributeHover,
  destinationHover,
  gatewayHover,
  metricHover,
  nmcliWordHover,
  routeSummaryHover,
  type NetworkContext,
} from './hoverNetwork';
import type { ParsedText } from '../analysis/lint';
import type { IgnitionConfig, MachineConfigModel } from '../kinds/machineconfig/model';
import { butaneKind } from '../kinds/butane/kind';
import { butaneYamlHover } from './hoverButane';
import { locate, type Location } from './locate';
import { nmstateKeyHover } from './hoverNmstateKeys';
import { nmstateHover } from './hoverNmstate';
import { nmstateKind } from '../kinds/nmstate/kind';
import type { Settings } from '../text/settings';
import { rangeOfNode } from '../text/yamlDocuments';

import type { HoverResult } from './hoverResult';

export type { HoverResult };

interface Context extends NetworkContext {
  /** The Ignition config of the document (a MachineConfig's, a Butane config's). */
  ignition: IgnitionConfig;
  parsed: ParsedText;
  location: Location;
  offset: number;
}

/**
 * The help for what lies at `offset`: the most specific element first (a route part, a
 * word of the nmcli command, a unit directive or section, a keyfile entry, an address in
 * a file, a YAML value, a YAML key). MachineConfig, Butane and NMState documents get hovers; other
 * YAML gets nothing. Never throws.
 */
export function hoverAt(parsed: ParsedText, offset: number, settings: Settings): HoverResult | undefined {
  try {
    return computeHover(parsed, offset, settings);
  } catch {
    return undefined;
  }
}

/** hoverAt without the safety net, for tests that must see a failure. */
export function computeHover(parsed: ParsedText, offset: number, settings: Settings): HoverResult | undefined {
  const location = locate(parsed, offset);
  // An element's own help (a route's ip route line, the nodes a selector picks) before its key's.
  if (location.document?.kind === nmstateKind) return nmstateHover(location, settings) ?? nmstateKeyHover(parsed, offset);
  const ignition = location.document?.ignition;
  if (!ignition) return undefined;
  const context: Context = { parsed, location, offset, ignition, settings };
  const embedded = routeHover(context) ?? execHover(context) ?? unitHover(context) ?? keyfileHover(context) ?? fileTextHover(context);
  if (embedded) return embedded;
  if (location.document?.kind === butaneKind) return butaneYamlHover(location, settings);
  const mc = location.document?.machineConfig;
  return mc ? yamlHover(context, mc) : undefined;
}

function result(markdown: string | undefined, range: FileRange | undefined): HoverResult | undefined {
  return markdown && range ? { markdown, start: range.start, end: range.end } : undefined;
}

const rangeOf = (text: EmbeddedText): FileRange => text.rangeOf();

function routeHover(ctx: Context): HoverResult | undefined {
  const found = ctx.location.route;
  // A base64 data URL maps decoded characters to their groups of 4, three to a group: no offset names one part.
  if (!found || !found.route.text.exact) return undefined;
  const { route } = found;
  switch (found.part) {
    case 'destination': return result(destinationHover(route, ctx), rangeOf(route.destination));
    case 'gateway': return result(gatewayHover(route, ctx), rangeOf(route.gateway!));
    case 'metric': return result(metricHover(route, ctx), rangeOf(route.metric!));
    case 'attribute': return result(attributeHover(route, found.attribute!, ctx), rangeOf(found.attribute!.whole));
    // Between the parts of a route; on a keyfile's routeN_options= line between attributes, the file's own hover.
    default: return route.text.covers(ctx.offset) ? result(routeSummaryHover(route, ctx), rangeOf(route.text)) : undefined;
  }
}

/** A word of an nmcli command line. Other commands are explained by their directive (unitHover). */
function execHover(ctx: Context): HoverResult | undefined {
  const exec = ctx.location.exec;
  if (!exec?.arg || !exec.line.nmcli || ctx.location.unit?.onKey) return undefined;
  return result(nmcliWordHover(exec.line.nmcli, exec.line.command.argv, exec.arg, ctx), rangeOf(exec.arg));
}

function unitHover(ctx: Context): HoverResult | undefined {
  const unit = ctx.location.unit;
  if (!unit) return undefined;
  if (unit.onHeader) return result(renderDoc(sectionDoc(unit.onHeader.name)), rangeOf(unit.onHeader.header));
  const directive = unit.directive;
  if (!directive) return undefined;
  const key = directive.key.value;
  const doc = directiveDoc(directive.section, key);
  const argv = /^Exec/.test(key) ? commandFacts(ctx) : [];
  if (unit.onKey) return result(renderDoc(doc, { facts: argv }), rangeOf(directive.key));

  // On the value: a unit name of a dependency list, a known value, an address, or the directive itself.
  const index = unit.text.text.indexAt(ctx.offset);
  if (takesUnitNames(key)) {
    const word = directive.value.words().find((w) => w.covers(ctx.offset));
    if (word) return result(renderDoc(unitNameDoc(word.value, key)), rangeOf(word));
  }
  if (index !== undefined && !/^Exec/.test(key)) {
    const word = addressWordAt(unit.text.text, index, ctx.offset);
    const markdown = word && addressHover(word.value, ctx.settings);
    if (markdown) return result(markdown, rangeOf(word));
  }
  const value = directive.value.value;
  const row = knownValue(key, value);
  if (row) {
    return result(renderDoc(doc, { title: `\`${key}=${value}\` — [${directive.section}]`, facts: [`**\`${value}\`** — ${row.meaning}.`], current: row.value }), rangeOf(directive.value));
  }
  return result(renderDoc(doc, { facts: argv }), rangeOf(directive.value));
}

/** The row of a directive's value table the value stands for (systemd booleans read as yes/no). */
function knownValue(key: string, value: string): { value: string; meaning: string } | undefined {
  const rows = DIRECTIVE_DOCS[key]?.values;
  if (!rows) return undefined;
  const exact = rows.find((r) => r.value === value);
  if (exact) return exact;
  const lower = value.toLowerCase();
  const boolean = ['1', 'yes', 'true', 'on'].includes(lower) ? 'yes' : ['0', 'no', 'false', 'off'].includes(lower) ? 'no' : undefined;
  return boolean ? rows.find((r) => r.value === boolean) : undefined;
}

/** "systemd runs …": the words of an Exec line as systemd splits them. */
function commandFacts(ctx: Context): string[] {
  const exec = ctx.location.exec;
  if (!exec) return [];
  if (exec.line.command.error) return [`⚠ ${exec.line.command.error.message}`];
  const argv = exec.line.command.argv;
  if (argv.length === 0) return [];
  const shown = argv.slice(0, 12).map((a, i) => `${i}. ${codeSpan(a.value)}`);
  if (argv.length > 12) shown.push(`… and ${argv.length - 12} more`);
  return ['systemd splits the line into these words and runs the first one directly, without a shell:', shown.join('\n')];
}

function codeSpan(text: string): string {
  return renderCode(text.replace(/\n/g, '\\n'));
}

function renderCode(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${text}${fence.length > 1 ? ' ' : ''}${fence}`;
}

const ADDRESS_CHARS = /[0-9A-Fa-f:./]/;

/** The address-like word around `index` (digits, hex, `.`, `:`, `/`) that covers file offset `offset`, if it holds one. */
function addressWordAt(text: EmbeddedText, index: number, offset: number): EmbeddedText | undefined {
  const value = text.value;
  if (index >= value.length || !ADDRESS_CHARS.test(value[index])) {
    if (index === 0 || !ADDRESS_CHARS.test(value[index - 1] ?? '')) return undefined;
  }
  let from = Math.min(index, value.length - 1);
  while (from > 0 && ADDRESS_CHARS.test(value[from - 1])) from--;
  let to = index;
  while (to < value.length && ADDRESS_CHARS.test(value[to])) to++;
  // A sentence's full stop or a trailing colon is not part of the address.
  while (to > from && /[.:/]/.test(value[to - 1]) && !value.slice(from, to).endsWith('::')) to--;
  if (to - from < 2 || !/[.:]/.test(value.slice(from, to))) return undefined;
  const word = text.slice(from, to);
  return word.covers(offset) ? word : undefined;
}

/** A group header, key or value of a NetworkManager keyfile (its routes are routeHover's). */
function keyfileHover(ctx: Context): HoverResult | undefined {
  const found = ctx.location.keyfile;
  if (!found) return undefined;
  if (found.onHeader) return result(renderDoc(keyfileGroupDoc(found.onHeader.name)), rangeOf(found.onHeader.header));
  if (!found.entry || !found.group) return undefined;
  const { entry, group } = found;
  const doc = keyfileKeyDoc(group.name, entry.key.value);
  if (found.onKey) return doc ? result(renderDoc(doc), rangeOf(entry.key)) : undefined;
  // On the `=` (three characters when percent-encoded): the key's help, over the key and the `=`.
  if (!entry.value.covers(ctx.offset)) return doc ? result(renderDoc(doc), { start: entry.key.rangeOf().start, end: entry.value.rangeOf().start }) : undefined;
  const address = fileTextHover(ctx);
  if (address || !doc) return address;
  const value = entry.value.value;
  const lower = value.toLowerCase();
  const current = doc.values?.find((r) => r.value === value || (r.value === 'true' && ['yes', '1', 'on'].includes(lower)) || (r.value === 'false' && ['no', '0', 'off'].includes(lower)));
  return result(renderDoc(doc, {
    title: `\`${entry.key.value}=${value}\` — [${group.name}]`,
    facts: current ? [`**\`${current.value}\`** — ${current.meaning}.`] : [],
    current: current?.value,
  }), rangeOf(entry.value));
}

/** An address in a file written by storage.files (a keyfile's address1=, a script). */
function fileTextHover(ctx: Context): HoverResult | undefined {
  for (const file of ctx.ignition.files) {
    if (!file.text?.exact || !file.text.covers(ctx.offset)) continue;
    const index = file.text.indexAt(ctx.offset);
    const word = index === undefined ? undefined : addressWordAt(file.text, index, ctx.offset);
    const markdown = word && addressHover(word.value, ctx.settings);
    if (markdown) return result(markdown, rangeOf(word!));
  }
  return undefined;
}

function yamlHover(ctx: Context, mc: MachineConfigModel): HoverResult | undefined {
  const { location } = ctx;
  if (location.key) {
    const doc = keyDoc(location.path);
    return doc ? result(renderDoc(doc), rangeOfNode(location.key.key)) : undefined;
  }
  const scalar = location.value ? (location.value.value as Scalar) : sequenceItem(ctx);
  if (!scalar || !isScalar(scalar)) return undefined;
  return valueHover(ctx, mc, scalar, location.value);
}

/** A scalar item of a list (`kernelArguments: [nosmt]`), which locate leaves as a path ending in an index. */
function sequenceItem(ctx: Context): Scalar | undefined {
  const { path, document } = ctx.location;
  if (path.length === 0 || typeof path[path.length - 1] !== 'number' || !document) return undefined;
  const node = document.document.getIn(path, true) as Node | undefined;
  return isScalar(node) ? node : undefined;
}

function valueHover(ctx: Context, mc: MachineConfigModel, scalar: Scalar, pair: Pair<Scalar, Node | null> | undefined): HoverResult | undefined {
  const range = rangeOfNode(scalar);
  const pattern = pathPattern(ctx.location.path);
  const written = ctx.parsed.text.slice(range.start, range.end);
  const note: ValueNote | undefined = VALUE_NOTES[pattern]?.({ scalar, written, path: ctx.location.path, mc, settings: ctx.settings });
  const doc = keyDoc(ctx.location.path);
  if (!note && typeof scalar.value === 'string') {
    const address = addressHover(scalar.value.trim(), ctx.settings);
    if (address) return result(address, range);
  }
  if (!doc) return undefined;
  const current = note?.current ?? currentRow(doc, scalar);
  const facts = [...(note?.facts ?? [])];
  if (!note?.facts && current && doc.values) {
    const row = doc.values.find((r) => r.value === current);
    if (row && pair) facts.push(`**\`${current}\`** — ${row.meaning}.`);
  }
  return result(renderDoc(doc, { title: note?.title, summary: note?.summary, facts, after: note?.after, current }), range);
}

/** The value table row a scalar stands for: `true`, `realtime`, `""` for an empty string. */
function currentRow(doc: Doc, scalar: Scalar): string | undefined {
  if (!doc.values) return undefined;
  const value = scalar.value === '' ? '""' : scalar.value === null ? undefined : String(scalar.value);
  return value !== undefined && doc.values.some((r) => r.value === value) ? value : undefined;
}
