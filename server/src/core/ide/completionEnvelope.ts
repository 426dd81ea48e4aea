/**
 * Values of a document's top-level `kind:` and `apiVersion:`, in any YAML document but a
 * Butane config: the kinds mcroutes reads (kinds/knownKinds.ts), each with the apiVersion to
 * write for it. What the other key already says narrows the list (a kind in the wrong case,
 * `Machineconfig`, still names its kind); a value of it that belongs to none of these kinds
 * (`apiVersion: apps/v1`, `kind: Deployment`) means another kind of document: nothing offered.
 */
import { KNOWN_KINDS } from '../kinds/knownKinds';
import type { DocumentLines, YamlValueContext } from './completionContext';
import { valueItems, type CompletionItem } from './completionItem';

/**
 * The items for the value at the caret, or undefined when it is no top-level `kind` or
 * `apiVersion`. `recognised`: the document is one mcroutes reads already; without a `kind:`
 * that is a form whose apiVersion is not one of these (install-config.yaml's `v1`).
 */
export function envelopeCompletions(context: YamlValueContext, region: DocumentLines, recognised: boolean): CompletionItem[] | undefined {
  if (context.path.length !== 1 || (context.path[0] !== 'kind' && context.path[0] !== 'apiVersion')) return undefined;
  if (context.path[0] === 'kind') {
    const apiVersion = topLevelValue(region, 'apiVersion');
    const kinds = apiVersion === undefined ? KNOWN_KINDS : KNOWN_KINDS.filter((k) => k.apiVersions.includes(apiVersion));
    return valueItems(kinds.map((k) => ({ value: k.kind, detail: `apiVersion: ${k.apiVersions[0]}`, documentation: `${k.kind}: ${k.what}.` })), context.quote);
  }
  const kind = topLevelValue(region, 'kind');
  if (kind === undefined && recognised) return undefined;
  const kinds = kind === undefined ? KNOWN_KINDS : KNOWN_KINDS.filter((k) => k.kind.toLowerCase() === kind.toLowerCase());
  // Only the version to write: an older one is what nmstate-api-version warns about.
  const versions = new Map<string, string[]>();
  for (const k of kinds) versions.set(k.apiVersions[0], [...(versions.get(k.apiVersions[0]) ?? []), k.kind]);
  return valueItems([...versions].map(([value, of]) => ({ value, detail: `kind: ${of.join(', ')}` })), context.quote);
}

/** A top-level key's plain or quoted value as written on another line of the document. */
function topLevelValue(region: DocumentLines, key: string): string | undefined {
  const pattern = new RegExp(`^${key}:[ \\t]+(["']?)([^"'#\\s]+)\\1[ \\t]*(?:#.*)?$`);
  for (let i = 0; i < region.lines.length; i++) {
    if (i === region.caretLine) continue;
    const found = pattern.exec(region.lines[i].text);
    if (found) return found[2];
  }
  return undefined;
}
