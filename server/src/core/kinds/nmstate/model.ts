import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { fileSource, readNmstateState, type NmstateRoute, type NmstateState } from '../../formats/nmstateState';
import type { DeclaredNetworks } from '../../text/settings';
import { mapAt, pairOf, scalarAt, seqAt, stringValue, type YamlDocument } from '../../text/yamlDocuments';

/**
 * NMState (../shared/domain/NMSTATE.md) as a document of its own: a NodeNetworkConfigurationPolicy
 * (`nmstate.io/v1`, `v1beta1` or the removed `v1alpha1`, the state under `spec.desiredState`), an NMStateConfig
 * (`agent-install.openshift.io/v1beta1`, the state under `spec.config`) or a bare nmstate state
 * file (top-level `interfaces:`/`routes:`…, no `kind`/`apiVersion`), or the hosts' `networkConfig`
 * of an agent-config.yaml or install-config.yaml. The nmstate files inside
 * MachineConfigs are read by the MachineConfig kind with the same state reader.
 */

export const NNCP_KIND = 'NodeNetworkConfigurationPolicy';
export const NNCP_API_VERSION = 'nmstate.io/v1';
// v1alpha1 is still in old documentation and blog posts: read it, so that its state is checked
// and nmstate-api-version can say it is no longer served.
export const NNCP_API_VERSIONS: readonly string[] = [NNCP_API_VERSION, 'nmstate.io/v1beta1', 'nmstate.io/v1alpha1'];
export const NMSTATECONFIG_KIND = 'NMStateConfig';
export const NMSTATECONFIG_API_VERSION = 'agent-install.openshift.io/v1beta1';

/** The top-level keys of an nmstate state (nmstate's NetworkState); a bare file with any other key is not taken for one. */
export const STATE_KEYS: ReadonlySet<string> = new Set(['interfaces', 'routes', 'route-rules', 'dns-resolver', 'hostname', 'ovs-db', 'ovn', 'description', 'dispatch']);

/**
 * The top-level keys of nmstate's policy format (nmstate's NetworkPolicy: `capture` and
 * `desiredState`, alias `desired`, and `current`), which `nmstatectl apply` reads when the
 * text is no NetworkState (nmstate 2.2.1 and later). The MCO's own kubevirt nmstate files use it.
 */
export const POLICY_KEYS: ReadonlySet<string> = new Set(['capture', 'desiredState', 'desired', 'current']);

/** The keys of which at least one makes a bare mapping of state keys an nmstate state. */
const STATE_MARKERS = ['interfaces', 'routes', 'route-rules'];

export const AGENTCONFIG_KIND = 'AgentConfig';
export const AGENTCONFIG_API_VERSIONS: readonly string[] = ['v1alpha1', 'v1beta1'];

/**
 * policy: NodeNetworkConfigurationPolicy; nmstateconfig: NMStateConfig; state: a bare state file;
 * hosts: the `networkConfig:` of each host of an agent-config.yaml (`hosts[]`) or an
 * install-config.yaml (`platform.baremetal.hosts[]`), applied per host at install time.
 */
export type NmstateForm = 'policy' | 'nmstateconfig' | 'state' | 'hosts';

/** One host of an agent-config or install-config with its networkConfig state. */
export interface HostState {
  host: YAMLMap;
  /** `hostname:` (agent-config) or `name:` (install-config), as written. */
  name?: string;
  state: NmstateState;
}

export interface NmstateModel {
  form: NmstateForm;
  root: YAMLMap;
  /** `apiVersion:` of a policy or NMStateConfig. */
  apiVersion?: Pair<Scalar, Node | null>;
  spec?: YAMLMap;
  /** `spec.nodeSelector` of a policy, whatever its value. */
  nodeSelector?: Pair<Scalar, Node | null>;
  /** `spec.capture` of a policy: the names its state may reference. */
  capture?: YAMLMap;
  /** The pair that holds the state (`spec.desiredState`, `spec.config`), whatever its value; absent for a bare state. */
  statePair?: Pair<Scalar, Node | null>;
  /** The state, when it is a mapping. */
  state?: NmstateState;
  /** The states of the hosts of an agent-config or install-config (form `hosts`). */
  hosts?: HostState[];
  routes: NmstateRoute[];
  /** A bare file in nmstate's policy format (`capture:` + `desiredState:`): its captures are filled in. */
  policyFormat?: boolean;
  /** The ranges an install-config declares in `networking` (form `hosts`). */
  networks?: DeclaredNetworks;
}

function isPolicyRoot(root: YAMLMap): boolean {
  return stringValue(scalarAt(root, 'kind')) === NNCP_KIND && NNCP_API_VERSIONS.includes(stringValue(scalarAt(root, 'apiVersion')) ?? '');
}

function isNmstateConfigRoot(root: YAMLMap): boolean {
  return stringValue(scalarAt(root, 'kind')) === NMSTATECONFIG_KIND && stringValue(scalarAt(root, 'apiVersion')) === NMSTATECONFIG_API_VERSION;
}

/** A bare nmstate state: only nmstate's top-level keys, among them interfaces, routes or route-rules. */
function isStateRoot(root: YAMLMap): boolean {
  if (root.items.length === 0) return false;
  let marked = false;
  for (const item of root.items) {
    if (!isPair(item) || !isScalar(item.key)) return false;
    const key = String(item.key.value);
    if (!STATE_KEYS.has(key)) return false;
    if (STATE_MARKERS.includes(key)) marked = true;
  }
  // `interfaces:` alone is a common word: an nmstate one lists mappings that have a name.
  const interfaces = pairOf(root, 'interfaces')?.value;
  if (interfaces !== undefined && !(isSeq(interfaces) && interfaces.items.every((item) => isMap(item) && pairOf(item, 'name')))) return false;
  return marked;
}

/** A bare file in nmstate's policy format: only its keys, with a `desiredState` (or `desired`) mapping. */
function isPolicyFormatRoot(root: YAMLMap): boolean {
  if (!root.items.every((item) => isPair(item) && isScalar(item.key) && POLICY_KEYS.has(String(item.key.value)))) return false;
  return isMap(pairOf(root, 'desiredState')?.value ?? pairOf(root, 'desired')?.value);
}

/** The hosts list of an agent-config (`hosts`) or an install-config (`platform.baremetal.hosts`). */
function hostListOf(root: YAMLMap): YAMLSeq | undefined {
  const kind = stringValue(scalarAt(root, 'kind'));
  const apiVersion = stringValue(scalarAt(root, 'apiVersion')) ?? '';
  if (kind === AGENTCONFIG_KIND && AGENTCONFIG_API_VERSIONS.includes(apiVersion)) return seqAt(root, 'hosts');
  // install-config.yaml has no kind: apiVersion v1, a baseDomain and a platform.
  if (kind === undefined && apiVersion === 'v1' && pairOf(root, 'baseDomain')) return seqAt(mapAt(mapAt(root, 'platform'), 'baremetal'), 'hosts');
  return undefined;
}

/** Ours only when a host writes a networkConfig: the rest of these files is the installer's. */
function isHostsRoot(root: YAMLMap): boolean {
  return hostListOf(root)?.items.some((host) => isMap(host) && isMap(pairOf(host, 'networkConfig')?.value)) ?? false;
}

export function isNmstateRoot(root: unknown): boolean {
  return isMap(root) && (isPolicyRoot(root) || isNmstateConfigRoot(root) || isStateRoot(root) || isPolicyFormatRoot(root) || isHostsRoot(root));
}

/**
 * An install-config's `networking` (machineNetwork[].cidr, clusterNetwork[].cidr,
 * serviceNetwork[]): the cluster's real ranges, better than the settings' defaults for the
 * routes of its hosts. Only lists that hold at least one string are taken.
 */
function installConfigNetworks(root: YAMLMap): DeclaredNetworks | undefined {
  if (stringValue(scalarAt(root, 'kind')) !== undefined) return undefined;
  const networking = mapAt(root, 'networking');
  if (!networking) return undefined;
  const cidrs = (key: string, inItems: boolean): string[] => {
    const found: string[] = [];
    for (const item of seqAt(networking, key)?.items ?? []) {
      const value = stringValue(inItems ? (isMap(item) ? scalarAt(item, 'cidr') : undefined) : (isScalar(item) ? item : undefined));
      if (value) found.push(value);
    }
    return found;
  };
  const networks: DeclaredNetworks = {};
  const machine = cidrs('machineNetwork', true);
  const cluster = cidrs('clusterNetwork', true);
  const service = cidrs('serviceNetwork', false);
  if (machine.length > 0) networks.machineNetwork = machine;
  if (cluster.length > 0) networks.clusterNetwork = cluster;
  if (service.length > 0) networks.serviceNetwork = service;
  return Object.keys(networks).length > 0 ? networks : undefined;
}

const WHERE: Readonly<Record<NmstateForm, string>> = {
  policy: 'this policy\'s routes.config',
  nmstateconfig: 'this NMStateConfig\'s routes.config',
  state: 'this state\'s routes.config',
  hosts: 'this host\'s routes.config',
};

export function buildNmstate(document: YamlDocument, text: string): NmstateModel {
  const root = document.contents as YAMLMap;
  const form: NmstateForm = isPolicyRoot(root) ? 'policy' : isNmstateConfigRoot(root) ? 'nmstateconfig'
    : isStateRoot(root) || isPolicyFormatRoot(root) ? 'state' : 'hosts';
  const source = fileSource(text);
  if (form === 'hosts') {
    const hosts: HostState[] = [];
    for (const host of hostListOf(root)?.items ?? []) {
      const networkConfig = isMap(host) ? pairOf(host, 'networkConfig')?.value : undefined;
      if (!isMap(host) || !isMap(networkConfig)) continue;
      const name = stringValue(scalarAt(host, 'hostname')) ?? stringValue(scalarAt(host, 'name'));
      hosts.push({ host, ...(name ? { name } : {}), state: readNmstateState(networkConfig, source, WHERE.hosts) });
    }
    const model: NmstateModel = { form, root, hosts, routes: hosts.flatMap((host) => host.state.routes) };
    const networks = installConfigNetworks(root);
    if (networks) model.networks = networks;
    return model;
  }
  if (form === 'state' && isPolicyFormatRoot(root)) {
    const statePair = pairOf(root, 'desiredState') ?? pairOf(root, 'desired')!;
    const state = readNmstateState(statePair.value as YAMLMap, source, WHERE.state);
    const capture = mapAt(root, 'capture');
    return { form, root, statePair, state, routes: state.routes, policyFormat: true, ...(capture ? { capture } : {}) };
  }
  if (form === 'state') {
    const state = readNmstateState(root, source, WHERE.state);
    return { form, root, state, routes: state.routes };
  }
  const spec = mapAt(root, 'spec');
  const statePair = pairOf(spec, form === 'policy' ? 'desiredState' : 'config');
  const model: NmstateModel = { form, root, routes: [] };
  const apiVersion = pairOf(root, 'apiVersion');
  if (apiVersion) model.apiVersion = apiVersion;
  if (spec) model.spec = spec;
  if (statePair) model.statePair = statePair;
  if (form === 'policy') {
    const nodeSelector = pairOf(spec, 'nodeSelector');
    if (nodeSelector) model.nodeSelector = nodeSelector;
    const capture = mapAt(spec, 'capture');
    if (capture) model.capture = capture;
  }
  if (isMap(statePair?.value)) {
    model.state = readNmstateState(statePair.value, source, WHERE[form]);
    model.routes = model.state.routes;
  }
  return model;
}
