/**
 * The snippet library (snippetLibrary.ts) in the completion list, only where a snippet fits:
 * a whole manifest where a new YAML document can begin (an empty document, or column 0 of a
 * document that has nothing but comments yet, also after `---`), the systemd.units entry where
 * an item of `units:` begins. Elsewhere (under `metadata:`, in `labels:`) none is offered.
 */
import type { DocumentLines, YamlKeyContext } from './completionContext';
import type { CompletionItem } from './completionItem';
import { SNIPPET_LIBRARY, type LibrarySnippet } from './snippetLibrary';

/** The word at the caret when a new manifest can begin there: what the chosen snippet replaces. */
export function manifestStartAt(region: DocumentLines, offset: number): { replaceStart: number; replaceEnd: number } | undefined {
  const { lines, caretLine } = region;
  const caret = lines[caretLine];
  const column = offset - caret.start;
  if (column < 0 || column > caret.text.length) return undefined;
  const before = caret.text.slice(0, column);
  const after = caret.text.slice(column);
  if (!/^[A-Za-z0-9_-]*$/.test(before)) return undefined;
  const rest = /^[A-Za-z0-9_-]*/.exec(after)![0];
  if (after.slice(rest.length).trim() !== '') return undefined;
  // A key, a list or a scalar already written makes this a document under way: its own keys are offered instead.
  if (lines.some((line, i) => i !== caretLine && !/^\s*(#.*)?$/.test(line.text))) return undefined;
  return { replaceStart: offset - before.length, replaceEnd: offset + rest.length };
}

/** Every whole-manifest snippet, one item per prefix (as VS Code lists a snippet's prefixes). */
export function manifestSnippets(): CompletionItem[] {
  return itemsOf(SNIPPET_LIBRARY.filter((s) => s.place === 'manifest'), (snippet) => snippet.body.join('\n'));
}

/** Paths of the `units` lists: a MachineConfig's, and a Butane config's at its top level. */
const UNIT_LISTS: readonly (readonly string[])[] = [['spec', 'config', 'systemd', 'units'], ['systemd', 'units']];

/**
 * The systemd.units entry where an item of `units:` begins: after a `- ` that has no key yet,
 * or on a line of the list without one (then the entry brings its own `- `). `lineStart`: the
 * offset of the caret's line in the text.
 */
export function unitEntrySnippets(context: YamlKeyContext, text: string, lineStart: number): CompletionItem[] {
  const path = context.parentPath;
  const inItem = typeof path[path.length - 1] === 'number' && isUnitList(path.slice(0, -1));
  const inList = isUnitList(path);
  if (context.hasColon || (!inItem && !inList)) return [];
  if (inItem && (!context.afterDash || context.siblings.size > 0)) return [];
  const before = text.slice(lineStart, context.replaceStart);
  // The entry's lines are written relative to its `- `.
  const dash = inItem ? before.lastIndexOf('-') : context.column;
  if (dash < 0) return [];
  const indent = ' '.repeat(dash);
  return itemsOf(SNIPPET_LIBRARY.filter((s) => s.place === 'unit-entry'), (snippet) => snippet.body
    .map((line, i) => (i === 0 ? (inItem ? line.replace(/^- /, '') : line) : line === '' ? '' : indent + line))
    .join('\n'));
}

function isUnitList(path: readonly (string | number)[]): boolean {
  return UNIT_LISTS.some((list) => list.length === path.length && list.every((key, i) => key === path[i]));
}

function itemsOf(snippets: readonly LibrarySnippet[], insert: (snippet: LibrarySnippet) => string): CompletionItem[] {
  return snippets.flatMap((snippet, i) => snippet.prefixes.map((prefix, j) => ({
    label: prefix,
    kind: 'snippet' as const,
    insertText: insert(snippet),
    isSnippet: true,
    detail: snippet.title,
    documentation: snippet.description,
    // After the keys of the place: a snippet is the bigger step.
    sortText: `~${String(i).padStart(3, '0')}${j}`,
  })));
}
