import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { fileSource, readNmstateState, type NmstateRoute, type NmstateState } from '../../formats/nmstateState';
import { mapAt, pairOf, scalarAt, stringValue, type YamlDocument } from '../../text/yamlDocuments';

/**
 * NMState (../shared/domain/NMSTATE.md) as a document of its own: a NodeNetworkConfigurationPolicy
 * (`nmstate.io/v1` or `v1beta1`, the state under `spec.desiredState`), an NMStateConfig
 * (`agent-install.openshift.io/v1beta1`, the state under `spec.config`) or a bare nmstate state
 * file (top-level `interfaces:`/`routes:`…, no `kind`/`apiVersion`). The nmstate files inside
 * MachineConfigs are read by the MachineConfig kind with the same state reader.
 */

export const NNCP_KIND = 'NodeNetworkConfigurationPolicy';
export const NNCP_API_VERSION = 'nmstate.io/v1';
export const NNCP_API_VERSIONS: readonly string[] = [NNCP_API_VERSION, 'nmstate.io/v1beta1'];
export const NMSTATECONFIG_KIND = 'NMStateConfig';
export const NMSTATECONFIG_API_VERSION = 'agent-install.openshift.io/v1beta1';

/** The top-level keys of an nmstate state (nmstate's NetworkState); a bare file with any other key is not taken for one. */
export const STATE_KEYS: ReadonlySet<string> = new Set(['interfaces', 'routes', 'route-rules', 'dns-resolver', 'hostname', 'ovs-db', 'ovn', 'description', 'dispatch']);

/** The keys of which at least one makes a bare mapping of state keys an nmstate state. */
const STATE_MARKERS = ['interfaces', 'routes', 'route-rules'];

export type NmstateForm = 'policy' | 'nmstateconfig' | 'state';

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
  routes: NmstateRoute[];
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

export function isNmstateRoot(root: unknown): boolean {
  return isMap(root) && (isPolicyRoot(root) || isNmstateConfigRoot(root) || isStateRoot(root));
}

const WHERE: Readonly<Record<NmstateForm, string>> = {
  policy: 'this policy\'s routes.config',
  nmstateconfig: 'this NMStateConfig\'s routes.config',
  state: 'this state\'s routes.config',
};

export function buildNmstate(document: YamlDocument, text: string): NmstateModel {
  const root = document.contents as YAMLMap;
  const form: NmstateForm = isPolicyRoot(root) ? 'policy' : isNmstateConfigRoot(root) ? 'nmstateconfig' : 'state';
  const source = fileSource(text);
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
