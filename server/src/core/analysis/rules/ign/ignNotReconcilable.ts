import { isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { keyRange } from '../../../kinds/machineconfig/model';
import { childKey, IGNITION_SCHEMA, shortPath, type NotReconcilable, type SchemaKey } from '../../../kinds/machineconfig/schema';
import type { FileRange } from '../../../text/embeddedText';
import { keyedPairs, pairOf, rangeOfNode, stringValue } from '../../../text/yamlDocuments';
import { quoted } from '../../../text/quote';
import type { Finding, Rule } from '../rule';

const nonEmpty = (node: Node | null | undefined): boolean =>
  !!node && !(isScalar(node) && node.value === null) && !((isSeq(node) || isMap(node)) && node.items.length === 0);

/**
 * Ignition keys the daemon cannot reconcile on a running node (the schema's
 * notReconcilable): the pool goes degraded ("ignition … section contains changes") and no
 * node is updated.
 */
export const ignNotReconcilable: Rule = {
  id: 'ign-not-reconcilable',
  check({ machineConfig: mc, report }) {
    if (mc?.config) walkMap(mc.config, IGNITION_SCHEMA, 'spec.config', report);
  },
};

function say(report: (f: Finding) => void, what: string, instead: string, range: FileRange): void {
  report({
    severity: 'error',
    message: `The MCO cannot apply ${what} to running nodes and degrades the pool: ${instead}.`,
    range,
  });
}

function walkMap(map: YAMLMap, schema: SchemaKey, pattern: string, report: (f: Finding) => void): void {
  const seen = new Set<string>();
  for (const pair of keyedPairs(map)) {
    const key = String(pair.key.value);
    // The first of duplicate keys is the one read.
    if (seen.has(key)) continue;
    seen.add(key);
    const child = childKey(schema, key);
    if (!child) continue;
    const refused = child.notReconcilable;
    if (refused?.instead) {
      if (nonEmpty(pair.value)) say(report, refused.what ?? shortPath(`${pattern}.${key}`), refused.instead, keyRange(pair));
      continue;
    }
    walkValue(pair.value, child, `${pattern}.${key}`, report);
  }
}

function walkValue(node: Node | null, schema: SchemaKey, pattern: string, report: (f: Finding) => void): void {
  if (isMap(node)) {
    walkMap(node, schema, pattern, report);
    return;
  }
  const item = schema.item;
  if (!isSeq(node) || !item) return;
  for (const entry of node.items) {
    if (!isMap(entry)) continue;
    const only = item.notReconcilable?.unlessNamed;
    if (only) namedItem(entry, item, item.notReconcilable!, only, report);
    else walkMap(entry, item, `${pattern}[]`, report);
  }
}

/** An item of a list the daemon reconciles for one name only (the core user), and then only some of its keys. */
function namedItem(entry: YAMLMap, item: SchemaKey, refused: NotReconcilable, only: NonNullable<NotReconcilable['unlessNamed']>,
  report: (f: Finding) => void): void {
  const namePair = pairOf(entry, 'name');
  const name = stringValue(isScalar(namePair?.value) ? (namePair!.value as Scalar) : undefined);
  if (name !== only.name) {
    if (namePair) {
      const who = name === undefined ? `a ${only.noun} without a name` : `${only.noun} ${quoted(name, 20)}`;
      say(report, who, refused.instead!, rangeOfNode(namePair.value ?? namePair.key));
    }
    return;
  }
  for (const pair of keyedPairs(entry) as Pair<Scalar, Node | null>[]) {
    const key = String(pair.key.value);
    // A key Ignition does not know is dropped when the config is parsed, so the daemon never
    // sees it: not a degraded pool but an ignored key, which ign-unknown-key reports.
    const child = childKey(item, key);
    const fieldRefused = child?.notReconcilable;
    if (fieldRefused?.instead && nonEmpty(pair.value)) say(report, fieldRefused.what ?? key, fieldRefused.instead, keyRange(pair));
  }
}
