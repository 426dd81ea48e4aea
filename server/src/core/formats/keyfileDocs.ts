import { code, values, type Doc, type DocValue } from '../text/doc';

/**
 * Hover documentation for a NetworkManager keyfile (a connection profile written by
 * storage.files to /etc/NetworkManager/system-connections/): its groups and the keys a
 * route profile uses. Numbered keys (`address1`, `route2`, `route2_options`) are
 * documented once, as `addressN`, `routeN`, `routeN_options`.
 *
 * Sources: nm-settings-keyfile(5), nm-settings-nmcli(5), NetworkManager
 * nm-keyfile-reader.c (routes without prefix: /24 and /128).
 */
interface KeyDoc {
  summary: string;
  values?: readonly DocValue[];
}

export const KEYFILE_GROUPS: Readonly<Record<string, string>> = {
  connection: 'The profile itself: its name (`id`), `type`, the device it binds to (`interface-name`), whether it starts on its own.',
  ethernet: 'Ethernet link settings: MTU, MAC address.',
  '802-3-ethernet': 'Ethernet link settings (the long name of `[ethernet]`).',
  ipv4: 'IPv4: how addresses are obtained (`method`), static addresses, gateway, DNS and static routes (`route1=`…).',
  ipv6: 'IPv6: how addresses are obtained (`method`), static addresses, gateway, DNS and static routes (`route1=`…).',
  vlan: 'A VLAN on a parent device: its `id` and `parent`.',
  bond: 'Bonding options (`mode`, `miimon`).',
  bridge: 'Linux bridge options.',
  'ovs-interface': 'An Open vSwitch interface (OVN-Kubernetes builds `br-ex` from such profiles).',
  match: 'Which devices the profile may apply to (by interface name, driver, kernel command line).',
  ethtool: 'Offload and ring settings applied with ethtool.',
  proxy: 'Proxy settings of the connection.',
  user: 'Your own key–value data on the profile.',
};

const BOOL = values(['true', 'yes'], ['false', 'no']);

const KEYS: Readonly<Record<string, KeyDoc>> = {
  'connection.id': { summary: 'The profile\'s name, as `nmcli connection show` lists it and `nmcli connection modify <name>` takes it.' },
  'connection.uuid': { summary: 'The profile\'s unique id. NetworkManager generates one from the file name when it is missing.' },
  'connection.type': {
    summary: 'The kind of connection.',
    values: values(['ethernet', 'a wired NIC'], ['vlan', 'a VLAN on a parent device'], ['bond', 'a bond of NICs'], ['bridge', 'a Linux bridge'], ['ovs-interface', 'an Open vSwitch interface']),
  },
  'connection.interface-name': { summary: 'The device the profile binds to (`ens5`). Routes of the profile go out through it.' },
  'connection.autoconnect': { summary: 'Whether NetworkManager activates the profile on its own (default true).', values: BOOL },
  'connection.autoconnect-priority': { summary: 'Among profiles for one device, the higher priority is activated (default 0).' },
  'connection.multi-connect': { summary: 'Whether the profile may be active on several devices at once.' },
  'connection.master': { summary: 'The controller (bond, bridge, OVS port) this device is a port of; a port has no IP settings of its own.' },
  'connection.controller': { summary: 'The controller (bond, bridge, OVS port) this device is a port of; a port has no IP settings of its own.' },
  'connection.slave-type': { summary: 'The kind of controller this device is a port of (bond, bridge, ovs-port).' },
  'connection.port-type': { summary: 'The kind of controller this device is a port of (bond, bridge, ovs-port).' },
  'ethernet.mtu': { summary: 'The link MTU in bytes (0 or absent: leave as is).' },
  'ethernet.mac-address': { summary: 'Binds the profile to the NIC with this MAC address.' },
  'ethernet.cloned-mac-address': { summary: 'The MAC address the device uses instead of its own.' },
  'ip.method': {
    summary: 'How the device gets its addresses.',
    values: values(['auto', 'DHCP (IPv4) or router advertisements (IPv6)'], ['manual', 'static addresses only (`address1=`)'], ['disabled', 'no IP of this family'], ['link-local', 'a link-local address only'], ['ignore', 'IPv6: leave it to the kernel']),
  },
  'ip.addressN': { summary: 'A static address with its prefix, optionally with a gateway: `address1=10.0.0.5/24,10.0.0.1`.' },
  'ip.addresses': { summary: 'Static addresses (an old spelling of `address1=`…).' },
  'ip.gateway': { summary: 'The default gateway: a default route through this address.' },
  'ip.dns': { summary: 'DNS servers, separated by `;`.' },
  'ip.dns-search': { summary: 'DNS search domains, separated by `;`.' },
  'ip.routeN': {
    summary: 'A static route: `destination/prefix,next-hop,metric` (`,` `/` `;` are interchangeable), e.g. `route1=192.168.1.0/24,172.18.0.1,100`. Without a prefix NetworkManager assumes /24 (IPv4) or /128 (IPv6).',
  },
  'ip.routeN_options': { summary: 'Attributes of the route with the same number, comma-separated: `route1_options=mtu=1400,table=100`.' },
  'ip.routes': { summary: 'Static routes (an old spelling of `route1=`…).' },
  'ip.route-metric': { summary: 'The metric of the profile\'s routes that give none; -1 (the default): the device type\'s default, 100 for ethernet.' },
  'ip.route-table': { summary: 'The routing table for routes without `table=`; 0 (the default) is the main table.' },
  'ip.never-default': { summary: '`true`: never add a default route through this profile.', values: BOOL },
  'ip.ignore-auto-routes': { summary: '`true`: ignore routes from DHCP or router advertisements; static routes still apply.', values: BOOL },
  'ip.ignore-auto-dns': { summary: '`true`: ignore DNS servers from DHCP.', values: BOOL },
  'ip.may-fail': { summary: '`false`: the profile fails to activate if this family cannot be configured.', values: BOOL },
  'ip.routing-ruleN': { summary: 'A policy routing rule: `priority 100 from 10.0.0.0/24 table 100`.' },
  'ip.dhcp-client-id': { summary: 'The client id sent to the DHCP server.' },
  'ip.addr-gen-mode': { summary: 'How the IPv6 interface identifier is made: `eui64` or `stable-privacy`.' },
  'vlan.id': { summary: 'The VLAN id (1–4094).' },
  'vlan.parent': { summary: 'The device (or profile) the VLAN sits on.' },
};

/** `address1` → `addressN`, `route12_options` → `routeN_options`; other keys as written. */
function keyPattern(key: string): string {
  const match = /^(address|route|routing-rule)(\d+)(_options)?$/.exec(key);
  return match ? `${match[1]}N${match[3] ?? ''}` : key;
}

export function keyfileGroupDoc(name: string): Doc {
  const known = KEYFILE_GROUPS[name];
  return {
    title: `${code(`[${name}]`)} — NetworkManager keyfile group`,
    summary: known ?? 'A group of profile settings; see nm-settings-keyfile(5).',
    source: 'nm-settings-keyfile(5)',
  };
}

/** The documentation of `key` in `[group]`; undefined for keys this table does not know. */
export function keyfileKeyDoc(group: string, key: string): Doc | undefined {
  const family = group === 'ipv4' || group === 'ipv6' ? 'ip' : group === '802-3-ethernet' ? 'ethernet' : group;
  const written = KEYS[`${family}.${keyPattern(key)}`];
  if (!written) return undefined;
  return { title: `${code(`${key}=`)} — [${group}]`, summary: written.summary, values: written.values, source: 'nm-settings-keyfile(5)' };
}
