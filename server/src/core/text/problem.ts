/** What every rule reports. Offsets are UTF-16 offsets into the whole file text. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Every rule id of the catalogue (docs/rules.md); the diagnostic `code`. Stable once shipped. */
export const RULE_IDS = [
  'yaml-syntax',
  // The MachineConfig envelope
  'mc-api-version', 'mc-name', 'mc-role-label', 'mc-unknown-field', 'mc-os-image-url', 'mc-kernel-type',
  // Ignition
  'ign-version', 'ign-unknown-key', 'ign-butane-syntax', 'ign-not-reconcilable', 'unit-name', 'unit-duplicate',
  'unit-shadows-platform', 'file-mode', 'file-source', 'file-unit-conflict', 'placeholder', 'passwd-ssh-key',
  // The embedded systemd unit
  'unit-parse', 'unit-install-missing', 'unit-network-online', 'unit-oneshot-remain', 'unit-exec-shell',
  'unit-unknown-directive', 'unit-ovn-ordering', 'unit-dependency', 'unit-ovs-disabled', 'unit-oneshot-restart',
  // The nmcli command and its routes
  'route-cidr', 'route-host-bits', 'route-family', 'route-gateway', 'route-metric', 'route-attribute',
  'route-duplicate', 'route-default', 'route-replaces-all', 'route-table-unused', 'nmcli-device-runtime', 'nmcli-ovn-port',
  'nmcli-reserved-iface', 'iface-name',
  // Cluster-aware IP semantics
  'route-overlaps-cluster', 'route-overlaps-ovn', 'route-overlaps-machine', 'route-ovn-egress',
  // NMState: the policy envelope and the nmstate files of a MachineConfig
  'nmstate-api-version', 'nmstate-node-selector', 'nmstate-misindented', 'nmstate-static-address',
  'nmstate-capture-undefined', 'nmstate-br-ex', 'nmstate-file-path', 'nmstate-file-content',
  // The settings themselves
  'settings-network-type',
  // NMState
  'nmstate-unknown-key', 'nmstate-value',
  // NMState: routes, interfaces and tables of a state
  'nmstate-iface-family', 'nmstate-iface-undeclared', 'nmstate-next-hop-unreachable', 'nmstate-hairpin', 'nmstate-rule-priority',
  // Butane configs (variant: openshift)
  'butane-variant', 'butane-version', 'butane-metadata', 'butane-mode-decimal', 'butane-unsupported', 'butane-local',
  'butane-machineconfig-syntax', 'butane-unknown-key',
  // Suppression comments
  'unused-suppression',
  // The pool: what the MachineConfigs of a pool do together, across files
  'mc-overridden', 'pool-selector',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** A change to the file text, in offsets of the text the problem was found in. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
  /**
   * An insertion that goes after every other insertion at the same offset when fixes are
   * applied together: a section appended to a unit follows the lines other fixes add to
   * the unit's last section.
   */
  last?: boolean;
}

/** A quick fix: what the user sees in the light bulb and the edits it makes. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by "fix all" and `mcroutes lint --fix` without review. */
  safe: boolean;
}

export interface Problem {
  code: RuleId;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** Machine-readable facts about the finding (never parse the message). */
  data?: Record<string, unknown>;
  /** Edits that resolve the finding, computed by the rule that knows the exact characters. */
  fixes?: Fix[];
  /** Other places the finding is about (LSP relatedInformation), in this file or another. */
  related?: RelatedLocation[];
}

/** A place a finding points at: offsets into `file`, or into the file of the finding when `file` is absent. */
export interface RelatedLocation {
  /** The other file as the caller indexed it (a URI in the server, a path in the CLI). */
  file?: string;
  start: number;
  end: number;
  message: string;
}

/** A rule that threw: reported to the log, never to the user as a finding. */
export interface RuleFailure {
  rule: string;
  error: string;
}
