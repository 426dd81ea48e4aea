import { isMap, isScalar, isSeq, Node } from 'yaml';
import { removePairEdit } from '../../../text/edits';
import { butaneOnlyKey, childKey, ignition2OnlyKey, IGNITION_SCHEMA, pathPattern, shortPath, type SchemaNode } from '../../../kinds/machineconfig/schema';
import { keyRange } from '../../../kinds/machineconfig/model';
import type { Fix } from '../../../text/problem';
import { closestWord } from '../../../text/suggest';
import { renameKeyEdit } from '../../../text/yamlEdits';
import { keyedPairs, mapAt, pairOf } from '../../../text/yamlDocuments';
import type { Finding, Rule } from '../rule';

/** Keys Ignition 3 does not know are dropped without a word: say so, with a suggestion. */
export const ignUnknownKey: Rule = {
  id: 'ign-unknown-key',
  check({ machineConfig: mc, text, report }) {
    if (!mc?.config) return;
    // A 2.x config is judged by ign-version as a whole, not field by field.
    const version = pairOf(mapAt(mc.config, 'ignition'), 'version')?.value;
    if (isScalar(version) && /^2\./.test(String(version.value))) return;
    walk(mc.config, IGNITION_SCHEMA, ['spec', 'config'], text, report);
  },
};

/**
 * `at` is the path of `node` (`['spec', 'config', 'storage', 'files', 2]`), one list pushed
 * and popped along the walk: its text for a message is only written for an unknown key.
 */
function walk(node: Node | null, schema: SchemaNode, at: (string | number)[], text: string, report: (f: Finding) => void): void {
  if (!node) return;
  if (schema.item) {
    if (!isSeq(node)) return;
    for (let i = 0; i < node.items.length; i++) {
      at.push(i);
      walk(node.items[i] as Node, schema.item, at, text, report);
      at.pop();
    }
    return;
  }
  if (!schema.keys || !isMap(node)) return;
  for (const pair of keyedPairs(node)) {
    const key = String(pair.key.value);
    const known = childKey(schema, key);
    if (known) {
      at.push(key);
      walk(pair.value, known, at, text, report);
      at.pop();
      continue;
    }
    if (butaneOnlyKey(pathPattern(at), key)) continue; // ign-butane-syntax says it
    const knownKeys = Object.keys(schema.keys);
    const path = `${pathText(at)}.${key}`;
    const suggestion = closestWord(key, knownKeys) ?? inflected(key, knownKeys);
    const legacy = ignition2OnlyKey(key);
    const because = legacy ?? `Ignition 3 silently ignores the unknown key ${shortPath(path)}`;
    const fixes: Fix[] = [];
    const rename = suggestion ? renameKeyEdit(node, pair, suggestion) : undefined;
    // Renaming makes the value take effect: a change of behaviour the user should confirm.
    if (rename) fixes.push({ title: `Rename to ${suggestion}`, edits: [rename], safe: false });
    // Removing changes nothing on the node (Ignition ignores the key anyway), so it is safe for a
    // dead key; for a likely misspelling, "fix all" must not silently delete what the user meant.
    const removal = removePairEdit(text, node, pair);
    if (removal) fixes.push({ title: `Remove ${key}`, edits: [removal], safe: !suggestion });
    report({
      severity: 'warning',
      message: `${because}: ${suggestion ? `did you mean ${suggestion}?` : 'remove it.'}`,
      range: keyRange(pair),
      data: { key, path, ...(suggestion ? { suggestion } : {}) },
      fixes,
    });
  }
}

/** `['spec', 'config', 'storage', 'files', 2]` → `spec.config.storage.files[2]`. */
function pathText(at: readonly (string | number)[]): string {
  return at.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/**
 * A known key with an ending added or dropped (`masked` for `mask`): too far for
 * closestWord on a short key, yet what the user meant, so the intent is kept, not dropped.
 */
function inflected(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  return known.find((candidate) => {
    const c = candidate.toLowerCase();
    return ['s', 'es', 'd', 'ed'].some((ending) => lower === c + ending || c === lower + ending);
  });
}
