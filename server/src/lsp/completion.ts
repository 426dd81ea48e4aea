/** Completion: the core's items at the caret, as an LSP CompletionList. */
import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type Connection,
  type InitializeParams,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt } from '../core/ide/completion';
import type { CompletionKind } from '../core/ide/completionItem';
import type { LintResult, ParsedText } from '../core/analysis/lint';
import type { Settings } from '../core/text/settings';
import { guard, type Logger } from './guard';
import { WorkspaceRoles } from './workspaceRoles';

/**
 * Typing one of these asks for completion: `=` starts a unit value, ` ` a YAML value or
 * the next word of a command, `[` a unit section. The core answers a typed space only
 * where a value starts (not for indentation or prose), so they add no noise.
 */
export const COMPLETION_TRIGGER_CHARACTERS = ['=', ' ', '['];

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  section: CompletionItemKind.Module,
  directive: CompletionItemKind.Field,
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
};

export function completionList(document: TextDocument, params: CompletionParams, parsed: ParsedText, settings: Settings, knownRoles: string[]): CompletionList {
  const offset = document.offsetAt(params.position);
  const triggerCharacter = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
  const { items, replaceStart, replaceEnd } = completionsAt(parsed, offset, settings, { knownRoles, triggerCharacter });
  const range = { start: document.positionAt(replaceStart), end: document.positionAt(replaceEnd) };
  return {
    isIncomplete: false,
    items: items.map((item): CompletionItem => ({
      label: item.label,
      kind: KINDS[item.kind],
      ...(item.detail ? { detail: item.detail } : {}),
      ...(item.documentation ? { documentation: { kind: 'markdown', value: item.documentation } } : {}),
      ...(item.sortText ? { sortText: item.sortText } : {}),
      ...(item.filterText ? { filterText: item.filterText } : {}),
      textEdit: { range, newText: item.insertText },
      insertTextFormat: item.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      // The core writes the indentation of every inserted line itself.
      insertTextMode: InsertTextMode.asIs,
    })),
  };
}

export interface CompletionContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: () => Promise<Settings>;
  /** The cached analysis of the document's current version. */
  analysisNow: (document: TextDocument) => Promise<LintResult>;
  isYaml: (document: TextDocument) => boolean;
  log: Logger;
  /** The workspace index, shared with validation (which reads its MachineConfigPools). */
  roles?: WorkspaceRoles;
}

export interface CompletionFeature {
  /** Takes the workspace folders from `initialize` and starts looking for roles there. */
  initialize(params: InitializeParams): void;
}

/** Registers textDocument/completion on the cached parse; roles come from open documents and the workspace folders. */
export function registerCompletion({ connection, documents, settings, analysisNow, isYaml, log, roles = new WorkspaceRoles(log) }: CompletionContext): CompletionFeature {
  connection.onCompletion(guard(log, 'completion', async (params: CompletionParams): Promise<CompletionList | null> => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !isYaml(document)) return null;
    const { parsed } = await analysisNow(document);
    const knownRoles = await roles.roles(documents.all().filter(isYaml), document.uri);
    return completionList(document, params, parsed, await settings(), knownRoles);
  }, () => null));
  return {
    initialize(params) {
      roles.setRoots(params);
      setImmediate(() => void roles.refresh());
    },
  };
}
