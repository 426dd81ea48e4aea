import { formatNetwork } from '../../../net/address';
import { masqueradeRanges, ovnRanges } from '../../../net/clusterRanges';
import type { Rule } from '../rule';
import { routesInside } from '../../../routes/routeFacts';

/**
 * OVN-Kubernetes keeps subnets for itself: join 100.64.0.0/16 (fd98::/64), transit switch
 * 100.88.0.0/16 (fd97::/64) and the masquerade subnet. A route inside them breaks the
 * gateway plumbing. The masquerade subnet is 169.254.0.0/17 (fd69::/112) only on clusters
 * installed at 4.17 or later; upgraded ones keep 169.254.169.0/29 (fd69::/125). Unless
 * mcroutes.ovnMasqueradeSubnet says which, only the /29 is certain (error) and the rest of
 * the /17 is a question (info). The cloud metadata address 169.254.169.254 lies outside
 * all of them. Only on OVN-Kubernetes.
 */
export const routeOverlapsOvn: Rule = {
  id: 'route-overlaps-ovn',
  check({ routes, settings, report }) {
    if (settings.networkType !== 'OVNKubernetes') return;
    const certain = ovnRanges(settings);
    const { possible } = masqueradeRanges(settings);
    for (const { route, network, hit } of routesInside(routes, [...certain, ...possible])) {
      if (possible.includes(hit)) {
        report({
          severity: 'info',
          message: `${formatNetwork(network)} lies in ${hit.cidr}, which may be OVN's masquerade subnet: set mcroutes.ovnMasqueradeSubnet.`,
          range: route.destination.rangeOf(),
          data: { range: hit.cidr },
        });
        continue;
      }
      report({
        severity: 'error',
        message: `${formatNetwork(network)} lies in ${hit.cidr}, a subnet OVN-Kubernetes uses internally: route another network.`,
        range: route.destination.rangeOf(),
        data: { range: hit.cidr },
      });
    }
  },
};
