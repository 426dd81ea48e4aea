import { destinationReading } from '../../../routes/routeFacts';
import { networkOf, sameAddress } from '../../../net/address';
import { replaceVerbatimEdit } from '../../../text/edits';
import type { Rule } from '../rule';

/** `192.168.1.5/24` names a network by one of its hosts; the network is 192.168.1.0/24. */
export const routeHostBits: Rule = {
  id: 'route-host-bits',
  check({ text, routes, report }) {
    for (const route of routes) {
      const reading = destinationReading(route);
      if (!reading.ok || !reading.explicitPrefix || reading.family !== route.propertyFamily) continue;
      const network = networkOf(reading.address, reading.prefix);
      if (sameAddress(network, reading.address)) continue;
      const replacement = `${network.toString()}/${reading.prefix}`;
      // Only where the file holds the destination verbatim (not a base64 payload, not `10.0.0.5,24`).
      const edit = replaceVerbatimEdit(text, route.destination, replacement);
      report({
        severity: 'warning',
        message: `${route.destination.value} has host bits set: the network of this route is ${replacement}.`,
        range: route.destination.rangeOf(),
        data: { replacement },
        ...(edit ? { fixes: [{ title: `Change to ${replacement}`, edits: [edit], safe: true }] } : {}),
      });
    }
  },
};
