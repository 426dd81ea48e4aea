import { unreachableNextHop } from '../../../kinds/nmstate/stateInterfaces';
import type { Rule } from '../rule';

/**
 * A next hop outside every subnet of its interface, when the state gives that interface all its
 * addresses of the family (static ones, no DHCP or autoconf): the kernel refuses a gateway that
 * is not on the link ("Nexthop has invalid gateway") and nmstate has no `onlink` to say
 * otherwise, so the policy fails. When an address may come from DHCP the file cannot tell.
 */
export const nmstateNextHopUnreachable: Rule = {
  id: 'nmstate-next-hop-unreachable',
  check({ states, report }) {
    for (const applied of states) {
      for (const route of applied.state.routes) {
        const found = unreachableNextHop(applied.state, route);
        if (!found) continue;
        const name = route.nextHopInterface!.value;
        report({
          severity: 'error',
          message: `Next hop ${route.gateway!.value} is outside ${name}'s subnets, so the kernel refuses the route: use a gateway on that link.`,
          range: route.gateway!.rangeOf(),
          data: { interface: name },
        });
      }
    }
  },
};
