import type { Family } from '../net/address';
import type { NmcliObject } from './nmcli';
import { ROUTE_ATTRIBUTES, ROUTE_TYPES, type RouteAttributeType } from '../routes/routeAttributes';
import { code, values, type Doc, type DocValue } from '../text/doc';

/**
 * Hover documentation for the nmcli command a route unit runs: the program, the object
 * (`device` or `connection`) and verb, the target, the property with its `+`/`-`, each
 * part of a route and each route attribute.
 *
 * Sources: NetworkManager man/nmcli.xml, nm-settings-nmcli(5), libnm-core
 * nm-setting-ip-config.c (route attributes), src/core/devices/nm-device.c
 * (_get_default_route_metric: default metrics per device type), MCO templates
 * configure-ovs.sh (br-ex gets ipv4.route-metric 48).
 */

export const NMCLI_PROGRAM: Doc = {
  title: '`nmcli` — NetworkManager\'s command line',
  summary: 'nmcli asks NetworkManager, which manages the node\'s network, to change a device or a connection profile. Here it adds static routes.',
  details: [
    'On RHCOS the program is /usr/bin/nmcli; write the full path in `ExecStart=` (bare `nmcli` is found only on systemd 239 and later).',
    'The command must run as root (the unit\'s default user).',
  ],
  source: 'NetworkManager nmcli(1)',
};

export const NMCLI_OBJECTS: Readonly<Record<NmcliObject, Doc>> = {
  device: {
    title: '`device modify` — change the running device (runtime only)',
    summary: 'Changes the configuration applied to the device right now, like `nmcli device reapply`, without touching the saved connection profile. The change is lost when the connection is activated again or the node reboots: that is why the unit runs the command at every boot.',
    values: values(
      ['device modify', 'runtime: takes effect at once, lost on re-activation or reboot; the target is a device name such as `br-ex`'],
      ['connection modify', 'persistent: saved in the profile (keyfile), takes effect at the next activation; the target is a connection name'],
    ),
    details: [
      'On success nmcli prints "Connection successfully reapplied to device \'<name>\'" (in the unit\'s journal).',
      'On OVN-Kubernetes configure-ovs rebuilds br-ex\'s profiles at every boot, so for br-ex this boot-time unit, ordered `After=ovs-configuration.service`, is what lasts; a secondary NIC can keep routes in its own profile (a keyfile, `connection modify`) or an NMState policy.',
    ],
    source: 'nmcli(1) "device modify"',
  },
  connection: {
    title: '`connection modify` — change the saved profile (persistent)',
    summary: 'Changes the saved connection profile (its keyfile under /etc/NetworkManager/system-connections). The running device is not touched until the connection is activated again (`nmcli connection up <name>`, or the next boot).',
    values: values(
      ['connection modify', 'persistent: saved in the profile, takes effect at the next activation; the target is a connection name'],
      ['device modify', 'runtime: takes effect at once, lost on re-activation or reboot; the target is a device name'],
    ),
    details: [
      'With `--temporary` the change is kept in memory only, not written to the profile.',
      'A saved change reaches the running device at the next activation, or at once with `nmcli device reapply <device>`.',
      'On OVN-Kubernetes configure-ovs rebuilds br-ex\'s profiles (br-ex, ovs-if-br-ex…) at every boot: a `connection modify` of them does not last.',
    ],
    source: 'nmcli(1) "connection modify"',
  },
};

export const NMCLI_VERB: Doc = {
  title: '`modify` — change settings',
  summary: 'Changes one or more settings, each given as a property name and a value (`+ipv4.routes "…"`). nmcli accepts `mod` for short.',
  source: 'nmcli(1)',
};

export const NMCLI_OPTIONS: Readonly<Record<string, string>> = {
  '--temporary': 'Keeps the change in memory only: the profile on disk is not changed, and the change is gone after NetworkManager restarts.',
  '-w': 'Seconds nmcli waits for NetworkManager to finish (default 90).',
  '--wait': 'Seconds nmcli waits for NetworkManager to finish (default 90).',
  '-t': 'Terse output for scripts; no effect on what modify does.',
  '--terse': 'Terse output for scripts; no effect on what modify does.',
  '-p': 'Pretty output; no effect on what modify does.',
  '--pretty': 'Pretty output; no effect on what modify does.',
  '-f': 'Which fields to print; no effect on what modify does.',
  '--fields': 'Which fields to print; no effect on what modify does.',
  '-g': 'Print the values of these fields only; no effect on what modify does.',
  '--get-values': 'Print the values of these fields only; no effect on what modify does.',
  '-m': 'Output mode (tabular or multiline); no effect on what modify does.',
  '--mode': 'Output mode (tabular or multiline); no effect on what modify does.',
  '-c': 'Colours in the output; no effect on what modify does.',
  '--colors': 'Colours in the output; no effect on what modify does.',
  '-e': 'Escaping in terse output; no effect on what modify does.',
  '--escape': 'Escaping in terse output; no effect on what modify does.',
  '-a': 'Ask for missing values interactively: never useful in a unit.',
  '--ask': 'Ask for missing values interactively: never useful in a unit.',
};

export const CONNECTION_SELECTOR_DOCS: Readonly<Record<string, string>> = {
  id: 'The next word is the connection\'s name (its `connection.id`).',
  uuid: 'The next word is the connection\'s UUID.',
  path: 'The next word is the connection\'s D-Bus path.',
  filename: 'The next word is the path of the connection\'s keyfile.',
};

export const NMCLI_TARGETS: Readonly<Record<NmcliObject, Doc>> = {
  device: {
    title: 'device name',
    summary: 'The network interface whose running configuration changes, as `ip link` names it (`ens5`, `bond0`, `br-ex`). The routes go out through this device.',
  },
  connection: {
    title: 'connection name',
    summary: 'The connection profile to change, by name (`nmcli connection show` lists them); `id`, `uuid` or `path` before it says how it is named. The routes go out through the device the profile is active on.',
  },
};

/** Properties of the `ipv4`/`ipv6` settings, by their name after `ipv4.`. */
export const IP_PROPERTIES: Readonly<Record<string, { summary: string; values?: readonly DocValue[] }>> = {
  routes: {
    summary: 'The static routes of the device or profile: a comma-separated list of `destination[/prefix] [next-hop] [metric] [attribute=value…]`, e.g. `"192.168.1.0/24 172.18.0.1, 10.20.0.0/16 172.18.0.1 200"`.',
  },
  'route-metric': {
    summary: 'The metric for this profile\'s routes that give none. `-1` (the default) means the device type\'s default: 100 for ethernet.',
  },
  'route-table': {
    summary: 'The routing table for routes without `table=`. 0 (the default) is the main table; another value also makes NetworkManager manage that whole table.',
  },
  addresses: { summary: 'Static addresses with prefix, comma-separated: `10.0.0.5/24`.' },
  gateway: { summary: 'The default gateway: adds a default route through this address.' },
  method: {
    summary: 'How the device gets its addresses.',
    values: values(['auto', 'DHCP (IPv4) or router advertisements (IPv6)'], ['manual', 'static addresses only'], ['disabled', 'no IP of this family'], ['link-local', 'a link-local address only'], ['shared', 'share the connection with others'], ['ignore', 'IPv6: leave it to the kernel']),
  },
  dns: { summary: 'DNS servers, comma-separated.' },
  'never-default': {
    summary: '`true`: never add a default route through this connection, even from DHCP.',
    values: values(['true', 'no default route'], ['false', 'default route from the gateway or DHCP (the default)']),
  },
  'ignore-auto-routes': {
    summary: '`true`: ignore routes from DHCP or router advertisements; static routes still apply.',
    values: values(['true', 'ignore automatic routes'], ['false', 'use them (the default)']),
  },
  'routing-rules': { summary: 'Policy routing rules, e.g. `priority 100 from 10.0.0.0/24 table 100`: which table a packet is looked up in.' },
  'may-fail': { summary: '`false`: the connection fails to activate if this family cannot be configured.' },
};

export function propertyDoc(name: string): Doc {
  const match = /^ipv([46])\.(.+)$/.exec(name);
  const family = match ? Number(match[1]) : undefined;
  const written = match ? IP_PROPERTIES[match[2]] : undefined;
  if (written) return { title: `${code(name)} — IPv${family} setting`, summary: written.summary, values: written.values, source: 'nm-settings-nmcli(5)' };
  return { title: `${code(name)} — NetworkManager setting`, summary: 'A setting of the profile or device; see nm-settings-nmcli(5) for its values.' };
}

/** What `+`, `-` or nothing before the property does. */
export const PROPERTY_OPERATIONS: readonly DocValue[] = values(
  ['+', 'adds these routes to the ones the device or profile already has'],
  ['-', 'removes these routes (by value, or by index: `-ipv4.routes 0`)'],
  ['(none)', 'replaces every static route of the device or profile with this list'],
);

export const ROUTE_PARTS: Readonly<Record<'destination' | 'gateway' | 'metric', { summary: string }>> = {
  destination: {
    summary: 'Where the packets are going: a network as address/prefix (`192.168.1.0/24`). Without a prefix it is a single host (/32 for IPv4, /128 for IPv6).',
  },
  gateway: {
    summary: 'The next hop: the router this node hands the packets to. It must be reachable directly on the device (inside one of its subnets) unless `onlink=true`. Without a next hop the destination is on the link itself.',
  },
  metric: {
    summary: 'The route\'s priority: among routes to the same destination the lowest metric wins. Without one, the profile\'s `route-metric` applies, else the device type\'s default.',
  },
};

/** NetworkManager's default route metric per device type (nm-device.c), and br-ex's on OVN-Kubernetes. */
export const DEVICE_METRICS: readonly DocValue[] = values(
  ['48', '`br-ex` on OVN-Kubernetes (configure-ovs.sh sets ipv4/ipv6.route-metric 48)'],
  ['100', 'ethernet (101, 102… for further ethernet devices)'],
  ['300', 'bond'],
  ['350', 'team'],
  ['400', 'VLAN'],
  ['425', 'Linux bridge'],
  ['600', 'Wi-Fi'],
  ['800', 'Open vSwitch interface without a route-metric of its own'],
);

/** What each route attribute does (types and families come from ROUTE_ATTRIBUTES). */
export const ATTRIBUTE_DOCS: Readonly<Record<string, { summary: string; values?: readonly DocValue[] }>> = {
  table: { summary: 'The routing table the route goes into. 0 or absent: the main table (254), the one `ip route show` lists. Routes in another table are used only when a policy rule (`ipv4.routing-rules`) sends packets there.' },
  onlink: { summary: 'The next hop is reachable on this link even if it is in none of the device\'s subnets (the kernel\'s `onlink` flag). Without it NetworkManager refuses a next hop it cannot reach.' },
  src: { summary: 'The source address this node uses for packets it sends along the route; it must be one of the node\'s own addresses.' },
  from: { summary: 'IPv6 source-specific routing: the route applies only to packets from this prefix.' },
  mtu: { summary: 'The path MTU for the destination, in bytes.' },
  'lock-mtu': { summary: '`true`: the kernel never lowers the MTU from path-MTU discovery.' },
  advmss: { summary: 'The TCP maximum segment size advertised to the destination, in bytes.' },
  'lock-advmss': { summary: '`true`: keep advmss fixed.' },
  window: { summary: 'The largest TCP window advertised to the destination, in bytes.' },
  'lock-window': { summary: '`true`: keep window fixed.' },
  cwnd: { summary: 'The TCP congestion window for the destination (only with lock-cwnd).' },
  'lock-cwnd': { summary: '`true`: keep cwnd fixed.' },
  initcwnd: { summary: 'The initial TCP congestion window, in segments.' },
  'lock-initcwnd': { summary: '`true`: keep initcwnd fixed.' },
  initrwnd: { summary: 'The initial TCP receive window, in segments.' },
  'lock-initrwnd': { summary: '`true`: keep initrwnd fixed.' },
  rto_min: { summary: 'The minimum TCP retransmission timeout, in milliseconds.' },
  quickack: { summary: '`true`: TCP acknowledges at once instead of delaying ACKs.' },
  scope: {
    summary: 'How far the destination is (IPv4 only).',
    values: values(['0', 'global (universe): through a gateway'], ['200', 'site'], ['253', 'link: directly on the link (routes without next hop)'], ['254', 'host: this node itself']),
  },
  tos: { summary: 'The type-of-service (DSCP) byte the route applies to (IPv4 only), `0x10` or 16.' },
  type: {
    summary: 'What happens to matching packets.',
    values: values(
      ['unicast', 'forwarded normally (the default)'],
      ['local', 'delivered to this node'],
      ['blackhole', 'dropped silently'],
      ['unreachable', 'dropped; the sender gets "host unreachable"'],
      ['prohibit', 'dropped; the sender gets "administratively prohibited"'],
      ['throw', 'the lookup continues in the next table of the policy rules'],
    ),
  },
  weight: { summary: 'The route\'s share of traffic when several routes to the same destination have weights (ECMP multipath, IPv4 only): 1–256.' },
};

const TYPE_TEXT: Readonly<Record<RouteAttributeType, string>> = {
  u32: 'a number from 0 to 4294967295',
  bool: 'true or false (also yes/no, on/off, 1/0)',
  byte: 'a number from 0 to 255 (or hex 0x00–0xff)',
  address: 'an address of the route\'s family, without prefix',
  'address-prefix': 'an address with an optional /prefix',
  'route-type': ROUTE_TYPES.join(', '),
  weight: 'a number from 0 to 256',
};

export function attributeDoc(name: string, family: Family): Doc {
  const spec = ROUTE_ATTRIBUTES[name];
  const written = ATTRIBUTE_DOCS[name];
  if (!spec || !written) {
    return { title: `${code(name)} — unknown route attribute`, summary: `NetworkManager knows no route attribute \`${name}\`: nmcli refuses the route. Known: ${Object.keys(ROUTE_ATTRIBUTES).join(', ')}.` };
  }
  const families = spec.v4 && spec.v6 ? 'IPv4 and IPv6' : spec.v4 ? 'IPv4 only' : 'IPv6 only';
  const details = [`Value: ${TYPE_TEXT[spec.type]}.`, `For ${families} routes.`];
  if ((family === 4 && !spec.v4) || (family === 6 && !spec.v6)) details.push(`Not valid on this IPv${family} route: nmcli refuses it.`);
  return { title: `${code(`${name}=`)} — route attribute`, summary: written.summary, values: written.values, details, source: 'libnm nm-setting-ip-config.c' };
}
