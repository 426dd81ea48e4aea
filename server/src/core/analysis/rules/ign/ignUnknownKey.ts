import { isMap, isScalar, isSeq, Node } from 'yaml';
import { removePairEdit } from '../../../text/edits';
import { butaneOnlyKey, IGNITION_2_ONLY, IGNITION_CONFIG, Shape } from '../../../kinds/machineconfig/ignitionSchema';
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
    walk(mc.config, IGNITION_CONFIG, 'spec.config', text, report);
  },
};

function walk(node: Node | null, shape: Shape, path: string, text: string, report: (f: Finding) => void): void {
  if (shape === 'value' || !node) return;
  if ('list' in shape) {
    if (isSeq(node)) node.items.forEach((item, i) => walk(item as Node, shape.list, `${path}[${i}]`, text, report));
    return;
  }
  if (!isMap(node)) return;
  for (const pair of keyedPairs(node)) {
    const key = String(pair.key.value);
    const known = shape.object[key];
    if (known) {
      walk(pair.value, known, `${path}.${key}`, text, report);
      continue;
    }
    if (butaneOnlyKey(path, key)) continue; // ign-butane-syntax says it
    const suggestion = closestWord(key, Object.keys(shape.object)) ?? inflected(key, Object.keys(shape.object));
    const legacy = IGNITION_2_ONLY[key];
    const because = legacy ?? `Ignition 3 does not know ${path}.${key} and silently ignores it`;
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
      message: `${because}${suggestion ? `; did you mean ${suggestion}?` : '; remove it.'}`,
      range: keyRange(pair),
      data: { key, path: `${path}.${key}`, ...(suggestion ? { suggestion } : {}) },
      fixes,
    });
  }
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
