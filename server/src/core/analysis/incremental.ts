import { acrossFiles, analyseDocument, checkDocument, describeError, fileFactsOf, indexOf, type CappedRules, isOurs, parseChunk, settleInFile, withConfiguredSeverity, withWorkspace, type AnalysedDocument, type LintResult, type ParsedText } from './lint';
import type { DocumentKind } from '../kinds/documentKind';
import { DOCUMENT_KINDS } from './kinds';
import type { Problem, RuleFailure } from '../text/problem';
import { RULES } from './rules';
import type { Rule } from './rules/rule';
import { shiftIndex, type FileIndex, type IndexedFile, type WorkspaceFacts } from './workspaceIndex';
import type { Settings } from '../text/settings';
import { planChunks, type SkippedText } from '../text/limits';
import { applySuppressions, applySuppressionsAcrossFiles } from './suppressions';
import { shiftDocument, shiftProblems, splitDocumentChunks } from './chunks';
import { SharedNameCounts, sharedNamesOf, type SharedNames } from './sharedNames';

/** Where a slice of analysis ends: when `now()` passes `until`. */
export interface SliceBudget {
  until: number;
  /** The clock `until` is on: performance.now() unless the caller (the server, a test) gives its own. */
  now?: () => number;
}

const systemNow = (): number => performance.now();

/**
 * Re-analysis that costs the edited YAML document, not the file. The text is cut into
 * document chunks at `---` lines (which can only be document markers); a chunk whose text
 * is unchanged keeps its parse and findings, the findings shifted to where it now starts.
 * Its parse trees are shifted, and its models rebuilt, only when something reads them
 * (hover, completion, preview). A chunk lets go of its models once its findings and facts
 * are known: they are most of what an analysis holds (34 of 51 MB for 500 MachineConfigs),
 * and are rebuilt from the parse tree when something reads them.
 */
export class IncrementalLinter {
  /** The text of the last lint and its analysed chunks, in file order. */
  private previous: { text: string; chunks: PlacedChunk[] } | undefined;
  private settingsKey = '';
  /**
   * The findings across files of the last lint, with what they were computed from: the
   * chunks' facts (without positions) and the other files. A keystroke that changes no fact
   * (most do not: a comment, a unit's text) reuses them, moved with the text, instead of
   * merging every config of the file again (in a 500-document file that merge cost more than
   * the edited document's own analysis).
   */
  private previousAcross: { text: string; facts: readonly string[]; files: WorkspaceFacts['files']; findings: WorkspaceFacts['findings']; problems: Problem[] } | undefined;
  /**
   * The names the chunks of the latest complete lint share (sharedNames.ts), each chunk
   * counted while it is in the file: a keystroke adds its new chunk and removes the one it
   * replaced, and when no name is shared the findings across files need no merge at all.
   */
  private readonly sharedNames = new SharedNameCounts();
  private readonly counted = new Set<Chunk>();
  /** The other files whose names sharedNames has. */
  private filesBeyond: readonly IndexedFile[] | undefined;
  /** The findings of the latest lint that moved since their analysis, to what they were then (originOf); made on first use. */
  private origins: Map<Problem, Problem> | undefined;
  /**
   * The findings of the latest lint that `mcroutes.rules` gave another level, to the findings
   * they were copied from: such a copy is made on every lint, its origin is its original's.
   */
  private leveled = new Map<Problem, Problem>();

  constructor(private readonly rules: readonly Rule[] = RULES, private readonly kinds: readonly DocumentKind[] = DOCUMENT_KINDS) {}

  /**
   * With a `budget`, chunks not yet analysed when its clock passes `until` are left out
   * (counted in `pending`; at least one is analysed per call, and the clock is read after
   * each): the server publishes what it has and calls again, so a huge file never blocks
   * it for long. `workspace`: the MachineConfigPools known beyond the file (as for
   * lintText); it only settles findings, so a change of it re-analyses nothing.
   */
  lint(text: string, settings: Settings, budget?: SliceBudget, workspace?: WorkspaceFacts): LintResult {
    const key = JSON.stringify(settings);
    if (key !== this.settingsKey) {
      this.previous = undefined;
      this.settingsKey = key;
    }
    const failures: RuleFailure[] = [];
    const reusable = this.unchangedChunks(text);
    const placed: PlacedChunk[] = [];
    // Design limits (limits.ts): chunks analysed before are known to be within them.
    const plan = planChunks(text, splitDocumentChunks(text), (start, end) => reusable.get(start)?.end === end);
    let pending = 0;
    let fresh = 0;
    for (const { start, end } of plan.analysed) {
      const before = reusable.get(start);
      let chunk: Chunk;
      if (before && before.end === end) {
        chunk = before.chunk;
        chunk.moveTo(start, text);
      } else if (budget && fresh > 0 && (budget.now ?? systemNow)() > budget.until) {
        pending++;
        continue;
      } else {
        chunk = Chunk.analyse(text, start, end, settings, this.rules, this.kinds, failures);
        fresh++;
      }
      placed.push({ start, end, chunk });
    }
    this.previous = { text, chunks: placed };
    this.origins = undefined;
    this.leveled = new Map();

    const current = placed.map((p) => p.chunk);
    // One loop over the chunks (flatMap over 500 of them on every keystroke was measurable).
    let machineConfigs = 0;
    let recognised = 0;
    const pools = { pools: 0, poolRoles: new Set<string>() };
    for (const chunk of current) {
      machineConfigs += chunk.machineConfigs;
      recognised += chunk.recognised;
      pools.pools += chunk.pools;
      for (const role of chunk.poolRoles) pools.poolRoles.add(role);
    }
    const parsed = lazilyParsed(text, current, plan.skipped);
    const more = pending > 0 ? { pending } : {};
    const across = this.acrossFiles(text, current, workspace, failures);
    const index = across.index;
    // Other YAML gets nothing from us (as in lintParsed).
    if (!isOurs(recognised, plan.skipped) && across.problems.length === 0) return { parsed, problems: [], failures, machineConfigs, pools, index, ours: false, factsKeys: across.factsKeys, ...more };
    const settled = settleInFile(problemsOf(current), withWorkspace(pools, workspace), this.rules, failures);
    const problems = withConfiguredSeverity(applySuppressionsAcrossFiles(text, [...settled, ...plan.skipped.map((s) => s.problem)], across.problems), settings, (copy, original) => this.leveled.set(copy, original));
    problems.sort((a, b) => a.start - b.start || a.end - b.end);
    return { parsed, problems, failures, machineConfigs, pools, index, ours: true, factsKeys: across.factsKeys, ...more };
  }

  /**
   * What a finding of the latest lint was when its document chunk was analysed: the finding
   * itself, or, when the chunk (its text unchanged) has moved since, the finding as first
   * found, every offset of which the move changed by `problem.start - origin.start` and
   * every line by as many lines (a chunk starts at the start of a line). A finding keeps its
   * origin through any number of lints and moves, so the server keys the diagnostic it
   * converted a finding to by its origin and shifts it instead of converting it again.
   * A finding `mcroutes.rules` gave another level is a copy made anew by every lint: its
   * origin is the origin of the finding it copies.
   */
  originOf(problem: Problem): Problem {
    if (!this.origins) {
      this.origins = new Map();
      for (const { chunk } of this.previous?.chunks ?? []) {
        if (chunk.problems === chunk.origins) continue;
        for (let i = 0; i < chunk.problems.length; i++) this.origins.set(chunk.problems[i], chunk.origins[i]);
      }
    }
    const original = this.leveled.get(problem) ?? problem;
    return this.origins.get(original) ?? original;
  }

  /** The file's index and its findings across files, reused from the last lint when no fact changed. */
  private acrossFiles(text: string, chunks: readonly Chunk[], workspace: WorkspaceFacts | undefined, failures: RuleFailure[]): { index: FileIndex; problems: Problem[]; factsKeys: readonly string[] } {
    const index = lazyIndex(chunks);
    const facts = chunks.map((c) => c.factsKey);
    const factsKeys = facts.filter((k) => k !== '[]');
    // No name of the file shared with another document, here or beyond, and no pool here: no finding is possible (sharedNames.ts).
    this.countSharedNames(chunks, workspace?.files ?? []);
    if (workspace?.findings === undefined && !this.sharedNames.mayHaveFindings) {
      return { index, problems: [], factsKeys };
    }
    const last = this.previousAcross;
    if (last && last.files === workspace?.files && last.findings === workspace?.findings && sameList(last.facts, facts)) {
      const problems = moveWithText(last.problems, last.text, text);
      if (problems) {
        this.previousAcross = { ...last, text, problems };
        return { index, problems, factsKeys };
      }
    }
    const problems = acrossFiles(index, workspace, this.rules, failures);
    this.previousAcross = { text, facts, files: workspace?.files, findings: workspace?.findings, problems };
    return { index, problems, factsKeys };
  }

  /** Counts the names of `chunks`, the file's chunks now, and no longer those of chunks gone since the last call; notes those of the other files when they changed. */
  private countSharedNames(chunks: readonly Chunk[], beyond: readonly IndexedFile[]): void {
    const last = this.filesBeyond;
    // The server makes a new list when any file's facts changed (this one's too): compared by file and facts object.
    if (!last || last.length !== beyond.length || beyond.some((f, i) => f.file !== last[i].file || f.index !== last[i].index)) {
      this.filesBeyond = beyond;
      const names = new Set<string>();
      for (const { index } of beyond) for (const name of sharedNamesOf(index.documents).names) names.add(name);
      this.sharedNames.setBeyond(names);
    }
    const now = new Set(chunks);
    for (const chunk of this.counted) {
      if (now.has(chunk)) continue;
      this.sharedNames.remove(chunk.sharedNames);
      this.counted.delete(chunk);
    }
    for (const chunk of chunks) {
      if (this.counted.has(chunk)) continue;
      this.sharedNames.add(chunk.sharedNames);
      this.counted.add(chunk);
    }
  }

  /**
   * The chunks of the last lint whose text `text` still has, by where they start in it:
   * those before the first changed chunk at the same offsets, those after the last one
   * moved by the change in length. An edit changes one place of a file, so comparing
   * chunk texts in place (no hashing, no map of texts) finds them; a chunk moved elsewhere
   * is analysed again.
   */
  private unchangedChunks(text: string): Map<number, PlacedChunk> {
    const found = new Map<number, PlacedChunk>();
    if (!this.previous) return found;
    const { text: old, chunks } = this.previous;
    let first = 0;
    for (; first < chunks.length; first++) {
      const { start, end } = chunks[first];
      if (end > text.length || !sameText(old, start, end, text, start)) break;
      found.set(start, chunks[first]);
    }
    const unchangedUpTo = first > 0 ? chunks[first - 1].end : 0;
    const delta = text.length - old.length;
    for (let last = chunks.length - 1; last >= first; last--) {
      const { start, end, chunk } = chunks[last];
      if (start < unchangedUpTo || start + delta < unchangedUpTo || !sameText(old, start, end, text, start + delta)) break;
      found.set(start + delta, { start: start + delta, end: end + delta, chunk });
    }
    return found;
  }
}

interface PlacedChunk {
  start: number;
  end: number;
  chunk: Chunk;
}

function sameText(a: string, start: number, end: number, b: string, bStart: number): boolean {
  return a.slice(start, end) === b.slice(bStart, bStart + end - start);
}

/**
 * The facts of the chunks where they start now, shifted on first read of `documents`: when
 * nothing needs them (no finding across files is possible, the server compares keys) a
 * keystroke copies no facts of the chunks after it.
 */
function lazyIndex(chunks: readonly Chunk[]): FileIndex {
  const placed = chunks.map((chunk) => ({ chunk, start: chunk.startsAt }));
  let documents: FileIndex['documents'] | undefined;
  const index = {} as FileIndex;
  Object.defineProperty(index, 'documents', {
    enumerable: true,
    get: () => (documents ??= placed.flatMap(({ chunk, start }) => chunk.indexAt(start).documents)),
  });
  return index;
}

/** The file's parse, its trees shifted into place on first read of `documents`. */
function lazilyParsed(text: string, chunks: readonly Chunk[], skipped: readonly SkippedText[]): ParsedText {
  let documents: AnalysedDocument[] | undefined;
  const parsed = { text, ...(skipped.length > 0 ? { skipped: [...skipped] } : {}) } as ParsedText;
  Object.defineProperty(parsed, 'documents', {
    enumerable: true,
    get: () => (documents ??= chunks.flatMap((c) => c.documents)),
    set: (value: AnalysedDocument[]) => { documents = value; },
  });
  return parsed;
}

/**
 * One document chunk of a file: its parse and findings. The findings follow the chunk at
 * once when it moves; its parse trees are shifted only when something reads them (hover,
 * completion, preview), so a keystroke does not walk the trees of every later document.
 * Like the trees themselves, the shift is shared: the latest lint of the file wins.
 */
class Chunk {
  /** The offset the trees' ranges are valid for; `start` once they have been read. */
  private treesAt: number;
  /** Its findings as analysed: `problems[i]` is `origins[i]` moved to where the chunk now starts. */
  readonly origins: Problem[];
  /** The whole text at the last move, for models rebuilt after it. */
  private text: string;

  private constructor(
    private start: number,
    private readonly analysed: AnalysedDocument[],
    /** Findings before severity overrides, at absolute offsets for `start`. */
    public problems: Problem[],
    readonly machineConfigs: number,
    /** Its documents of a kind we read. */
    readonly recognised: number,
    /** Its MachineConfigPools and the roles they select (FileFacts): facts of the text, so they move with it. */
    readonly pools: number,
    readonly poolRoles: readonly string[],
    /** Its facts for the workspace index, at offsets for `analysedAt`. */
    private readonly facts: FileIndex,
    /** Where it started when analysed: its facts and `origins` are at offsets for it. */
    private readonly analysedAt: number,
    text: string,
  ) {
    this.treesAt = start;
    this.text = text;
    this.origins = problems;
  }

  static analyse(text: string, start: number, end: number, settings: Settings, rules: readonly Rule[], kinds: readonly DocumentKind[], failures: RuleFailure[]): Chunk {
    let documents: AnalysedDocument[] = [];
    try {
      documents = parseChunk(text, start, end, kinds);
    } catch (error) {
      failures.push({ rule: 'parse', error: describeError(error) });
    }
    const machineConfigs = documents.filter((d) => d.machineConfig).length;
    const recognised = documents.filter((d) => d.kind).length;
    // Checked even when this chunk holds no MachineConfig: whether the file is ours (and so
    // whether its syntax errors are reported) depends on the other chunks too.
    let problems: Problem[] = [];
    const capped: CappedRules[] = [];
    for (const analysed of documents) problems.push(...checkDocument(text, analysed, settings, rules, failures, capped));
    // Suppressions are comments of this chunk; judge them on the chunk alone.
    const cappedHere = capped.map((c) => ({ ...c, start: c.start - start, end: c.end - start }));
    problems = shiftProblems(applySuppressions(text.slice(start, end), shiftProblems(problems, -start), cappedHere), start);
    const { pools, poolRoles } = fileFactsOf(documents.map((d) => d.document));
    const facts = indexOf({ text, documents }, failures);
    const chunk = new Chunk(start, documents, problems, machineConfigs, recognised, pools, [...poolRoles], facts, start, text);
    // Findings and facts are known: the models are rebuilt only if something reads them.
    for (const analysed of documents) chunk.lazyModel(analysed);
    return chunk;
  }

  /** Its facts without their positions: equal keys, equal findings across files (up to where they sit). */
  get factsKey(): string {
    return (this.cachedFactsKey ??= JSON.stringify(this.facts.documents, (key, value) => (key === 'range' || key === 'selectorRange' ? undefined : value)));
  }

  private cachedFactsKey: string | undefined;

  /** Its facts for the workspace index, at offsets for the chunk starting at `start` (moved without touching its trees). */
  indexAt(start: number): FileIndex {
    return shiftIndex(this.facts, start - this.analysedAt);
  }

  /** Where it starts in the text of the latest lint that kept it. */
  get startsAt(): number {
    return this.start;
  }

  /** Its names another document could share (sharedNames.ts): facts of its text, wherever it moves. */
  get sharedNames(): SharedNames {
    return (this.cachedSharedNames ??= sharedNamesOf(this.facts.documents));
  }

  private cachedSharedNames: SharedNames | undefined;

  /** The chunk's documents, their ranges valid for where it starts now. */
  get documents(): AnalysedDocument[] {
    const delta = this.start - this.treesAt;
    if (delta !== 0) {
      this.treesAt = this.start;
      for (const analysed of this.analysed) {
        shiftDocument(analysed.document, delta);
        // Models hold offsets too: rebuilt on first use, from the text they now belong to.
        this.lazyModel(analysed);
      }
    }
    return this.analysed;
  }

  /** The same chunk text now starts at `start` of `text`. */
  moveTo(start: number, text: string): void {
    this.text = text;
    const delta = start - this.start;
    if (delta === 0) return;
    this.start = start;
    // From the findings as analysed: the same objects again when the chunk moves back.
    this.problems = start === this.analysedAt ? this.origins : shiftProblems(this.origins, start - this.analysedAt);
  }

  /**
   * Replaces a document's model by one built on first access, from the chunk's text as it is
   * then (the text of the latest lint, which the trees are shifted to): after a shift its
   * offsets are stale, and after the analysis nothing needs it until hover, completion or a
   * preview asks.
   */
  lazyModel(analysed: AnalysedDocument): void {
    const kind = analysed.kind;
    if (!kind) return;
    let rebuilt: AnalysedDocument | undefined;
    const read = () => (rebuilt ??= analyseDocument(analysed.document, this.text, [kind]));
    for (const key of ['model', 'machineConfig', 'ignition'] as const) {
      Object.defineProperty(analysed, key, { configurable: true, enumerable: true, get: () => read()[key] });
    }
  }
}

/** The chunks' findings in one list (a loop: flatMap over 500 chunks of a keystroke is several times slower). */
function problemsOf(chunks: readonly Chunk[]): Problem[] {
  const all: Problem[] = [];
  for (const chunk of chunks) for (const problem of chunk.problems) all.push(problem);
  return all;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * Findings of `before` at their places in `after`, the same text with one region changed:
 * offsets in the common head stay, those in the common tail move by the change in length.
 * Undefined when a finding touches the changed region itself (its place there is unknown).
 */
function moveWithText(problems: Problem[], before: string, after: string): Problem[] | undefined {
  if (before === after) return problems;
  const shortest = Math.min(before.length, after.length);
  let head = 0;
  while (head < shortest && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shortest - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const changedEnd = before.length - tail;
  const delta = after.length - before.length;
  const inside = (offset: number): boolean => offset > head && offset < changedEnd;
  // A start at the change's end begins after it (an insertion there pushes it on); an end there
  // closes before it, unless the change lies wholly before that end.
  const startAt = (offset: number): number => (offset >= changedEnd ? offset + delta : offset);
  const endAt = (offset: number): number => (offset >= changedEnd && offset > head ? offset + delta : offset);
  const moved: Problem[] = [];
  for (const problem of problems) {
    const local = (problem.related ?? []).filter((r) => r.file === undefined);
    if ([problem.start, problem.end, ...local.flatMap((r) => [r.start, r.end])].some(inside)) return undefined;
    moved.push({
      ...problem,
      start: startAt(problem.start),
      end: Math.max(startAt(problem.start), endAt(problem.end)),
      ...(problem.related ? { related: problem.related.map((r) => (r.file === undefined ? { ...r, start: startAt(r.start), end: Math.max(startAt(r.start), endAt(r.end)) } : r)) } : {}),
    });
  }
  return moved;
}
