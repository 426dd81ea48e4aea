import { BR_EX, declaresInterface, stateName } from '../../../kinds/nmstate/stateInterfaces';
import type { Rule } from '../rule';

/**
 * A state that declares interfaces and routes over one it does not declare: nmstate takes
 * the interface as it is on the node, so it must exist, with an address in the next hop's
 * subnet, on every node the state reaches; often the name is a typo of a declared one. Said
 * once per interface per state. A route-only state (no `interfaces:`) is the documented way
 * to add routes to existing NICs: nothing is said there. br-ex exists on every OVN-Kubernetes node.
 */
export const nmstateIfaceUndeclared: Rule = {
  id: 'nmstate-iface-undeclared',
  check({ states, report }) {
    for (const applied of states) {
      const { state } = applied;
      if (!state.declaresInterfaces || state.interfaces.length === 0) continue;
      const said = new Set<string>();
      for (const route of state.routes) {
        const name = route.nextHopInterface?.value;
        if (route.removal || !name || name === BR_EX || said.has(name) || declaresInterface(state, name)) continue;
        said.add(name);
        report({
          severity: 'warning',
          message: `${name} is not among ${stateName(applied)}'s interfaces, so it must already exist on every node: check the name.`,
          range: route.nextHopInterface!.rangeOf(),
          data: { interface: name },
        });
      }
    }
  },
};
