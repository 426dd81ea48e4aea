import type { NmstateState } from '../../../formats/nmstateState';
import { isNmstateRoute, staticSubnets, statesOfRoutes } from '../../../kinds/nmstate/stateInterfaces';
import { contains, formatNetwork } from '../../../net/address';
import { machineRanges, type NamedRange } from '../../../net/clusterRanges';
import type { Rule } from '../rule';
import { routesInside } from '../../../routes/routeFacts';

/**
 * The machine network (setting mcroutes.machineNetwork) is directly connected to the
 * nodes. A static route inside it sends traffic for those nodes through a gateway
 * instead, and node-to-node traffic for them can break. A wider route (10.0.0.0/8 around
 * 10.0.0.0/16) is fine: the connected route is more specific.
 * With several machine networks (remote workers in their own subnet), each node reaches only
 * its own directly, and the routes between them through a gateway are what openshift-docs
 * prescribes (ipi-install-establishing-communication-between-subnets): an nmstate route is
 * flagged then only when its state puts the node in the range it routes.
 */
export const routeOverlapsMachine: Rule = {
  id: 'route-overlaps-machine',
  check({ routes, states, settings, report }) {
    const ranges = machineRanges(settings);
    let appliedOf: ReturnType<typeof statesOfRoutes> | undefined;
    for (const { route, network, hit } of routesInside(routes, ranges)) {
      if (ranges.length > 1 && isNmstateRoute(route)) {
        const state = (appliedOf ??= statesOfRoutes(states)).get(route)?.state;
        if (!state || !hasAddressIn(state, hit)) continue;
      }
      report({
        severity: 'warning',
        message: `${formatNetwork(network)} lies in ${hit.what} ${hit.cidr}, which the nodes reach directly: route another network.`,
        range: route.destination.rangeOf(),
        data: { range: hit.cidr },
      });
    }
  },
};

/** Whether an interface of the state has a static address inside `range`: the node is on it. */
function hasAddressIn(state: NmstateState, range: NamedRange): boolean {
  return state.interfaces.some((iface) => [iface.ipv4, iface.ipv6].some((config) =>
    staticSubnets(config).some((subnet) => contains(range.network.address, range.network.prefix, subnet.address))));
}
