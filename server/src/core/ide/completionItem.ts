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

/** Values offered for a YAML scalar, in the order given, quoted as the caret's value is (`quote`). */
export function valueItems(values: readonly { value: string; detail?: string; documentation?: string }[], quote: string | undefined): CompletionItem[] {
  return values.map(({ value, detail, documentation }, i) => {
    const quoted = quote ? `${quote}${value}${quote}` : value;
    return {
      label: value,
      kind: 'value' as const,
      insertText: quoted,
      ...(quote ? { filterText: quoted } : {}),
      ...(detail ? { detail } : {}),
      ...(documentation ? { documentation } : {}),
      sortText: String(i).padStart(3, '0'),
    };
  });
}
