import { isMap, isScalar, isSeq, Node } from 'yaml';
import { IGNITION_2_ONLY, IGNITION_CONFIG, Shape } from '../ignitionSchema';
import { keyRange } from '../model';
import { closestWord } from '../suggest';
import { keyedPairs, mapAt, pairOf } from '../yamlDocuments';
import type { Finding, Rule } from './rule';

/** Keys Ignition 3 does not know are dropped without a word: say so, with a suggestion. */
export const ignUnknownKey: Rule = {
  id: 'ign-unknown-key',
  check({ machineConfig: mc, report }) {
    if (!mc?.config) return;
    // A 2.x config is judged by ign-version as a whole, not field by field.
    const version = pairOf(mapAt(mc.config, 'ignition'), 'version')?.value;
    if (isScalar(version) && /^2\./.test(String(version.value))) return;
    walk(mc.config, IGNITION_CONFIG, 'spec.config', report);
  },
};

function walk(node: Node | null, shape: Shape, path: string, report: (f: Finding) => void): void {
  if (shape === 'value' || !node) return;
  if ('list' in shape) {
    if (isSeq(node)) node.items.forEach((item, i) => walk(item as Node, shape.list, `${path}[${i}]`, report));
    return;
  }
  if (!isMap(node)) return;
  for (const pair of keyedPairs(node)) {
    const key = String(pair.key.value);
    const known = shape.object[key];
    if (known) {
      walk(pair.value, known, `${path}.${key}`, report);
      continue;
    }
    const suggestion = closestWord(key, Object.keys(shape.object));
    const legacy = IGNITION_2_ONLY[key];
    const because = legacy ?? `Ignition 3 does not know ${path}.${key} and silently ignores it`;
    report({
      severity: 'warning',
      message: `${because}${suggestion ? `; did you mean ${suggestion}?` : '; remove it.'}`,
      range: keyRange(pair),
      data: { key, path: `${path}.${key}`, ...(suggestion ? { suggestion } : {}) },
    });
  }
}
