import type { ParsedText } from '../analysis/lint';
import type { NmstateModel } from '../kinds/nmstate/model';
import { describeType, nmKeyAt, NMSTATECONFIG, POLICY, STATE, type NmKey } from '../kinds/nmstate/schema';
import { pathText } from '../kinds/nmstate/schemaWalk';
import { code, renderDoc, type Doc } from '../text/doc';
import { rangeOfNode } from '../text/yamlDocuments';
import type { HoverResult } from './hoverResult';
import { locate } from './locate';

/**
 * The help on a key of an NMState document (a policy, an NMStateConfig, a bare state):
 * what nmstate's reference says of it, its type, the values it takes and the nmstate
 * release that added it. Keys nmstate does not know, and keys inside free-form mappings
 * (labels, capture, ovs-db external_ids), get nothing.
 */
export function nmstateKeyHover(parsed: ParsedText, offset: number): HoverResult | undefined {
  const location = locate(parsed, offset);
  const document = location.document;
  if (document?.kind?.id !== 'nmstate' || !location.key) return undefined;
  const model = document.model as NmstateModel;
  const root = model.form === 'policy' ? POLICY : model.form === 'nmstateconfig' ? NMSTATECONFIG : STATE;
  const key = nmKeyAt(root, location.path);
  if (!key) return undefined;
  const range = rangeOfNode(location.key.key);
  return { markdown: renderDoc(keyDoc(key, pathText(location.path))), start: range.start, end: range.end };
}

function keyDoc(key: NmKey, path: string): Doc {
  const values = key.offer ?? key.values;
  const details = [`Type: ${key.type}.`];
  if (values && values.length > 0) details.push(`Values: ${values.map(code).join(', ')}.`);
  if (key.since) details.push(`Since nmstate ${key.since}: older releases do not know the key.`);
  if (key.max !== undefined) details.push(`Range: ${key.min ?? 0}–${key.max ?? '…'}.`);
  const doc: Doc = {
    title: `\`${path}\` — ${describeType(key)}`,
    summary: key.doc,
    details,
    source: 'nmstate rust/src/lib, devel/yaml_api.md',
  };
  return doc;
}
