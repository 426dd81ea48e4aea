/**
 * The fuzzer of the whole core: mutated fixtures through parse, lint (full and
 * incremental), hover, completion, locate, every fix and the unit preview, with the
 * invariants every input must keep. Used by test/unit/fuzz.test.ts (a fixed seed, about
 * 25 s) and scripts/fuzz.mjs (`npm run fuzz`: a random seed, a longer budget).
 *
 * Input `i` of seed `s` is made by its own generator seeded from (s, i), so one input
 * reproduces alone: `npm run fuzz -- --seed s --input i`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Parser } from 'yaml';
import { splitDocumentChunks } from '../../server/src/core/analysis/chunks';
import { blockYamlTokens } from '../../server/src/core/text/blockYamlTokens';
import { completionsAt } from '../../server/src/core/ide/completion';
import { applyEdits, safeFixEdits } from '../../server/src/core/text/edits';
import { computeHover, hoverAt } from '../../server/src/core/ide/hover';
import { IncrementalLinter } from '../../server/src/core/analysis/incremental';
import { lintText, parseText, type LintResult } from '../../server/src/core/analysis/lint';
import { locate } from '../../server/src/core/ide/locate';
import { RULE_IDS, type Problem, type TextEdit } from '../../server/src/core/text/problem';
import { previewTargets, renderPreview } from '../../server/src/core/ide/preview';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface FuzzOptions {
  seed: number;
  /** Stop after this many inputs… */
  maxInputs: number;
  /** …or once this much wall time has passed, whichever comes first. */
  budgetMs: number;
  /** CPU time one input may take (the whole core on it). */
  perInputCpuMs: number;
  /** Only this input (reproduction). */
  only?: number;
  /** Where failing inputs are written (one file each); none when absent. */
  failureDir?: string;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Called before each input runs. */
  onInput?: (input: number, inputsSoFar: number) => void;
}

export interface FuzzFailure {
  input: number;
  mutations: string[];
  message: string;
  file?: string;
}

export interface FuzzReport {
  seed: number;
  inputs: number;
  wallMs: number;
  failures: FuzzFailure[];
  /** The slowest input: its CPU and wall time, what made it, its size. */
  slowest: { input: number; cpuMs: number; wallMs: number; mutations: string[]; chars: number };
  /** How often each mutation was applied. */
  mutationCounts: Record<string, number>;
  /** Inputs whose lint had findings, and how many findings in all. */
  withFindings: number;
  findings: number;
  /** Fixes applied (each fix alone, and the safe ones together). */
  fixesApplied: number;
  /** Inputs that hit a design limit (a yaml-syntax finding with data.limit). */
  limitFindings: number;
}

// ---------------------------------------------------------------------------------------
// Randomness

/** mulberry32: small, fast, good enough, reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function inputSeed(seed: number, input: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ input, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

class Random {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------
// Fixtures and mutations

export function loadFixtures(): { name: string; text: string }[] {
  const fixtures = path.join(REPO_ROOT, 'test', 'fixtures');
  const files = [path.join(fixtures, 'seed-route.yaml')];
  for (const dir of ['cases', 'hover']) {
    const at = path.join(fixtures, dir);
    if (!fs.existsSync(at)) continue;
    for (const name of fs.readdirSync(at).sort()) if (name.endsWith('.yaml')) files.push(path.join(at, name));
  }
  return files.map((file) => ({ name: path.relative(fixtures, file), text: fs.readFileSync(file, 'utf8') }));
}

/** Characters that break things: surrogates (paired and lone), RTL and zero-width marks, odd breaks, controls. */
const NASTY = [
  '\uD83D\uDE00', '\uD800', '\uDFFF', '\u202E', '\u200F', '\u200E', '\u061C', '\u200B', '\u200D', '\uFEFF',
  '\u2028', '\u2029', '\u0085', '\u000B', '\u000C', '\0', '\u0007', '\u001B', '\uFFFD', '\uFFFF', '\u0301',
  'é', 'ß', '日本', '\u00A0', '\u3000', '\t', '\r', '\r\n', '\\', '"', "'", '%', '#', '&a', '*a', '!', '|', '>',
  '{', '}', '[', ']', ',', ':', '? ', '- ', '@', '`', '$(', '${', ';', '&&',
];

const HUGE = [
  '9'.repeat(400), '1e400', '-1e400', '0x' + 'f'.repeat(64), '0o' + '7'.repeat(60), '.inf', '-.inf', '.nan', '-0',
  '4294967296', '18446744073709551616', '99999999999999999999999', '1.7976931348623157e309', '0b' + '1'.repeat(200),
  '999.999.999.999', '10.0.0.0/4294967296', '::' + 'ffff:'.repeat(20) + '1', '2001:db8::/129', '1_000_000',
];

const INDICATORS = ['|', '|-', '|+', '>', '>-', '>+', '|2', '|9', '|0', '>1-', '|-3', '|+10', '| # c', '>\t', '|+-', '|x'];

type Mutation = (text: string, r: Random, corpus: readonly string[]) => string;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function randomLine(text: string, r: Random): { start: number; end: number } {
  const starts = lineStarts(text);
  const i = r.int(starts.length);
  const start = starts[i];
  const end = i + 1 < starts.length ? starts[i + 1] - 1 : text.length;
  return { start, end };
}

function insertAt(text: string, at: number, piece: string): string {
  return text.slice(0, at) + piece + text.slice(at);
}

export const MUTATIONS: Record<string, Mutation> = {
  /** Bytes of the UTF-8 encoding flipped, read back as the server sees them (invalid sequences → U+FFFD). */
  'byte-flip': (text, r) => {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length === 0) return text;
    const flips = r.between(1, 8);
    for (let i = 0; i < flips; i++) bytes[r.int(bytes.length)] ^= 1 << r.int(8);
    return bytes.toString('utf8');
  },
  /** Random bytes spliced in (binary junk). */
  'binary-junk': (text, r) => {
    const junk = Buffer.alloc(r.between(1, 64));
    for (let i = 0; i < junk.length; i++) junk[i] = r.int(256);
    return insertAt(text, r.int(text.length + 1), junk.toString('utf8'));
  },
  truncate: (text, r) => text.slice(0, r.int(text.length + 1)),
  'delete-span': (text, r) => {
    const at = r.int(text.length + 1);
    return text.slice(0, at) + text.slice(at + r.between(1, 40));
  },
  'shift-indent': (text, r) => {
    const starts = lineStarts(text);
    const first = r.int(starts.length);
    const count = r.between(1, 6);
    const lines = text.split('\n');
    const delta = r.pick([-3, -2, -1, 1, 2, 3, 8]);
    for (let i = first; i < Math.min(lines.length, first + count); i++) {
      lines[i] = delta > 0 ? ' '.repeat(delta) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-delta}}`), '');
    }
    return lines.join('\n');
  },
  tabs: (text, r) => {
    const { start } = randomLine(text, r);
    const spaces = /^ +/.exec(text.slice(start))?.[0].length ?? 0;
    if (spaces > 0 && r.chance(0.6)) return text.slice(0, start) + '\t'.repeat(r.between(1, 3)) + text.slice(start + Math.min(spaces, r.between(1, spaces)));
    return insertAt(text, r.int(text.length + 1), '\t');
  },
  'duplicate-key': (text, r) => {
    const keyLines = [...text.matchAll(/^[ -]*[\w.\/-]+:.*$/gm)];
    if (keyLines.length === 0) return text;
    const line = r.pick(keyLines);
    const end = line.index! + line[0].length;
    const copy = line[0].replace(/^(\s*)- /, '$1  ');
    return insertAt(text, end, '\n' + copy);
  },
  'random-unicode': (text, r) => {
    let out = text;
    const n = r.between(1, 6);
    for (let i = 0; i < n; i++) {
      const piece = r.chance(0.7) ? r.pick(NASTY) : String.fromCharCode(r.int(0x10000));
      out = insertAt(out, r.int(out.length + 1), piece);
    }
    return out;
  },
  'huge-number': (text, r) => {
    const numbers = [...text.matchAll(/\d+/g)];
    if (numbers.length === 0 || r.chance(0.2)) return insertAt(text, r.int(text.length + 1), r.pick(HUGE));
    const m = r.pick(numbers);
    return text.slice(0, m.index!) + r.pick(HUGE) + text.slice(m.index! + m[0].length);
  },
  'deep-nesting': (text, r) => {
    const depth = r.pick([20, 60, 150, 250, 600]);
    const { end } = randomLine(text, r);
    const indent = ' '.repeat(r.between(0, 8));
    const form = r.int(4);
    const nested =
      form === 0 ? `${indent}deep: ${'['.repeat(depth)}${']'.repeat(depth)}`
      : form === 1 ? `${indent}deep: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`
      : form === 2 ? `${indent}${'- '.repeat(depth)}x`
      : Array.from({ length: Math.min(depth, 120) }, (_, i) => `${indent}${' '.repeat(i)}k${i}:`).join('\n') + ' v';
    return insertAt(text, end, '\n' + nested);
  },
  'document-marker': (text, r) => {
    const { start } = randomLine(text, r);
    return insertAt(text, start, r.pick(['---\n', '--- \n', '---\n---\n', '...\n', '--- |\n', '--- # c\n', '%YAML 1.1\n---\n', '---']));
  },
  'block-indicator': (text, r) => {
    const indicators = [...text.matchAll(/(?<=: |- )[|>][-+0-9]*/g)];
    if (indicators.length > 0 && r.chance(0.7)) {
      const m = r.pick(indicators);
      return text.slice(0, m.index!) + r.pick(INDICATORS) + text.slice(m.index! + m[0].length);
    }
    const values = [...text.matchAll(/: (?=\S)/g)];
    if (values.length === 0) return text;
    const m = r.pick(values);
    return insertAt(text, m.index! + 2, r.pick(INDICATORS) + '\n' + ' '.repeat(r.between(0, 16)));
  },
  'swap-lines': (text, r) => {
    const lines = text.split('\n');
    const a = r.int(lines.length);
    const b = Math.min(lines.length - 1, a + r.between(1, 3));
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return lines.join('\n');
  },
  'repeat-line': (text, r) => {
    const { start, end } = randomLine(text, r);
    const line = text.slice(start, end);
    return insertAt(text, end, ('\n' + line).repeat(r.pick([1, 2, 10, 200])));
  },
  'crossover': (text, r, corpus) => {
    const other = r.pick(corpus);
    const from = r.int(other.length + 1);
    const piece = other.slice(from, from + r.between(1, 400));
    return insertAt(text, r.int(text.length + 1), piece);
  },
  'crlf': (text, r) => (r.chance(0.5) ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\n/g, r.pick(['\r', '\r\n', '\n\r']))),
  'bom': (text) => '\uFEFF' + text,
  'quote': (text, r) => insertAt(text, r.int(text.length + 1), r.pick(['"', "'", '"\\', '\\"', '"\n', "''"])),
  'anchors': (text, r) => {
    const values = [...text.matchAll(/: (?=\S)/g)];
    if (values.length === 0) return text;
    const m = r.pick(values);
    return insertAt(text, m.index! + 2, r.pick(['&a ', '*a', '*a ', '&b [*a, *a] ', '!!str ', '!!int ', '!unknown ', '<<: *a\n', '? ']));
  },
};

const MUTATION_NAMES = Object.keys(MUTATIONS);

export interface FuzzInput {
  base: string;
  text: string;
  mutations: string[];
  settings: Settings;
  /** Offsets to hover, complete and locate at. */
  offsets: number[];
}

const SETTINGS_VARIANTS: Settings[] = [
  DEFAULT_SETTINGS,
  { ...DEFAULT_SETTINGS, networkType: 'OpenShiftSDN', openshiftVersion: '4.12' },
  { ...DEFAULT_SETTINGS, openshiftVersion: '4.99', clusterNetwork: ['10.0.0.0/8', 'fd01::/48'], rules: { 'route-default': 'off', 'yaml-syntax': 'hint' } },
];

export function makeInput(seed: number, input: number, corpus: readonly { name: string; text: string }[]): FuzzInput {
  const r = new Random(prng(inputSeed(seed, input)));
  const base = r.pick(corpus);
  let text = base.text;
  const mutations: string[] = [base.name];
  const count = r.pick([1, 1, 2, 2, 3, 4]);
  for (let i = 0; i < count; i++) {
    const name = r.pick(MUTATION_NAMES);
    text = MUTATIONS[name](text, r, corpus.map((c) => c.text));
    mutations.push(name);
  }
  const offsets = [0, text.length, r.int(text.length + 1)];
  for (let i = 0; i < 6; i++) offsets.push(r.int(text.length + 1));
  // Out of range too: the API must shrug, not throw.
  offsets.push(-1, text.length + 3);
  return { base: base.text, text, mutations, settings: r.pick(SETTINGS_VARIANTS), offsets };
}

// ---------------------------------------------------------------------------------------
// Invariants

class Violation extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Violation(message);
}

function describe(problem: Problem): string {
  return `${problem.code} [${problem.start}, ${problem.end}) ${JSON.stringify(problem.message.slice(0, 120))}`;
}

function checkEdits(edits: readonly TextEdit[], length: number, what: string): void {
  for (const e of edits) {
    check(Number.isInteger(e.start) && Number.isInteger(e.end), `${what}: edit offsets are not integers: ${JSON.stringify(e)}`);
    check(0 <= e.start && e.start <= e.end && e.end <= length, `${what}: edit [${e.start}, ${e.end}) outside the document of ${length}`);
    check(typeof e.newText === 'string', `${what}: edit without newText`);
  }
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    // Two insertions at one offset are fine; edits sharing characters are not.
    check(b.start >= a.end, `${what}: edits overlap: ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
  }
}

/** The edits applied, with the length the result must have (applyEdits drops an overlapping edit silently). */
function applyChecked(text: string, edits: readonly TextEdit[], what: string): string {
  checkEdits(edits, text.length, what);
  const result = applyEdits(text, [...edits]);
  check(typeof result === 'string', `${what}: applyEdits gave ${typeof result}`);
  const expected = text.length + edits.reduce((n, e) => n + e.newText.length - (e.end - e.start), 0);
  check(result.length === expected, `${what}: the result is ${result.length} characters, not ${expected}: an edit was dropped`);
  return result;
}

function checkProblems(text: string, result: LintResult, what: string): void {
  const ids: readonly string[] = RULE_IDS;
  for (const p of result.problems) {
    check(ids.includes(p.code), `${what}: unknown rule id ${p.code}`);
    check(['error', 'warning', 'info', 'hint'].includes(p.severity), `${what}: severity ${p.severity} of ${describe(p)}`);
    check(Number.isInteger(p.start) && Number.isInteger(p.end), `${what}: offsets not integers: ${describe(p)}`);
    check(0 <= p.start && p.start <= p.end && p.end <= text.length, `${what}: range outside the document of ${text.length}: ${describe(p)}`);
    check(typeof p.message === 'string' && p.message.trim().length > 0, `${what}: empty message: ${describe(p)}`);
    check(!showsMissingValue(p.message, text), `${what}: a message shows a missing value: ${describe(p)}`);
    for (const fix of p.fixes ?? []) {
      check(typeof fix.title === 'string' && fix.title.length > 0, `${what}: a fix without title on ${describe(p)}`);
      check(fix.edits.length > 0, `${what}: a fix without edits on ${describe(p)}`);
      applyChecked(text, fix.edits, `${what}: fix "${fix.title}" of ${describe(p)}`);
    }
  }
}

/** `undefined`, `NaN` or `[object` in what the user reads, unless the input itself has that word (a fixture is named nmstate-capture-undefined). */
function showsMissingValue(shown: string, input: string): boolean {
  return (shown.match(/\bundefined\b|\bNaN\b|\[object /g) ?? []).some((word) => !input.includes(word));
}

function comparable(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.code} ${p.severity} ${p.start}-${p.end} ${p.message}`);
}

interface InputStats {
  findings: number;
  fixesApplied: number;
  limit: boolean;
}

/** The whole core on one input; throws a Violation (or whatever escaped) on the first broken invariant. */
export function exerciseCore(input: FuzzInput): InputStats {
  const { text, settings } = input;
  let fixesApplied = 0;

  // The block-style tokens, where they are made, are the library parser's exactly.
  for (const chunk of splitDocumentChunks(text)) {
    const ours = blockYamlTokens(text.slice(chunk.start, chunk.end), chunk.start);
    if (ours === undefined) continue;
    const parser = new Parser();
    parser.offset = chunk.start;
    const theirs = JSON.stringify(Array.from(parser.parse(text.slice(chunk.start, chunk.end))));
    check(JSON.stringify(ours) === theirs, `blockYamlTokens: the tokens of the chunk at ${chunk.start} differ from the library parser's`);
  }

  // Parse and full lint, on the parse and from the text.
  const parsed = parseText(text);
  check(parsed.text === text, 'parseText: the parse is not of the text');
  const full = lintText(text, settings);
  checkProblems(text, full, 'lintText');

  // Incremental: from the unmutated fixture to the input, as an edit would go.
  const linter = new IncrementalLinter();
  linter.lint(input.base, settings);
  const incremental = linter.lint(text, settings);
  checkProblems(text, incremental, 'IncrementalLinter');
  const a = comparable(incremental.problems);
  const b = comparable(full.problems);
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    const onlyIncremental = a.filter((x) => !b.includes(x));
    const onlyFull = b.filter((x) => !a.includes(x));
    // Both parse document chunks the same way: on broken YAML too they must agree exactly.
    throw new Violation(`IncrementalLinter and lintText disagree:\n  only incremental: ${onlyIncremental.join('\n    ')}\n  only full: ${onlyFull.join('\n    ')}`);
  }
  // And back, with a time budget already spent: partial, never wrong.
  const partial = linter.lint(input.base, settings, { until: 0 });
  check(partial.pending === undefined || partial.pending >= 0, 'IncrementalLinter: pending is negative');
  checkProblems(input.base, partial, 'IncrementalLinter (budget spent)');

  // Every fix alone (checked above), then the safe ones together.
  fixesApplied += full.problems.reduce((n, p) => n + (p.fixes?.length ?? 0), 0);
  const safe = safeFixEdits(full.problems);
  if (safe.edits.length > 0) {
    const fixed = applyChecked(text, safe.edits, 'safeFixEdits');
    fixesApplied += safe.fixes;
    // The fixed text is analysed like any other.
    checkProblems(fixed, lintText(fixed, settings), 'lintText after the safe fixes');
  }

  // Hover, completion and locate at the chosen offsets and at every finding.
  const offsets = [...input.offsets, ...full.problems.slice(0, 8).map((p) => p.start)];
  for (const offset of offsets) {
    const inside = Math.max(0, Math.min(offset, text.length));
    const hover = computeHover(full.parsed, offset, settings);
    check(hoverAt(full.parsed, offset, settings) !== null, 'hoverAt returned null');
    if (hover) {
      check(typeof hover.markdown === 'string' && hover.markdown.length > 0, `hover at ${offset}: empty markdown`);
      check(0 <= hover.start && hover.start <= hover.end && hover.end <= text.length, `hover at ${offset}: range [${hover.start}, ${hover.end}) outside the document of ${text.length}`);
      check(!showsMissingValue(hover.markdown, text), `hover at ${offset} shows a missing value: ${JSON.stringify(hover.markdown.slice(0, 200))}`);
    }
    const completions = completionsAt(full.parsed, offset, settings, { knownRoles: ['infra', 'worker-rt'], triggerCharacter: inside % 3 === 0 ? '=' : undefined });
    check(Array.isArray(completions.items), `completion at ${offset}: no item list`);
    if (completions.items.length > 0) {
      check(0 <= completions.replaceStart && completions.replaceStart <= completions.replaceEnd && completions.replaceEnd <= text.length,
        `completion at ${offset}: replace range [${completions.replaceStart}, ${completions.replaceEnd}) outside the document of ${text.length}`);
    }
    for (const item of completions.items) check(typeof item.label === 'string' && typeof item.insertText === 'string', `completion at ${offset}: an item without label or text`);
    locate(full.parsed, inside);
  }

  // The unit preview: everything, each target, the one at an offset.
  check(typeof renderPreview(full.parsed, settings, full.problems) === 'string', 'renderPreview: not a string');
  const targets = previewTargets(full.parsed);
  for (const target of targets.slice(0, 4)) {
    check(0 <= target.start && target.start <= target.end && target.end <= text.length, `preview target ${target.name} outside the document`);
    renderPreview(full.parsed, settings, full.problems, target.kind === 'unit' ? { unitName: target.name } : { filePath: target.name });
  }
  renderPreview(full.parsed, settings, full.problems, { offset: input.offsets[2] });
  renderPreview(full.parsed, settings, full.problems, { unitName: '\u202Enothing.service' });

  return {
    findings: full.problems.length,
    fixesApplied,
    limit: full.problems.some((p) => p.code === 'yaml-syntax' && p.data?.limit !== undefined),
  };
}

// ---------------------------------------------------------------------------------------
// The loop

export function runFuzz(options: FuzzOptions): FuzzReport {
  const corpus = loadFixtures();
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const report: FuzzReport = {
    seed: options.seed,
    inputs: 0,
    wallMs: 0,
    failures: [],
    slowest: { input: -1, cpuMs: 0, wallMs: 0, mutations: [], chars: 0 },
    mutationCounts: {},
    withFindings: 0,
    findings: 0,
    fixesApplied: 0,
    limitFindings: 0,
  };
  let lastProgress = started;
  for (let i = options.only ?? 0; ; i++) {
    if (options.only !== undefined && i > options.only) break;
    if (report.inputs >= options.maxInputs || performance.now() - started >= options.budgetMs) break;
    const input = makeInput(options.seed, i, corpus);
    options.onInput?.(i, report.inputs);
    for (const m of input.mutations.slice(1)) report.mutationCounts[m] = (report.mutationCounts[m] ?? 0) + 1;
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    let failure: string | undefined;
    try {
      const stats = exerciseCore(input);
      if (stats.findings > 0) report.withFindings++;
      report.findings += stats.findings;
      report.fixesApplied += stats.fixesApplied;
      if (stats.limit) report.limitFindings++;
    } catch (error) {
      failure = error instanceof Violation ? error.message : `an exception escaped: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
    }
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const wallMs = performance.now() - wall0;
    report.inputs++;
    if (cpuMs > report.slowest.cpuMs) report.slowest = { input: i, cpuMs, wallMs, mutations: input.mutations, chars: input.text.length };
    if (!failure && cpuMs > options.perInputCpuMs) failure = `took ${cpuMs.toFixed(0)} ms of CPU (bound ${options.perInputCpuMs} ms)`;
    if (failure) {
      let file: string | undefined;
      if (options.failureDir) {
        fs.mkdirSync(options.failureDir, { recursive: true });
        file = path.join(options.failureDir, `seed-${options.seed}-input-${i}.yaml`);
        fs.writeFileSync(file, input.text);
      }
      report.failures.push({ input: i, mutations: input.mutations, message: failure, file });
      log(`fuzz: input ${i} (${input.mutations.join(' + ')}) FAILED: ${failure.split('\n')[0]}`);
    }
    if (performance.now() - lastProgress > 10_000) {
      lastProgress = performance.now();
      log(`fuzz: ${report.inputs} inputs, ${report.failures.length} failures, ${((lastProgress - started) / 1000).toFixed(0)} s`);
    }
  }
  report.wallMs = performance.now() - started;
  return report;
}

/**
 * runFuzz in a worker thread, watched: an input that runs longer than `hangMs` (a hang:
 * synchronous code cannot be interrupted otherwise) ends the run as a failure naming the
 * input, instead of hanging the test run.
 */
export function runFuzzWatched(options: Omit<FuzzOptions, 'log' | 'onInput'> & { hangMs: number; log?: (line: string) => void }): Promise<FuzzReport> {
  const { log, hangMs, ...fuzzOptions } = options;
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { fuzz: fuzzOptions } });
    let current = { input: -1, inputs: 0, since: performance.now() };
    let done = false;
    const watchdog = setInterval(() => {
      if (done || current.input < 0 || performance.now() - current.since < hangMs) return;
      done = true;
      clearInterval(watchdog);
      void worker.terminate();
      const input = makeInput(options.seed, current.input, loadFixtures());
      let file: string | undefined;
      if (options.failureDir) {
        fs.mkdirSync(options.failureDir, { recursive: true });
        file = path.join(options.failureDir, `seed-${options.seed}-input-${current.input}.yaml`);
        fs.writeFileSync(file, input.text);
      }
      const message = `hung: no end after ${(hangMs / 1000).toFixed(0)} s (the run was stopped there)`;
      log?.(`fuzz: input ${current.input} (${input.mutations.join(' + ')}) FAILED: ${message}`);
      resolve({
        seed: options.seed,
        inputs: current.inputs + 1,
        wallMs: 0,
        failures: [{ input: current.input, mutations: input.mutations, message, file }],
        slowest: { input: current.input, cpuMs: NaN, wallMs: hangMs, mutations: input.mutations, chars: input.text.length },
        mutationCounts: {},
        withFindings: 0,
        findings: 0,
        fixesApplied: 0,
        limitFindings: 0,
      });
    }, Math.min(1000, hangMs / 4));
    worker.on('message', (message: { input?: number; inputs?: number; log?: string; report?: FuzzReport }) => {
      if (message.log !== undefined) log?.(message.log);
      if (message.input !== undefined) current = { input: message.input, inputs: message.inputs ?? 0, since: performance.now() };
      if (message.report && !done) {
        done = true;
        clearInterval(watchdog);
        resolve(message.report);
      }
    });
    worker.on('error', (error) => {
      if (done) return;
      done = true;
      clearInterval(watchdog);
      reject(error);
    });
    worker.on('exit', (code) => {
      if (done) return;
      done = true;
      clearInterval(watchdog);
      reject(new Error(`the fuzz worker exited with ${code} before its report`));
    });
  });
}

if (!isMainThread && (workerData as { fuzz?: FuzzOptions } | undefined)?.fuzz) {
  const port = parentPort!;
  const report = runFuzz({
    ...(workerData as { fuzz: FuzzOptions }).fuzz,
    log: (line) => port.postMessage({ log: line }),
    onInput: (input, inputs) => port.postMessage({ input, inputs }),
  });
  port.postMessage({ report });
}

export function summarize(report: FuzzReport): string {
  const s = report.slowest;
  const counts = Object.entries(report.mutationCounts).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    `fuzz: seed ${report.seed}: ${report.inputs} inputs in ${(report.wallMs / 1000).toFixed(1)} s, ${report.failures.length} failed`,
    `fuzz: ${report.withFindings} inputs with findings (${report.findings} findings), ${report.fixesApplied} fixes applied, ${report.limitFindings} hit a design limit`,
    `fuzz: slowest input ${s.input}: ${s.cpuMs.toFixed(0)} ms CPU (${s.wallMs.toFixed(0)} ms wall), ${s.chars} characters, ${s.mutations.join(' + ')}`,
    `fuzz: mutations: ${counts}`,
    ...report.failures.slice(0, 20).map((f) => `fuzz: FAILED input ${f.input} (${f.mutations.join(' + ')})${f.file ? ` saved as ${f.file}` : ''}:\n  ${f.message.replace(/\n/g, '\n  ')}`),
    report.failures.length > 0 ? `fuzz: reproduce one: npm run fuzz -- --seed ${report.seed} --input ${report.failures[0].input}` : '',
  ].filter(Boolean).join('\n');
}
