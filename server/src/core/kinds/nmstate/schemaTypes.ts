/**
 * The shape of nmstate's key tables (schema.ts, schemaInterfaces.ts): plain data that the
 * unknown-key and value rules, completion and hover all read, so they cannot disagree.
 */

export type NmType =
  | 'string'
  | 'integer'
  | 'boolean'
  | 'mapping'
  | 'list of mappings'
  | 'list of strings'
  | 'integer or string'
  | 'any';

export interface NmKey {
  /** One line: what the key is. */
  doc: string;
  type: NmType;
  /** The values nmstate accepts (an enum), aliases included. */
  values?: readonly string[];
  /** The values completion offers (the canonical spellings); `values` when absent. */
  offer?: readonly string[];
  /** The first nmstate release that reads the key, for keys newer nmstate versions added. */
  since?: string;
  /** A mapping's keys, or the keys of each item of a list of mappings. */
  keys?: Readonly<Record<string, NmKey>>;
  /**
   * nmstate accepts keys it does not know here (a struct without `deny_unknown_fields`, a
   * free-form map such as `ovs-db.external_ids` or ethtool features): none is ever flagged.
   */
  open?: true;
  /** Integer bounds nmstate enforces. */
  min?: number;
  max?: number;
  /** Completion and hover say this instead of the bare type. */
  hint?: string;
}

type More = Omit<Partial<NmKey>, 'doc' | 'type'>;

export const str = (doc: string, more: More = {}): NmKey => ({ doc, type: 'string', ...more });
export const int = (doc: string, more: More = {}): NmKey => ({ doc, type: 'integer', ...more });
export const bool = (doc: string, more: More = {}): NmKey => ({ doc, type: 'boolean', ...more });
export const strings = (doc: string, more: More = {}): NmKey => ({ doc, type: 'list of strings', ...more });
export const oneOf = (values: readonly string[], doc: string, more: More = {}): NmKey => ({ doc, type: 'string', values, ...more });
export const mapping = (doc: string, keys: Record<string, NmKey>, more: More = {}): NmKey => ({ doc, type: 'mapping', keys, ...more });
export const listOf = (doc: string, keys: Record<string, NmKey>, more: More = {}): NmKey => ({ doc, type: 'list of mappings', keys, ...more });
/** A mapping whose keys are free (nmstate does not check them). */
export const freeMap = (doc: string, more: More = {}): NmKey => ({ doc, type: 'mapping', open: true, ...more });

/** Strings nmstate's `bool_or_string` reads as booleans (rust/src/lib/deserializer.rs), in any case. */
export const BOOLEAN_STRINGS: readonly string[] = ['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n'];
