import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { nmstateKind } from '../../../kinds/nmstate/kind';
import type { NmstateModel } from '../../../kinds/nmstate/model';
import type { TextEdit } from '../../../text/problem';
import { pairOf, rangeOfNode } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';

/** Keys of spec that a slipped indentation puts under nodeSelector; dedenting them is certain. */
const SPEC_KEYS: ReadonlySet<string> = new Set(['desiredState', 'capture', 'maxUnavailable']);
/** Keys of the state that belong under desiredState. */
const STATE_KEYS: ReadonlySet<string> = new Set(['interfaces', 'routes', 'route-rules', 'dns-resolver']);

/**
 * `spec.nodeSelector` is a map of strings (the CRD's `additionalProperties: {type: string}`):
 * a mapping or list under it (a `desiredState:` indented one level too deep) and an unquoted
 * `true` or `1` (YAML booleans and numbers stay so in the JSON the API server validates) make
 * the API server reject the policy.
 */
export const nmstateMisindented: Rule = {
  id: 'nmstate-misindented',
  check({ text, kind, model, report }) {
    if (kind !== nmstateKind) return;
    const policy = model as NmstateModel;
    const selectorPair = policy.nodeSelector;
    const selector = selectorPair?.value;
    if (policy.form !== 'policy' || !selectorPair || !isMap(selector)) return;
    const pairs = selector.items as Pair<Node | null, Node | null>[];
    pairs.forEach((pair, index) => {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      const value = pair.value;
      if (isMap(value) || isSeq(value)) {
        const what = SPEC_KEYS.has(key) ? 'dedent it beside nodeSelector' : STATE_KEYS.has(key) ? 'move it under desiredState' : undefined;
        const last = index === pairs.length - 1;
        const edits = SPEC_KEYS.has(key) && last && !pairOf(policy.spec, key)
          ? dedentEdits(text, selectorPair as Pair<Scalar, Node | null>, pair as Pair<Scalar, Node>)
          : undefined;
        report({
          severity: 'error',
          message: what
            ? `${key} is indented under nodeSelector, so the API server rejects the policy: ${what}.`
            : `The value of the label ${key} is not a string, so the API server rejects the policy: write one.`,
          range: rangeOfNode(pair.key),
          data: { key },
          ...(edits ? { fixes: [{ title: `Move ${key} out of nodeSelector`, edits, safe: true }] } : {}),
        });
        return;
      }
      if (isScalar(value) && (typeof value.value === 'boolean' || typeof value.value === 'number' || typeof value.value === 'bigint')) {
        const written = text.slice(value.range?.[0] ?? 0, value.range?.[1] ?? 0);
        const quotable = value.type === 'PLAIN' && /^[A-Za-z0-9_.+-]+$/.test(written);
        const range = rangeOfNode(value);
        report({
          severity: 'error',
          message: `The label value ${written} is read as a ${typeof value.value === 'boolean' ? 'boolean' : 'number'}, so the API server rejects the policy: write "${written}".`,
          range,
          ...(quotable ? { fixes: [{ title: `Quote ${written}`, edits: [{ start: range.start, end: range.end, newText: `"${written}"` }], safe: true }] } : {}),
        });
      }
    });
  },
};

/**
 * Moves `pair` (the last pair of nodeSelector's block mapping) to the column of nodeSelector by
 * removing the same number of spaces at the start of each of its lines. Undefined when any
 * line could not lose them (a tab, a shallower line), or a block scalar counts its indentation.
 */
function dedentEdits(text: string, selector: Pair<Scalar, Node | null>, pair: Pair<Scalar, Node>): TextEdit[] | undefined {
  const selectorKey = selector.key.range?.[0];
  const key = pair.key.range?.[0];
  const end = pair.value?.range?.[1];
  if (selectorKey === undefined || key === undefined || end === undefined) return undefined;
  const column = (at: number) => at - (text.lastIndexOf('\n', at - 1) + 1);
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  // Both keys must start their lines (not `- nodeSelector:` or a flow mapping).
  if (text.slice(lineStart(selectorKey), selectorKey).trim() !== '' || text.slice(lineStart(key), key).trim() !== '') return undefined;
  const by = column(key) - column(selectorKey);
  if (by <= 0) return undefined;
  const block = text.slice(key, end);
  if (/[|>][+-]?[1-9]/.test(block)) return undefined;
  const edits: TextEdit[] = [];
  for (let at = lineStart(key); at < end; at = text.indexOf('\n', at) + 1) {
    const lineEnd = text.indexOf('\n', at);
    const line = text.slice(at, lineEnd < 0 ? text.length : lineEnd);
    const indent = /^ */.exec(line)![0].length;
    const blankOrComment = line.trim() === '' || line.trimStart().startsWith('#');
    if (indent >= by) edits.push({ start: at, end: at + by, newText: '' });
    else if (!blankOrComment) return undefined;
    if (lineEnd < 0) break;
  }
  return edits;
}
