import { parseAddress } from '../../../net/address';
import { destinationReading } from '../../../routes/routeFacts';
import { quoted } from '../../../text/quote';
import { syntaxProblemsOf } from '../../../routes/route';
import type { Rule } from '../rule';

/**
 * A route destination must be `address[/prefix]` with a prefix that fits the family. What
 * the reader of the route says about how the destination is written (a route file's
 * NETMASKn that is no contiguous netmask, a line without a destination, a keyfile route
 * without a prefix) is said here too.
 */
export const routeCidr: Rule = {
  id: 'route-cidr',
  check({ routes, report }) {
    for (const route of routes) {
      const said = syntaxProblemsOf(route, 'route-cidr');
      for (const { severity, message, range, data } of said) report({ severity, message, range, ...(data ? { data } : {}) });
      // A destination the reader found missing has been spoken for.
      if (said.length > 0 && route.destination.length === 0) continue;
      const reading = destinationReading(route);
      if (reading.ok) continue;
      const slash = route.destination.value.indexOf('/');
      const range = reading.part === 'prefix' && slash >= 0
        ? route.destination.rangeOf(slash + 1)
        : route.destination.rangeOf(0, slash < 0 ? undefined : slash);
      const written = route.destination.value;
      const address = slash < 0 ? written : written.slice(0, slash);
      const message = reading.part === 'prefix'
        ? `Prefix ${quoted(written.slice(slash + 1), 24)} is not a number from 0 to ${parseAddress(address)?.family === 6 ? 128 : 32}: write the network's prefix length.`
        : `Destination ${quoted(address)} is not an IPv4 or IPv6 address: write address[/prefix].`;
      report({ severity: 'error', message, range });
    }
  },
};
