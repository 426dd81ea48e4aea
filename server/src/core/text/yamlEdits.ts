import { isScalar, Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { TextEdit } from './problem';

/**
 * Edits of YAML structure used by the envelope and Ignition fixes (edits.ts holds the
 * shared ones such as removing a key; kinds/machineconfig/unitEdits.ts adds unit lines).
 * Each returns undefined when it cannot be written without risk, and the fix is then not
 * offered.
 */

/** A plain scalar that needs no quotes anywhere: a key name, a number, a simple word. */
const PLAIN_SAFE = /^[A-Za-z0-9][A-Za-z0-9_./-]*$/;

/** Renames the key of `pair` to `newKey`, unless `map` already has that key (that would be a duplicate). */
export function renameKeyEdit(map: YAMLMap, pair: Pair<Scalar, Node | null>, newKey: string): TextEdit | undefined {
  const range = pair.key.range;
  if (!range || !PLAIN_SAFE.test(newKey)) return undefined;
  if (map.items.some((item) => item !== pair && isScalar(item.key) && String(item.key.value) === newKey)) return undefined;
  return { start: range[0], end: range[1], newText: newKey };
}

/** Replaces a scalar value with a plain `newValue` (a number, a simple word). */
export function replaceScalarEdit(node: Scalar, newValue: string): TextEdit | undefined {
  const range = node.range;
  if (!range || !PLAIN_SAFE.test(newValue)) return undefined;
  return { start: range[0], end: range[1], newText: newValue };
}

/**
 * Adds `key: value` to a block mapping, on a new line after its last pair, at the column
 * of its first key (which may follow a sequence dash: `- path: …`). Flow mappings get
 * `, key: value` before the closing brace.
 */
export function insertPairEdit(text: string, map: YAMLMap, key: string, value: string): TextEdit | undefined {
  if (!PLAIN_SAFE.test(key) || !PLAIN_SAFE.test(value)) return undefined;
  const first = map.items[0];
  const last = map.items[map.items.length - 1];
  if (!first || !last || !isScalar(first.key) || !first.key.range) return undefined;
  if (map.flow) {
    const close = map.range ? map.range[1] - 1 : -1;
    if (close < 0 || text[close] !== '}') return undefined;
    return { start: close, end: close, newText: `, ${key}: ${value}` };
  }
  const keyStart = first.key.range[0];
  const column = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const lastNode = (last.value ?? last.key) as Node | null;
  const lastEnd = lastNode?.range?.[1];
  if (lastEnd === undefined) return undefined;
  // After the line holding the end of the last value (a block value may end at the next line's start).
  const endsLine = lastEnd > 0 && text[lastEnd - 1] === '\n';
  let at = endsLine ? lastEnd : text.indexOf('\n', lastEnd);
  if (at < 0) return { start: text.length, end: text.length, newText: `\n${' '.repeat(column)}${key}: ${value}` };
  if (!endsLine) at += 1;
  return { start: at, end: at, newText: `${' '.repeat(column)}${key}: ${value}\n` };
}
