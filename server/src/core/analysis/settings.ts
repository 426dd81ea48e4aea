/**
 * Reading the user's settings (`mcroutes.*` in the editor, a config file or flags of the
 * CLI) into valid Settings. Values are checked for what they mean, not for their shape: a
 * CIDR by the address parser the rules use, so that `10.300.0.0/33` is refused here rather
 * than silently matching nothing later. A bad entry of a list or of the rules map is dropped
 * alone; the good ones stay in force.
 */
import { parseCidr } from '../net/address';
import { RULE_IDS, type RuleId } from '../text/problem';
import { quoted } from '../text/quote';
import { closestWord } from '../text/suggest';
import { utf8Length } from '../text/utf8';
import { DEFAULT_SETTINGS, RULE_LEVELS, type NetworkType, type RuleLevel, type Settings } from '../text/settings';

/** The keys of the settings under `mcroutes.`, as the editor, a config file and readSettings know them. */
export type SettingKey = keyof Settings;

/** One value that was not taken. */
export interface SettingsComplaint {
  /** The setting that holds it (`clusterNetwork`, `rules`); absent when the whole section was wrong. */
  key?: SettingKey;
  /** The value, quoted and cut to fit: `"10.300.0.0/33"`. */
  value: string;
  /** What is wrong, naming the value: `"10.300.0.0/33" is not a CIDR`. */
  problem: string;
  /** What is used instead: `it is ignored`, `OVNKubernetes is assumed`. */
  instead: string;
  /** The sentence for the user: `mcroutes.clusterNetwork: "10.300.0.0/33" is not a CIDR; it is ignored.` */
  message: string;
}

export interface SettingsReading {
  settings: Settings;
  /** One per value not taken, in the order of the settings. */
  complaints: SettingsComplaint[];
}

/** `mcroutes.clusterNetwork`: the id the editor knows a setting by. */
export function settingId(key: SettingKey | undefined): string {
  return key === undefined ? 'mcroutes' : `mcroutes.${key}`;
}

/**
 * Turns whatever the editor or a config file holds into valid settings. Never throws: a
 * wrong value is reported and left out, so a typo in settings.json cannot silence the
 * linter, nor throw away the good values beside it.
 */
export function readSettings(raw: unknown): SettingsReading {
  const complaints: SettingsComplaint[] = [];
  /** `problem` says what is wrong with `value`, which it names as `$`. */
  const complain: Complain = (key, value, problem, instead) => {
    const named = shown(value);
    const said = problem.replace('$', () => named);
    complaints.push({ ...(key ? { key } : {}), value: named, problem: said, instead, message: `${settingId(key)}: ${said}; ${instead}.` });
  };
  const source = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) complain(undefined, raw, '$ is not an object of settings', 'the defaults are used');

  const settings: Settings = {
    networkType: DEFAULT_SETTINGS.networkType,
    clusterNetwork: [...DEFAULT_SETTINGS.clusterNetwork],
    serviceNetwork: [...DEFAULT_SETTINGS.serviceNetwork],
    machineNetwork: [...DEFAULT_SETTINGS.machineNetwork],
    rules: {},
  };
  const given = (key: SettingKey): unknown => (source[key] === null ? undefined : source[key]);

  const release = given('openshiftVersion');
  if (typeof release === 'string' && isRelease(release)) {
    // Only present when given, so that settings compare and print as before.
    if (release.trim() !== '') settings.openshiftVersion = release.trim();
  } else if (release !== undefined) {
    complain('openshiftVersion', release, '$ is not a release like "4.19"', 'any supported release is assumed');
  }

  const networkType = given('networkType');
  if (networkType === 'OVNKubernetes' || networkType === 'OpenShiftSDN') settings.networkType = networkType satisfies NetworkType;
  else if (networkType !== undefined) {
    complain('networkType', networkType, '$ is not OVNKubernetes or OpenShiftSDN', `${DEFAULT_SETTINGS.networkType} is assumed`);
  }

  for (const key of ['clusterNetwork', 'serviceNetwork', 'machineNetwork'] as const) {
    const list = given(key);
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      complain(key, list, '$ is not a list of CIDRs', `the default ${DEFAULT_SETTINGS[key].join(', ')} is used`);
      continue;
    }
    // An entry that is no CIDR is dropped alone. A list left empty stays empty: the default
    // is a guess at a cluster the user has said is not theirs, and a finding built on a guess
    // is worse than none.
    settings[key] = [];
    for (const entry of list) {
      if (typeof entry === 'string' && isCidr(entry)) settings[key].push(entry.trim());
      else complain(key, entry, '$ is not a CIDR', 'it is ignored');
    }
  }

  const brEx = given('brExInterface');
  if (typeof brEx === 'string' && isInterfaceName(brEx)) {
    if (brEx !== '') settings.brExInterface = brEx;
  } else if (brEx !== undefined) {
    complain('brExInterface', brEx, '$ is not an interface name (1-15 bytes, no "/", ":" or blanks)', 'it is ignored');
  }

  const customized = given('brExCustomizedByNmstate');
  if (customized === true) settings.brExCustomizedByNmstate = true;
  else if (customized !== undefined && customized !== false) {
    complain('brExCustomizedByNmstate', customized, '$ is not true or false', 'false is assumed');
  }

  const masquerade = given('ovnMasqueradeSubnet');
  if (typeof masquerade === 'string' && (masquerade.trim() === '' || isCidr(masquerade))) {
    if (masquerade.trim() !== '') settings.ovnMasqueradeSubnet = masquerade.trim();
  } else if (masquerade !== undefined) {
    complain('ovnMasqueradeSubnet', masquerade, '$ is not a CIDR', 'it is ignored');
  }

  settings.rules = readRuleLevels(given('rules'), complain);
  return { settings, complaints };
}

/**
 * `address/prefix` with a prefix in range, as the rules parse one: dotted decimal IPv4 (no
 * leading zeros) or IPv6, a prefix written without leading zeros. Blanks around it are
 * allowed (and dropped). package.json's `pattern` for the CIDR settings says the same.
 */
export function isCidr(text: string): boolean {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  if (slash < 0 || !/^(?:0|[1-9]\d*)$/.test(trimmed.slice(slash + 1))) return false;
  return parseCidr(trimmed).ok;
}

/** `4.N`, or empty for any supported release; blanks around it allowed. */
export function isRelease(text: string): boolean {
  return /^\s*(?:4\.\d{1,2})?\s*$/.test(text);
}

/**
 * A Linux interface name (the kernel's dev_valid_name): at most 15 bytes, not `.` or `..`,
 * no `/`, `:` or whitespace. Empty: unset.
 */
export function isInterfaceName(text: string): boolean {
  if (text === '') return true;
  return text !== '.' && text !== '..' && !/[\s/:]/.test(text) && utf8Length(text) <= 15;
}

/** `{"route-default": "off", "unit-oneshot-remain": "hint"}`: each entry checked on its own. */
function readRuleLevels(raw: unknown, complain: Complain): Partial<Record<RuleId, RuleLevel>> {
  const levels: Partial<Record<RuleId, RuleLevel>> = {};
  if (raw === undefined) return levels;
  if (!isRecord(raw)) {
    complain('rules', raw, '$ is not a map of rule ids to levels', 'the default levels are used');
    return levels;
  }
  for (const [id, level] of Object.entries(raw)) {
    if (!(RULE_IDS as readonly string[]).includes(id)) {
      const near = closestWord(id, RULE_IDS);
      complain('rules', id, `there is no rule $${near ? ` (${near}?)` : ''}`, 'it is ignored');
    }
    else if (typeof level !== 'string' || !RULE_LEVELS.includes(level)) {
      complain('rules', level, `$ is not a level for ${id}`, 'its default level is used');
    } else levels[id as RuleId] = level as RuleLevel;
  }
  return levels;
}

type Complain = (key: SettingKey | undefined, value: unknown, problem: string, instead: string) => void;

/** What a notice says about one reading's complaints, and the settings it opens. */
export interface SettingsNotice {
  message: string;
  /** The ids of the settings the complaints are about (`mcroutes.clusterNetwork`), in order, each once. */
  settings: string[];
}

/** How many values a notice names before it says "and N more". */
const NAMED_IN_NOTICE = 2;

/**
 * One notice for the complaints of one reading: the complaint's own sentence when there is
 * one, else the values named in one line (each complaint has its sentence in the log).
 */
export function settingsNotice(complaints: readonly SettingsComplaint[]): SettingsNotice | undefined {
  if (complaints.length === 0) return undefined;
  const settings = [...new Set(complaints.map((c) => settingId(c.key)))];
  if (complaints.length === 1) return { message: complaints[0].message, settings };
  const named = complaints.slice(0, NAMED_IN_NOTICE).map((c) => `${c.key ?? 'mcroutes'} ${c.value}`);
  const more = complaints.length > NAMED_IN_NOTICE ? ` and ${complaints.length - NAMED_IN_NOTICE} more` : '';
  return { message: `mcroutes: ${complaints.length} setting values are not used: ${named.join(', ')}${more}; see the log.`, settings };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A complaint fits one line with a value this long. */
const SHOWN_MAX = 32;

/** A value as a complaint names it: a string quoted, anything else as JSON, cut to fit. */
function shown(v: unknown): string {
  if (typeof v === 'string') return quoted(v, SHOWN_MAX);
  const text = JSON.stringify(v) ?? String(v);
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX - 1)}…` : text;
}
