import type { Rule } from '../rule';

/**
 * A custom MachineConfigPool whose machineConfigSelector leaves out worker, or that selects
 * no MachineConfig in view. Judged with the configs of the workspace
 * (analysis/workspaceIndex.ts); `check` has nothing to do.
 */
export const poolSelector: Rule = {
  id: 'pool-selector',
  check() {},
};
