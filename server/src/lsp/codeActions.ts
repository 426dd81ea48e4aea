/** Quick fixes and "fix all", built from the fixes the core attached to each finding. */
import { CodeAction, CodeActionKind, type CodeActionParams, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { safeFixEdits } from '../core/text/edits';
import type { Problem, TextEdit } from '../core/text/problem';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnosticData';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${DIAGNOSTIC_SOURCE}`;

export function codeActions(params: CodeActionParams, document: TextDocument, currentProblems: () => Problem[]): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const data = diagnostic.data as DiagnosticData | undefined;
      // Fixes are offsets into one version of the text; a stale diagnostic gets none.
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || !data || data.version !== document.version) continue;
      data.fixes?.forEach((fix, index) => {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: index === 0 && fix.safe,
          edit: { changes: { [document.uri]: fix.edits.map((e) => toLspEdit(e, document)) } },
        });
      });
    }
  }

  if (wants(FIX_ALL_KIND) && (only !== undefined || actions.length > 0)) {
    const { edits, fixes } = safeFixEdits(currentProblems());
    if (fixes > 0) {
      actions.push({
        title: `Fix all safe MachineConfig Routes problems (${fixes})`,
        kind: FIX_ALL_KIND,
        edit: { changes: { [document.uri]: edits.map((e) => toLspEdit(e, document)) } },
      });
    }
  }
  return actions;
}

function toLspEdit(edit: TextEdit, document: TextDocument): LspTextEdit {
  return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText };
}
