/**
 * What the findings of a file assume about its cluster: the release, the network type, the
 * cluster's ranges (the settings', or the ones the file declares itself) and what is known
 * of br-ex. Nothing in a MachineConfig says these, yet many findings depend on them; the
 * editor shows them at a glance (a language status item) for the files the linter reads.
 */
import type { AnalysedDocument, ParsedText } from '../analysis/lint';
import type { SettingsReading } from '../analysis/settings';
import type { NmstateForm, NmstateModel } from '../kinds/nmstate/model';
import { scalarAt, stringValue } from '../text/yamlDocuments';
import type { DeclaredNetworks, NetworkType, Settings } from '../text/settings';

export interface Assumptions {
  /** Whether the linter reads the file (one of its YAML documents is of a kind it knows); when not, nothing else is said. */
  reads: boolean;
  /** What the file's documents are, each kind once, in file order: `MachineConfig`, `Butane config`, `NodeNetworkConfigurationPolicy`. */
  kinds: string[];
  /** `mcroutes.openshiftVersion`; absent: any supported release. */
  release?: string;
  networkType: NetworkType;
  /** The ranges the findings use: the file's own where it declares them (see `declared`), else the settings'. */
  clusterNetwork: string[];
  serviceNetwork: string[];
  machineNetwork: string[];
  /** Which of the ranges the file declares itself (an install-config's `networking`), in place of the settings'. */
  declared: Array<keyof DeclaredNetworks>;
  brExInterface?: string;
  brExCustomizedByNmstate?: boolean;
  ovnMasqueradeSubnet?: string;
  /** The setting values that were not valid and are not used, one sentence each. */
  ignored: string[];
  /** The ids of the settings that hold them (`mcroutes.clusterNetwork`), each once. */
  ignoredSettings: string[];
  /** All of it in a sentence, for a screen reader. */
  summary: string;
  /**
   * One short row per setting (`OVN-Kubernetes` · network type): the editor shows
   * each as a line of its own, with a link to that setting, as a wide single line does not
   * fit the pop-up of the status bar's corner.
   */
  rows: AssumptionRow[];
}

export interface AssumptionRow {
  /** Stable per setting: `networkType`, `clusterNetwork`… */
  key: string;
  /** The value: `10.128.0.0/14`, `4.16`, `any release`. */
  text: string;
  /** What it is: `cluster network`, `cluster network (this file)`. */
  detail: string;
  /** The setting's id, `mcroutes.clusterNetwork`. */
  setting: string;
  /** Values of that setting that were not valid and are not used, one sentence each. */
  ignored: string[];
}

const NETWORK_TYPE_NAMES: Readonly<Record<NetworkType, string>> = { OVNKubernetes: 'OVN-Kubernetes', OpenShiftSDN: 'OpenShift SDN' };
const RANGES = [['clusterNetwork', 'cluster'], ['serviceNetwork', 'service'], ['machineNetwork', 'machine']] as const;

/** The assumptions of the findings of `parsed` (a file's parse) under the settings of `reading`. */
export function assumptionsOf(parsed: ParsedText, reading: SettingsReading): Assumptions {
  const ours = parsed.documents.filter((d) => d.kind);
  const settings: Settings = reading.settings;
  const declared = declaredNetworks(ours);
  const ranges = { ...pick(settings), ...declared };
  const declaredKeys = RANGES.map(([key]) => key).filter((key) => declared[key] !== undefined);
  const ignored = reading.complaints.map((c) => c.message);
  const ignoredSettings = [...new Set(reading.complaints.map((c) => (c.key ? `mcroutes.${c.key}` : 'mcroutes')))];

  const network = NETWORK_TYPE_NAMES[settings.networkType];

  const said = [
    `The findings assume ${network}`,
    settings.openshiftVersion ? `OpenShift ${settings.openshiftVersion}` : 'any supported release',
    ...RANGES.map(([key, what]) => `${what} network ${listed(ranges[key])}${declared[key] ? ' as this file declares' : ''}`),
  ];
  if (settings.brExInterface) said.push(`br-ex on ${settings.brExInterface}`);
  if (settings.brExCustomizedByNmstate) said.push('br-ex customized by NMState');
  if (settings.ovnMasqueradeSubnet) said.push(`OVN masquerade subnet ${settings.ovnMasqueradeSubnet}`);
  const summary = `${said.join(', ')}.${ignored.length > 0 ? ` ${ignored.join(' ')}` : ''}`;

  const ignoredOf = (key: string) => reading.complaints.filter((c) => c.key === key).map((c) => c.message);
  const row = (key: string, text: string, detail: string): AssumptionRow => ({ key, text, detail, setting: `mcroutes.${key}`, ignored: ignoredOf(key) });
  const rows = [
    row('networkType', network, 'network type'),
    row('openshiftVersion', settings.openshiftVersion ?? 'any release', 'OpenShift release'),
    ...RANGES.map(([key, what]) => row(key, listed(ranges[key]), `${what} network${declared[key] ? ' (this file)' : ''}`)),
  ];
  if (settings.brExInterface) rows.push(row('brExInterface', settings.brExInterface, 'NIC under br-ex'));
  if (settings.brExCustomizedByNmstate) rows.push(row('brExCustomizedByNmstate', 'by NMState', 'br-ex customized'));
  if (settings.ovnMasqueradeSubnet) rows.push(row('ovnMasqueradeSubnet', settings.ovnMasqueradeSubnet, 'OVN masquerade subnet'));
  // A complaint about a setting no row shows (the rules map, a wrong section) goes on the first row.
  const elsewhere = reading.complaints.filter((c) => !rows.some((r) => `mcroutes.${c.key}` === r.setting)).map((c) => c.message);
  rows[0].ignored.push(...elsewhere);

  return {
    reads: ours.length > 0,
    kinds: [...new Set(ours.map(kindName))],
    ...(settings.openshiftVersion ? { release: settings.openshiftVersion } : {}),
    networkType: settings.networkType,
    ...ranges,
    declared: declaredKeys,
    ...(settings.brExInterface ? { brExInterface: settings.brExInterface } : {}),
    ...(settings.brExCustomizedByNmstate ? { brExCustomizedByNmstate: true } : {}),
    ...(settings.ovnMasqueradeSubnet ? { ovnMasqueradeSubnet: settings.ovnMasqueradeSubnet } : {}),
    ignored,
    ignoredSettings,
    summary,
    rows,
  };
}

function pick(settings: Settings): Required<DeclaredNetworks> {
  return { clusterNetwork: [...settings.clusterNetwork], serviceNetwork: [...settings.serviceNetwork], machineNetwork: [...settings.machineNetwork] };
}

/** The ranges the file's documents declare (lint.ts checkDocument puts them in place of the settings' for that document). */
function declaredNetworks(documents: readonly AnalysedDocument[]): DeclaredNetworks {
  for (const analysed of documents) {
    // The model is read only for a kind that declares networks: IncrementalLinter rebuilds a model on first read.
    const networks = analysed.kind?.networks?.(analysed.model);
    if (networks) return networks;
  }
  return {};
}

function listed(cidrs: readonly string[]): string {
  return cidrs.length > 0 ? cidrs.join(', ') : 'none';
}

/** What a document is called where a person reads it. */
function kindName({ kind, model }: AnalysedDocument): string {
  if (kind?.id === 'butane') return 'Butane config';
  if (kind?.id === 'machineconfig') return 'MachineConfig';
  if (kind?.id !== 'nmstate') return kind?.id ?? 'YAML';
  const { form, root } = model as NmstateModel;
  if (form !== 'hosts') return NMSTATE_FORMS[form];
  // An agent-config says its kind; an install-config has none.
  return stringValue(scalarAt(root, 'kind')) === undefined ? 'install-config' : 'agent-config';
}

const NMSTATE_FORMS: Readonly<Record<Exclude<NmstateForm, 'hosts'>, string>> = {
  policy: 'NodeNetworkConfigurationPolicy',
  nmstateconfig: 'NMStateConfig',
  state: 'nmstate state',
};
