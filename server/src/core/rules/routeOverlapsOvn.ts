import { formatNetwork } from '../address';
import { ovnRanges, routesInside } from '../clusterRanges';
import type { Rule } from './rule';

/**
 * OVN-Kubernetes keeps subnets for itself: join 100.64.0.0/16 (fd98::/64), transit switch
 * 100.88.0.0/16 (fd97::/64) and the masquerade subnet, 169.254.0.0/17 and fd69::/112
 * from OpenShift 4.17 (169.254.169.0/29 and fd69::/125 before). A route inside them
 * breaks the gateway plumbing. The cloud metadata address 169.254.169.254 lies outside
 * all of them. Only on OVN-Kubernetes.
 */
export const routeOverlapsOvn: Rule = {
  id: 'route-overlaps-ovn',
  check({ machineConfig: mc, settings, report }) {
    if (!mc || settings.networkType !== 'OVNKubernetes') return;
    const ranges = ovnRanges(settings);
    for (const { route, network, hit } of routesInside(mc, ranges)) {
      report({
        severity: 'error',
        message: `${formatNetwork(network)} lies in ${hit.what} ${hit.cidr}, which OVN-Kubernetes uses internally: a node route there breaks pod and service traffic. If your network really uses these addresses, change OVN-Kubernetes' internal subnets (network.operator ovnKubernetesConfig) instead.`,
        range: route.destination.rangeOf(),
        data: { range: hit.cidr },
      });
    }
  },
};
