import { isMap, isScalar, type Node } from 'yaml';
import type { NmstateModel } from '../kinds/nmstate/model';
import { hasPlaceholder } from '../text/placeholder';

/**
 * Which nodes get an nmstate state, in words: the one sentence the hover on
 * `spec.nodeSelector` and the NMState preview share.
 */

const ROLE_LABEL = /^node-role\.kubernetes\.io\/(.+)$/;
const HOSTNAME_LABEL = 'kubernetes.io/hostname';
const CONTROL_PLANE_ROLES = new Set(['master', 'control-plane']);

/** One label of a selector: the key and its value as the API server stores it (a missing value is ""). */
export interface SelectorLabel {
  key: string;
  value: string;
}

/** The labels of `spec.nodeSelector`; undefined when it is not a mapping of scalars (the API server rejects it). */
export function selectorLabels(selector: Node | null | undefined): SelectorLabel[] | undefined {
  if (selector === null || selector === undefined) return [];
  if (isScalar(selector) && (selector.value === null || selector.value === '')) return [];
  if (!isMap(selector)) return undefined;
  const labels: SelectorLabel[] = [];
  for (const item of selector.items) {
    if (!isScalar(item.key) || (item.value !== null && !isScalar(item.value))) return undefined;
    const value = isScalar(item.value) ? item.value.value : null;
    if (value !== null && typeof value === 'object') return undefined;
    labels.push({ key: String(item.key.value), value: value === null || value === undefined ? '' : String(value) });
  }
  return labels;
}

/** "the node named worker-1", "every worker node (node-role.kubernetes.io/worker)", several labels ANDed. */
export function selectorInWords(selector: Node | null | undefined): string {
  const labels = selectorLabels(selector);
  if (labels === undefined) return 'none: spec.nodeSelector is not a mapping of label: value, so the API server rejects the policy';
  if (labels.length === 0) return 'every node — the control plane too (no spec.nodeSelector labels)';
  if (labels.some((l) => hasPlaceholder(l.key) || hasPlaceholder(l.value))) return 'the nodes whose labels match spec.nodeSelector once its placeholders are filled in';
  if (labels.length === 1) return oneLabel(labels[0]);
  return `only the nodes that are all of: ${labels.map(condition).join('; ')}`;
}

function oneLabel(label: SelectorLabel): string {
  const role = ROLE_LABEL.exec(label.key)?.[1];
  if (role && label.value === '') {
    return `every ${CONTROL_PLANE_ROLES.has(role) ? 'control-plane' : role} node (${label.key})`;
  }
  if (label.key === HOSTNAME_LABEL) return `the node named ${label.value} (${HOSTNAME_LABEL})`;
  return `every node labelled ${written(label)}`;
}

/** One label as a condition of several. */
function condition(label: SelectorLabel): string {
  const role = ROLE_LABEL.exec(label.key)?.[1];
  if (role && label.value === '') return `a ${CONTROL_PLANE_ROLES.has(role) ? 'control-plane' : role} node (${label.key})`;
  if (label.key === HOSTNAME_LABEL) return `named ${label.value} (${HOSTNAME_LABEL})`;
  return `labelled ${written(label)}`;
}

function written(label: SelectorLabel): string {
  return `${label.key}=${label.value === '' ? '""' : label.value}`;
}

/** Which nodes a document's state reaches, in words, by what applies it. */
export function statesReach(model: NmstateModel): string {
  switch (model.form) {
    case 'policy': return selectorInWords(model.nodeSelector?.value);
    case 'nmstateconfig': return 'the host whose NICs have the MAC addresses of spec.interfaces, at install time (agent-based or assisted installer)';
    case 'hosts': return 'each host its own networkConfig, at install time (agent-based installer or bare-metal IPI)';
    default: return 'the host nmstatectl applies it on';
  }
}

/** Which nodes an nmstate file of a MachineConfig reaches: the whole pool (cluster.yml) or one node (<hostname>.yml). */
export function machineConfigFileReach(path: string | undefined, role: string | undefined): string {
  const pool = role ? `every node of the ${role} pool` : 'every node of the MachineConfig\'s pool';
  // nmstate.service (nmstatectl service) applies the *.yml files directly in /etc/nmstate/.
  if (path && /^\/etc\/nmstate\/[^/]+\.yml$/.test(path)) return `${pool}, at boot (nmstate.service applies /etc/nmstate/*.yml)`;
  if (!path?.startsWith('/etc/nmstate/openshift/') || !path.endsWith('.yml')) return 'none: nmstate-configuration.service reads only /etc/nmstate/openshift/cluster.yml and <hostname>.yml, nmstate.service only /etc/nmstate/*.yml';
  const name = path.slice('/etc/nmstate/openshift/'.length, -'.yml'.length);
  if (name === 'cluster') return `${pool}, at boot (nmstate-configuration.service)`;
  return `the node named ${name}, at boot (nmstate-configuration.service)`;
}
