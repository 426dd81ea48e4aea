/**
 * The diagnostics of one open document's last conversion, by the findings they were
 * converted from, so that the next publish converts and serialises only what changed. LSP
 * replaces a document's diagnostics as a whole: a keystroke in a file of 500 MachineConfigs
 * publishes its 4,224 findings again.
 *
 * Findings are known by their origin (IncrementalLinter.originOf): the finding as its
 * document chunk's analysis found it, the same object through every later lint that keeps
 * the chunk, wherever its unchanged text moves. A finding whose origin the last conversion
 * had keeps its diagnostic, its lines shifted when the chunk moved by whole lines, its `data`
 * made again for the new version when it has fixes (their offsets refer to it), and its JSON
 * (diagnosticsJson.ts) while only range and version changed. What comes out equals
 * toDiagnostic's conversion of the same findings (test/protocol/keystroke.test.ts).
 */
import type { Diagnostic, Position, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../core/text/problem';
import { diagnosticData, type DiagnosticData } from './diagnosticData';
import { toDiagnostic, type RangeInFile } from './diagnostics';
import { noteConverted, type ConvertedDiagnostic } from './diagnosticsJson';
import type { RuleLinks } from './ruleLinks';

/** What a finding was when its text was analysed (IncrementalLinter.originOf): itself, or the same finding before its unchanged text moved. */
export type OriginOf = (problem: Problem) => Problem;

/**
 * A finding's diagnostic, where the finding started when it was made, and the last
 * conversion that had it. Kept across conversions and updated in place: a keystroke in a
 * large file re-publishes thousands of them, and what each one allocates is garbage to
 * collect.
 */
interface Kept extends ConvertedDiagnostic {
  start: number;
  conversion: number;
}

export class PublishedDiagnostics {
  /** The diagnostics of the last conversions, by the origin of each finding. */
  private readonly byOrigin = new Map<Problem, Kept>();
  /** Counts conversions. */
  private conversion = 0;
  /** The links the kept diagnostics were made with. */
  private links: RuleLinks | undefined;
  /** The last publish: its version and diagnostics. */
  private last: { version: number; diagnostics: Diagnostic[] } | undefined;

  /**
   * The diagnostics of `problems` for `document` as it is now, reusing what the last
   * conversion made where it still holds. Their JSON is joined from kept parts when they
   * are published as they are (diagnosticsJson.ts).
   */
  convert(problems: readonly Problem[], document: TextDocument, originOf: OriginOf, rangeIn?: RangeInFile, links?: RuleLinks): Diagnostic[] {
    if (links !== this.links) {
      this.byOrigin.clear();
      this.links = links;
    }
    const conversion = ++this.conversion;
    const list: Kept[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const problem of problems) {
      const origin = originOf(problem);
      let kept = this.byOrigin.get(origin);
      // Twice in one list (never from the linter): the second is made apart.
      if (kept?.conversion === conversion) kept = { diagnostic: toDiagnostic(problem, document, rangeIn, links), start: problem.start, conversion };
      else if (kept) this.update(kept, problem, document, rangeIn, links);
      else this.byOrigin.set(origin, (kept = { diagnostic: toDiagnostic(problem, document, rangeIn, links), start: problem.start, conversion }));
      kept.conversion = conversion;
      list.push(kept);
      diagnostics.push(kept.diagnostic);
    }
    // Findings gone since (their chunk analysed again, or removed): forgotten.
    if (this.byOrigin.size > problems.length) {
      for (const [origin, kept] of this.byOrigin) if (kept.conversion !== conversion) this.byOrigin.delete(origin);
    }
    noteConverted(diagnostics, list);
    return diagnostics;
  }

  /**
   * Whether `diagnostics` for `version` are what was last published (same version, the same
   * diagnostics in the same order): a document analysed again because another file changed
   * publishes only when its findings did. Kept diagnostics are the same objects, so this
   * serialises only what was converted afresh.
   */
  unchanged(version: number, diagnostics: readonly Diagnostic[]): boolean {
    const last = this.last;
    if (!last || last.version !== version || last.diagnostics.length !== diagnostics.length) return false;
    return diagnostics.every((d, i) => d === last.diagnostics[i] || JSON.stringify(d) === JSON.stringify(last.diagnostics[i]));
  }

  /** Notes what was published. */
  published(version: number, diagnostics: Diagnostic[]): void {
    this.last = { version, diagnostics };
  }

  /** `kept`, the diagnostic of the same finding, made valid for `problem` in `document` now: kept where it holds, else made afresh. */
  private update(kept: Kept, problem: Problem, document: TextDocument, rangeIn: RangeInFile | undefined, links: RuleLinks | undefined): void {
    const old = kept.diagnostic;
    // The finding's text is unchanged and starts a whole number of lines away from where it
    // was (a chunk starts at the start of a line, and lines may come or go before a chunk
    // that did not move): its start says by how many. Related locations may lie in other
    // chunks or files, which move on their own: such a finding is made afresh.
    const offset = Math.max(0, problem.start);
    const start = problem.related ? undefined : isAt(document, old.range.start, offset) ? old.range.start : document.positionAt(offset);
    if (!start || start.character !== old.range.start.character) {
      kept.diagnostic = toDiagnostic(problem, document, rangeIn, links);
      kept.start = problem.start;
      kept.json = undefined;
      return;
    }
    const lines = start.line - old.range.start.line;
    const range = lines === 0 ? old.range : shiftLines(old.range, lines);
    // `data` with fixes names the version their offsets refer to: at the same offsets it needs
    // only the version changed, and the JSON holds. Data without fixes names no version and
    // holds as it is.
    const dataBefore = old.data as DiagnosticData | undefined;
    const fixesMoved = problem.fixes !== undefined && problem.start !== kept.start;
    const current = dataBefore?.fixes === undefined || dataBefore.version === document.version;
    const data = !dataBefore || (!fixesMoved && current) ? dataBefore : diagnosticData(problem, document.version);
    if (dataBefore && fixesMoved) kept.json = undefined;
    if (range !== old.range || data !== dataBefore) kept.diagnostic = remade(old, range, data);
    kept.start = problem.start;
  }
}

/**
 * Whether `position` is where `offset` is in `document`, without clamping to the end of its
 * line: two look-ups of line starts, where positionAt searches all lines (most findings of a
 * keystroke stay on their lines).
 */
function isAt(document: TextDocument, position: Position, offset: number): boolean {
  return document.offsetAt(position) === offset && document.offsetAt({ line: position.line, character: 0 }) + position.character === offset;
}

/**
 * `old` with another range and data: the keys of toDiagnostic's diagnostics in its order
 * (one without related locations), set one by one, which V8 does faster than a copy.
 */
function remade(old: Diagnostic, range: Range, data: DiagnosticData | undefined): Diagnostic {
  const diagnostic: Diagnostic = { range, severity: old.severity, source: old.source, code: old.code, message: old.message };
  if (old.codeDescription) diagnostic.codeDescription = old.codeDescription;
  if (data) diagnostic.data = data;
  return diagnostic;
}

function shiftLines(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}
