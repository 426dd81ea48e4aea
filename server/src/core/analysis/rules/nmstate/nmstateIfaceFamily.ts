import type { NmstateState } from '../../../formats/nmstateState';
import { ipConfigOf, isCreatedType, kernelInterface } from '../../../kinds/nmstate/stateInterfaces';
import type { Rule } from '../rule';

/**
 * nmstate refuses a route whose next-hop-interface has the route's family disabled ("The next
 * hop interface of desired Route … has been marked as IPv4 disabled", rust/src/lib/route.rs).
 * Disabled means `enabled: false`, or, for an interface the state creates (a vlan, a bond…),
 * no `enabled: true` at all: nmstate reads a missing `enabled` as false and has no current
 * interface to take it from. A NIC declared without the block keeps what it has: not flagged.
 * A route through an interface the state removes (`state: absent`) is refused the same way
 * ("has been marked as absent").
 */
export const nmstateIfaceFamily: Rule = {
  id: 'nmstate-iface-family',
  check({ states, report }) {
    for (const { state } of states) {
      for (const route of state.routes) {
        if (route.removal || !route.nextHopInterface) continue;
        const name = route.nextHopInterface.value;
        if (isRemovedInterface(state, name)) {
          report({
            severity: 'error',
            message: `${name} is removed by this state, so nmstate refuses a route through it: drop the route or keep ${name}.`,
            range: route.nextHopInterface.rangeOf(),
            data: { interface: name, absent: true },
          });
          continue;
        }
        const iface = kernelInterface(state, name);
        if (!iface) continue;
        const family = route.propertyFamily;
        const block = `ipv${family}`;
        const config = ipConfigOf(iface, family);
        let message: string | undefined;
        if (config?.enabled === false) {
          message = `${name} has ${block} enabled: false, so nmstate refuses this route: enable ${block} on it.`;
        } else if (isCreatedType(iface) && config?.enabled !== true) {
          const what = `${iface.type!.value} ${name}`;
          message = config
            ? `${what} is created without ${block} enabled: true, so nmstate refuses this route: add enabled: true.`
            : `${what} is created without ${block}, so nmstate refuses this route: add ${block}: {enabled: true}.`;
        }
        if (!message) continue;
        report({
          severity: 'error',
          message,
          range: route.nextHopInterface.rangeOf(),
          data: { interface: name, family },
        });
      }
    }
  },
};

/** Every declaration of `name` in the state removes it: nothing of that name is left to route through. */
function isRemovedInterface(state: NmstateState, name: string): boolean {
  const declared = state.interfaces.filter((iface) => iface.name?.value === name);
  return declared.length > 0 && declared.every((iface) => iface.state === 'absent');
}
