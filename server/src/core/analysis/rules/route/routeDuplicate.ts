import { formatNetwork } from '../../../net/address';
import { type ConfigRoute, isExpanded, type MachineConfigModel } from '../../../kinds/machineconfig/model';
import { nmcliCommandsOf } from '../../../kinds/machineconfig/nmcliCommands';
import { attributeOf, destinationNetwork, isRemoval, metricOf, tableOf } from '../../../routes/routeFacts';
import type { Rule } from '../rule';

/**
 * The same destination twice in one property (one `ipv4.routes` argument, one keyfile
 * `[ipv4]` group, or one route file), in the same table with the same metric. NetworkManager drops an exact
 * copy; with another next hop the kernel keeps only one IPv4 route of that metric. Not
 * flagged: another metric (a backup route), another table, IPv4 routes that all carry
 * weight= (ECMP), and IPv6 routes with different next hops (the kernel makes them one
 * multipath route).
 */
export const routeDuplicate: Rule = {
  id: 'route-duplicate',
  check({ machineConfig: mc, report }) {
    if (!mc) return;
    for (const group of routeGroups(mc)) {
      // Keyed by what makes two routes the same kernel route: network, table, metric.
      const seen = new Map<string, ConfigRoute>();
      for (const route of group) {
        if (isRemoval(route)) continue;
        const network = destinationNetwork(route);
        if (!network) continue;
        const key = `${formatNetwork(network)}|${tableOf(route)}|${metricOf(route)}`;
        const earlier = seen.get(key);
        if (!earlier) {
          seen.set(key, route);
          continue;
        }
        const sameHop = (earlier.gateway?.value ?? '') === (route.gateway?.value ?? '');
        if (!sameHop) {
          if (network.family === 6) continue;
          if (attributeOf(earlier, 'weight') && attributeOf(route, 'weight')) continue;
        }
        const where = route.origin === 'nmcli'
          ? `this ${route.propertyName} value`
          : route.origin === 'route-file' ? route.fileName : `this keyfile's [ipv${network.family}] group`;
        report({
          severity: 'warning',
          message: sameHop
            ? `${formatNetwork(network)} is listed twice in ${where}: NetworkManager keeps one copy. Remove the repetition.`
            : `${formatNetwork(network)} is already routed via ${earlier.gateway?.value ?? 'the link'} in ${where} with the same metric: the kernel keeps only one IPv4 route per destination and metric. Give the backup route a higher metric, or weight= on both for ECMP.`,
          range: route.destination.rangeOf(),
          data: { network: formatNetwork(network) },
        });
      }
    }
  },
};

/** The routes of each property: one nmcli routes argument (unit or script), one family of one keyfile, one route file. */
function routeGroups(mc: MachineConfigModel): ConfigRoute[][] {
  const groups: ConfigRoute[][] = [];
  for (const { nmcli } of nmcliCommandsOf(mc)) {
    for (const property of nmcli.properties) {
      const routes = nmcli.routes.filter((r) => r.property === property && !isExpanded(r));
      if (routes.length > 1) groups.push(routes);
    }
  }
  for (const file of mc.files) {
    if (file.routeFile && file.routeFile.routes.length > 1) groups.push(file.routeFile.routes);
    for (const family of [4, 6]) {
      const routes = (file.keyfile?.routes ?? []).filter((r) => r.propertyFamily === family);
      if (routes.length > 1) groups.push(routes);
    }
  }
  return groups;
}
