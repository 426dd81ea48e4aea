/** Conversion of the core's problems into LSP diagnostics. */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem, Severity } from '../core/text/problem';
import { diagnosticData, DIAGNOSTIC_SOURCE } from './diagnosticData';

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

/** `data` carries the document version and the fixes, for code actions. */
export function toDiagnostic(problem: Problem, document: TextDocument): Diagnostic {
  const start = Math.max(0, problem.start);
  const end = Math.max(start, problem.end);
  const diagnostic: Diagnostic = {
    range: { start: document.positionAt(start), end: document.positionAt(end) },
    severity: toSeverity(problem.severity),
    source: DIAGNOSTIC_SOURCE,
    code: problem.code,
    message: problem.message,
  };
  const data = diagnosticData(problem, document.version);
  if (data) diagnostic.data = data;
  return diagnostic;
}
