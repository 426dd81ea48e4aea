/**
 * Butane spells Ignition's keys in snake_case (`size_mib`, `mount_options`,
 * `ssh_authorized_keys`, `certificate_authorities`): coreos/butane's base/v0_N schema tags
 * the same fields Ignition's config/v3_N/types tag in camelCase (`sizeMiB`, `mountOptions`,
 * `sshAuthorizedKeys`), and its translation matches them field by field. A key left in the
 * other spelling is unknown to the reader on the other side and silently dropped.
 */

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** `size_mib` → `sizeMiB`, `type_guid` → `typeGuid`. */
export function ignitionKeyOf(butaneKey: string): string {
  if (!butaneKey.includes('_')) return butaneKey;
  return butaneKey.split('_').map((part, index) => {
    if (index === 0) return part;
    if (part === 'mib') return 'MiB';
    return part.charAt(0).toUpperCase() + part.slice(1);
  }).join('');
}

/** `sizeMiB` → `size_mib`, `typeGuid` → `type_guid`. */
export function butaneKeyOf(ignitionKey: string): string {
  return ignitionKey.replace(/MiB/g, '_mib').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The value with every mapping key renamed, at any depth (lists included). */
export function renameKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => renameKeys(item, rename));
  if (!isObj(value)) return value;
  const out: Obj = {};
  for (const [key, item] of Object.entries(value)) out[rename(key)] = renameKeys(item, rename);
  return out;
}
