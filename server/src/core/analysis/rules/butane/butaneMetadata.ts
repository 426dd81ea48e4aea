import { isScalar } from 'yaml';
import { butaneKind } from '../../../kinds/butane/kind';
import { isOpenshiftButane, type ButaneModel } from '../../../kinds/butane/model';
import { keyRange } from '../../../kinds/machineconfig/model';
import { ROLE_LABEL } from '../../../kinds/machineconfig/pools';
import { mapAt, pairOf, rangeOfNode } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';

/**
 * metadata.name and the role label: Butane's openshift variant refuses a config without
 * either (validate.go: "metadata.name is required", "machineconfiguration.openshift.io/role
 * label is required"; an empty value counts as missing). The name's format is not Butane's
 * concern; the API server judges it when the MachineConfig is applied.
 */
export const butaneMetadata: Rule = {
  id: 'butane-metadata',
  check({ kind, model, report }) {
    if (kind !== butaneKind) return;
    const butane = model as ButaneModel;
    if (!isOpenshiftButane(butane)) return;
    const metadataPair = pairOf(butane.root, 'metadata');
    const namePair = pairOf(butane.metadata, 'name');
    if (isEmpty(namePair?.value)) {
      report({
        severity: 'error',
        message: 'metadata.name is required, or butane refuses the config: add a name such as 99-worker-static-routes.',
        range: keyRange(namePair ?? metadataPair ?? butane.variant),
      });
    }
    const labelsPair = pairOf(butane.metadata, 'labels');
    const rolePair = pairOf(mapAt(butane.metadata, 'labels'), ROLE_LABEL);
    if (isEmpty(rolePair?.value)) {
      report({
        severity: 'error',
        message: `butane refuses the config without the ${ROLE_LABEL} label: add it under metadata.labels.`,
        range: rolePair?.value ? rangeOfNode(rolePair.value) : keyRange(rolePair ?? labelsPair ?? metadataPair ?? butane.variant),
        data: { label: ROLE_LABEL },
      });
    }
  },
};

function isEmpty(node: unknown): boolean {
  if (node === undefined || node === null) return true;
  return isScalar(node) && (node.value === null || node.value === '');
}
