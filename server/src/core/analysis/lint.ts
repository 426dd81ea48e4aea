import type { IgnitionConfig, MachineConfigModel } from '../kinds/machineconfig/model';
import { machineConfigKind } from '../kinds/machineconfig/kind';
import type { AppliedState, DocumentKind } from '../kinds/documentKind';
import type { Route } from '../routes/route';
import { DOCUMENT_KINDS, kindOf, type KindOptions } from './kinds';
import type { Problem, RuleFailure, RuleId } from '../text/problem';
import { RULES } from './rules';
import type { FileFacts, Finding, PoolFacts, Rule, RuleContext } from './rules/rule';
import type { Settings } from '../text/settings';
import { applySuppressions, applySuppressionsAcrossFiles } from './suppressions';
import { detachedCopy, splitDocumentChunks } from './chunks';
import { LIMITS, planChunks, withSkipped, type SkippedText } from '../text/limits';
import { isMachineConfigPool, rolesSelectedByPool } from '../kinds/machineconfig/pools';
import { parseYamlDocuments, YamlDocument } from '../text/yamlDocuments';
import { EMPTY_INDEX, factsOfParsed, findingsAcrossFiles, RULES_ACROSS_FILES, type FileIndex, type WorkspaceFacts } from './workspaceIndex';

/** One YAML document of a file, with its kind and model when it is of a kind we read. */
export interface AnalysedDocument {
  document: YamlDocument;
  kind?: DocumentKind;
  model?: unknown;
  /** The model when the document is a MachineConfig. */
  machineConfig?: MachineConfigModel;
  /** The Ignition config the document carries (a MachineConfig's, a Butane config's): its units, files and routes. */
  ignition?: IgnitionConfig;
}

/** The parse of a whole file, kept by the server per document version for hover and completion. */
export interface ParsedText {
  text: string;
  documents: AnalysedDocument[];
  /** Parts of the file not analysed because they pass a design limit (server/src/core/text/limits.ts), each with its finding. */
  skipped?: SkippedText[];
}

export interface LintResult {
  /**
   * The index facts without their positions, one key per document chunk that has facts
   * (IncrementalLinter; kept per chunk, so that comparing them costs no copy of the file's
   * facts): equal keys, equal facts.
   */
  factsKeys?: readonly string[];
  /** The parse the findings were computed on. */
  parsed: ParsedText;
  /** Findings over the whole text, sorted by start offset. */
  problems: Problem[];
  /** Rules that threw; each becomes a log line, the other rules still report. */
  failures: RuleFailure[];
  /** How many YAML documents were recognised as MachineConfigs. */
  machineConfigs: number;
  /** Whether the file holds a document of a kind we read (else it got no findings at all). */
  ours: boolean;
  /** Document chunks left for a later call when IncrementalLinter.lint ran out of its time budget. */
  pending?: number;
  /** The MachineConfigPools of the file (of the chunks analysed so far), for the findings of other files. */
  pools: PoolFacts;
  /** The file's facts for the workspace index (workspaceIndex.ts), for the findings of other files. */
  index: FileIndex;
}

/**
 * text → documents → models. Never throws: a failure leaves no documents and is reported.
 * Each document chunk (cut at `---` lines) is parsed on its own, as IncrementalLinter does:
 * broken YAML then reads the same in the editor and in `mcroutes lint`, and a mistake in
 * one document (an unclosed quote) cannot run on into the next.
 */
export function parseText(text: string, failures: RuleFailure[] = [], kinds: readonly DocumentKind[] = DOCUMENT_KINDS): ParsedText {
  try {
    const plan = planChunks(text, splitDocumentChunks(text));
    const documents = plan.analysed.flatMap(({ start, end }) => parseChunk(text, start, end, kinds));
    return { text, documents, ...(plan.skipped.length > 0 ? { skipped: plan.skipped } : {}) };
  } catch (error) {
    failures.push({ rule: 'parse', error: describeError(error) });
    return { text, documents: [] };
  }
}

/** The YAML documents of text[start, end) (a document chunk), at their offsets in `text`, with their models. */
export function parseChunk(text: string, start: number, end: number, kinds: readonly DocumentKind[] = DOCUMENT_KINDS): AnalysedDocument[] {
  // A copy of the chunk's text: its parse, kept by IncrementalLinter, then holds no version of the whole file.
  return parseYamlDocuments(detachedCopy(text.slice(start, end)), { offset: start }).map((document) => analyseDocument(document, text, kinds));
}

/** The document with its kind and model. */
export function analyseDocument(document: YamlDocument, text: string, kinds: readonly DocumentKind[]): AnalysedDocument {
  const kind = kindOf(document, kinds);
  if (!kind) return { document };
  const model = kind.build(document, text);
  const ignition = kind.ignition?.(model);
  return {
    document,
    kind,
    model,
    ...(kind === machineConfigKind ? { machineConfig: model as MachineConfigModel } : {}),
    ...(ignition ? { ignition } : {}),
  };
}

/**
 * The whole walk: text → documents → model → rules → problems. Never throws. `workspace`:
 * the MachineConfigPools known beyond this file (other files of the workspace or of the run).
 */
export function lintText(text: string, settings: Settings, rules: readonly Rule[] = RULES, workspace?: WorkspaceFacts, options: KindOptions = {}): LintResult {
  const failures: RuleFailure[] = [];
  return lintParsed(parseText(text, failures, options.kinds), settings, rules, failures, workspace);
}

/** The rules over an existing parse. */
export function lintParsed(parsed: ParsedText, settings: Settings, rules: readonly Rule[] = RULES, failures: RuleFailure[] = [], workspace?: WorkspaceFacts): LintResult {
  const { text, documents } = parsed;
  const problems: Problem[] = [];
  const machineConfigs = documents.filter((d) => d.machineConfig).length;
  const facts = fileFactsOf(documents.map((d) => d.document));
  const pools = { pools: facts.pools, poolRoles: facts.poolRoles };
  const index = indexOf(parsed, failures);
  const across = acrossFiles(index, workspace, rules, failures);
  // Other YAML gets nothing from us, not even syntax errors: the YAML extension owns those.
  // A MachineConfigPool is ours only when the pool has a finding.
  if (!isOurs(documents.filter((d) => d.kind).length, parsed.skipped) && across.length === 0) return { parsed, problems, failures, machineConfigs, pools, index, ours: false };

  const capped: CappedRules[] = [];
  for (const analysed of documents) {
    // Not push(...found): spreading each document's findings into the call cost more than the loop.
    for (const problem of checkDocument(text, analysed, settings, rules, failures, capped)) problems.push(problem);
  }
  const settled = settleInFile(applySuppressions(text, problems, capped), withWorkspace(facts, workspace), rules, failures);
  const shown = withConfiguredSeverity(applySuppressionsAcrossFiles(text, withSkipped(settled, parsed.skipped), across), settings);
  shown.sort((a, b) => a.start - b.start || a.end - b.end);
  return { parsed, problems: shown, failures, machineConfigs, pools, index, ours: true };
}

/** The file's facts for the workspace index; a failure leaves none. */
export function indexOf(parsed: ParsedText, failures: RuleFailure[]): FileIndex {
  try {
    return factsOfParsed(parsed);
  } catch (error) {
    failures.push({ rule: 'workspace-index', error: describeError(error) });
    return EMPTY_INDEX;
  }
}

/**
 * The findings the file has with the others (workspaceIndex.ts): its own documents count
 * as a workspace too. Only the rules of `rules` that are asked for (tests pass a few).
 */
export function acrossFiles(index: FileIndex, workspace: WorkspaceFacts | undefined, rules: readonly Rule[], failures: RuleFailure[]): Problem[] {
  if (!rules.some((rule) => RULES_ACROSS_FILES.has(rule.id))) return [];
  try {
    const wanted = new Set(rules.map((rule) => rule.id));
    return (workspace?.findings ?? findingsAcrossFiles(index, workspace?.files ?? [])).filter((p) => wanted.has(p.code));
  } catch (error) {
    failures.push({ rule: 'workspace-index', error: describeError(error) });
    return [];
  }
}

/** Every rule over one document; a rule that throws becomes a failure, the others still report. */
export function checkDocument(
  text: string,
  { document, kind, model, machineConfig }: AnalysedDocument,
  settings: Settings,
  rules: readonly Rule[],
  failures: RuleFailure[],
  /** Receives the rules stopped at LIMITS.findingsPerRule, with the document's range. */
  capped: CappedRules[] = [],
): Problem[] {
  const problems: Problem[] = [];
  // A document that does not parse yields a partial tree: checking it would report
  // consequences ("metadata has no name") of the one real mistake. Syntax first.
  const parses = !hasStructuralErrors(document);
  const stopped = new Set<RuleId>();
  // Read once per document (the kind caches them on the model), not by each rule.
  const ours = parses && kind !== undefined;
  const routes: readonly Route[] = ours ? kind.routes(model) : [];
  const states: readonly AppliedState[] = ours ? kind.states?.(model) ?? [] : [];
  const ignition = ours ? kind.ignition?.(model) : undefined;
  // An install-config says the cluster's ranges itself: they beat the settings' guess.
  const declared = ours ? kind.networks?.(model) : undefined;
  if (declared) settings = { ...settings, ...declared };
  // One context for every rule of the document (a context and a `report` per rule cost more
  // than many rules): `report` files a finding under the rule being run. Frozen, so that no
  // rule can change what the next one sees.
  let current: Rule | undefined;
  let count = 0;
  const context: RuleContext = Object.freeze({
    text,
    settings,
    document,
    kind: ours ? kind : undefined,
    model: ours ? model : undefined,
    routes,
    states,
    machineConfig: parses ? machineConfig : undefined,
    ignition,
    report: (finding: Finding) => {
      const id = current!.id;
      // A rule that caught the stop and went on reporting is not heard again.
      if (stopped.has(id)) return;
      if (count++ < LIMITS.findingsPerRule) {
        problems.push(toProblem(id, finding));
        return;
      }
      problems.push(tooManyFindings(id, finding));
      stopped.add(id);
      throw STOP_RULE;
    },
  });
  for (const rule of rules) {
    current = rule;
    count = 0;
    try {
      rule.check(context);
    } catch (error) {
      if (error !== STOP_RULE) failures.push({ rule: rule.id, error: describeError(error) });
    }
  }
  current = undefined;
  if (stopped.size > 0) capped.push({ start: document.range[0], end: document.range[2], rules: stopped });
  return problems;
}

/** Rules stopped at their limit of findings in the document at [start, end). */
export interface CappedRules {
  start: number;
  end: number;
  rules: ReadonlySet<RuleId>;
}

/** Thrown through a rule that reported its limit of findings: the rest would not be shown. */
const STOP_RULE = Symbol('stop-rule');

function tooManyFindings(code: RuleId, next: Finding): Problem {
  return {
    code,
    severity: 'info',
    message: `${code} has more findings in this document than the ${LIMITS.findingsPerRule} shown: fix these first.`,
    start: next.range.start,
    end: next.range.end,
    data: { limit: 'findings-per-rule', max: LIMITS.findingsPerRule },
  };
}

/** What the documents of a file say that findings in other documents depend on. */
export function fileFactsOf(documents: Iterable<YamlDocument>): FileFacts {
  const poolRoles = new Set<string>();
  let pools = 0;
  for (const document of documents) {
    if (!isMachineConfigPool(document)) continue;
    pools++;
    for (const role of rolesSelectedByPool(document)) poolRoles.add(role);
  }
  return { pools, poolRoles };
}

/** The MachineConfigPools of several files together (the workspace beyond one file). */
export function mergePoolFacts(each: Iterable<{ pools: number; poolRoles: Iterable<string> }>): PoolFacts {
  let pools = 0;
  const poolRoles = new Set<string>();
  for (const facts of each) {
    pools += facts.pools;
    for (const role of facts.poolRoles) poolRoles.add(role);
  }
  return { pools, poolRoles };
}

/** The file's facts with what is known beyond it; none known is the same as nothing given. */
export function withWorkspace(file: PoolFacts, workspace: PoolFacts | undefined): FileFacts {
  return { pools: file.pools, poolRoles: file.poolRoles, ...(workspace && workspace.pools > 0 ? { workspace } : {}) };
}

/** Drops the findings another document of the file answers (Rule.holdsInFile), and lets rules restate theirs (Rule.settleInFile). */
export function settleInFile(problems: Problem[], file: FileFacts, rules: readonly Rule[], failures: RuleFailure[]): Problem[] {
  const judges = new Map<string, Rule>();
  for (const rule of rules) if (rule.holdsInFile || rule.settleInFile || rule.oncePerFile) judges.set(rule.id, rule);
  if (judges.size === 0) return problems;
  const settled: Problem[] = [];
  const first = new Map<string, Problem>();
  for (const problem of problems) {
    const rule = judges.get(problem.code);
    if (!rule) {
      settled.push(problem);
      continue;
    }
    if (rule.oncePerFile) {
      const before = first.get(rule.id);
      if (!before || problem.start < before.start) first.set(rule.id, problem);
      continue;
    }
    try {
      if (rule.holdsInFile && !rule.holdsInFile(problem, file)) continue;
      const restated = rule.settleInFile ? rule.settleInFile(problem, file) : problem;
      if (restated) settled.push(restated);
    } catch (error) {
      failures.push({ rule: rule.id, error: describeError(error) });
      settled.push(problem);
    }
  }
  settled.push(...first.values());
  return settled;
}

/** A file is ours when it holds a document of a kind we read (an analysed one), or a MachineConfig in a part skipped for a limit. */
export function isOurs(recognised: number, skipped: readonly SkippedText[] | undefined): boolean {
  return recognised > 0 || (skipped?.some((s) => s.machineConfig) ?? false);
}

/** Errors that break the tree; a duplicate key leaves it whole. */
export function hasStructuralErrors(document: YamlDocument): boolean {
  return document.errors.some((error) => error.code !== 'DUPLICATE_KEY');
}

/**
 * `mcroutes.rules`: a rule set to `off` is dropped, any other level replaces the rule's own.
 * `copied` hears of each finding given another level, with the finding it was copied from.
 */
export function withConfiguredSeverity(problems: Problem[], settings: Settings, copied?: (copy: Problem, original: Problem) => void): Problem[] {
  const levels = settings.rules ?? {};
  if (Object.keys(levels).length === 0) return problems;
  const result: Problem[] = [];
  for (const problem of problems) {
    const level = levels[problem.code];
    if (level === 'off') continue;
    if (!level) {
      result.push(problem);
      continue;
    }
    const copy = { ...problem, severity: level };
    copied?.(copy, problem);
    result.push(copy);
  }
  return result;
}

function toProblem(code: RuleId, { severity, message, range, data, fixes }: Finding): Problem {
  return { code, severity, message, start: range.start, end: range.end, ...(data ? { data } : {}), ...(fixes?.length ? { fixes } : {}) };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}
