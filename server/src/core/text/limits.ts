/**
 * Design limits: what mcroutes declines to analyse, so that hostile or absurd input (a
 * 10 MB file, 10,000 documents, a document nested thousands of levels deep, an alias
 * bomb) costs a bounded amount of work and the user is told what was skipped. Each limit
 * gives one `yaml-syntax` finding with `data.limit` naming it (docs/rules.md, yaml-syntax).
 *
 * The limits are counted in characters (UTF-16 code units of the text the editor sends),
 * which are bytes for the ASCII that MachineConfigs are made of. They sit far above any
 * real MachineConfig: the API server stores an object only up to about 1.5 MB (etcd's
 * default request limit), nodes' configs nest about ten levels, and they use no aliases.
 */
import { isAlias, isCollection, isPair, isScalar, visit, type Node } from 'yaml';
import type { Problem } from './problem';
import type { YamlDocument } from './yamlDocuments';
import { CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, CR, DASH, DOUBLE_QUOTE, GREATER, HASH, OPEN_BRACE, OPEN_BRACKET, PIPE, SINGLE_QUOTE, SPACE, TAB } from './charCodes';

export const LIMITS = {
  /** A YAML document (the text between `---` lines) longer than this is not parsed. */
  documentChars: 1_000_000,
  /** The documents of a file are analysed in order while their total stays within this. */
  fileChars: 2_000_000,
  /** At most this many documents of a file are analysed. */
  documents: 1000,
  /** A document whose nesting (estimated from its text, an upper bound) exceeds this is not parsed. */
  nesting: 200,
  /**
   * A document with more YAML values than this (keys, items, scalars; estimated from its
   * text) is not parsed: the parser spends 10–25 µs on each, so 1 MB of `- - - x` lines
   * would take it seconds.
   */
  values: 40_000,
  /** A document whose aliases would expand to more values than this is an alias bomb. */
  aliasExpansion: 100_000,
  /**
   * Findings of one rule in one document past this many are not computed: one more says
   * so instead. Thousands of the same squiggle help nobody, and every edit re-sends all
   * of a file's findings.
   */
  findingsPerRule: 200,
} as const;

export type LimitName = 'document-size' | 'file-size' | 'document-count' | 'nesting' | 'values' | 'alias-expansion' | 'findings-per-rule';

/** A part of a file that is not analysed, with the finding that says so. */
export interface SkippedText {
  start: number;
  end: number;
  problem: Problem;
  /** Whether the skipped text holds `kind: MachineConfig` (then the finding is shown even in a file with no analysed MachineConfig). */
  machineConfig: boolean;
}

export interface ChunkRange {
  start: number;
  end: number;
}

export interface ChunkPlan {
  /** The chunks to analyse, in file order. */
  analysed: ChunkRange[];
  /** What is not analysed, and why. */
  skipped: SkippedText[];
}

const KIND_MACHINE_CONFIG = /^kind:[ \t]*(["']?)MachineConfig\1[ \t]*(?:#.*)?\r?$/m;

/**
 * Which document chunks of a file are analysed. A chunk over the document size or the
 * nesting limit is skipped on its own (`known` tells of chunks analysed before, which
 * need no new estimate); once the documents' total size or count would pass
 * the file limits, that chunk and all after it are skipped together (one finding).
 */
export function planChunks(text: string, chunks: readonly ChunkRange[], known?: (start: number, end: number) => boolean): ChunkPlan {
  const analysed: ChunkRange[] = [];
  const skipped: SkippedText[] = [];
  let chars = 0;
  const lines = new LineCounter(text);
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    const size = chunk.end - chunk.start;
    if (size > LIMITS.documentChars) {
      const [sizeText, limitText] = sizes(size, LIMITS.documentChars);
      skipped.push(skip(text, chunk, 'document-size', LIMITS.documentChars, size,
        `Document ${count(i + 1)} (line ${count(lines.lineOf(chunk.start))}) is ${sizeText}; mcroutes checks up to ${limitText}, so nothing in it is checked.`));
      continue;
    }
    if (analysed.length >= LIMITS.documents || chars + size > LIMITS.fileChars) {
      const rest = { start: chunk.start, end: text.length };
      const total = chunks.length;
      const which = total - i === 1 ? `document ${count(i + 1)}` : `documents ${count(i + 1)}–${count(total)}`;
      const why = analysed.length >= LIMITS.documents
        ? `This file has ${count(total)} documents; mcroutes checks ${count(LIMITS.documents)}`
        : `This file is ${sizes(text.length, LIMITS.fileChars).join('; mcroutes checks ')} per file`;
      const limit: LimitName = analysed.length >= LIMITS.documents ? 'document-count' : 'file-size';
      skipped.push(skip(text, rest, limit, limit === 'document-count' ? LIMITS.documents : LIMITS.fileChars,
        limit === 'document-count' ? total : text.length,
        `${why}, so ${which} from line ${count(lines.lineOf(chunk.start))} on ${total - i === 1 ? 'is' : 'are'} not checked.`));
      break;
    }
    const { depth, values } = known?.(chunk.start, chunk.end)
      ? { depth: 0, values: 0 }
      : measureStructure(text, chunk.start, chunk.end, { depth: LIMITS.nesting, values: LIMITS.values });
    if (depth > LIMITS.nesting) {
      skipped.push(skip(text, chunk, 'nesting', LIMITS.nesting, depth,
        `Document ${count(i + 1)} (line ${count(lines.lineOf(chunk.start))}) nests more than ${count(LIMITS.nesting)} levels deep; mcroutes checks up to ${count(LIMITS.nesting)}, so nothing in it is checked.`));
      continue;
    }
    if (values > LIMITS.values) {
      skipped.push(skip(text, chunk, 'values', LIMITS.values, values,
        `Document ${count(i + 1)} (line ${count(lines.lineOf(chunk.start))}) has more than ${count(LIMITS.values)} YAML values; mcroutes checks up to ${count(LIMITS.values)}, so nothing in it is checked.`));
      continue;
    }
    analysed.push(chunk);
    chars += size;
  }
  return { analysed, skipped };
}

/**
 * `problems` with the findings of what was skipped; a suppression comment inside a skipped
 * part is not judged (it is not analysed, so it cannot be "unused").
 */
export function withSkipped(problems: Problem[], skipped: readonly SkippedText[] | undefined): Problem[] {
  if (!skipped || skipped.length === 0) return problems;
  const inSkipped = (p: Problem) => skipped.some((s) => s.start <= p.start && p.start < s.end);
  return [...problems.filter((p) => p.code !== 'unused-suppression' || !inSkipped(p)), ...skipped.map((s) => s.problem)];
}

function skip(text: string, range: ChunkRange, limit: LimitName, max: number, actual: number, message: string): SkippedText {
  const at = firstLine(text, range.start, range.end);
  return {
    start: range.start,
    end: range.end,
    machineConfig: looksLikeMachineConfig(text, range.start, range.end),
    problem: { code: 'yaml-syntax', severity: 'warning', message, start: at.start, end: at.end, data: { limit, max, actual } },
  };
}

/** Whether `text[start, end)` has a top-level `kind: MachineConfig` line (a cheap test that needs no parse). */
export function looksLikeMachineConfig(text: string, start: number, end: number): boolean {
  // A regular expression cannot be bounded to a range without a copy; the copy is one slice.
  return KIND_MACHINE_CONFIG.test(start === 0 && end === text.length ? text : text.slice(start, end));
}

/** The first line of a range that is not empty (the `---` marker counts), at most 200 characters. */
function firstLine(text: string, start: number, end: number): ChunkRange {
  let at = start;
  while (at < end && (text[at] === '\n' || text[at] === '\r')) at++;
  if (at >= end) return { start, end: start };
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0 || lineEnd > end) lineEnd = end;
  if (lineEnd > at && text[lineEnd - 1] === '\r') lineEnd--;
  return { start: at, end: Math.min(lineEnd, at + 200) };
}

/** 1-based line numbers of offsets, asked in increasing order (one pass over the text). */
class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  lineOf(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    for (let nl = this.text.indexOf('\n', this.offset); nl >= 0 && nl < offset; nl = this.text.indexOf('\n', nl + 1)) {
      this.line++;
      this.offset = nl + 1;
    }
    return this.line;
  }
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A size over a limit and the limit, in MB, or in characters where MB would read the same. */
function sizes(size: number, limit: number): [string, string] {
  const [a, b] = [megabytes(size), megabytes(limit)];
  return parseFloat(a) > parseFloat(b) ? [a, b] : [`${count(size)} characters`, count(limit)];
}

function megabytes(chars: number): string {
  const mb = chars / 1_000_000;
  // Near a limit a rounded "1.0 MB" would read as within it: two decimals below 2 MB.
  return `${mb >= 10 || Number.isInteger(mb) ? mb.toFixed(0) : mb.toFixed(mb < 2 ? 2 : 1)} MB`;
}

/**
 * Upper bounds of how deep the YAML in `text[start, end)` nests and how many values it
 * has, from its text alone (no parse): per line, the open block indentation levels,
 * sequence dashes and flow brackets; the dashes, keys, flow items and the line's scalar.
 * Block scalar contents and comments are passed over; brackets count only where a flow
 * collection can start. Stops counting once past either bound of `stop`.
 */
export function measureStructure(text: string, start: number, end: number, stop = { depth: Infinity, values: Infinity }): { depth: number; values: number } {
  const indents: number[] = [];
  let flow = 0;
  let max = 0;
  let values = 0;
  /** While inside a block scalar: lines indented more than this belong to it. */
  let scalarAbove = -1;
  let at = start;
  while (at < end) {
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    let i = at;
    while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
    const indent = i - at;
    const blank = i >= lineEnd || text.charCodeAt(i) === CR || text.charCodeAt(i) === HASH;
    if (scalarAbove >= 0) {
      if (blank || indent > scalarAbove) {
        at = lineEnd + 1;
        continue;
      }
      scalarAbove = -1;
    }
    if (blank) {
      at = lineEnd + 1;
      continue;
    }
    let depth = 0;
    if (flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // Sequence dashes that open the line (`- - - x`): one level each.
      while (i < lineEnd && text.charCodeAt(i) === DASH && (i + 1 === lineEnd || isBlankOrCr(text.charCodeAt(i + 1)))) {
        depth++;
        i++;
        while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
      }
    }
    const keyColumn = i - at;
    // The line's scalar, and one per dash.
    values += 1 + depth;
    let lineMax = flow;
    /** Block keys on the line after its first (`a: b: c: d`): each nests a mapping in the one before. */
    let compactKeys = -1;
    let valueStart = true;
    /** The character before `ch` on the line; -1 at its start. */
    let last = -1;
    for (; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === HASH && (last === -1 || isBlank(last))) break;
      if ((ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE) && valueStart) {
        // A quoted scalar: skip to its closing quote on this line.
        const close = text.indexOf(ch === DOUBLE_QUOTE ? '"' : "'", i + 1);
        i = close < 0 || close >= lineEnd ? lineEnd : close;
        last = ch;
        valueStart = false;
        continue;
      }
      if ((ch === OPEN_BRACKET || ch === OPEN_BRACE) && (valueStart || flow > 0)) {
        flow++;
        values++;
        if (flow > lineMax) lineMax = flow;
        valueStart = true;
      } else if ((ch === CLOSE_BRACKET || ch === CLOSE_BRACE) && flow > 0) {
        flow--;
      } else if (ch === COMMA && flow > 0) {
        values++;
        valueStart = true;
      } else if (ch === COLON && (i + 1 === lineEnd || isBlankOrCr(text.charCodeAt(i + 1)))) {
        values++;
        if (flow === 0) compactKeys++;
        valueStart = true;
      } else if (ch === DASH && valueStart && (i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE)) {
        valueStart = true;
      } else if (!isBlankOrCr(ch)) {
        valueStart = false;
      }
      last = ch;
    }
    depth += indents.length + lineMax + Math.max(0, compactKeys);
    if (depth > max) max = depth;
    if (max > stop.depth || values > stop.values) return { depth: max, values };
    // A block scalar starts after `key: |`, `- >-`, `|2+`…: its lines are not structure.
    // (The expression only on lines whose end holds an indicator: a slice of every line cost more than the rest of the walk.)
    const tail = Math.max(at, lineEnd - 40);
    if (flow === 0 && hasBlockIndicator(text, tail, lineEnd) && BLOCK_SCALAR_HEADER.test(text.slice(tail, lineEnd))) {
      scalarAbove = keyColumn > indent ? keyColumn - 1 : indent;
    }
    at = lineEnd + 1;
  }
  return { depth: max, values };
}

/**
 * How many values the aliases of a document would expand to (each alias counting the
 * values of what it points at), capped just past `limit`. The core never expands aliases;
 * `oc` does (with go-yaml's "excessive aliasing" guard), so a document whose expansion
 * explodes is an alias bomb ("billion laughs") and is reported, not followed.
 */
export function aliasExpansion(document: YamlDocument, limit: number = LIMITS.aliasExpansion): number {
  const contents = document.contents;
  if (!contents) return 0;
  // Anchors in document order: an alias refers to the latest anchor of its name before it.
  const anchors = new Map<string, Node[]>();
  let aliases = 0;
  visit(document, {
    Node(_, node) {
      if (isAlias(node)) aliases++;
      else if (node.anchor) {
        const list = anchors.get(node.anchor);
        if (list) list.push(node);
        else anchors.set(node.anchor, [node]);
      }
    },
  });
  if (aliases === 0) return 0;
  const sizes = new Map<Node, number>();
  const inProgress = new Set<Node>();
  const cap = limit + 1;
  const targetOf = (alias: Node & { source: string }): Node | undefined => {
    const at = alias.range?.[0] ?? Infinity;
    let found: Node | undefined;
    for (const node of anchors.get(alias.source) ?? []) if ((node.range?.[0] ?? Infinity) < at) found = node;
    return found;
  };
  // Recursion follows the document's own nesting (bounded by LIMITS.nesting); an alias
  // uses the size computed for its anchor, which lies earlier in the document.
  const size = (node: unknown): number => {
    if (!node || typeof node !== 'object') return 0;
    if (isAlias(node)) {
      const target = targetOf(node);
      if (!target || inProgress.has(target)) return 1;
      return size(target);
    }
    const known = sizes.get(node as Node);
    if (known !== undefined) return known;
    let total = 1;
    if (isScalar(node)) total = 1;
    else if (isCollection(node)) {
      inProgress.add(node);
      for (const item of node.items) {
        total += isPair(item) ? size(item.key) + size(item.value) : size(item);
        if (total > cap) {
          total = cap;
          break;
        }
      }
      inProgress.delete(node);
    }
    sizes.set(node as Node, total);
    return total;
  };
  return Math.min(size(contents), cap);
}

const BLOCK_SCALAR_HEADER = /(?:^|[\s:])[|>][-+0-9]*[ \t]*(?:#.*)?\r?$/;

/** Whether text[from, to) holds a `|` or `>`, which BLOCK_SCALAR_HEADER needs. */
function hasBlockIndicator(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === PIPE || c === GREATER) return true;
  }
  return false;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isBlankOrCr(c: number): boolean {
  return c === SPACE || c === TAB || c === CR;
}
