import type { ConfigRoute, IgnitionConfig } from './model';
import { nmcliCommandsOf } from './nmcliCommands';

/**
 * The device a route goes out of, when the file says: the device of `nmcli device
 * modify` (in a unit or a script), a keyfile's `interface-name`, the NAME of a
 * route-NAME file, an nmstate route's next-hop-interface. Undefined for `connection modify` (it names a profile, not a device)
 * and keyfiles without interface-name.
 */
export function routeDevice(route: ConfigRoute, mc?: IgnitionConfig): string | undefined {
  if (route.origin === 'nmstate') return route.nextHopInterface?.value;
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
