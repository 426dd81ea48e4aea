import type { RuleId, Severity } from './problem';

/** The user-facing settings (`mcroutes.*` in the editor, flags in the CLI). */
export type NetworkType = 'OVNKubernetes' | 'OpenShiftSDN';

export interface Settings {
  /**
   * The target release `4.N`, when the user has said so. Unset: any supported release, so
   * only what every one of them accepts is recommended (Ignition 3.4.0, not 3.5.0).
   */
  openshiftVersion?: string;
  networkType: NetworkType;
  clusterNetwork: string[];
  serviceNetwork: string[];
  machineNetwork: string[];
  /**
   * The NIC that br-ex is built on (OVN-Kubernetes), when the user has said so. Nothing in a
   * MachineConfig tells it: without it, findings that depend on it stay questions (info).
   */
  brExInterface?: string;
  /**
   * Whether br-ex was customized through NMState at install time (bare metal: an nmstate file
   * in a MachineConfig). Only then may a NodeNetworkConfigurationPolicy change br-ex, carrying
   * its whole definition. Nothing in a policy tells it; unset (false) unless the user says so.
   */
  brExCustomizedByNmstate?: boolean;
  /**
   * The OVN-Kubernetes masquerade subnet of the cluster: 169.254.0.0/17 for clusters installed
   * at 4.17 or later, 169.254.169.0/29 for clusters upgraded from older releases. Unset: only
   * what is true on both is an error.
   */
  ovnMasqueradeSubnet?: string;
  /** Per-rule severity overrides; `off` silences a rule. */
  rules: Partial<Record<RuleId, RuleLevel>>;
}

/** The cluster's ranges a document itself declares (an install-config's `networking`), in place of the settings'. */
export type DeclaredNetworks = Partial<Pick<Settings, 'clusterNetwork' | 'serviceNetwork' | 'machineNetwork'>>;

export type RuleLevel = Severity | 'off';
/** The levels a rule can be set to, most severe first. */
export const RULE_LEVELS: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  networkType: 'OVNKubernetes',
  clusterNetwork: ['10.128.0.0/14'],
  serviceNetwork: ['172.30.0.0/16'],
  machineNetwork: ['10.0.0.0/16'],
  rules: {},
});

/** The release the findings are judged for, for messages: "OpenShift 4.19", or "any supported OpenShift release" when unset. */
export function releaseName(settings: Pick<Settings, 'openshiftVersion'>): string {
  return settings.openshiftVersion ? `OpenShift ${settings.openshiftVersion}` : 'any supported OpenShift release';
}

/** The minor of the target release (19 for 4.19); undefined when the release is unset (any supported release). */
export function releaseMinor(settings: Pick<Settings, 'openshiftVersion'>): number | undefined {
  const match = /^4\.(\d+)$/.exec(settings.openshiftVersion ?? '');
  return match ? Number(match[1]) : undefined;
}
