import { destinationReading } from '../../../routes/routeFacts';
import { routesOf } from '../../../kinds/machineconfig/model';
import type { Rule } from '../rule';

/**
 * A route destination must be `address[/prefix]` with a prefix that fits the family. In
 * a route file's key format the prefix is NETMASKn, which must be a contiguous netmask.
 */
export const routeCidr: Rule = {
  id: 'route-cidr',
  check({ machineConfig: mc, report }) {
    if (!mc) return;
    for (const route of routesOf(mc)) {
      if (route.origin === 'route-file') {
        if (route.prefixProblem) {
          report({ severity: 'error', message: route.prefixProblem.message, range: route.prefixProblem.at.rangeOf() });
        }
        if (route.destination.length === 0) {
          // Only keywords on the line (`via 10.0.0.1 dev eth0`): parse_route_line wants a destination.
          report({
            severity: 'warning',
            message: `This line of ${route.fileName} has no destination: write ADDRESS/PREFIX (or default) first, e.g. 10.10.10.0/24 via 192.168.0.1. NetworkManager ignores the line.`,
            range: route.text.rangeOf(),
          });
          continue;
        }
      }
      const reading = destinationReading(route);
      if (reading.ok && route.origin === 'keyfile' && route.impliedPrefix !== undefined && reading.prefix !== route.impliedPrefix) {
        // nm-keyfile-reader: `route1=10.0.0.0,…` is read as 10.0.0.0/24, not as a host route.
        report({
          severity: 'warning',
          message: `A keyfile route without a prefix length is read by NetworkManager as ${route.destination.value}/${route.impliedPrefix}, not as a host route: write the prefix (e.g. /${reading.prefix} for one host).`,
          range: route.destination.rangeOf(),
          data: { impliedPrefix: route.impliedPrefix },
        });
        continue;
      }
      if (reading.ok) continue;
      const slash = route.destination.value.indexOf('/');
      const range = reading.part === 'prefix' && slash >= 0
        ? route.destination.rangeOf(slash + 1)
        : route.destination.rangeOf(0, slash < 0 ? undefined : slash);
      report({ severity: 'error', message: `Route destination: ${reading.message}`, range });
    }
  },
};
