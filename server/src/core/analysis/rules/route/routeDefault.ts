import type { NmstateRoute, NmstateState } from '../../../formats/nmstateState';
import type { AppliedState } from '../../../kinds/documentKind';
import { BR_EX, isNmstateRoute, kernelInterface, statesOfRoutes } from '../../../kinds/nmstate/stateInterfaces';
import type { Route } from '../../../routes/route';
import { destinationNetwork, isRemoval, MAIN_TABLE, metricOf, tableOf } from '../../../routes/routeFacts';
import type { Settings } from '../../../text/settings';
import { pairOf } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';

/**
 * `0.0.0.0/0` or `::/0` in the main table competes with the node's own default route. On
 * OVN-Kubernetes the default gateway interface (br-ex) must not change: unsupported.
 * A default route in its own table (`table=100`, used with a routing rule) does not touch
 * the main table and is not flagged; neither is a removal (`-ipv4.routes`), nor the default
 * route of a host's install-time network config (nor of a bare state file without br-ex).
 * An NMState route names its interface: on br-ex (the customized br-ex of a MachineConfig
 * carries the node's default route) or on a capture of the current default route's interface
 * it is the node's own; on any other NIC it competes with br-ex's. Two default routes of one
 * family and table on different interfaces of a state, with the same metric, make egress
 * depend on which the kernel took first (IPv4) or on a flow hash (IPv6).
 */
export const routeDefault: Rule = {
  id: 'route-default',
  check({ routes, states, settings, report }) {
    let appliedOf: ReturnType<typeof statesOfRoutes> | undefined;
    for (const route of routes) {
      if (isRemoval(route)) continue;
      const network = destinationNetwork(route);
      if (!network || network.prefix !== 0) continue;
      const table = tableOf(route);
      if (table !== MAIN_TABLE) continue; // its own table (or an unreadable one: route-attribute speaks)
      let message: string | undefined;
      if (!isNmstateRoute(route)) message = defaultMessage(route, settings);
      // A host's install-time network (NMStateConfig, agent-config or install-config networkConfig):
      // its default route is how a static host gets its gateway.
      else if (competesWithBrEx((appliedOf ??= statesOfRoutes(states)).get(route), settings)) message = nmstateMessage(route, settings);
      if (!message) continue;
      report({ severity: 'warning', message, range: route.destination.rangeOf(), data: { family: network.family } });
    }
    for (const { state } of states) reportTies(state, report);
  },
};

/**
 * Whether a default route of this state competes with br-ex's. Not for a host's install-time
 * network. Nor for a bare state file, unless it declares br-ex itself: such a file is most
 * often a host's whole network, tested with `nmstatectl gc` before it goes into an
 * install-config's networkConfig (openshift-docs ipi-install-configuring-host-network-
 * interfaces), where the default route through the host's NIC is its gateway; with the
 * settings naming br-ex's NIC, any other is known to be a secondary one.
 */
function competesWithBrEx(applied: AppliedState | undefined, settings: Settings): boolean {
  if (!applied) return true;
  if (applied.via === 'nmstateconfig' || applied.via === 'host') return false;
  if (applied.via === 'state') return settings.brExInterface !== undefined || applied.state.interfaces.some((iface) => iface.name?.value === BR_EX);
  return true;
}

function defaultMessage(route: Route, settings: Settings): string {
  // On OVN-Kubernetes the node's default route is br-ex's, and moving it is unsupported.
  const own = settings.networkType === 'OVNKubernetes' ? "br-ex's" : "the node's";
  return `${route.destination.value} in the main table competes with ${own} default route: put it in its own table with a routing rule.`;
}

function nmstateMessage(route: NmstateRoute, settings: Settings): string | undefined {
  const name = route.nextHopInterface?.value;
  if (!name) {
    // A capture of the running default route's interface keeps the node's default route where it is.
    if (pairOf(route.entry, 'next-hop-interface')) return undefined;
    return defaultMessage(route, settings);
  }
  if (name === BR_EX || name === settings.brExInterface) return undefined;
  return `${route.destination.value} via ${name} in the main table competes with br-ex's default route: use a table-id with route-rules.`;
}

function reportTies(state: NmstateState, report: Parameters<Rule['check']>[0]['report']): void {
  const seen = new Map<string, NmstateRoute[]>();
  for (const route of state.routes) {
    if (route.removal) continue;
    const network = destinationNetwork(route);
    const table = tableOf(route);
    if (!network || network.prefix !== 0 || table === undefined) continue;
    const key = `${network.family}|${table}`;
    const earlier = seen.get(key) ?? [];
    const tie = earlier.find((other) => sameMetric(state, other, route));
    earlier.push(route);
    seen.set(key, earlier);
    if (!tie) continue;
    // Only routes of one table compete, so the message need not name it.
    report({
      severity: 'warning',
      message: `This default route has the same metric as the one via ${tie.nextHopInterface!.value}, so egress is a coin toss: give one a lower metric.`,
      range: route.destination.rangeOf(),
      data: { family: network.family },
    });
  }
}

/**
 * Two routes on different interfaces with the same metric: both written and equal, or both
 * left out on interfaces of one declared type (NetworkManager's default metric is per type:
 * ethernet 100, bond 300, vlan 400…). Routes on one interface are route-duplicate's business.
 */
function sameMetric(state: NmstateState, a: NmstateRoute, b: NmstateRoute): boolean {
  const [ia, ib] = [a.nextHopInterface?.value, b.nextHopInterface?.value];
  if (!ia || !ib || ia === ib) return false;
  const [ma, mb] = [metricOf(a), metricOf(b)];
  if (a.metric || b.metric) return ma !== undefined && ma === mb;
  const [ta, tb] = [kernelInterface(state, ia)?.type?.value, kernelInterface(state, ib)?.type?.value];
  return ta !== undefined && ta === tb;
}
