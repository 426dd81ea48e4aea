import { Document, isMap, isPair, isScalar, isSeq, Node, Pair, parseAllDocuments, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { FileRange } from './embeddedText';

export type YamlDocument = Document.Parsed;

/**
 * Parses every document of a file. `oc` decodes manifests as YAML 1.1 (sigs.k8s.io/yaml
 * on go-yaml v2), so the core does too: `0644` is octal, `yes` is a boolean, `3.1` a number.
 */
export function parseYamlDocuments(text: string): YamlDocument[] {
  const parsed = parseAllDocuments(text, {
    version: '1.1',
    keepSourceTokens: true,
    prettyErrors: false,
    uniqueKeys: true,
  });
  return Array.isArray(parsed) ? parsed : [];
}

/** The pair of `map` whose key is the scalar `key`. */
export function pairOf(map: YAMLMap | undefined, key: string): Pair<Scalar, Node | null> | undefined {
  if (!map) return undefined;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item as Pair<Scalar, Node | null>;
  }
  return undefined;
}

export function mapAt(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  const value = pairOf(map, key)?.value;
  return isMap(value) ? value : undefined;
}

export function seqAt(map: YAMLMap | undefined, key: string): YAMLSeq | undefined {
  const value = pairOf(map, key)?.value;
  return isSeq(value) ? value : undefined;
}

export function scalarAt(map: YAMLMap | undefined, key: string): Scalar | undefined {
  const value = pairOf(map, key)?.value;
  return isScalar(value) ? value : undefined;
}

/** The scalar's value as a string when it is a string, e.g. not `3.1` read as a number. */
export function stringValue(node: Scalar | undefined): string | undefined {
  return node && typeof node.value === 'string' ? node.value : undefined;
}

/** The characters of a node's value (not its trailing comment). */
export function rangeOfNode(node: Node | null | undefined, fallback: FileRange = { start: 0, end: 0 }): FileRange {
  const range = node?.range;
  if (!range) return fallback;
  return { start: range[0], end: Math.max(range[0], range[1]) };
}

/** The keys of a map that are scalars, with their pairs. */
export function keyedPairs(map: YAMLMap): Pair<Scalar, Node | null>[] {
  return map.items.filter((item): item is Pair<Scalar, Node | null> => isPair(item) && isScalar(item.key));
}
