import { destinationReading, gatewayAddress, routeListName } from '../../../routes/routeFacts';
import type { Rule } from '../rule';

/** An IPv6 route in ipv4.routes (or the reverse, or in the route file of the other family), or a next hop of the other family. */
export const routeFamily: Rule = {
  id: 'route-family',
  check({ routes, report }) {
    for (const route of routes) {
      const property = routeListName(route);
      const destination = destinationReading(route);
      if (destination.ok && destination.family !== route.propertyFamily) {
        report({
          severity: 'error',
          message: `${route.destination.value} is an IPv${destination.family} destination in ${property}; IPv${destination.family} routes belong in ${routeListName(route, destination.family)}.`,
          range: route.destination.rangeOf(),
          data: { property: `ipv${destination.family}.routes` },
        });
        continue;
      }
      const gateway = gatewayAddress(route);
      if (route.gateway && gateway && gateway.family !== route.propertyFamily) {
        report({
          severity: 'error',
          message: `Next hop ${route.gateway.value} is IPv${gateway.family} but the route is in ${property}: use a next hop of the route's family.`,
          range: route.gateway.rangeOf(),
        });
      }
    }
  },
};
