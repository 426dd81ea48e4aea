import { formatNetwork } from '../../../net/address';
import { machineRanges } from '../../../net/clusterRanges';
import type { Rule } from '../rule';
import { routesInside } from '../../../routes/routeFacts';

/**
 * The machine network (setting mcroutes.machineNetwork) is directly connected to the
 * nodes. A static route inside it sends traffic for those nodes through a gateway
 * instead, and node-to-node traffic for them can break. A wider route (10.0.0.0/8 around
 * 10.0.0.0/16) is fine: the connected route is more specific.
 */
export const routeOverlapsMachine: Rule = {
  id: 'route-overlaps-machine',
  check({ routes, settings, report }) {
    const ranges = machineRanges(settings);
    for (const { route, network, hit } of routesInside(routes, ranges)) {
      report({
        severity: 'warning',
        message: `${formatNetwork(network)} lies in ${hit.what} ${hit.cidr}, which the nodes reach directly: this route diverts traffic for those addresses${route.gateway ? ` through ${route.gateway.value}` : ''}, and node-to-node traffic there can break. Check the setting mcroutes.machineNetwork if your machine network is another.`,
        range: route.destination.rangeOf(),
        data: { range: hit.cidr },
      });
    }
  },
};
