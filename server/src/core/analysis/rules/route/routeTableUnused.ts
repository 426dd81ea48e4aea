import { consultedTablesOf, routeTablesOf } from '../../../kinds/machineconfig/routingTables';
import type { AppliedState } from '../../../kinds/documentKind';
import { stateName } from '../../../kinds/nmstate/stateInterfaces';
import type { Finding, Rule } from '../rule';

/**
 * A route in a table other than main, local or default is consulted only when a routing
 * rule sends packets to that table (`ip rule`, NetworkManager routing-rules, NMState
 * route-rules) or the table belongs to a VRF. Without either in the config, the route is
 * added and never used. Said once per table, on its first route.
 * An NMState state counts its own `route-rules` (`route-table: N`) and VRFs
 * (`route-table-id: N`); a MachineConfig's nmstate file also what the rest of the
 * MachineConfig consults. A policy sees only itself: a route-only policy whose rules live in
 * another policy is told so as a question (info); a state that writes rules or VRFs, or one
 * that is a node's whole configuration, gets the warning.
 */
export const routeTableUnused: Rule = {
  id: 'route-table-unused',
  check({ ignition: mc, states, report }) {
    for (const applied of states) checkState(applied, mc ? consultedTablesOf(mc) : undefined, report);
    if (!mc) return;
    const uses = routeTablesOf(mc);
    if (uses.length === 0) return;
    const consulted = consultedTablesOf(mc);
    if (consulted.unknown) return;
    const said = new Set<string>();
    for (const use of uses) {
      if (consulted.keys.has(use.key) || said.has(use.key)) continue;
      said.add(use.key);
      report({
        severity: 'warning',
        message: `No rule or VRF of this config looks up table ${use.table.value}, so this route is never used: add a rule or use the main table.`,
        range: use.table.rangeOf(),
        data: { table: use.key },
      });
    }
  },
};

/** 0 is "unspecified" to nmstate (the main table); 253, 254, 255 are consulted by the kernel's own rules. */
const BUILT_IN = new Set([0, 253, 254, 255]);

function checkState(applied: AppliedState, machineConfig: { keys: Set<string>; unknown: boolean } | undefined, report: (finding: Finding) => void): void {
  const { state } = applied;
  if (machineConfig?.unknown) return;
  const consulted = new Set<number>();
  let writesRules = false;
  for (const rule of state.routeRules) {
    writesRules = true;
    if (!rule.removal && rule.routeTable && /^\d+$/.test(rule.routeTable.value)) consulted.add(Number(rule.routeTable.value));
  }
  for (const iface of state.interfaces) {
    if (iface.type?.value !== 'vrf' && !iface.vrfTable) continue;
    writesRules = true;
    if (iface.vrfTable && /^\d+$/.test(iface.vrfTable.value)) consulted.add(Number(iface.vrfTable.value));
  }
  const said = new Set<number>();
  for (const route of state.routes) {
    if (route.removal || !route.table || !/^\+?\d+$/.test(route.table.value)) continue;
    const table = Number(route.table.value);
    if (BUILT_IN.has(table) || consulted.has(table) || said.has(table) || machineConfig?.keys.has(String(table))) continue;
    said.add(table);
    const alone = applied.via === 'policy' && !writesRules;
    report({
      severity: alone ? 'info' : 'warning',
      message: alone
        ? `No route rule or VRF of this policy looks up table ${route.table.value}: check that another policy adds one.`
        : `No route rule or VRF of ${stateName(applied)} looks up table ${route.table.value}, so this route is never used: add a route rule for it.`,
      range: route.table.rangeOf(),
      data: { table: String(table) },
    });
  }
}
