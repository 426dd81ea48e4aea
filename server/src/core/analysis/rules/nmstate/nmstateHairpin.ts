import { parseAddress, formatNetwork } from '../../../net/address';
import { destinationNetwork } from '../../../routes/routeFacts';
import { ipConfigOf, kernelInterface, staticSubnets, subnetHolding } from '../../../kinds/nmstate/stateInterfaces';
import type { Rule } from '../rule';

/**
 * A route to the interface's own connected subnet (the subnet of one of its static addresses)
 * through a gateway in that subnet: on-link neighbours are then reached through the gateway
 * whenever this route wins over the connected one, a hair-pin for all local traffic. Only the
 * whole subnet is flagged: a more specific route inside it (a /32 to one peer through a
 * firewall, a part of the subnet on another segment) can be deliberate, and a wider summary
 * route (10.50.0.0/16 via 10.50.0.1 on 10.50.0.5/24) is ordinary.
 */
export const nmstateHairpin: Rule = {
  id: 'nmstate-hairpin',
  check({ states, report }) {
    for (const { state } of states) {
      for (const route of state.routes) {
        if (route.removal || !route.gateway || !route.nextHopInterface) continue;
        const network = destinationNetwork(route);
        const gateway = parseAddress(route.gateway.value);
        if (!network || !gateway || gateway.family !== network.family) continue;
        const iface = kernelInterface(state, route.nextHopInterface.value);
        if (!iface) continue;
        const own = staticSubnets(ipConfigOf(iface, network.family))
          .find((s) => s.network.prefix === network.prefix && formatNetwork(s.network) === formatNetwork(network));
        if (!own || !subnetHolding([own], gateway.address)) continue;
        report({
          severity: 'warning',
          message: `Routing ${route.nextHopInterface.value}'s own subnet via ${route.gateway.value} can hair-pin its on-link traffic: remove this route.`,
          range: route.destination.rangeOf(),
          data: { interface: route.nextHopInterface.value },
        });
      }
    }
  },
};
