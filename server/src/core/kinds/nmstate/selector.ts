import { isMap, isScalar, type Node, type Pair, type Scalar } from 'yaml';
import type { NmstateModel } from './model';

/**
 * What a policy's `spec.nodeSelector` picks, as far as the file can tell. The NMState Operator
 * applies a policy to the nodes whose labels match every pair (a map of strings), and to every
 * node when the selector is missing or empty; `kubernetes.io/hostname` names one node.
 */
export type SelectorReach =
  /** No `nodeSelector`, a null one, or `{}`: every node, control plane included. */
  | 'every'
  /** Labels without `kubernetes.io/hostname` (a role label): possibly several nodes. */
  | 'several'
  /** `kubernetes.io/hostname`: one node. */
  | 'one'
  /** Not a map of strings: the API server rejects the policy (or, for a null value, may prune it): the file cannot tell. */
  | 'invalid';

export const HOSTNAME_LABEL = 'kubernetes.io/hostname';

export function selectorReach(model: NmstateModel): SelectorReach {
  const value = model.nodeSelector?.value;
  if (value === undefined || value === null || (isScalar(value) && value.value === null)) return 'every';
  if (!isMap(value)) return 'invalid';
  const pairs = value.items as Pair<Node | null, Node | null>[];
  if (pairs.some((pair) => !isScalar(pair.value) || typeof pair.value.value !== 'string')) return 'invalid';
  if (pairs.length === 0) return 'every';
  return pairs.some((pair) => isScalar(pair.key) && String((pair.key as Scalar).value) === HOSTNAME_LABEL) ? 'one' : 'several';
}
