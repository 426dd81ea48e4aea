/** Quick fixes, suppressions and "fix all", built from the fixes the core attached to each finding. */
import { CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedText } from '../core/analysis/lint';
import { suppressionFix } from '../core/ide/suppress';
import { safeFixEdits, type SafeFixes } from '../core/text/edits';
import type { Fix, Problem, TextEdit } from '../core/text/problem';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnosticData';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${DIAGNOSTIC_SOURCE}`;

/** The analysis of the document's current version: its findings and its parse. */
export interface CurrentAnalysis {
  problems: Problem[];
  parsed: ParsedText;
}

/**
 * For the diagnostics of the request: their fixes (the first safe one preferred), then
 * "Suppress RULE on this line" for each, then "Fix all safe problems" when the file has a
 * safe fix; and the source.fixAll action. A diagnostic of an older version of the text
 * gets nothing: the edits are offsets into the current one.
 */
export function codeActions(params: CodeActionParams, document: TextDocument, analysis: CurrentAnalysis): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  let safe: SafeFixes<Problem> | undefined;
  const safeFixes = () => (safe ??= safeFixEdits(analysis.problems));

  if (wants(CodeActionKind.QuickFix)) {
    const suppressions: CodeAction[] = [];
    let current = 0;
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const data = diagnostic.data as DiagnosticData | undefined;
      // Fixes are offsets into the version their data names: of another version, they would edit the wrong text.
      if (data?.fixes && data.version !== document.version) continue;
      // Without fixes the diagnostic carries no version: it is current when the analysis still has it.
      const problem = findingOf(diagnostic, document, analysis.problems);
      if (!data?.fixes && !problem) continue;
      current++;
      data?.fixes?.forEach((fix, index) => actions.push(quickFix(fix, diagnostic, document, index === 0 && fix.safe)));
      const suppression = problem ? suppressionFix(analysis.parsed, problem) : undefined;
      if (suppression) suppressions.push(quickFix(suppression, diagnostic, document, false));
    }
    actions.push(...suppressions);
    if (current > 0 && safeFixes().fixes > 0) {
      // No diagnostics of its own: editors list it after the actions of the diagnostic at hand.
      actions.push({ title: `Fix all safe problems (${safeFixes().fixes})`, kind: CodeActionKind.QuickFix, edit: editOf(safeFixes().edits, document) });
    }
  }

  if (wants(FIX_ALL_KIND) && (only !== undefined || actions.length > 0) && safeFixes().fixes > 0) {
    actions.push({ title: `Fix all safe MachineConfig Routes problems (${safeFixes().fixes})`, kind: FIX_ALL_KIND, edit: editOf(safeFixes().edits, document) });
  }
  return actions;
}

function quickFix(fix: Fix, diagnostic: Diagnostic, document: TextDocument, isPreferred: boolean): CodeAction {
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: editOf(fix.edits, document) };
}

/** The finding of the current analysis a diagnostic shows: same rule, place and message. */
function findingOf(diagnostic: Diagnostic, document: TextDocument, problems: readonly Problem[]): Problem | undefined {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return problems.find((p) => p.code === diagnostic.code && Math.max(0, p.start) === start && Math.max(start, p.end) === end && p.message === diagnostic.message);
}

function editOf(edits: readonly TextEdit[], document: TextDocument) {
  return { changes: { [document.uri]: edits.map((e) => toLspEdit(e, document)) } };
}

function toLspEdit(edit: TextEdit, document: TextDocument): LspTextEdit {
  return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText };
}
