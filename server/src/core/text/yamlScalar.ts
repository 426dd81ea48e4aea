import { Scalar } from 'yaml';
import { EmbeddedText, EmbeddedTextBuilder } from './embeddedText';
import { blockScalarParentIndent } from './yamlDocuments';

/**
 * The embedded text of a YAML scalar: its value as the cluster reads it, with every
 * character mapped back to the file. The value is recomputed from the source and
 * checked against the `yaml` library's own result; where the two disagree (a style
 * corner we do not trace), the whole node is the range of every character, which is
 * still true, only coarser.
 */
export function embeddedTextOfScalar(node: Scalar, text: string): EmbeddedText {
  const [start, valueEnd] = node.range ?? [0, 0, 0];
  const expected = typeof node.source === 'string' ? node.source : String(node.value ?? '');
  let traced: EmbeddedText | undefined;
  try {
    switch (node.type) {
      case Scalar.BLOCK_LITERAL:
      case Scalar.BLOCK_FOLDED:
        traced = traceBlockScalar(text, start, valueEnd, blockScalarParentIndent(node));
        break;
      case Scalar.QUOTE_DOUBLE:
        traced = traceQuoted(text, start, valueEnd, doubleQuotedEscape);
        break;
      case Scalar.QUOTE_SINGLE:
        traced = traceQuoted(text, start, valueEnd, singleQuotedEscape);
        break;
      default:
        traced = tracePlain(text, start, valueEnd);
    }
  } catch {
    traced = undefined;
  }
  if (traced && traced.value === expected) return traced;
  return EmbeddedText.coarse(expected, { start, end: valueEnd });
}


interface SourceLine {
  /** Offset of the first character of the line. */
  start: number;
  /** Number of leading spaces. */
  indent: number;
  /** Offset just past the content, before `\r\n` or `\n`. */
  contentEnd: number;
  /** Offset of the line break, or -1 for a last line without one. */
  breakAt: number;
  breakLength: number;
}

function splitSourceLines(text: string, from: number, to: number): SourceLine[] {
  const lines: SourceLine[] = [];
  let at = from;
  while (at < to) {
    let nl = text.indexOf('\n', at);
    if (nl < 0 || nl >= to) nl = -1;
    const lineEnd = nl < 0 ? to : nl;
    const crlf = lineEnd > at && text.charCodeAt(lineEnd - 1) === 13;
    const contentEnd = crlf ? lineEnd - 1 : lineEnd;
    let indent = 0;
    while (at + indent < contentEnd && text.charCodeAt(at + indent) === 32) indent++;
    lines.push({
      start: at,
      indent,
      contentEnd,
      breakAt: nl < 0 ? -1 : crlf ? nl - 1 : nl,
      breakLength: nl < 0 ? 0 : crlf ? 2 : 1,
    });
    if (nl < 0) break;
    at = nl + 1;
  }
  return lines;
}

/** `|` and `>` scalars: indentation removed, folding and chomping applied. */
function traceBlockScalar(text: string, start: number, end: number, parentIndent: number): EmbeddedText {
  const style = text[start];
  let at = start + 1;
  let explicitIndent = 0;
  let chomp: '' | '-' | '+' = '';
  for (let k = 0; k < 2; k++) {
    const ch = text[at];
    if (ch >= '1' && ch <= '9') explicitIndent = Number(ch);
    else if (ch === '-' || ch === '+') chomp = ch;
    else break;
    at++;
  }
  const headerBreak = text.indexOf('\n', at);
  const out = new EmbeddedTextBuilder(headerBreak < 0 ? end : headerBreak + 1);
  if (headerBreak < 0 || headerBreak + 1 >= end) return out.build();
  const lines = splitSourceLines(text, headerBreak + 1, end);
  const isBlank = (line: SourceLine) => line.start + line.indent === line.contentEnd;

  let indent = parentIndent + explicitIndent;
  if (explicitIndent === 0) {
    const first = lines.find((line) => !isBlank(line));
    const leadingBlankMax = Math.max(0, ...lines.slice(0, first ? lines.indexOf(first) : lines.length).map((l) => l.indent));
    indent = first ? first.indent : leadingBlankMax;
  }
  // Trailing blank lines belong to chomping, not content.
  let lastContent = lines.length - 1;
  while (lastContent >= 0 && isBlank(lines[lastContent]) && lines[lastContent].indent <= indent) lastContent--;

  const breakOf = (line: SourceLine) => (line.breakAt < 0 ? line.contentEnd : line.breakAt);
  const pushBreak = (line: SourceLine, ch: string) => out.push(ch, breakOf(line), breakOf(line) + Math.max(1, line.breakLength));
  const pushContent = (line: SourceLine) => {
    out.pushVerbatim(text, line.start + Math.min(indent, line.indent), line.contentEnd);
  };

  if (style === '|') {
    for (let i = 0; i <= lastContent; i++) {
      pushContent(lines[i]);
      if (i < lastContent) pushBreak(lines[i], '\n');
    }
  } else {
    // Folding: a break between two plain lines becomes a space; blank lines stay breaks;
    // lines that are more indented (or start with a tab) keep their breaks.
    let previous: 'none' | 'plain' | 'special' = 'none';
    let pendingBlanks: SourceLine[] = [];
    let previousLine: SourceLine | undefined;
    for (let i = 0; i <= lastContent; i++) {
      const line = lines[i];
      if (isBlank(line) && line.indent <= indent) {
        pendingBlanks.push(line);
        continue;
      }
      const special = line.indent > indent || text[line.start + line.indent] === '\t';
      if (previousLine) {
        if (previous === 'plain' && !special && pendingBlanks.length === 0) pushBreak(previousLine, ' ');
        else {
          if (previous === 'special' || special || pendingBlanks.length === 0) pushBreak(previousLine, '\n');
          for (const blank of pendingBlanks) pushBreak(blank, '\n');
        }
      } else {
        for (const blank of pendingBlanks) pushBreak(blank, '\n');
      }
      pendingBlanks = [];
      pushContent(line);
      previous = special ? 'special' : 'plain';
      previousLine = line;
    }
  }

  if (lastContent >= 0 && chomp !== '-') pushBreak(lines[lastContent], '\n');
  if (chomp === '+') {
    for (let i = Math.max(0, lastContent + 1); i < lines.length; i++) {
      if (lines[i].breakAt >= 0 || i < lines.length - 1) pushBreak(lines[i], '\n');
    }
  }
  return out.build();
}

const isFoldSpace = (ch: string) => ch === ' ' || ch === '\t';

/**
 * Folds a line break inside a flow scalar: trailing whitespace dropped, the next line's
 * leading whitespace skipped, one break becomes a space and n blank lines n breaks.
 * Returns the offset where content resumes.
 */
function foldFlowBreak(text: string, breakAt: number, end: number, out: EmbeddedTextBuilder, trimmable: number): number {
  while (out.length > trimmable && isFoldSpace(out.lastChar() ?? '')) out.trimEnd((ch) => isFoldSpace(ch) && out.length > trimmable);
  let at = breakAt;
  let breaks = 0;
  const firstBreak = breakAt;
  for (;;) {
    if (text[at] === '\r' && text[at + 1] === '\n') at += 2;
    else if (text[at] === '\n') at += 1;
    else break;
    breaks++;
    while (at < end && isFoldSpace(text[at])) at++;
  }
  // A lone `\r` is no line break to the parser: the character itself (looping on it hung the server).
  if (breaks === 0) {
    out.push(text[breakAt], breakAt, breakAt + 1);
    return breakAt + 1;
  }
  // A folded break maps to the whole line break: `\r\n` in a CRLF file.
  const width = (at: number) => (text[at] === '\r' && text[at + 1] === '\n' ? 2 : 1);
  if (breaks === 1) out.push(' ', firstBreak, firstBreak + width(firstBreak));
  else {
    let scan = firstBreak;
    for (let b = 1; b < breaks; b++) {
      scan = text.indexOf('\n', scan) + 1;
      out.push('\n', scan, scan + width(scan));
    }
  }
  return at;
}

/** What an escape at an offset stands for: characters, or an escaped line break that joins lines. */
type Unescape = (text: string, at: number) => { value: string; length: number } | 'join-lines' | undefined;

/** Quoted flow scalars: escapes decoded, line breaks folded. */
function traceQuoted(text: string, start: number, end: number, unescape: Unescape): EmbeddedText {
  const out = new EmbeddedTextBuilder(start + 1);
  const close = end - 1;
  let at = start + 1;
  // Whitespace produced by an escape survives folding; only raw whitespace is trimmed.
  let protectedLength = 0;
  while (at < close) {
    const ch = text[at];
    const escape = unescape(text, at);
    if (escape === 'join-lines') {
      at += text[at + 1] === '\r' && text[at + 2] === '\n' ? 3 : 2;
      while (at < close && isFoldSpace(text[at])) at++;
      protectedLength = out.length;
    } else if (escape) {
      out.push(escape.value, at, at + escape.length);
      at += escape.length;
      protectedLength = out.length;
    } else if (ch === '\n' || ch === '\r') {
      at = foldFlowBreak(text, at, close, out, protectedLength);
      protectedLength = out.length;
    } else {
      out.push(ch, at, at + 1);
      at++;
    }
  }
  return out.build();
}

const doubleQuotedEscape: Unescape = (text, at) => {
  if (text[at] !== '\\') return undefined;
  const next = text[at + 1];
  return next === '\n' || next === '\r' ? 'join-lines' : decodeEscape(text, at);
};

const singleQuotedEscape: Unescape = (text, at) =>
  text[at] === "'" && text[at + 1] === "'" ? { value: "'", length: 2 } : undefined;

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

function decodeEscape(text: string, at: number): { value: string; length: number } {
  const kind = text[at + 1];
  if (kind in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[kind], length: 2 };
  const digits = kind === 'x' ? 2 : kind === 'u' ? 4 : kind === 'U' ? 8 : 0;
  if (digits > 0) {
    const hex = text.slice(at + 2, at + 2 + digits);
    if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === digits) {
      return { value: String.fromCodePoint(parseInt(hex, 16)), length: 2 + digits };
    }
  }
  throw new Error('invalid escape');
}

function tracePlain(text: string, start: number, end: number): EmbeddedText {
  const out = new EmbeddedTextBuilder(start);
  let at = start;
  while (at < end) {
    const ch = text[at];
    if (ch === '\n' || ch === '\r') {
      at = foldFlowBreak(text, at, end, out, 0);
      continue;
    }
    out.push(ch, at, at + 1);
    at++;
  }
  out.trimEnd(isFoldSpace);
  return out.build();
}
