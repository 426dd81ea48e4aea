import { isMap, isScalar, isSeq } from 'yaml';
import { mapAt, pairOf, scalarAt, seqAt, stringValue, type YamlDocument } from '../../text/yamlDocuments';

export const ROLE_LABEL = 'machineconfiguration.openshift.io/role';

export function isMachineConfigPool(document: YamlDocument): boolean {
  const root = document.contents;
  return isMap(root) && stringValue(scalarAt(root, 'kind')) === 'MachineConfigPool';
}

/**
 * The roles a MachineConfigPool document selects with its machineConfigSelector
 * (matchLabels, or matchExpressions on the role label with In); none for other documents.
 */
export function rolesSelectedByPool(document: YamlDocument): string[] {
  const root = document.contents;
  if (!isMachineConfigPool(document) || !isMap(root)) return [];
  const roles: string[] = [];
  const selector = mapAt(mapAt(root, 'spec'), 'machineConfigSelector');
  const label = stringValue(scalarAt(mapAt(selector, 'matchLabels'), ROLE_LABEL));
  if (label) roles.push(label);
  for (const expression of seqAt(selector, 'matchExpressions')?.items ?? []) {
    if (!isMap(expression) || stringValue(scalarAt(expression, 'key')) !== ROLE_LABEL) continue;
    if (stringValue(scalarAt(expression, 'operator')) !== 'In') continue;
    const values = pairOf(expression, 'values')?.value;
    if (isSeq(values)) for (const v of values.items) if (isScalar(v) && typeof v.value === 'string') roles.push(v.value);
  }
  return roles;
}
