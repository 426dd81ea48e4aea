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
 * made again for the new version (the fixes' offsets refer to it), and its JSON
 * (diagnosticsJson.ts) while only range and version changed. What comes out equals
 * toDiagnostic's conversion of the same findings (test/protocol/keystroke.test.ts).
 */
import type { Diagnostic, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../core/text/problem';
import { diagnosticData, type DiagnosticData } from './diagnosticData';
import { toDiagnostic, type RangeInFile } from './diagnostics';
import { noteConverted, type ConvertedDiagnostic } from './diagnosticsJson';
import type { RuleLinks } from './ruleLinks';

/** What a finding was when its text was analysed (IncrementalLinter.originOf): itself, or the same finding before its unchanged text moved. */
export type OriginOf = (problem: Problem) => Problem;

/** A finding's diagnostic, and where the finding started when it was made. */
interface Kept extends ConvertedDiagnostic {
  start: number;
}

export class PublishedDiagnostics {
  /** The last conversion, by the origin of each finding. */
  private byOrigin = new Map<Problem, Kept>();
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
    const converted = new Map<Problem, Kept>();
    const list: Kept[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const problem of problems) {
      const origin = originOf(problem);
      const kept = this.kept(problem, this.byOrigin.get(origin), document) ?? { diagnostic: toDiagnostic(problem, document, rangeIn, links), start: problem.start };
      converted.set(origin, kept);
      list.push(kept);
      diagnostics.push(kept.diagnostic);
    }
    this.byOrigin = converted;
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

  /** The diagnostic `before` made of the same finding, valid for `problem` in `document` now; undefined when it must be made afresh. */
  private kept(problem: Problem, before: Kept | undefined, document: TextDocument): Kept | undefined {
    // Related locations may lie in other chunks or files, which move on their own.
    if (!before || problem.related) return undefined;
    const { diagnostic: old, json } = before;
    // The finding's text is unchanged and starts a whole number of lines away from where it
    // was (a chunk starts at the start of a line, and lines may come or go before a chunk
    // that did not move): its start says by how many.
    const start = document.positionAt(Math.max(0, problem.start));
    if (start.character !== old.range.start.character) return undefined;
    const lines = start.line - old.range.start.line;
    const range = lines === 0 ? old.range : shiftLines(old.range, lines);
    // `data` names the version the fixes' offsets refer to. At the same offsets (or without
    // fixes) it needs only the version changed, and the JSON holds.
    const dataBefore = old.data as DiagnosticData | undefined;
    const sameData = problem.start === before.start || !problem.fixes;
    const data = !dataBefore || (sameData && dataBefore.version === document.version) ? dataBefore : diagnosticData(problem, document.version);
    const keptJson = !dataBefore || sameData ? json : undefined;
    let diagnostic = old;
    if (range !== old.range || data !== dataBefore) {
      // Object.assign, not a spread: several times faster for objects of several shapes (diagnosticData.ts).
      diagnostic = Object.assign({}, old);
      diagnostic.range = range;
      if (data) diagnostic.data = data;
    }
    if (diagnostic === old && problem.start === before.start) return before;
    const kept: Kept = { diagnostic, start: problem.start };
    if (keptJson) kept.json = keptJson;
    return kept;
  }
}

function shiftLines(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}
