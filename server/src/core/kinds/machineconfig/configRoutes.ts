import { isWithin, type Network } from '../../net/address';
import type { NamedRange } from '../../net/clusterRanges';
import { destinationNetwork, isRemoval } from '../../routes/routeFacts';
import { routesOf, type ConfigRoute, type MachineConfigModel } from './model';
import { nmcliCommandsOf } from './nmcliCommands';

/** The routes of a MachineConfig seen from the cluster: which ranges they reach, which device they go on. */

/** A route of the config that adds a destination inside one of `ranges`. */
export interface RouteInRange {
  route: ConfigRoute;
  network: Network;
  hit: NamedRange;
}

/** Added (not removed) routes whose destination lies inside one of `ranges`. */
export function routesInside(mc: MachineConfigModel, ranges: NamedRange[]): RouteInRange[] {
  const found: RouteInRange[] = [];
  for (const route of routesOf(mc)) {
    if (isRemoval(route)) continue;
    const network = destinationNetwork(route);
    if (!network) continue;
    const hit = ranges.find((r) => isWithin(network, r.network));
    if (hit) found.push({ route, network, hit });
  }
  return found;
}

/**
 * The device a route goes out of, when the file says: the device of `nmcli device
 * modify` (in a unit or a script), a keyfile's `interface-name`, the NAME of a
 * route-NAME file. Undefined for `connection modify` (it names a profile, not a device)
 * and keyfiles without interface-name.
 */
export function routeDevice(route: ConfigRoute, mc?: MachineConfigModel): string | undefined {
  if (!mc) return undefined;
  if (route.origin === 'nmcli') {
    const command = nmcliCommandsOf(mc).find((use) => use.nmcli.routes.includes(route))?.nmcli;
    return command?.object === 'device' ? command.target?.value : undefined;
  }
  for (const file of mc.files) {
    if (route.origin === 'keyfile' && file.keyfile?.routes.includes(route)) {
      const connection = file.keyfile.groups.find((g) => g.name === 'connection');
      return connection?.entries.find((e) => e.key.value === 'interface-name')?.value.value || undefined;
    }
    if (route.origin === 'route-file' && file.routeFile?.routes.includes(route)) return file.routeFile.path.name;
  }
  return undefined;
}
