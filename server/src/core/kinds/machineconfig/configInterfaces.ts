import { parseAddress, parseCidr, type Family, type IpAddress } from '../../net/address';
import type { EmbeddedText, FileRange } from '../../text/embeddedText';
import { adds, argumentOf, ipCommandsOf } from './ipCommand';
import type { Keyfile } from '../../formats/keyfile';
import type { ConfigRoute, FileModel, IgnitionConfig } from './model';
import { nmcliCommandsOf, type NmcliUse } from './nmcliCommands';
import { NETWORK_SCRIPTS_DIRECTORY } from '../../formats/routeFile';
import { hasExpansion } from '../../formats/shellScript';
import { rangeOfNode } from '../../text/yamlDocuments';

/**
 * The interfaces a config puts routes on and the addresses it gives them, whatever wrote
 * them: nmcli `device modify` targets, a keyfile's interface-name, the profile of a route
 * file (route-NAME belongs to ifcfg-NAME, whose device is usually NAME), `ip route add …
 * dev X`; addresses from keyfiles, nmcli `ipv4.addresses`, `ip address add` and ifcfg files.
 */

/** One place the config names the interface routes go on. */
export interface RouteDevice {
  name: string;
  /** Where the name is written, for a finding on it. */
  range: FileRange;
  source: 'nmcli' | 'keyfile' | 'route-file' | 'ip';
  /** The name as an embedded text, when the finding can edit it (nmcli, keyfile, ip). */
  text?: EmbeddedText;
  /** The routes that go on it (none for an nmcli command that sets no route, or an `ip route` command). */
  routes: ConfigRoute[];
  nmcli?: NmcliUse;
  file?: FileModel;
}

/** An address the config gives an interface (or a connection profile, by its id). */
export interface InterfaceAddress {
  /** Interface and connection names it belongs to, as far as the config tells. */
  names: string[];
  family: Family;
  address: IpAddress;
  prefix: number;
  /**
   * Put on the running interface (`ip address add`, nmcli `device modify … ipv4.addresses`),
   * not into a profile: the NIC under br-ex gets no such address (it carries no IP), while
   * configure-ovs clones a static profile of it, addresses included, into br-ex's.
   */
  runtime: boolean;
}

/** Every interface the config routes over, in the order of routesOf (units, then files), then `ip route` commands. */
export function routeDevicesOf(mc: IgnitionConfig): RouteDevice[] {
  const devices: RouteDevice[] = [];
  for (const use of nmcliCommandsOf(mc)) {
    const target = use.nmcli.target;
    if (use.nmcli.object !== 'device' || !target || hasExpansion(target.value)) continue;
    devices.push({ name: target.value, range: target.rangeOf(), text: target, source: 'nmcli', routes: use.nmcli.routes, nmcli: use });
  }
  for (const file of mc.files) {
    if (file.keyfile) {
      const entry = lastEntry(file.keyfile, 'connection', 'interface-name');
      if (entry && entry.value.length > 0) {
        devices.push({ name: entry.value.value, range: entry.value.rangeOf(), text: entry.value, source: 'keyfile', routes: file.keyfile.routes, file });
      }
    }
    if (file.routeFile) {
      devices.push({ name: file.routeFile.path.name, range: rangeOfNode(file.path), source: 'route-file', routes: file.routeFile.routes, file });
    }
  }
  for (const command of ipCommandsOf(mc)) {
    if (command.object !== 'route' || !adds(command)) continue;
    const dev = argumentOf(command, 'dev', 'oif');
    if (dev && !hasExpansion(dev.value)) devices.push({ name: dev.value, range: dev.rangeOf(), text: dev, source: 'ip', routes: [] });
  }
  return devices;
}

/** The interface and connection names the routes of the config go on, per route (routes of unknown place are absent). */
export function routeOwners(mc: IgnitionConfig): Map<ConfigRoute, string[]> {
  const owners = new Map<ConfigRoute, string[]>();
  for (const { nmcli } of nmcliCommandsOf(mc)) {
    if (!nmcli.target || hasExpansion(nmcli.target.value)) continue;
    for (const route of nmcli.routes) owners.set(route, [nmcli.target.value]);
  }
  for (const file of mc.files) {
    if (file.keyfile) {
      const names = profileNames(file.keyfile);
      if (names.length > 0) for (const route of file.keyfile.routes) owners.set(route, names);
    }
    if (file.routeFile) for (const route of file.routeFile.routes) owners.set(route, [file.routeFile.path.name]);
  }
  return owners;
}

/** Every address the config gives an interface: keyfiles, nmcli ipv4/ipv6.addresses, `ip address add`, ifcfg files. */
export function interfaceAddressesOf(mc: IgnitionConfig): InterfaceAddress[] {
  const found: InterfaceAddress[] = [];
  const add = (text: string, names: string[], runtime = false) => {
    const reading = parseCidr(text.trim());
    if (reading.ok && reading.explicitPrefix) found.push({ names, family: reading.family, address: reading.address, prefix: reading.prefix, runtime });
  };
  for (const file of mc.files) {
    if (file.keyfile) {
      const names = profileNames(file.keyfile);
      for (const group of file.keyfile.groups) {
        if (group.name !== 'ipv4' && group.name !== 'ipv6') continue;
        // address1=10.50.0.5/24,10.50.0.1 (nm-keyfile-reader: address, addresses, addressN, addressesN; `;` as `,`)
        for (const entry of group.entries) {
          if (/^address(es)?\d*$/.test(entry.key.value)) add(entry.value.value.split(/[,;]/)[0], names);
        }
      }
    }
    if (file.text && file.pathValue?.startsWith(`${NETWORK_SCRIPTS_DIRECTORY}ifcfg-`)) {
      addIfcfg(file.text.value, file.pathValue.slice(`${NETWORK_SCRIPTS_DIRECTORY}ifcfg-`.length), found);
    }
  }
  for (const { nmcli } of nmcliCommandsOf(mc)) {
    if (!nmcli.target) continue;
    for (const property of nmcli.properties) {
      if (property.operation === '-' || !/^ipv[46]\.addresses$/.test(property.name) || !property.value) continue;
      for (const part of property.value.value.split(',')) add(part.trim().split(/\s+/)[0], [nmcli.target.value], nmcli.object === 'device');
    }
  }
  for (const command of ipCommandsOf(mc)) {
    if (command.object !== 'address' || !adds(command)) continue;
    const dev = argumentOf(command, 'dev');
    const local = argumentOf(command, 'local') ?? command.args.find((w) => w.value.includes('/'));
    if (local) add(local.value, dev ? [dev.value] : [], true);
  }
  return found;
}

/** The ifcfg-rh keys IPADDR[n] with PREFIX[n] or NETMASK[n]; DEVICE= names the interface. */
function addIfcfg(text: string, profile: string, found: InterfaceAddress[]): void {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match) values.set(match[1], match[2].trim().replace(/^(["'])(.*)\1$/, '$2'));
  }
  const names = [profile, ...(values.get('DEVICE') ? [values.get('DEVICE')!] : [])];
  for (const [key, value] of values) {
    const match = /^IPADDR(\d*)$/.exec(key);
    const parsed = match ? parseAddress(value) : undefined;
    if (!match || !parsed || parsed.family !== 4) continue;
    const n = match[1];
    let prefix = Number(values.get(`PREFIX${n}`));
    const netmask = values.get(`NETMASK${n}`);
    if (!Number.isInteger(prefix) && netmask) {
      const mask = parseAddress(netmask);
      prefix = mask?.family === 4 ? mask.address.prefixLengthFromSubnetMask() ?? NaN : NaN;
    }
    if (Number.isInteger(prefix) && prefix >= 0 && prefix <= 32) found.push({ names, family: 4, address: parsed.address, prefix, runtime: false });
  }
}

/** The names a profile applies to: its interface-name and its id. */
function profileNames(keyfile: Keyfile): string[] {
  return ['interface-name', 'id'].map((key) => lastEntry(keyfile, 'connection', key)?.value.value).filter((v): v is string => !!v);
}

function lastEntry(keyfile: Keyfile, group: string, key: string) {
  let found;
  for (const g of keyfile.groups) if (g.name === group) for (const e of g.entries) if (e.key.value === key) found = e;
  return found;
}
