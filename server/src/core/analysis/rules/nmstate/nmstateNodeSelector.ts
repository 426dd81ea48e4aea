import { isMap, isScalar } from 'yaml';
import { nmstateKind } from '../../../kinds/nmstate/kind';
import type { NmstateModel } from '../../../kinds/nmstate/model';
import { rangeOfNode } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';

/**
 * A policy without `spec.nodeSelector` (or with an empty one) is applied by the NMState
 * Operator to every node of the cluster, control plane included. A selector that is not a
 * mapping is rejected by the API server (the CRD says `type: object` of strings).
 */
export const nmstateNodeSelector: Rule = {
  id: 'nmstate-node-selector',
  check({ kind, model, report }) {
    if (kind !== nmstateKind) return;
    const policy = model as NmstateModel;
    if (policy.form !== 'policy') return;
    const selector = policy.nodeSelector;
    const value = selector?.value;
    if (!selector) {
      const at = policy.root.items.find((item) => isScalar(item.key) && item.key.value === 'spec') ?? policy.root.items.find((item) => isScalar(item.key) && item.key.value === 'kind');
      report({
        severity: 'warning',
        message: 'This policy has no spec.nodeSelector, so it applies to every node, control plane included: add one.',
        range: at && isScalar(at.key) ? rangeOfNode(at.key) : { start: 0, end: 0 },
      });
      return;
    }
    if (value === null || (isScalar(value) && value.value === null) || (isMap(value) && value.items.length === 0)) {
      report({
        severity: 'warning',
        message: 'This nodeSelector is empty, so the policy applies to every node, control plane included: add a label.',
        range: rangeOfNode(selector.key),
      });
      return;
    }
    if (!isMap(value)) {
      report({
        severity: 'error',
        message: 'The API server rejects a nodeSelector that is not a mapping: write e.g. node-role.kubernetes.io/worker: "".',
        range: rangeOfNode(value),
      });
    }
  },
};
