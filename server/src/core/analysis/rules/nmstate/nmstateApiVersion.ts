import { isScalar } from 'yaml';
import { nmstateKind } from '../../../kinds/nmstate/kind';
import { NNCP_API_VERSION, type NmstateModel } from '../../../kinds/nmstate/model';
import { replaceVerbatimEdit } from '../../../text/edits';
import { rangeOfNode } from '../../../text/yamlDocuments';
import { embeddedTextOfScalar } from '../../../text/yamlScalar';
import type { Rule } from '../rule';

const DEPRECATED = 'nmstate.io/v1beta1';

/**
 * `nmstate.io/v1beta1` NodeNetworkConfigurationPolicies are still served, with a deprecation
 * warning, since kubernetes-nmstate v0.56.0 made `nmstate.io/v1` the stored version.
 */
export const nmstateApiVersion: Rule = {
  id: 'nmstate-api-version',
  check({ text, kind, model, report }) {
    if (kind !== nmstateKind) return;
    const policy = model as NmstateModel;
    const node = policy.apiVersion?.value;
    if (policy.form !== 'policy' || !isScalar(node) || node.value !== DEPRECATED) return;
    const edit = replaceVerbatimEdit(text, embeddedTextOfScalar(node, text), NNCP_API_VERSION);
    report({
      severity: 'warning',
      message: `${DEPRECATED} is deprecated for NodeNetworkConfigurationPolicy: use apiVersion: ${NNCP_API_VERSION}.`,
      range: rangeOfNode(node),
      data: { replacement: NNCP_API_VERSION },
      ...(edit ? { fixes: [{ title: `Change to ${NNCP_API_VERSION}`, edits: [edit], safe: true }] } : {}),
    });
  },
};
