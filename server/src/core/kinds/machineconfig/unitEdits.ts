import { Scalar } from 'yaml';
import { directivesOf } from '../../formats/unitFile';
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

/** A value a unit name or word list takes without quoting or escaping anywhere. */
const PLAIN_WORD = /^[A-Za-z0-9_.@:-]+$/;

/**
 * Adds `value` to the list directive `key` (After=, Wants=, WantedBy=…) of `section`: on the
 * last `key=` line of the section when it has one (systemd adds the values of every line
 * together, so a second line says the same, only less plainly), else on a new `key=value`
 * line before the unit line that starts at value index `newLineBefore`, or after the
 * section's last directive. Undefined when the unit has no such section or the edit
 * cannot be written.
 */
export function addDirectiveValueEdit(text: string, unit: UnitText, section: string, key: string, value: string, newLineBefore?: number): TextEdit | undefined {
  if (!unit.text.exact || !PLAIN_WORD.test(value)) return undefined;
  const style = unit.scalar.type;
  if (style !== Scalar.BLOCK_LITERAL && style !== Scalar.QUOTE_DOUBLE) return undefined;
  const existing = directivesOf(unit.file, section, key).at(-1);
  // An empty `key=` may reset the list: the value goes on a line of its own after it.
  if (existing && existing.value.length > 0) {
    // After the value's last character: a continued directive ends on its last line.
    const whole = existing.whole;
    if (whole.value.endsWith('\\')) return undefined;
    const at = whole.rangeOf(whole.length - 1).end;
    return { start: at, end: at, newText: ` ${value}` };
  }
  if (existing === undefined && newLineBefore !== undefined) return insertUnitLineEdit(text, unit, newLineBefore, `${key}=${value}`);
  const found = unit.file.sections.filter((s) => s.name === section).pop();
  if (!found) return undefined;
  const last = existing?.whole ?? found.directives[found.directives.length - 1]?.whole ?? found.header;
  const at = unit.text.indexAt(last.rangeOf(last.length - 1).start);
  return at === undefined ? undefined : insertUnitLineEdit(text, unit, nextLineStartIn(unit, at), `${key}=${value}`);
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
