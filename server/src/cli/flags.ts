/**
 * The flags of the mcroutes commands, read the same way by each with node:util parseArgs:
 * `--flag VALUE` or `--flag=VALUE`, `--` before arguments that start with `-`, and the
 * settings flags every command takes. parseArgs splits the arguments into tokens; the
 * judging (and its messages) is ours, so that every command says the same.
 */
import { parseArgs } from 'node:util';
import { readSettings, type SettingsComplaint } from '../core/analysis/settings';
import type { Settings } from '../core/text/settings';

export class UsageError extends Error {}

export interface FlagSpec {
  /** The command, for "see mcroutes COMMAND --help". */
  command: string;
  /** Flags that take a value; each may be given more than once (see Flags.single). */
  values: readonly string[];
  /** Flags without a value. */
  switches?: readonly string[];
  /** Whether arguments that are not flags (files, `-`) are taken. */
  positional: boolean;
}

export interface Flags {
  values: Map<string, string[]>;
  switches: Set<string>;
  positional: string[];
  /** The value of a flag that may be given once. */
  single(flag: string): string | undefined;
}

export function parseFlags(args: readonly string[], spec: FlagSpec): Flags {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  const positional: string[] = [];
  const see = `(see mcroutes ${spec.command} --help)`;
  // Only the flags that take a value need declaring: parseArgs then gives them the next
  // argument (whatever it is) when no `=VALUE` is attached. Anything else is a token to judge.
  const options = Object.fromEntries(spec.values.map((flag) => [flag.replace(/^--/, ''), { type: 'string' as const, multiple: true }]));
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (!spec.positional) throw new UsageError(`unexpected argument ${JSON.stringify(token.value)} ${see}`);
      positional.push(token.value);
      continue;
    }
    // The argument as given: `-hx` is one unknown option, not -h and -x; `--fix=1` is not --fix.
    const arg = args[token.index];
    const name = token.rawName;
    if (spec.switches?.includes(name) && arg === name) {
      switches.add(name);
      continue;
    }
    if (!spec.values.includes(name)) throw new UsageError(`unknown option ${arg} ${see}`);
    if (token.value === undefined) throw new UsageError(`${name} needs a value`);
    const list = values.get(name);
    if (list) list.push(token.value);
    else values.set(name, [token.value]);
  }
  const single = (flag: string): string | undefined => {
    const given = values.get(flag) ?? [];
    if (given.length > 1) throw new UsageError(`${flag} is given ${given.length} times; give it once`);
    return given[0];
  };
  return { values, switches, positional, single };
}

/** The flags that set what the editor's settings set, and the setting of each. */
export const SETTING_FLAGS: Readonly<Record<string, string>> = {
  '--openshift-version': 'openshiftVersion',
  '--network-type': 'networkType',
  '--cluster-network': 'clusterNetwork',
  '--service-network': 'serviceNetwork',
  '--machine-network': 'machineNetwork',
  '--br-ex-interface': 'brExInterface',
  '--ovn-masquerade-subnet': 'ovnMasqueradeSubnet',
};

/** The switches that set a boolean setting to true. */
export const SETTING_SWITCHES: Readonly<Record<string, string>> = {
  '--br-ex-customized': 'brExCustomizedByNmstate',
};

/** Their lines in each command's help. */
export const SETTING_FLAGS_USAGE = `  --openshift-version V   target release 4.N (default: any supported release)
  --network-type TYPE     OVNKubernetes (default) or OpenShiftSDN
  --cluster-network CIDRS, --service-network CIDRS, --machine-network CIDRS
                          the cluster's ranges, comma-separated (defaults
                          10.128.0.0/14, 172.30.0.0/16, 10.0.0.0/16)
  --br-ex-interface NIC   the NIC br-ex is built on (unset: not known)
  --br-ex-customized      br-ex was customized through NMState at install time
  --ovn-masquerade-subnet CIDR
                          169.254.0.0/17 (installed at 4.17+) or
                          169.254.169.0/29 (upgraded); unset: not known`;

/** The settings the flags give, in the shape of the editor settings (readSettings judges them). */
export function settingsFromFlags(flags: Flags): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [flag, key] of Object.entries(SETTING_FLAGS)) {
    const value = flags.single(flag);
    if (value === undefined) continue;
    settings[key] = key.endsWith('Network') ? value.split(',').map((cidr) => cidr.trim()).filter((cidr) => cidr !== '') : value;
  }
  for (const [flag, key] of Object.entries(SETTING_SWITCHES)) if (flags.switches.has(flag)) settings[key] = true;
  return settings;
}

/** The settings the flags give, judged; a bad value is a UsageError naming its flag. */
export function readFlagSettings(flags: Flags): Settings {
  const { settings, complaints } = readSettings(settingsFromFlags(flags));
  if (complaints.length > 0) throw new UsageError(flagComplaint(complaints[0]));
  return settings;
}

/** A readSettings complaint about a value given as a flag, told with the flag's name (the CLI refuses it: no "it is ignored"). */
export function flagComplaint(complaint: SettingsComplaint): string {
  const key = complaint.key;
  // mcroutes.rules comes from --rule ID=LEVEL.
  const flag = key === 'rules' ? '--rule' : Object.keys(SETTING_FLAGS).find((f) => SETTING_FLAGS[f] === key)
    ?? Object.keys(SETTING_SWITCHES).find((f) => SETTING_SWITCHES[f] === key) ?? 'the settings';
  return `${flag}: ${complaint.problem}.`;
}
