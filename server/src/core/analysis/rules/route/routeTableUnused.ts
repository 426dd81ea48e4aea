import { consultedTablesOf, routeTablesOf } from '../../../kinds/machineconfig/routingTables';
import type { Rule } from '../rule';

/**
 * A route in a table other than main, local or default is consulted only when a routing
 * rule sends packets to that table (`ip rule`, NetworkManager routing-rules, NMState
 * route-rules) or the table belongs to a VRF. Without either in the config, the route is
 * added and never used. Said once per table, on its first route.
 */
export const routeTableUnused: Rule = {
  id: 'route-table-unused',
  check({ machineConfig: mc, report }) {
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
        message: `No routing rule or VRF of this config looks up table ${use.table.value}, so this route is never used: add a rule for the table, or use the main table.`,
        range: use.table.rangeOf(),
        data: { table: use.key },
      });
    }
  },
};
