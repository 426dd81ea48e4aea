import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { NmKey, NmPath } from './schema';

/** What a walk over a state (or an envelope) against the key tables meets. */
export interface SchemaVisitor {
  /** A key the mapping does not know (only in mappings that are not open). */
  unknown?(pair: Pair<Scalar, Node | null>, known: Readonly<Record<string, NmKey>>, path: NmPath): void;
  /** A known key and its value. */
  known?(pair: Pair<Scalar, Node | null>, key: NmKey, path: NmPath): void;
  /** An item of a list of mappings that is not a mapping (null items are left out). */
  notMapping?(item: Node, list: NmKey, path: NmPath): void;
}

/** Keys nmstate reads of an interface with `state: absent`: it drops every other key unread. */
const ABSENT_INTERFACE_KEYS = ['name', 'type', 'state'];

/**
 * Walks `map` (the value of `node`, a mapping or an item of a list of mappings) and what
 * it holds, as deep as the tables go. `path` is the path of `map` from the root of the walk.
 */
export function walkSchema(map: YAMLMap, node: NmKey, path: NmPath, visitor: SchemaVisitor, options: { stopAt?: ReadonlySet<NmKey> } = {}): void {
  const keys = node.keys;
  if (!keys) return;
  const absentInterface = path.length === 2 && path[0] === 'interfaces' && typeof path[1] === 'number' && isAbsent(map);
  for (const item of map.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const pair = item as Pair<Scalar, Node | null>;
    const name = String(pair.key.value);
    if (absentInterface && !ABSENT_INTERFACE_KEYS.includes(name)) continue;
    const here = [...path, name];
    if (!Object.hasOwn(keys, name)) {
      if (!node.open) visitor.unknown?.(pair, keys, path);
      continue;
    }
    const child = keys[name];
    visitor.known?.(pair, child, here);
    if (options.stopAt?.has(child)) continue;
    const value = pair.value;
    if (child.type === 'mapping' && isMap(value)) walkSchema(value, child, here, visitor, options);
    else if (child.type === 'list of mappings' && isSeq(value)) {
      value.items.forEach((entry, index) => {
        if (isMap(entry)) walkSchema(entry, child, [...here, index], visitor, options);
        else if (entry !== null && entry !== undefined && !(isScalar(entry) && entry.value === null)) visitor.notMapping?.(entry as Node, child, [...here, index]);
      });
    }
  }
}

function isAbsent(map: YAMLMap): boolean {
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && item.key.value === 'state' && isScalar(item.value)) return item.value.value === 'absent';
  }
  return false;
}

/** `routes.config[].metric` for messages: list indexes as `[]`. */
export function pathText(path: NmPath): string {
  return path.map((part) => (typeof part === 'number' ? '[]' : `.${part}`)).join('').replace(/^\./, '');
}
