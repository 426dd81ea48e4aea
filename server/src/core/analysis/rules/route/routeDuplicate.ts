import type { Route, RouteGroup } from '../../../routes/route';
import { attributeOf, destinationNetwork, destinationNetworkText, isRemoval, metricOf, tableOf } from '../../../routes/routeFacts';
import { nextHopInterfaceOf } from '../../../kinds/nmstate/stateInterfaces';
import type { Rule } from '../rule';

/**
 * The same destination twice in one property (one `ipv4.routes` argument, one keyfile
 * `[ipv4]` group, or one route file), in the same table with the same metric. NetworkManager drops an exact
 * copy; with another next hop the kernel keeps only one IPv4 route of that metric. Not
 * flagged: another metric (a backup route), another table, NMState routes on another next-hop-interface, IPv4 routes that all carry
 * weight= (ECMP), and IPv6 routes with different next hops (the kernel makes them one
 * multipath route).
 */
export const routeDuplicate: Rule = {
  id: 'route-duplicate',
  check({ routes, report }) {
    for (const group of routeGroups(routes)) {
      // What makes two routes the same kernel route: network, table, metric. NMState routes of
      // one state go out of different interfaces (next-hop-interface): one on ens6 and one on
      // ens7 are two kernel routes, each with its interface's metric. By network, then the
      // few routes of it compared.
      const seen = new Map<string, KernelRoute[]>();
      for (const route of group) {
        if (isRemoval(route)) continue;
        const network = destinationNetwork(route);
        const written = destinationNetworkText(route);
        if (!network || !written) continue;
        const kernel: KernelRoute = { route, table: tableOf(route), metric: metricOf(route), device: nextHopInterfaceOf(route) };
        const sameNetwork = seen.get(written);
        const earlier = sameNetwork?.find((k) => k.table === kernel.table && k.metric === kernel.metric && k.device === kernel.device)?.route;
        if (!earlier) {
          if (sameNetwork) sameNetwork.push(kernel);
          else seen.set(written, [kernel]);
          continue;
        }
        const sameHop = (earlier.gateway?.value ?? '') === (route.gateway?.value ?? '');
        if (!sameHop) {
          if (network.family === 6) continue;
          if (attributeOf(earlier, 'weight') && attributeOf(route, 'weight')) continue;
        }
        const where = route.group.where;
        report({
          severity: 'warning',
          message: sameHop
            ? `${written} is listed twice in ${where}: remove the repetition.`
            : `${written} is already routed via ${earlier.gateway?.value ?? 'the link'} with the same metric: raise the backup's metric or use weight=.`,
          range: route.destination.rangeOf(),
          data: { network: written },
        });
      }
    }
  },
};

/** A route with what makes it one kernel route besides its network. */
interface KernelRoute {
  route: Route;
  table: number | undefined;
  metric: number | undefined;
  device: string;
}

/** The routes of each list (Route.group) that holds more than one, in the order of their first route. */
function routeGroups(routes: readonly Route[]): Route[][] {
  const groups = new Map<RouteGroup, Route[]>();
  for (const route of routes) {
    const group = groups.get(route.group);
    if (group) group.push(route);
    else groups.set(route.group, [route]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}
