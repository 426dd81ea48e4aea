import type { Rule } from '../rule';

/**
 * The same unit, drop-in or file written by two MachineConfigs of one pool: MCO merges them
 * by name and the later one wins. Found over the documents of the file and the workspace
 * together (analysis/workspaceIndex.ts), never in one document: `check` has nothing to do.
 */
export const mcOverridden: Rule = {
  id: 'mc-overridden',
  check() {},
};
