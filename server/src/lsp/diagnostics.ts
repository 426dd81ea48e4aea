/** Conversion of the core's problems into LSP diagnostics. */
import { Diagnostic, DiagnosticSeverity, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem, RelatedLocation, Severity } from '../core/text/problem';
import { diagnosticData, DIAGNOSTIC_SOURCE } from './diagnosticData';
import type { RuleLinks } from './ruleLinks';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toSeverity(severity: Severity): DiagnosticSeverity {
  // An unknown severity from a buggy rule must not turn every finding into an error.
  return SEVERITIES[severity] ?? DiagnosticSeverity.Warning;
}

/** Where a related location of another file is, as a range of that file (undefined when it is no longer known). */
export type RangeInFile = (file: string, start: number, end: number) => Range | undefined;

/**
 * `data` carries the document version and the fixes, for code actions. A problem's related
 * locations become relatedInformation: in the document itself, or in another file that
 * `rangeIn` knows (the workspace index names files by URI). With `links`, the code links to
 * the rule's documentation (`codeDescription`, one shared object per rule id).
 */
export function toDiagnostic(problem: Problem, document: TextDocument, rangeIn?: RangeInFile, links?: RuleLinks): Diagnostic {
  const start = Math.max(0, problem.start);
  const end = Math.max(start, problem.end);
  const diagnostic: Diagnostic = {
    range: { start: document.positionAt(start), end: document.positionAt(end) },
    severity: toSeverity(problem.severity),
    source: DIAGNOSTIC_SOURCE,
    code: problem.code,
    message: problem.message,
  };
  const description = links?.codeDescription(problem.code);
  if (description) diagnostic.codeDescription = description;
  const data = diagnosticData(problem, document.version);
  if (data) diagnostic.data = data;
  const related = (problem.related ?? []).flatMap((r) => relatedInformation(r, document, rangeIn));
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

function relatedInformation(related: RelatedLocation, document: TextDocument, rangeIn: RangeInFile | undefined): DiagnosticRelatedInformation[] {
  if (related.file === undefined || related.file === document.uri) {
    return [{ location: { uri: document.uri, range: { start: document.positionAt(related.start), end: document.positionAt(related.end) } }, message: related.message }];
  }
  const range = rangeIn?.(related.file, related.start, related.end);
  return range ? [{ location: { uri: related.file, range }, message: related.message }] : [];
}
