import { destinationNetwork, isRemoval } from '../../../routes/routeFacts';
import type { Rule } from '../rule';

/**
 * On OVN-Kubernetes in the default shared gateway mode, pod egress leaves through OVN's
 * gateway router straight onto br-ex and never consults the host routing table: the
 * routes of this config serve the node's own traffic (and host-network pods) only. Pods
 * follow them with `gatewayConfig.routingViaHost: true` (local gateway mode) and, from 4.14,
 * `gatewayConfig.ipForwarding: Global` for traffic that leaves through a secondary NIC
 * (spec.defaultNetwork.ovnKubernetesConfig of network.operator). One hint per
 * document, on its first added route that is not a default route.
 */
export const routeOvnEgress: Rule = {
  id: 'route-ovn-egress',
  check({ routes, settings, report }) {
    if (settings.networkType !== 'OVNKubernetes') return;
    // A default route is the node's own way out (br-ex's, in a customized br-ex), not a path pods could miss.
    const first = routes.find((route) => !isRemoval(route) && (destinationNetwork(route)?.prefix ?? 0) > 0);
    if (!first) return;
    report({
      severity: 'hint',
      message: 'Pods on OVN-Kubernetes use host routes only with gatewayConfig.routingViaHost: true; the node always does.',
      range: first.destination.rangeOf(),
    });
  },
};
