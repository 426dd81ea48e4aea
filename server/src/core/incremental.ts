import { visit, type Node } from 'yaml';
import { checkDocument, describeError, isOurs, withConfiguredSeverity, type AnalysedDocument, type LintResult, type ParsedText } from './lint';
import { buildMachineConfig, type MachineConfigModel } from './model';
import type { Problem, RuleFailure, TextEdit } from './problem';
import { RULES } from './rules';
import type { Rule } from './rules/rule';
import type { Settings } from './settings';
import { planChunks } from './limits';
import { applySuppressions } from './suppressions';
import { parseYamlDocuments, type YamlDocument } from './yamlDocuments';

/**
 * Re-analysis that costs the edited YAML document, not the file. The text is cut into
 * document chunks at `---` lines (which can only be document markers); a chunk whose text
 * is unchanged keeps its parse and findings, shifted to where it now starts. Its model is
 * rebuilt only when something asks for it (hover, completion, preview).
 */
export class IncrementalLinter {
  private chunks = new Map<string, Chunk[]>();
  private settingsKey = '';

  constructor(private readonly rules: readonly Rule[] = RULES) {}

  /**
   * With a `budget`, chunks not yet analysed when `performance.now()` passes `until` are
   * left out (counted in `pending`; at least one is analysed per call): the server
   * publishes what it has and calls again, so a huge file never blocks it for long.
   */
  lint(text: string, settings: Settings, budget?: { until: number }): LintResult {
    const key = JSON.stringify(settings);
    if (key !== this.settingsKey) {
      this.chunks.clear();
      this.settingsKey = key;
    }
    const failures: RuleFailure[] = [];
    const next = new Map<string, Chunk[]>();
    const current: Chunk[] = [];
    // Design limits (limits.ts): chunks analysed before are known to be within them.
    const plan = planChunks(text, splitDocumentChunks(text), (start, end) => this.chunks.has(text.slice(start, end)));
    let pending = 0;
    let fresh = 0;
    for (const { start, end } of plan.analysed) {
      const chunkText = text.slice(start, end);
      const reusable = this.chunks.get(chunkText);
      let chunk = reusable?.shift();
      if (chunk) chunk.moveTo(start, text);
      else if (budget && fresh > 0 && performance.now() > budget.until) {
        pending++;
        continue;
      } else {
        chunk = Chunk.analyse(chunkText, start, text, settings, this.rules, failures);
        fresh++;
      }
      current.push(chunk);
      const list = next.get(chunkText);
      if (list) list.push(chunk);
      else next.set(chunkText, [chunk]);
    }
    this.chunks = next;

    const documents = current.flatMap((c) => c.documents);
    const machineConfigs = current.reduce((n, c) => n + c.machineConfigs, 0);
    const parsed: ParsedText = { text, documents, ...(plan.skipped.length > 0 ? { skipped: plan.skipped } : {}) };
    const more = pending > 0 ? { pending } : {};
    // Other YAML gets nothing from us (as in lintParsed).
    if (!isOurs(machineConfigs, plan.skipped)) return { parsed, problems: [], failures, machineConfigs, ...more };
    const problems = withConfiguredSeverity([...current.flatMap((c) => c.problems), ...plan.skipped.map((s) => s.problem)], settings);
    problems.sort((a, b) => a.start - b.start || a.end - b.end);
    return { parsed, problems, failures, machineConfigs, ...more };
  }
}

/** One document chunk of a file: its parse and findings, valid at offset `start`. */
class Chunk {
  private constructor(
    private start: number,
    readonly documents: AnalysedDocument[],
    /** Findings before severity overrides, at absolute offsets for `start`. */
    public problems: Problem[],
    readonly machineConfigs: number,
  ) {}

  static analyse(chunkText: string, start: number, text: string, settings: Settings, rules: readonly Rule[], failures: RuleFailure[]): Chunk {
    let yamlDocuments: YamlDocument[] = [];
    try {
      yamlDocuments = parseYamlDocuments(chunkText);
    } catch (error) {
      failures.push({ rule: 'parse', error: describeError(error) });
    }
    const documents: AnalysedDocument[] = [];
    for (const document of yamlDocuments) {
      shiftDocument(document, start);
      documents.push({ document, machineConfig: buildMachineConfig(document, text) });
    }
    const machineConfigs = documents.filter((d) => d.machineConfig).length;
    // Checked even when this chunk holds no MachineConfig: whether the file is ours (and so
    // whether its syntax errors are reported) depends on the other chunks too.
    let problems: Problem[] = [];
    for (const analysed of documents) problems.push(...checkDocument(text, analysed, settings, rules, failures));
    // Suppressions are comments of this chunk; judge them on the chunk alone.
    problems = shiftProblems(applySuppressions(chunkText, shiftProblems(problems, -start)), start);
    return new Chunk(start, documents, problems, machineConfigs);
  }

  /** The same chunk text now starts at `start`: shift the parse and the findings, rebuild models lazily. */
  moveTo(start: number, text: string): void {
    const delta = start - this.start;
    if (delta === 0) return;
    this.start = start;
    this.problems = shiftProblems(this.problems, delta);
    for (const analysed of this.documents) {
      shiftDocument(analysed.document, delta);
      if (analysed.machineConfig) lazyModel(analysed, text);
    }
  }
}

/** Replaces a document's model by one built on first access (its offsets are stale after a shift). */
function lazyModel(analysed: AnalysedDocument, text: string): void {
  let model: MachineConfigModel | undefined;
  let built = false;
  Object.defineProperty(analysed, 'machineConfig', {
    configurable: true,
    enumerable: true,
    get() {
      if (!built) {
        model = buildMachineConfig(analysed.document, text);
        built = true;
      }
      return model;
    },
  });
}

/** Moves every offset of a parsed document by `delta` (the parse of a chunk starts at 0). */
export function shiftDocument(document: YamlDocument, delta: number): void {
  if (delta === 0) return;
  const seen = new Set<Node>();
  visit(document, {
    Node(_, node) {
      if (seen.has(node)) return;
      seen.add(node);
      if (node.range) node.range = [node.range[0] + delta, node.range[1] + delta, node.range[2] + delta];
    },
  });
  const range = document.range;
  document.range = [range[0] + delta, range[1] + delta, range[2] + delta];
  for (const issue of [...document.errors, ...document.warnings]) issue.pos = [issue.pos[0] + delta, issue.pos[1] + delta];
}

function shiftProblems(problems: Problem[], delta: number): Problem[] {
  if (delta === 0) return problems;
  const move = (edit: TextEdit): TextEdit => ({ ...edit, start: edit.start + delta, end: edit.end + delta });
  return problems.map((p) => ({
    ...p,
    start: p.start + delta,
    end: p.end + delta,
    ...(p.fixes ? { fixes: p.fixes.map((f) => ({ ...f, edits: f.edits.map(move) })) } : {}),
  }));
}

/**
 * Cuts a file into document chunks. A line starting with `---` (followed by a space, a
 * tab or the end of the line) is always a document start in YAML; `%` directive lines
 * right before it belong to the document they introduce.
 */
export function splitDocumentChunks(text: string): { start: number; end: number }[] {
  const starts = [0];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    let at = m.index;
    // Pull preceding directive lines into this chunk.
    for (;;) {
      const previousLineStart = text.lastIndexOf('\n', at - 2) + 1;
      if (at === 0 || text[previousLineStart] !== '%') break;
      at = previousLineStart;
    }
    if (at > starts[starts.length - 1]) starts.push(at);
  }
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : text.length }));
}
