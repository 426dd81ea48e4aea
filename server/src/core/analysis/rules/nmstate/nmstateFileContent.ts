import type { Rule } from '../rule';

/**
 * An nmstate file of a MachineConfig whose contents nmstate cannot read as a state: not YAML,
 * not one mapping, or a whole Kubernetes object (a NodeNetworkConfigurationPolicy pasted in).
 * The MachineConfig kind says why (kinds/machineconfig/nmstateFiles.ts), at the characters at fault.
 */
export const nmstateFileContent: Rule = {
  id: 'nmstate-file-content',
  check({ ignition, report }) {
    for (const file of ignition?.files ?? []) {
      const problem = file.nmstate?.problem;
      if (problem) report({ severity: 'error', message: problem.message, range: problem.range });
    }
  },
};
