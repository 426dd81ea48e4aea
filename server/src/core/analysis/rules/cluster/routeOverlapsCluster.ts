import { formatNetwork } from '../../../net/address';
import { podAndServiceRanges } from '../../../net/clusterRanges';
import type { Rule } from '../rule';
import { routesInside } from '../../../routes/routeFacts';

/**
 * A route into the cluster (pod) network or the service network (settings
 * mcroutes.clusterNetwork / serviceNetwork) sends pod or service traffic of this node out
 * of the cluster network. Only routes inside (or equal to) those ranges are flagged: a
 * wider route such as 10.0.0.0/8 loses to the cluster's more specific routes by longest
 * prefix match, and the default route is route-default's business.
 */
export const routeOverlapsCluster: Rule = {
  id: 'route-overlaps-cluster',
  check({ routes, settings, report }) {
    const ranges = podAndServiceRanges(settings);
    for (const { route, network, hit } of routesInside(routes, ranges)) {
      report({
        severity: 'error',
        message: `${formatNetwork(network)} lies in ${hit.what} ${hit.cidr} and breaks traffic to it: route another network.`,
        range: route.destination.rangeOf(),
        data: { range: hit.cidr },
      });
    }
  },
};
