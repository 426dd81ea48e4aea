import { RULE_IDS, type RuleId, type Severity } from './problem';

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
const RULE_LEVELS: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  networkType: 'OVNKubernetes',
  clusterNetwork: ['10.128.0.0/14'],
  serviceNetwork: ['172.30.0.0/16'],
  machineNetwork: ['10.0.0.0/16'],
  rules: {},
});

export interface SettingsReading {
  settings: Settings;
  /** One clear sentence per invalid value; the default is used in its place. */
  complaints: string[];
}

const CIDR_SHAPE = /^[0-9A-Fa-f:.]+\/\d{1,3}$/;
/** Linux interface names: 1-15 bytes, no slash, no whitespace (an empty string means unset). */
const IFACE_NAME = /^(?:[^\s/]{1,15})?$/;

/**
 * Turns whatever the editor or a config file holds into valid settings. Never throws:
 * a wrong type is reported and the default used, so a typo in settings.json cannot
 * silence the linter.
 */
export function readSettings(raw: unknown): SettingsReading {
  const complaints: string[] = [];
  const source = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) {
    complaints.push(`mcroutes settings must be an object; got ${describe(raw)}. Using the defaults.`);
  }

  const openshiftVersion = pick(source, 'openshiftVersion', complaints, undefined,
    (v): v is string | undefined => typeof v === 'string' && /^(?:4\.\d{1,2})?$/.test(v.trim()), 'a release like "4.19", or empty for any supported release');
  const networkType = pick(source, 'networkType', complaints, DEFAULT_SETTINGS.networkType,
    (v): v is NetworkType => v === 'OVNKubernetes' || v === 'OpenShiftSDN', '"OVNKubernetes" or "OpenShiftSDN"');
  const cidrList = (v: unknown): v is string[] =>
    Array.isArray(v) && v.every((item) => typeof item === 'string' && CIDR_SHAPE.test(item.trim()));
  const clusterNetwork = pick(source, 'clusterNetwork', complaints, DEFAULT_SETTINGS.clusterNetwork, cidrList, 'a list of CIDRs like ["10.128.0.0/14"]');
  const serviceNetwork = pick(source, 'serviceNetwork', complaints, DEFAULT_SETTINGS.serviceNetwork, cidrList, 'a list of CIDRs like ["172.30.0.0/16"]');
  const machineNetwork = pick(source, 'machineNetwork', complaints, DEFAULT_SETTINGS.machineNetwork, cidrList, 'a list of CIDRs like ["10.0.0.0/16"]');

  const brExInterface = pick(source, 'brExInterface', complaints, undefined,
    (v): v is string | undefined => typeof v === 'string' && IFACE_NAME.test(v), 'an interface name like "ens3" (1-15 characters, no "/" or spaces)');
  const ovnMasqueradeSubnet = pick(source, 'ovnMasqueradeSubnet', complaints, undefined,
    (v): v is string | undefined => typeof v === 'string' && (v.trim() === '' || CIDR_SHAPE.test(v.trim())), 'a CIDR like "169.254.0.0/17" or "169.254.169.0/29"');

  const brExCustomizedByNmstate = pick(source, 'brExCustomizedByNmstate', complaints, false,
    (v): v is boolean => typeof v === 'boolean', 'true or false');

  const rules = readRuleLevels(source.rules, complaints);

  const settings: Settings = { networkType, clusterNetwork: [...clusterNetwork], serviceNetwork: [...serviceNetwork], machineNetwork: [...machineNetwork], rules };
  // Only present when given, so that settings compare and print as before.
  if (openshiftVersion !== undefined && openshiftVersion.trim() !== '') settings.openshiftVersion = openshiftVersion.trim();
  if (brExInterface !== undefined && brExInterface !== '') settings.brExInterface = brExInterface;
  if (brExCustomizedByNmstate) settings.brExCustomizedByNmstate = true;
  if (ovnMasqueradeSubnet !== undefined && ovnMasqueradeSubnet.trim() !== '') settings.ovnMasqueradeSubnet = ovnMasqueradeSubnet.trim();
  return { settings, complaints };
}

/** The release the findings are judged for, for messages: "OpenShift 4.19", or "any supported OpenShift release" when unset. */
export function releaseName(settings: Pick<Settings, 'openshiftVersion'>): string {
  return settings.openshiftVersion ? `OpenShift ${settings.openshiftVersion}` : 'any supported OpenShift release';
}

/** The minor of the target release (19 for 4.19); undefined when the release is unset (any supported release). */
export function releaseMinor(settings: Pick<Settings, 'openshiftVersion'>): number | undefined {
  const match = /^4\.(\d+)$/.exec(settings.openshiftVersion ?? '');
  return match ? Number(match[1]) : undefined;
}

/** `{"route-default": "off", "unit-oneshot-remain": "hint"}`: each entry checked on its own. */
function readRuleLevels(raw: unknown, complaints: string[]): Partial<Record<RuleId, RuleLevel>> {
  const levels: Partial<Record<RuleId, RuleLevel>> = {};
  if (raw === undefined || raw === null) return levels;
  if (!isRecord(raw)) {
    complaints.push(`mcroutes.rules must be an object like {"route-default": "off"}; got ${describe(raw)}. Using the default severities.`);
    return levels;
  }
  for (const [id, level] of Object.entries(raw)) {
    if (!(RULE_IDS as readonly string[]).includes(id)) {
      complaints.push(`mcroutes.rules: there is no rule ${JSON.stringify(id)}; rule ids are listed in docs/rules.md.`);
    } else if (typeof level !== 'string' || !RULE_LEVELS.includes(level)) {
      complaints.push(`mcroutes.rules.${id} must be one of ${RULE_LEVELS.join(', ')}; got ${describe(level)}. Using its default severity.`);
    } else {
      levels[id as RuleId] = level as RuleLevel;
    }
  }
  return levels;
}

function pick<T>(
  source: Record<string, unknown>,
  key: Exclude<keyof Settings, 'rules'>,
  complaints: string[],
  fallback: T,
  valid: (v: unknown) => v is T,
  expected: string,
): T {
  const value = source[key];
  if (value === undefined || value === null) return fallback;
  if (valid(value)) return value;
  complaints.push(`mcroutes.${key} must be ${expected}; got ${describe(value)}. ${fallback === undefined ? 'Leaving it unset' : `Using ${JSON.stringify(fallback)}`}.`);
  return fallback;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
