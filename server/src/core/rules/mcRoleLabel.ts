import { isGeneratedByPlatform, keyRange } from '../model';
import { hasPlaceholder } from '../placeholder';
import { ROLE_LABEL } from '../pools';
import { mapAt, pairOf, rangeOfNode, scalarAt, stringValue } from '../yamlDocuments';
import type { Rule } from './rule';

export { ROLE_LABEL } from '../pools';
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
        message: `The label ${ROLE_LABEL} is missing: no MachineConfigPool selects this config, so it never reaches a node. Add ${ROLE_LABEL}: worker (or master).`,
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
      report({
        severity: 'warning',
        message: `Role ${JSON.stringify(role)} is not one of the default pools (worker, master): it takes effect only if a custom MachineConfigPool selects it, e.g. machineConfigSelector matchExpressions ${ROLE_LABEL} In [worker, ${role}].`,
        range: rangeOfNode(rolePair.value),
        data: { role },
      });
    }
  },
  // A MachineConfigPool in the same file that selects the role answers the warning.
  holdsInFile(problem, file) {
    const role = problem.data?.role;
    return typeof role !== 'string' || !file.poolRoles.has(role);
  },
};
