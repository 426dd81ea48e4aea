import { routesOf } from '../model';
import { destinationNetwork, isRemoval } from '../routeFacts';
import type { Rule } from './rule';

/**
 * On OVN-Kubernetes in the default shared gateway mode, pod egress leaves through OVN's
 * gateway router straight onto br-ex and never consults the host routing table: the
 * routes of this config serve the node's own traffic (and host-network pods) only. Pods
 * follow them with `gatewayConfig.routingViaHost: true` (local gateway mode). One info
 * per MachineConfig, on its first added route.
 */
export const routeOvnEgress: Rule = {
  id: 'route-ovn-egress',
  check({ machineConfig: mc, settings, report }) {
    if (!mc || settings.networkType !== 'OVNKubernetes') return;
    const first = routesOf(mc).find((route) => !isRemoval(route) && destinationNetwork(route) !== undefined);
    if (!first) return;
    report({
      severity: 'hint',
      message: 'On OVN-Kubernetes, pod egress does not use these host routes unless the cluster sets gatewayConfig.routingViaHost: true (spec.defaultNetwork.ovnKubernetesConfig of network.operator); they apply to the node itself and host-network pods.',
      range: first.destination.rangeOf(),
    });
  },
};
