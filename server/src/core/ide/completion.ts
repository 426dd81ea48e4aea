/**
 * Completion at the caret of a MachineConfig: keys and values of the YAML, and inside
 * the embedded unit sections, directives, values and the nmcli command. Offsets in,
 * offsets out; the LSP layer converts. Never throws, and reads no more than the one
 * YAML document at the caret.
 */
import { completionContextAt, documentLines, type CompletionContext, type DocumentLines } from './completionContext';
import { unitLineCompletions, unitValueCompletions, type RangedItems } from './completionUnit';
import { keyCompletions, valueCompletions } from './completionYaml';
import { nmstateAt, nmstateKeyCompletions, nmstateValueCompletions } from './completionNmstate';
import { butaneKeyCompletions, butaneValueCompletions, isButaneAt } from './completionButane';
import { isMap } from 'yaml';
import type { ParsedText } from '../analysis/lint';
import { butaneKind } from '../kinds/butane/kind';
import { machineConfigKind } from '../kinds/machineconfig/kind';
import { nmcliCommandsOf, reservedInterface } from '../kinds/machineconfig/nmcliCommands';
import { ROLE_LABEL, rolesSelectedByPool } from '../kinds/machineconfig/pools';
import type { Settings } from '../text/settings';
import { mapAt, scalarAt, stringValue } from '../text/yamlDocuments';
import type { CompletionItem } from './completionItem';
import { manifestSnippets, manifestStartAt, unitEntrySnippets } from './completionSnippets';
import { envelopeCompletions } from './completionEnvelope';


export interface Completions {
  items: CompletionItem[];
  /** The text the chosen item replaces: from the start of the word at the caret to its end. */
  replaceStart: number;
  replaceEnd: number;
}

export interface CompletionRequest {
  /** Roles of MachineConfigs elsewhere in the workspace (open documents, files on disk). */
  knownRoles: string[];
  /**
   * The character that triggered the request, when the editor sent it on typing one
   * (`=`, ` `, `[`). A space typed for indentation or between words of a description is
   * no request for a list: then only the places where a space starts a value answer.
   */
  triggerCharacter?: string;
}

const STANDARD_ROLES = ['worker', 'master'];
const ROLE_SHAPE = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * The completion list at `offset`: where a new YAML document can begin, the snippet library's
 * manifests; at a top-level `kind:` or `apiVersion:`, the kinds mcroutes reads; otherwise
 * nothing outside MachineConfig, Butane and NMState documents.
 */
export function completionsAt(parsed: ParsedText, offset: number, settings: Settings, request: CompletionRequest): Completions {
  const none: Completions = { items: [], replaceStart: offset, replaceEnd: offset };
  try {
    const region = documentLines(parsed.text, offset);
    if (!region) return none;
    const start = request.triggerCharacter === undefined ? manifestStartAt(region, offset) : undefined;
    if (start) return { items: withLineBreaks(manifestSnippets(), parsed.text, offset), ...start };
    const machineConfig = isMachineConfigAt(parsed, region);
    const butane = !machineConfig && isButaneAt(parsed, region);
    const nmstate = machineConfig || butane ? undefined : nmstateAt(parsed, region);
    const context = completionContextAt(parsed.text, offset, region);
    if (!context || !wanted(context, parsed.text, offset, request.triggerCharacter)) return none;
    const envelope = context.kind === 'yaml-value' && !butane ? envelopeCompletions(context, region, machineConfig || nmstate !== undefined) : undefined;
    if (envelope) return { items: envelope, replaceStart: context.replaceStart, replaceEnd: context.replaceEnd };
    if (!nmstate && !butane && !machineConfig) return none;
    const explicit = request.triggerCharacter === undefined;
    let found: RangedItems;
    switch (context.kind) {
      case 'yaml-key': {
        if (butane) found = { items: butaneKeyCompletions(context, settings, rolesOf(parsed, offset, request.knownRoles)) };
        else found = { items: nmstate ? nmstateKeyCompletions(context, nmstate) : keyCompletions(context, settings, rolesOf(parsed, offset, request.knownRoles)) };
        if (!nmstate) found = { items: [...found.items, ...unitEntrySnippets(context, parsed.text, region.lines[region.caretLine].start)] };
        break;
      }
      case 'yaml-value':
        if (butane) found = { items: butaneValueCompletions(context, settings, rolesOf(parsed, offset, request.knownRoles)) };
        else found = { items: nmstate ? nmstateValueCompletions(context, nmstate) : valueCompletions(context, settings, rolesOf(parsed, offset, request.knownRoles)) };
        break;
      case 'unit-line':
        if (nmstate) return none;
        found = { items: unitLineCompletions(context, settings, interfacesOf(parsed, settings)) };
        break;
      case 'unit-value':
        if (nmstate) return none;
        found = unitValueCompletions(context, settings, interfacesOf(parsed, settings), explicit);
        break;
    }
    return {
      items: withLineBreaks(found.items, parsed.text, offset),
      replaceStart: found.replaceStart ?? context.replaceStart,
      replaceEnd: found.replaceEnd ?? context.replaceEnd,
    };
  } catch {
    return none;
  }
}

/** Inserted lines break the way the file's lines do. */
function withLineBreaks(items: CompletionItem[], text: string, offset: number): CompletionItem[] {
  const lineBreak = lineBreakNear(text, offset);
  return lineBreak === '\n' ? items : items.map((item) => ({ ...item, insertText: item.insertText.replace(/\n/g, lineBreak) }));
}

/** The line break of the caret's line (or the one before it, on a last line without one). */
function lineBreakNear(text: string, offset: number): string {
  let nl = text.indexOf('\n', offset);
  if (nl < 0) nl = text.lastIndexOf('\n', offset - 1);
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/** Whether a request triggered by typing `trigger` is one the user expects a list for. */
function wanted(context: CompletionContext, text: string, offset: number, trigger: string | undefined): boolean {
  if (trigger === undefined) return true;
  const before = text.slice(Math.max(0, offset - 2), offset);
  switch (context.kind) {
    case 'yaml-key':
      // `- ` opens a sequence item: its keys. Spaces of indentation ask for nothing.
      return trigger === ' ' && context.afterDash && context.partial === '' && before.endsWith('- ');
    case 'yaml-value':
      // `key: ` — the first space after the colon.
      return trigger === ' ' && context.partial === '' && before === ': ';
    case 'unit-line':
      return trigger === '[' && context.partial === '[';
    case 'unit-value':
      if (trigger === '=') return before.endsWith('=');
      return trigger === ' ' && context.partial === '';
  }
}

/** The document at the caret is a MachineConfig: by its parse, or by its `kind:` line while the parse lags. */
function isMachineConfigAt(parsed: ParsedText, region: DocumentLines): boolean {
  const { start, end } = region;
  // The range first: after an edit of a long file every other document's model would be rebuilt to be read.
  const parsedAs = parsed.documents.some((analysed) =>
    analysed.document.range[0] <= end && analysed.document.range[2] > start && analysed.machineConfig !== undefined);
  return parsedAs || /^kind:[ \t]*(["']?)machineconfig\1[ \t]*(#.*)?$/im.test(parsed.text.slice(start, end));
}

/**
 * worker, master, then the roles of the file's other configs and pools, then those of
 * the workspace. The document at the caret does not count: its role is the one being typed.
 */
export function rolesOf(parsed: ParsedText, offset: number, knownRoles: string[]): string[] {
  const roles = new Set<string>(STANDARD_ROLES);
  const others = parsed.documents.filter(({ document }) => !(document.range[0] <= offset && offset <= document.range[2]));
  for (const role of rolesInParsed({ text: parsed.text, documents: others })) roles.add(role);
  for (const role of knownRoles) roles.add(role);
  return [...roles].filter((role) => ROLE_SHAPE.test(role));
}

/**
 * The roles a file's MachineConfigs and Butane configs carry and its MachineConfigPools select.
 * Read from the YAML trees, not the models: after an edit of a long file the models of its
 * documents are rebuilt only when read (IncrementalLinter), and completion asks this of every
 * document on every keystroke.
 */
export function rolesInParsed(parsed: ParsedText): string[] {
  const roles: string[] = [];
  for (const { document, kind } of parsed.documents) {
    // A Butane config's metadata is the MachineConfig's it compiles to.
    const config = kind?.id === machineConfigKind.id || kind?.id === butaneKind.id;
    const metadata = config && isMap(document.contents) ? mapAt(document.contents, 'metadata') : undefined;
    if (metadata) {
      const role = stringValue(scalarAt(mapAt(metadata, 'labels'), ROLE_LABEL));
      if (role) roles.push(role);
    } else roles.push(...rolesSelectedByPool(document));
  }
  return roles;
}

/** Interfaces to offer after `nmcli device modify`: br-ex first on OVN-Kubernetes, then those the file uses. */
function interfacesOf(parsed: ParsedText, settings: Settings): string[] {
  const names = new Set<string>();
  if (settings.networkType === 'OVNKubernetes') names.add('br-ex');
  for (const { ignition } of parsed.documents) {
    if (!ignition) continue;
    for (const use of nmcliCommandsOf(ignition)) {
      const target = use.nmcli.target?.value;
      if (target && !reservedInterface(target, settings.networkType) && /^[^\s/]{1,15}$/.test(target)) names.add(target);
    }
  }
  return [...names];
}
