import { Scalar } from 'yaml';
import type { TextEdit } from '../../text/problem';
import type { UnitText } from './model';

/** Edits inside a unit embedded in a MachineConfig (its text is a YAML scalar of the file). */

/**
 * Inserts `line` into an embedded unit before the unit line that starts at value index
 * `before` (or at the end of the text when `before` is its length).
 */
export function insertUnitLineEdit(text: string, unit: UnitText, before: number, line: string): TextEdit | undefined {
  if (!unit.text.exact) return undefined;
  const style = unit.scalar.type;
  if (style === Scalar.BLOCK_LITERAL) {
    const indent = blockIndent(text, unit);
    if (indent === undefined) return undefined;
    // `line` may hold several unit lines; each gets the indentation, an empty one none.
    const indented = line.split('\n').map((l) => (l === '' ? '' : `${indent}${l}`)).join('\n');
    if (before < unit.text.length) {
      // At the start of the file line, so a blank unit line works as well as a full one.
      const at = text.lastIndexOf('\n', unit.text.positionAt(before) - 1) + 1;
      return { start: at, end: at, newText: `${indented}\n` };
    }
    // At the end: after the last character of content, before the block's final break.
    const lastContent = unit.text.value.replace(/\s+$/, '').length;
    const at = unit.text.rangeOf(lastContent - 1, lastContent).end;
    return { start: at, end: at, newText: `\n${indented}` };
  }
  if (style === Scalar.QUOTE_DOUBLE) {
    const at = unit.text.positionAt(before);
    const escaped = JSON.stringify(line).slice(1, -1);
    if (before < unit.text.length) return { start: at, end: at, newText: `${escaped}\\n` };
    const needsBreak = unit.text.length > 0 && !unit.text.value.endsWith('\n');
    return { start: at, end: at, newText: `${needsBreak ? '\\n' : ''}${escaped}\\n` };
  }
  return undefined;
}

/** The indentation of a literal block scalar's content lines, as written in the file. */
function blockIndent(text: string, unit: UnitText): string | undefined {
  const first = unit.text.value.search(/\S/);
  if (first < 0) return undefined;
  const at = unit.text.positionAt(first);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const indent = text.slice(lineStart, at);
  return /^ *$/.test(indent) ? indent : undefined;
}

/** Index in the unit value of the start of the line holding value index `index`. */
export function lineStartIn(unit: UnitText, index: number): number {
  return unit.text.value.lastIndexOf('\n', index - 1) + 1;
}

/** Index in the unit value just past the line holding value index `index` (after its break). */
export function nextLineStartIn(unit: UnitText, index: number): number {
  const nl = unit.text.value.indexOf('\n', index);
  return nl < 0 ? unit.text.length : nl + 1;
}
