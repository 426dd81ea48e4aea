import { contains } from '../address';
import { routesOf } from '../model';
import { machineRanges } from '../clusterRanges';
import { isOnlink, destinationReading, gatewayAddress } from '../routeFacts';
import type { Finding, Rule } from './rule';

const NOT_A_NEXT_HOP: Record<string, string> = {
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  loopback: 'a loopback address',
};
/** 240.0.0.0/4 cannot be routed; ipaddr.js's IPv6 "reserved" also holds the documentation prefix, which is fine. */
const RESERVED_V4 = 'reserved';

/** The next hop must be one unicast address the node can reach, not inside the route it serves. */
export const routeGateway: Rule = {
  id: 'route-gateway',
  check({ machineConfig: mc, settings, report }) {
    if (!mc) return;
    for (const route of routesOf(mc)) {
      if (route.origin === 'nmcli') {
        for (const issue of route.issues) {
          if (issue.kind === 'next-hop-late') {
            report({
              severity: 'error',
              message: `Next hop ${issue.word.value} stands after the metric or an attribute: nmcli wants it right after the destination (ip[/prefix] [next-hop] [metric] [attribute=value]...) and refuses the command.`,
              range: issue.word.rangeOf(),
            });
          } else if (issue.kind === 'next-hop-again') {
            report({
              severity: 'warning',
              message: `A second next hop: nmcli silently keeps the last one (${issue.word.value}) and drops ${route.gateway?.value}. A route has one next hop; for several, write one route each (with weight= for ECMP on IPv4).`,
              range: issue.word.rangeOf(),
            });
          }
        }
      }
      if (!route.gateway) continue;
      const range = route.gateway.rangeOf();
      const gateway = gatewayAddress(route);
      if (!gateway) {
        report({ severity: 'error', message: `Next hop ${JSON.stringify(route.gateway.value)} is not an IP address.`, range });
        continue;
      }
      if (gateway.family !== route.propertyFamily) continue; // route-family says it
      const kind = gateway.address.range();
      const finding = judge(gateway.family === 4 && kind === RESERVED_V4 ? 'reserved-v4' : kind, route.gateway.value);
      if (finding) {
        report({ ...finding, range });
        continue;
      }
      const destination = destinationReading(route);
      // onlink=true: the next hop is declared reachable on the link itself, not through a route.
      // A gateway in the machine network, more specific than the destination, is reached
      // through the node's connected route (10.0.0.0/8 via 10.0.0.1 with 10.0.0.0/16 on br-ex).
      const connected = machineRanges(settings).some((r) => r.network.prefix > (destination.ok ? destination.prefix : 0) &&
        contains(r.network.address, r.network.prefix, gateway.address));
      if (destination.ok && destination.family === gateway.family && destination.prefix > 0 && !isOnlink(route) && !connected &&
          contains(destination.address, destination.prefix, gateway.address)) {
        report({
          severity: 'warning',
          message: `Next hop ${route.gateway.value} lies inside ${route.destination.value}, the destination it is meant to reach: the node cannot reach its gateway through this route.`,
          range,
        });
      }
    }
  },
};

function judge(kind: string, text: string): Omit<Finding, 'range'> | undefined {
  if (kind === 'unspecified') {
    return {
      severity: 'warning',
      message: `${text} as next hop means "no gateway"; leave it out to say that the destination is directly connected.`,
    };
  }
  if (kind === 'reserved-v4') return { severity: 'error', message: `Next hop ${text} is in the reserved range 240.0.0.0/4, not a usable gateway.` };
  const what = NOT_A_NEXT_HOP[kind];
  if (what) return { severity: 'error', message: `Next hop ${text} is ${what}, not a unicast gateway.` };
  return undefined;
}
