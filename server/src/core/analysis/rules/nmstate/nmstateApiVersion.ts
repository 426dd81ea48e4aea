import { isScalar } from 'yaml';
import { nmstateKind } from '../../../kinds/nmstate/kind';
import { NNCP_API_VERSION, type NmstateModel } from '../../../kinds/nmstate/model';
import { replaceVerbatimEdit } from '../../../text/edits';
import { rangeOfNode } from '../../../text/yamlDocuments';
import { embeddedTextOfScalar } from '../../../text/yamlScalar';
import type { Rule } from '../rule';

/**
 * `nmstate.io/v1beta1` NodeNetworkConfigurationPolicies are still served, with a deprecation
 * warning, since kubernetes-nmstate v0.56.0 made `nmstate.io/v1` the stored version.
 * `nmstate.io/v1alpha1` was deprecated alongside and is no longer served from kubernetes-nmstate
 * v0.84.0 (PR 1304): the API server refuses the object. Which operator a cluster runs is not
 * known here, so both are warnings; the spec is the same in every version, so the fix is safe.
 */
const OLD_VERSIONS: ReadonlyMap<string, string> = new Map([
  ['nmstate.io/v1beta1', 'is deprecated for NodeNetworkConfigurationPolicy'],
  ['nmstate.io/v1alpha1', 'is no longer served from kubernetes-nmstate v0.84'],
]);

export const nmstateApiVersion: Rule = {
  id: 'nmstate-api-version',
  check({ text, kind, model, report }) {
    if (kind !== nmstateKind) return;
    const policy = model as NmstateModel;
    const node = policy.apiVersion?.value;
    if (policy.form !== 'policy' || !isScalar(node) || typeof node.value !== 'string') return;
    const why = OLD_VERSIONS.get(node.value);
    if (!why) return;
    const edit = replaceVerbatimEdit(text, embeddedTextOfScalar(node, text), NNCP_API_VERSION);
    report({
      severity: 'warning',
      message: `${node.value} ${why}: use apiVersion: ${NNCP_API_VERSION}.`,
      range: rangeOfNode(node),
      data: { replacement: NNCP_API_VERSION },
      ...(edit ? { fixes: [{ title: `Change to ${NNCP_API_VERSION}`, edits: [edit], safe: true }] } : {}),
    });
  },
};
