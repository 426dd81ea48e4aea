import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { EmbeddedText } from './embeddedText';
import type { Fix, TextEdit } from './problem';

/**
 * Edits that fixes are made of. Each touches only the characters it must and keeps the
 * surrounding YAML valid: a removed key takes its whole line, a line added to an
 * embedded unit gets the block scalar's indentation (or is escaped in a quoted one).
 * Where an edit cannot be written safely it returns undefined and the fix is not offered.
 */

export function replaceEdit(start: number, end: number, newText: string): TextEdit {
  return { start, end, newText };
}

/** Removes `pair` from `map`: the whole line(s) of a block mapping, or the item and one comma of a flow mapping. */
export function removePairEdit(text: string, map: YAMLMap, pair: Pair<Scalar, Node | null>): TextEdit | undefined {
  const keyStart = pair.key.range?.[0];
  if (keyStart === undefined) return undefined;
  const valueEnd = pair.value?.range?.[1] ?? pair.key.range?.[1];
  if (valueEnd === undefined) return undefined;

  if (map.flow) {
    let start = keyStart;
    let end = valueEnd;
    const after = /^\s*,\s*/.exec(text.slice(end));
    if (after) end += after[0].length;
    else {
      const before = /,\s*$/.exec(text.slice(0, start));
      if (before) start -= before[0].length;
    }
    return { start, end, newText: '' };
  }

  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  // A key that shares its line with a sequence dash (`- name: x`) cannot take the line.
  if (text.slice(lineStart, keyStart).trim() !== '') return undefined;
  if (map.items.length === 1 && map.items[0] === pair) return undefined;
  let end = text.indexOf('\n', Math.max(valueEnd, pair.value?.range?.[2] ?? valueEnd) - 1);
  end = end < 0 ? text.length : end + 1;
  // The value's end can sit at the start of the next line (block scalars, nested maps).
  if (pair.value?.range && pair.value.range[2] > end) end = pair.value.range[2];
  return { start: lineStart, end, newText: '' };
}

/**
 * Replaces the characters of `embedded` (a word of a unit, a route destination) with
 * `newText`, when the file holds exactly those characters (no escapes, no percent-encoding
 * in between) and `newText` needs no quoting in any YAML scalar style.
 */
export function replaceVerbatimEdit(text: string, embedded: EmbeddedText, newText: string): TextEdit | undefined {
  if (!embedded.exact || embedded.length === 0 || !/^[A-Za-z0-9_./+=:-]*$/.test(newText)) return undefined;
  const { start, end } = embedded.rangeOf();
  if (text.slice(start, end) !== embedded.value) return undefined;
  return { start, end, newText };
}

/**
 * Applies non-overlapping edits to a text (later offsets first, so earlier ones stay valid).
 * Insertions at one offset land in the order of the array, as in an LSP WorkspaceEdit.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.index - a.index);
  let result = text;
  let limit = Infinity;
  for (const { edit } of sorted) {
    if (edit.end > limit) continue; // overlaps an edit already applied
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    limit = edit.start;
  }
  return result;
}

/** The safe fixes that can be applied together, and their edits in the order to apply them. */
export interface SafeFixes<P> {
  edits: TextEdit[];
  /** How many fixes the edits make. */
  fixes: number;
  /** Each fix chosen, with the finding it fixes. */
  applied: { problem: P; fix: Fix }[];
}

/**
 * The edits of every safe fix that can be applied together: a fix is skipped when any of
 * its edits overlaps an edit already chosen. Insertions at the same offset do not overlap:
 * both land (two values appended to one directive line), in the order of the findings,
 * an edit marked `last` after the others. "Fix all" and `lint --fix` use this.
 */
export function safeFixEdits<P extends { fixes?: Fix[] }>(problems: readonly P[]): SafeFixes<P> {
  const chosen: TextEdit[] = [];
  const applied: SafeFixes<P>['applied'] = [];
  for (const problem of problems) {
    const fix = problem.fixes?.find((f) => f.safe);
    if (!fix) continue;
    const clashes = fix.edits.some((e) => chosen.some((c) => e.start < c.end && c.start < e.end));
    if (clashes) continue;
    chosen.push(...fix.edits);
    applied.push({ problem, fix });
  }
  // Stable: equal offsets keep the order of the findings.
  chosen.sort((a, b) => a.start - b.start || Number(a.last === true) - Number(b.last === true));
  return { edits: chosen, fixes: applied.length, applied };
}
