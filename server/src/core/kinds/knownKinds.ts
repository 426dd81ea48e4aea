import { MACHINECONFIG_API_VERSION } from './machineconfig/model';
import { AGENTCONFIG_API_VERSIONS, AGENTCONFIG_KIND, NMSTATECONFIG_API_VERSION, NMSTATECONFIG_KIND, NNCP_API_VERSIONS, NNCP_KIND } from './nmstate/model';

/**
 * The Kubernetes kinds mcroutes reads (a document of another kind gets nothing from it), with
 * the apiVersions it reads them in. Completion of `kind:` and `apiVersion:` offers these.
 */
export interface KnownKind {
  kind: string;
  /** The one to write first (the version the cluster serves today), then older ones still read. */
  apiVersions: readonly string[];
  /** What a document of the kind does, in a few words. */
  what: string;
}

export const KNOWN_KINDS: readonly KnownKind[] = [
  { kind: 'MachineConfig', apiVersions: [MACHINECONFIG_API_VERSION], what: 'node configuration (files, systemd units) that the Machine Config Operator applies to every node of a pool' },
  { kind: 'MachineConfigPool', apiVersions: [MACHINECONFIG_API_VERSION], what: 'a group of nodes and the label selector that picks its MachineConfigs' },
  { kind: NNCP_KIND, apiVersions: NNCP_API_VERSIONS, what: 'a network state the Kubernetes NMState Operator applies to the nodes its nodeSelector picks' },
  { kind: NMSTATECONFIG_KIND, apiVersions: [NMSTATECONFIG_API_VERSION], what: 'one host\'s network for an agent-based or assisted install' },
  // agent-config.yaml: its apiVersion has no group.
  { kind: AGENTCONFIG_KIND, apiVersions: [...AGENTCONFIG_API_VERSIONS].reverse(), what: 'the hosts of an agent-based install (agent-config.yaml) and their networkConfig' },
];
