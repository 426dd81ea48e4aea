/**
 * The JSON of a publishDiagnostics notification, made from what the last publishes already
 * serialised. A keystroke in a file of 500 MachineConfigs re-sends 4,224 diagnostics (1.3 MB
 * of JSON); most are what the publish before sent, but for their lines (when lines came or
 * went above them) and `data.version` (the version the fixes' offsets refer to). Each
 * diagnostic's JSON after its range is kept as a template with a hole where that version
 * goes, and a publish joins ranges and templates, a few times faster than JSON.stringify of
 * the whole message.
 *
 * PublishedDiagnostics (publishedDiagnostics.ts) knows which diagnostics are unchanged but
 * for range and version and hands their templates on; publishEncoder.ts encodes the
 * messages of a stream transport (stdio) with messageBytes. Over Node IPC, Node serialises
 * the objects itself.
 */
import type { Diagnostic, Range } from 'vscode-languageserver/node';
import type { DiagnosticData } from './diagnosticData';

/**
 * A diagnostic's JSON after `{"range":<its range>`: whole, or in two parts around its
 * `data.version`; null when its JSON does not start so (never for toDiagnostic's).
 */
export type JsonTemplate = readonly [rest: string] | readonly [beforeVersion: string, afterVersion: string] | null;

/** One diagnostic of a publish and, once serialised, its template (handed on to the diagnostics made from it). */
export interface ConvertedDiagnostic {
  diagnostic: Diagnostic;
  json?: JsonTemplate;
  /** Its JSON in UTF-8 for messageBytes: the range's head with the template's first part, then the second part (after the version); for the range and template they were made from. */
  utf8?: { range: Range; of: JsonTemplate; parts: readonly Buffer[] };
}

/** A value no finding can produce in JSON (a NUL and a name), in place of the version while a template is made. */
const VERSION_MARK = '\u0000mcroutes.version\u0000';
const VERSION_MARK_JSON = JSON.stringify(VERSION_MARK);

/** The diagnostics arrays of publishes on their way out, with what made them. */
const published = new WeakMap<readonly Diagnostic[], readonly ConvertedDiagnostic[]>();

/** `diagnostics` (each `converted[i].diagnostic`) are about to be published: their JSON may be joined from templates. */
export function noteConverted(diagnostics: readonly Diagnostic[], converted: readonly ConvertedDiagnostic[]): void {
  published.set(diagnostics, converted);
}

/** `{"range":…` as JSON.stringify writes a range (positions are `{ line, character }`, in that order). */
function rangeHead(range: Range): string {
  return `{"range":{"start":{"line":${range.start.line},"character":${range.start.character}},"end":{"line":${range.end.line},"character":${range.end.character}}}`;
}

/** The template of a diagnostic: its JSON after the range, split where `data.version` is when it has data. */
export function templateOf(diagnostic: Diagnostic): JsonTemplate {
  const data = diagnostic.data as DiagnosticData | undefined;
  const versioned = data !== null && typeof data === 'object' && Number.isSafeInteger(data.version);
  // A copy with the mark for the version: the same keys in the same order.
  let marked = diagnostic;
  if (versioned) {
    marked = Object.assign({}, diagnostic);
    marked.data = Object.assign({}, data, { version: VERSION_MARK });
  }
  const json = JSON.stringify(marked);
  const head = rangeHead(diagnostic.range);
  if (!json.startsWith(head)) return null;
  const parts = json.slice(head.length).split(VERSION_MARK_JSON);
  if (versioned && parts.length === 2) return [parts[0], parts[1]];
  return !versioned && parts.length === 1 ? [parts[0]] : null;
}

/** A value no URI or method holds, in place of the diagnostics while the rest of a message is serialised. */
const DIAGNOSTICS_MARK = '\u0000mcroutes.diagnostics\u0000';
const DIAGNOSTICS_MARK_JSON = JSON.stringify(DIAGNOSTICS_MARK);

/**
 * A message's JSON in UTF-8, as JSON.stringify and the stdio transport make it. A publish of
 * noted diagnostics (noteConverted) is copied from each one's template, encoded once, into
 * one buffer: for 4,224 diagnostics (1.3 MB) a third of the time of joining their JSON into
 * one string and encoding that, which flattens the joined string first (a copy of it) and
 * then encodes every character again.
 */
export function messageBytes(message: unknown): Buffer {
  const split = splitAtDiagnostics(message);
  if (!split) return Buffer.from(JSON.stringify(message), 'utf-8');
  const { converted } = split;
  const before = Buffer.from(split.before + '[', 'utf-8');
  const after = Buffer.from(']' + split.after, 'utf-8');
  // The version is the same in every diagnostic of a publish: its digits are encoded once.
  let version: number | undefined;
  let versionBytes = Buffer.alloc(0);
  const versionOf = (c: ConvertedDiagnostic): Buffer => {
    const value = (c.diagnostic.data as DiagnosticData).version;
    if (value !== version) versionBytes = Buffer.from(String((version = value)), 'latin1');
    return versionBytes;
  };
  // A diagnostic without a template (never one of toDiagnostic's) is encoded whole.
  const whole: (Buffer | undefined)[] = [];
  let length = before.length + after.length + Math.max(0, converted.length - 1);
  for (let i = 0; i < converted.length; i++) {
    const c = converted[i];
    if (!encodable(c)) {
      whole[i] = Buffer.from(JSON.stringify(c.diagnostic), 'utf-8');
      length += whole[i]!.length;
      continue;
    }
    const [first, second] = c.utf8!.parts;
    length += first.length + (second ? versionOf(c).length + second.length : 0);
  }
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  const put = (bytes: Uint8Array): void => {
    // A few bytes (the version, the `}}` after it) are copied by hand: cheaper than a call of set().
    if (bytes.length <= SHORT) for (let k = 0; k < bytes.length; k++) out[at++] = bytes[k];
    else {
      out.set(bytes, at);
      at += bytes.length;
    }
  };
  put(before);
  for (let i = 0; i < converted.length; i++) {
    const c = converted[i];
    if (i > 0) out[at++] = COMMA;
    const bytes = whole[i];
    if (bytes) {
      put(bytes);
      continue;
    }
    const [first, second] = c.utf8!.parts;
    put(first);
    if (second) {
      put(versionOf(c));
      put(second);
    }
  }
  put(after);
  return out;
}

const COMMA = 0x2c;
const SHORT = 16;

/**
 * Whether a diagnostic's JSON can be copied from its template: it has one, and an integer
 * version where the template has a hole for it; its UTF-8 for its range and template is then
 * made (now, if not yet).
 */
function encodable(converted: ConvertedDiagnostic): boolean {
  if (converted.json === undefined) converted.json = templateOf(converted.diagnostic);
  const { diagnostic, json } = converted;
  if (json === null || (json.length === 2 && !Number.isSafeInteger((diagnostic.data as DiagnosticData | undefined)?.version))) return false;
  const { range } = diagnostic;
  if (converted.utf8?.range !== range || converted.utf8.of !== json) {
    const first = Buffer.from(rangeHead(range) + json[0], 'utf-8');
    converted.utf8 = { range, of: json, parts: json.length === 2 ? [first, Buffer.from(json[1], 'utf-8')] : [first] };
  }
  return true;
}

/** A publish of noted diagnostics (noteConverted): its JSON around the diagnostics, and what they were converted from. */
interface PublishSplit {
  before: string;
  converted: readonly ConvertedDiagnostic[];
  after: string;
}

/** The publish's split (its diagnostics' note taken, as they are serialised once); undefined for any other message. */
function splitAtDiagnostics(message: unknown): PublishSplit | undefined {
  const params = (message as { params?: { diagnostics?: unknown } } | undefined)?.params;
  const diagnostics = params?.diagnostics;
  const converted = Array.isArray(diagnostics) ? published.get(diagnostics) : undefined;
  if (!converted || !Array.isArray(diagnostics) || !sameDiagnostics(diagnostics, converted)) return undefined;
  published.delete(diagnostics);
  const outer = JSON.stringify(message, (key, value) => (value === diagnostics ? DIAGNOSTICS_MARK : value)).split(DIAGNOSTICS_MARK_JSON);
  return outer.length === 2 ? { before: outer[0], converted, after: outer[1] } : undefined;
}

function sameDiagnostics(diagnostics: readonly unknown[], converted: readonly ConvertedDiagnostic[]): boolean {
  return diagnostics.length === converted.length && converted.every((c, i) => c.diagnostic === diagnostics[i]);
}
