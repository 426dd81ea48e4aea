import { destinationNetwork, isRemoval, MAIN_TABLE, tableOf } from '../../../routes/routeFacts';
import type { Route } from '../../../routes/route';
import type { Rule } from '../rule';

/**
 * `0.0.0.0/0` or `::/0` in the main table competes with the node's own default route. On
 * OVN-Kubernetes the default gateway interface (br-ex) must not change: unsupported.
 * A default route in its own table (`table=100`, used with a routing rule) does not touch
 * the main table and is not flagged; neither is a removal (`-ipv4.routes`), nor the default
 * route of a host's install-time network config.
 */
export const routeDefault: Rule = {
  id: 'route-default',
  check({ routes, states, settings, report }) {
    // A host's static networking at install time (NMStateConfig, agent-config or install-config
    // networkConfig) must write the default route the node will use: that is how it gets one.
    const perHost = new Set<Route>(states.filter((s) => s.via === 'nmstateconfig' || s.via === 'host').flatMap((s) => s.state.routes));
    for (const route of routes) {
      if (isRemoval(route) || perHost.has(route)) continue;
      const network = destinationNetwork(route);
      if (!network || network.prefix !== 0) continue;
      const table = tableOf(route);
      if (table !== MAIN_TABLE) continue; // its own table (or an unreadable one: route-attribute speaks)
      const ovn = settings.networkType === 'OVNKubernetes';
      report({
        severity: 'warning',
        message: `${route.destination.value} is a default route in the main table: it competes with the node's own default route (the lower metric wins) and can take over all traffic that has no more specific route.` +
          (ovn
            ? ' On OVN-Kubernetes the default gateway interface is br-ex and changing it is unsupported.'
            : '') +
          ' For traffic of one source, put it in its own table (table=N) with a routing rule.',
        range: route.destination.rangeOf(),
        data: { family: network.family },
      });
    }
  },
};
