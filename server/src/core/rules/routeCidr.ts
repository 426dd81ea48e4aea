import { destinationReading } from '../routeFacts';
import { routesOf } from '../model';
import type { Rule } from './rule';

/** A route destination must be `address[/prefix]` with a prefix that fits the family. */
export const routeCidr: Rule = {
  id: 'route-cidr',
  check({ machineConfig: mc, report }) {
    if (!mc) return;
    for (const route of routesOf(mc)) {
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
