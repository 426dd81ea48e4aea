import { isGeneratedByPlatform, keyRange } from '../../../kinds/machineconfig/model';
import { hasPlaceholder } from '../../../text/placeholder';
import { ROLE_LABEL } from '../../../kinds/machineconfig/pools';
import { mapAt, pairOf, rangeOfNode, scalarAt, stringValue } from '../../../text/yamlDocuments';
import { quoted } from '../../../text/quote';
import type { Rule } from '../rule';

const STANDARD_ROLES = new Set(['worker', 'master']);

/** Without the role label no MachineConfigPool selects the config and nothing happens. */
export const mcRoleLabel: Rule = {
  id: 'mc-role-label',
  check({ machineConfig: mc, report }) {
    // A rendered config is selected by its pool's name, not by a role label.
    if (!mc || isGeneratedByPlatform(mc)) return;
    const metadataPair = pairOf(mc.root, 'metadata');
    const labelsPair = pairOf(mc.metadata, 'labels');
    const labels = mapAt(mc.metadata, 'labels');
    const rolePair = pairOf(labels, ROLE_LABEL);
    if (!rolePair) {
      const where = labelsPair ?? metadataPair ?? mc.kind;
      report({
        severity: 'error',
        message: `Without a role label no pool selects this config: add the label ${ROLE_LABEL}: worker.`,
        range: keyRange(where),
        data: { label: ROLE_LABEL },
      });
      return;
    }
    const role = stringValue(scalarAt(labels, ROLE_LABEL));
    if (!role) {
      report({
        severity: 'error',
        message: `The role label needs a pool name such as worker or master.`,
        range: rolePair.value ? rangeOfNode(rolePair.value) : keyRange(rolePair),
      });
      return;
    }
    if (!STANDARD_ROLES.has(role) && !hasPlaceholder(role)) {
      // Pools usually live on the cluster, not beside the file: a question until pools are in view.
      report({
        severity: 'info',
        message: `Role ${quoted(role, 30)} needs a pool that selects it, and none is in view: check the cluster has one.`,
        range: rangeOfNode(rolePair.value),
        data: { role },
      });
    }
  },
  /**
   * A pool of the file or the workspace that selects the role answers the finding; pools in
   * view that all leave the role out make it a warning: this config then reaches no node.
   */
  settleInFile(problem, file) {
    const role = problem.data?.role;
    if (typeof role !== 'string') return problem;
    if (file.poolRoles.has(role) || file.workspace?.poolRoles.has(role)) return undefined;
    if (file.pools + (file.workspace?.pools ?? 0) === 0) return problem;
    return {
      ...problem,
      severity: 'warning',
      message: `No pool in view selects role ${quoted(role, 30)}, so this config reaches no node: add the role to a pool's selector.`,
    };
  },
};
