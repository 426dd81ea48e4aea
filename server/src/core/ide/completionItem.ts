/** One completion as the core offers it (the language server turns it into LSP's). */
export type CompletionKind = 'key' | 'value' | 'section' | 'directive' | 'keyword' | 'snippet';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** The text that replaces [replaceStart, replaceEnd); snippet syntax when isSnippet. */
  insertText: string;
  isSnippet?: boolean;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText?: string;
  /** What the typed text is matched against, when not the label. */
  filterText?: string;
}
