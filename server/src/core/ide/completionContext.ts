/**
 * Where a completion request stands, read from the text as typed.
 *
 * Completion is asked for in text that is half written: an empty line in a block
 * mapping, a key without its colon, a unit line without `=`. The parse then has no node
 * at the caret, or one in the wrong place, so the context here comes from the lines
 * themselves, the way YAML reads them: a key belongs to the nearest key above it that
 * is less indented, a `- ` opens a sequence item, a block scalar (`contents: |`) runs
 * while its lines are more indented than its key. Inside a unit's block scalar the unit
 * line at the caret is read the way systemd reads it (sections, `Key=value`, backslash
 * continuations). Work is bounded by the size of the one YAML document at the caret.
 */

/** The path of a YAML node: keys, and sequence indexes as numbers. */
export type YamlPath = (string | number)[];

/** A key-value line at the caret: the key is known, the value is being typed. */
export interface YamlValueContext {
  kind: 'yaml-value';
  /** The path of the key whose value is typed. */
  path: YamlPath;
  /** The value text before the caret. */
  partial: string;
  /** The quote the value opens with, if any. */
  quote?: '"' | "'";
  replaceStart: number;
  replaceEnd: number;
}

/** A place where a key of a block mapping can be typed. */
export interface YamlKeyContext {
  kind: 'yaml-key';
  /** The path of the mapping the key goes into (a sequence item ends in its index). */
  parentPath: YamlPath;
  /** Keys the mapping already has, except the one at the caret. */
  siblings: Set<string>;
  /** The word before the caret. */
  partial: string;
  /** Column of the key (for the indentation of what is inserted). */
  column: number;
  /** The key at the caret already has its colon: insert the name only. */
  hasColon: boolean;
  /** The caret line starts a sequence item (`- ` before the key). */
  afterDash: boolean;
  replaceStart: number;
  replaceEnd: number;
}

/** A line of an embedded systemd unit (the block scalar of units[].contents or dropins[].contents). */
export interface UnitContext {
  /** The path of the `contents` key. */
  path: YamlPath;
  /** The unit's name (for a dropin, the name of its unit), when written. */
  unitName?: string;
  /** The section the caret line is in. */
  section?: string;
  /** Sections the unit has, in order. */
  sections: string[];
  /** Directive keys per section. */
  directives: Map<string, Set<string>>;
}

/** At the start of a unit line: a section header or a directive key. */
export interface UnitLineContext {
  kind: 'unit-line';
  unit: UnitContext;
  /** What is typed of the line, `[` included. */
  partial: string;
  /** The rest of the line after the word already holds `=`: insert the key only. */
  hasEquals: boolean;
  /** Column of the line's first character (for the indentation of inserted lines). */
  column: number;
  replaceStart: number;
  replaceEnd: number;
}

/** After `Key=` on a unit line. */
export interface UnitValueContext {
  kind: 'unit-value';
  unit: UnitContext;
  key: string;
  /** The value of the logical line (continuations joined) up to the caret. */
  value: string;
  /** The word before the caret. */
  partial: string;
  /** The offset of the caret. */
  caret: number;
  replaceStart: number;
  replaceEnd: number;
  /** The rest of the line after the caret, up to the next space. */
  wordAfter: string;
  /** The rest of the line after that word. */
  lineRest: string;
}

export type CompletionContext = YamlKeyContext | YamlValueContext | UnitLineContext | UnitValueContext;

/** YAML document markers, and a bound on the size of the document one request reads. */
const DOCUMENT_MARKER = /^(---|\.\.\.)(\s|$)/;
const MAX_CHARS = 4 * 1024 * 1024;

export interface Line {
  start: number;
  /** Offset of the line break (or the end of the text). */
  end: number;
  text: string;
}

/** The line holding `offset`. */
export function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  const raw = text.slice(start, end);
  const trimmed = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  return { start, end: start + trimmed.length, text: trimmed };
}

/** The lines of the YAML document around `offset` (between `---` markers); undefined on a marker or in a document over MAX_CHARS. */
export function documentLines(text: string, offset: number): DocumentLines | undefined {
  const here = lineAt(text, offset);
  if (DOCUMENT_MARKER.test(here.text)) return undefined;
  const start = markerBefore(text, here.start);
  const end = markerAfter(text, here.end);
  if (end - start > MAX_CHARS) return undefined;
  const lines: Line[] = [];
  let caretLine = 0;
  let at = start;
  for (;;) {
    let nl = text.indexOf('\n', at);
    if (nl < 0 || nl > end) nl = end;
    const lineEnd = nl > at && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (at === here.start) caretLine = lines.length;
    lines.push({ start: at, end: lineEnd, text: text.slice(at, lineEnd) });
    if (nl >= end) break;
    at = nl + 1;
  }
  return { lines, caretLine, start, end };
}

export interface DocumentLines {
  lines: Line[];
  caretLine: number;
  /** The region's first offset and its end (before the next marker's line break). */
  start: number;
  end: number;
}

/** The start of the line after the last document marker line before `lineStart` (or 0). */
function markerBefore(text: string, lineStart: number): number {
  let from = lineStart - 1;
  while (from > 0) {
    const dash = text.lastIndexOf('\n---', from - 1);
    const dots = text.lastIndexOf('\n...', from - 1);
    const at = Math.max(dash, dots);
    if (at < 0) break;
    if (isMarkerAt(text, at + 1)) return nextLineStart(text, at + 1);
    from = at;
  }
  return isMarkerAt(text, 0) && lineStart > 0 ? nextLineStart(text, 0) : 0;
}

/** The offset of the line break before the first document marker line after `lineEnd` (or the end of the text). */
function markerAfter(text: string, lineEnd: number): number {
  let from = lineEnd;
  for (;;) {
    const dash = text.indexOf('\n---', from);
    const dots = text.indexOf('\n...', from);
    const at = dash < 0 ? dots : dots < 0 ? dash : Math.min(dash, dots);
    if (at < 0) return text.length;
    if (isMarkerAt(text, at + 1)) return at > 0 && text.charCodeAt(at - 1) === 13 ? at - 1 : at;
    from = at + 1;
  }
}

function isMarkerAt(text: string, at: number): boolean {
  const marker = text.slice(at, at + 3);
  if (marker !== '---' && marker !== '...') return false;
  const next = text.charCodeAt(at + 3);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13;
}

function nextLineStart(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

/** A YAML line read for its structure. */
interface LineShape {
  /** Leading spaces. */
  indent: number;
  /** Columns of the `- ` sequence indicators at the start. */
  dashes: number[];
  /** Column after the indentation and the dashes. */
  content: number;
  key?: string;
  /** Column of the key. */
  keyColumn?: number;
  /** Column just past the colon. */
  colonEnd?: number;
  /** The value after the colon, without a comment, trimmed. */
  value?: string;
  /** The value opens a block scalar (`|`, `>-`, `|2+`…). */
  block?: boolean;
  blank: boolean;
}

const QUOTED_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*:(?=\s|$)/;
const PLAIN_KEY = /^([^\s#'"[\]{},|>&*!%@`][^#]*?)\s*:(?=\s|$)/;
const BLOCK_HEADER = /^[|>][0-9+-]*\s*(#.*)?$/;

export function shapeOf(text: string): LineShape {
  let at = 0;
  while (at < text.length && text[at] === ' ') at++;
  const indent = at;
  if (at >= text.length || text[at] === '#') return { indent, dashes: [], content: at, blank: true };
  const dashes: number[] = [];
  while (text[at] === '-' && (at + 1 === text.length || text[at + 1] === ' ')) {
    dashes.push(at);
    at++;
    while (text[at] === ' ') at++;
  }
  const shape: LineShape = { indent, dashes, content: at, blank: false };
  const rest = text.slice(at);
  const match = QUOTED_KEY.exec(rest) ?? PLAIN_KEY.exec(rest);
  if (match) {
    shape.key = unquoteKey(match[1]);
    shape.keyColumn = at;
    shape.colonEnd = at + match[0].length;
    const value = stripComment(text.slice(shape.colonEnd)).trim();
    shape.value = value;
    shape.block = BLOCK_HEADER.test(value);
  }
  return shape;
}

function unquoteKey(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

/** The text before a ` #` comment (quotes respected). */
function stripComment(value: string): string {
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if ((c === '"' || c === "'") && (i === 0 || /\s/.test(value[i - 1]))) {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(value[i - 1]))) {
      return value.slice(0, i);
    }
  }
  return value;
}

/** A mapping being read: the document root, the value of a key, or a sequence item. */
interface Frame {
  kind: 'root' | 'key' | 'item';
  key?: string;
  index?: number;
  column: number;
  parent?: Frame;
  /** Keys of the mapping this frame holds, with their values as written. */
  children: Map<string, string | undefined>;
  items: number;
  closed: boolean;
}

function newFrame(kind: Frame['kind'], column: number, parent?: Frame, key?: string): Frame {
  const frame: Frame = { kind, column, parent, key, children: new Map(), items: 0, closed: false };
  if (kind === 'item' && parent) frame.index = parent.items++;
  return frame;
}

export function pathOf(frame: Frame | undefined): YamlPath {
  const path: YamlPath = [];
  for (let f = frame; f && f.kind !== 'root'; f = f.parent) path.push(f.kind === 'key' ? f.key! : f.index!);
  return path.reverse();
}

class Stack {
  readonly frames: Frame[];
  constructor(root: Frame) {
    this.frames = [root];
  }

  get top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  private pop(): void {
    const frame = this.frames.pop()!;
    frame.closed = true;
  }

  /** A key at `column` closes the keys at or right of it. */
  popForKey(column: number): void {
    while (this.frames.length > 1 && this.top.column >= column) this.pop();
  }

  /** A `- ` at `column` closes what is right of it and the previous item at the same column. */
  popForDash(column: number): void {
    while (this.frames.length > 1 && (this.top.column > column || (this.top.kind === 'item' && this.top.column === column))) this.pop();
  }

  push(frame: Frame): Frame {
    this.frames.push(frame);
    return frame;
  }

  /** Reads one structural line (not the caret line). Returns the key frame pushed, if any. */
  read(shape: LineShape): Frame | undefined {
    for (const dash of shape.dashes) {
      this.popForDash(dash);
      this.push(newFrame('item', dash, this.top));
    }
    if (shape.key === undefined) return undefined;
    this.popForKey(shape.keyColumn!);
    this.top.children.set(shape.key, shape.value);
    return this.push(newFrame('key', shape.keyColumn!, this.top, shape.key));
  }
}

const UNIT_CONTENTS: YamlPath[] = [
  ['spec', 'config', 'systemd', 'units', -1, 'contents'],
  ['spec', 'config', 'systemd', 'units', -1, 'dropins', -1, 'contents'],
  // A Butane config holds the Ignition sections at its top level.
  ['systemd', 'units', -1, 'contents'],
  ['systemd', 'units', -1, 'dropins', -1, 'contents'],
];

function matchesPath(path: YamlPath, pattern: YamlPath): boolean {
  return path.length === pattern.length && pattern.every((p, i) => (p === -1 ? typeof path[i] === 'number' : p === path[i]));
}

interface BlockAtCaret {
  owner: Frame;
  /** The lines of the block scalar, the caret line included. */
  lines: Line[];
  caretIndex: number;
}

/** The completion context at `offset` of `text`, or undefined where nothing is offered. */
export function completionContextAt(text: string, offset: number, region = documentLines(text, offset)): CompletionContext | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  if (!region) return undefined;
  const { lines, caretLine } = region;
  const caret = lines[caretLine];
  const caretColumn = offset - caret.start;
  if (caretColumn > caret.text.length) return undefined;
  const before = caret.text.slice(0, caretColumn);

  const root = newFrame('root', -1);
  const stack = new Stack(root);
  let block: { frame: Frame; column: number; lines: Line[] } | undefined;
  let blockAtCaret: BlockAtCaret | undefined;
  let result: CompletionContext | undefined;
  /** The mapping whose keys are the siblings of the key at the caret. */
  let siblingsOf: Frame | undefined;
  /** After the caret line, lines are read until this frame closes (siblings, the unit's name). */
  let watch: Frame | undefined;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const isCaret = i === caretLine;
    if (block) {
      const blankLine = line.text.trim() === '';
      const inBlock = isCaret && blankLine ? caretColumn > block.column : blankLine || indentOf(line.text) > block.column;
      if (inBlock) {
        block.lines.push(line);
        if (isCaret) {
          blockAtCaret = { owner: block.frame, lines: block.lines, caretIndex: block.lines.length - 1 };
          watch = unitItemOf(block.frame);
        }
        continue;
      }
      block = undefined;
    }
    if (i > caretLine && (!watch || watch.closed)) break;
    if (isCaret) {
      const read = readCaretLine(stack, line, before, caretColumn, offset);
      if (!read) return undefined;
      result = read.context;
      siblingsOf = read.siblingsOf;
      watch = siblingsOf;
      if (read.opensBlock) block = { frame: read.opensBlock, column: read.opensBlock.column, lines: [] };
      continue;
    }
    const shape = shapeOf(line.text);
    if (shape.blank) continue;
    const frame = stack.read(shape);
    if (frame && shape.block) block = { frame, column: shape.keyColumn!, lines: [] };
  }

  if (blockAtCaret) return unitContext(blockAtCaret, offset, caretColumn);
  if (result?.kind === 'yaml-key' && siblingsOf) {
    for (const key of siblingsOf.children.keys()) result.siblings.add(key);
  }
  return result;
}

function indentOf(text: string): number {
  let n = 0;
  while (n < text.length && text[n] === ' ') n++;
  return n;
}

/** Reads the caret line into the stack and the context at the caret. */
function readCaretLine(stack: Stack, line: Line, before: string, caretColumn: number, offset: number):
  { context?: CompletionContext; siblingsOf?: Frame; opensBlock?: Frame } | undefined {
  const whole = shapeOf(line.text);
  const head = shapeOf(before);
  // A key with its colon before the caret: the value is typed.
  if (head.key !== undefined && head.colonEnd! <= caretColumn) {
    const frame = stack.read(whole.key === head.key ? whole : head);
    if (!frame) return undefined;
    const afterColon = before.slice(head.colonEnd!);
    if (!/^\s/.test(afterColon)) return { opensBlock: whole.block ? frame : undefined };
    const partial = afterColon.trimStart();
    const valueStart = line.start + caretColumn - partial.length;
    const quote = partial.startsWith('"') ? '"' : partial.startsWith("'") ? "'" : undefined;
    if (/^[|>{[&*!#%@`]/.test(partial)) return { opensBlock: whole.block ? frame : undefined };
    const rest = line.text.slice(caretColumn);
    const valueEnd = offset + scalarRestLength(rest, quote, partial);
    return {
      context: { kind: 'yaml-value', path: pathOf(frame), partial, ...(quote ? { quote } : {}), replaceStart: valueStart, replaceEnd: valueEnd },
      opensBlock: whole.block ? frame : undefined,
    };
  }
  // Indentation, dashes and at most one word: a key is typed.
  const m = /^( *)((?:- +)*)([^\s#'"]*)$/.exec(before);
  if (!m || m[3].includes(':') || (m[2] === '' && before.endsWith('-'))) {
    stack.read(whole);
    return {};
  }
  const column = m[1].length + m[2].length;
  for (const dash of head.dashes) {
    stack.popForDash(dash);
    stack.push(newFrame('item', dash, stack.top));
  }
  stack.popForKey(column);
  const parent = stack.top;
  const after = /^[^\s:#]*/.exec(line.text.slice(caretColumn))![0];
  const restAfterWord = line.text.slice(caretColumn + after.length);
  const hasColon = /^\s*:(\s|$)/.test(restAfterWord);
  // The key at the caret (if any) takes the place of a child; its own children attach to it.
  const own = stack.push(newFrame('key', column, parent, m[3] + after));
  const context: YamlKeyContext = {
    kind: 'yaml-key',
    parentPath: pathOf(parent),
    siblings: new Set(),
    partial: m[3],
    column,
    hasColon,
    afterDash: m[2] !== '',
    replaceStart: offset - m[3].length,
    replaceEnd: offset + after.length,
  };
  return { context, siblingsOf: parent, opensBlock: hasColon && whole.block ? own : undefined };
}

/** How far the scalar at the caret goes on: to its closing quote, or to a comment or the line end. */
function scalarRestLength(rest: string, quote: string | undefined, partial: string): number {
  if (quote) {
    const closedBefore = partial.length > 1 && partial.endsWith(quote) && !(quote === '"' && partial.endsWith('\\"'));
    if (closedBefore) return 0;
    const close = rest.indexOf(quote);
    return close < 0 ? rest.length : close + 1;
  }
  const comment = /\s#/.exec(rest);
  const end = comment ? comment.index : rest.length;
  return rest.slice(0, end).trimEnd().length;
}

// ---------------------------------------------------------------------------------------
// Inside the unit's block scalar

const SECTION_LINE = /^\s*\[([^\]]*)\]\s*$/;
const DIRECTIVE_LINE = /^\s*([A-Za-z0-9_-]+)\s*=/;

function unitContext(found: BlockAtCaret, offset: number, caretColumn: number): CompletionContext | undefined {
  const path = pathOf(found.owner);
  if (!UNIT_CONTENTS.some((p) => matchesPath(path, p))) return undefined;
  const { lines, caretIndex } = found;
  const caret = lines[caretIndex];
  // The content indentation is that of the first line with text.
  const first = lines.find((l) => l.text.trim() !== '');
  const contentIndent = first ? indentOf(first.text) : caretColumn;
  if (caretColumn < contentIndent) return undefined;

  const unit: UnitContext = { path, sections: [], directives: new Map(), unitName: unitNameOf(found.owner) };
  let current: string | undefined;
  lines.forEach((line, i) => {
    const section = SECTION_LINE.exec(line.text);
    if (section) {
      current = section[1];
      unit.sections.push(current);
      if (!unit.directives.has(current)) unit.directives.set(current, new Set());
      if (i < caretIndex) unit.section = current;
      return;
    }
    const directive = DIRECTIVE_LINE.exec(line.text);
    if (directive && current !== undefined && i !== caretIndex) unit.directives.get(current)!.add(directive[1]);
  });

  // Lines continued with a backslash join the caret line into one logical line.
  const pieces: string[] = [];
  for (let i = caretIndex - 1; i >= 0; i--) {
    const text = lines[i].text.trimEnd();
    if (!text.endsWith('\\')) break;
    const trimmed = text.trim();
    if (trimmed.startsWith('#') || trimmed.startsWith(';')) break;
    pieces.unshift(trimmed.slice(0, -1));
  }
  const own = caret.text.slice(contentIndent, caretColumn);
  const continued = pieces.length > 0;
  const logical = continued ? `${pieces.join(' ')} ${own.trimStart()}` : own.trimStart();
  if (logical.startsWith('#') || logical.startsWith(';')) return undefined;

  const rest = caret.text.slice(caretColumn);
  if (!continued && /^\[?[A-Za-z0-9_-]*$/.test(logical)) {
    const after = /^[A-Za-z0-9_-]*/.exec(rest)![0];
    const tail = rest.slice(after.length);
    const header = logical.startsWith('[');
    return {
      kind: 'unit-line',
      unit,
      partial: logical,
      hasEquals: !header && /^\s*=/.test(tail),
      column: caretColumn - logical.length,
      replaceStart: offset - logical.length,
      replaceEnd: offset + after.length + (header && tail.startsWith(']') ? 1 : 0),
    };
  }
  const assignment = /^([A-Za-z0-9_-]+)\s*=\s*(.*)$/s.exec(logical);
  if (!assignment) return undefined;
  const value = assignment[2];
  const partial = /[^\s]*$/.exec(value)![0];
  const wordAfter = /^[^\s]*/.exec(rest)![0];
  return {
    kind: 'unit-value',
    unit,
    key: assignment[1],
    value,
    partial,
    caret: offset,
    replaceStart: offset - partial.length,
    replaceEnd: offset + wordAfter.length,
    wordAfter,
    lineRest: rest.slice(wordAfter.length),
  };
}

/** The units[] item a `contents` key belongs to (directly, or through one of its dropins). */
function unitItemOf(contents: Frame): Frame | undefined {
  const item = contents.parent;
  if (item?.kind === 'item' && item.parent?.key === 'dropins') return item.parent.parent;
  return item;
}

/** The `name` of the unit item holding the contents (for a dropin, of its unit). */
function unitNameOf(owner: Frame): string | undefined {
  const raw = unitItemOf(owner)?.children.get('name');
  if (raw === undefined) return undefined;
  return raw.replace(/^(["'])(.*)\1$/, '$2');
}
