import { bool, freeMap, int, listOf, mapping, oneOf, str, strings, type NmKey } from './schemaTypes';

/**
 * The keys of an `interfaces[]` item: nmstate's BaseInterface and the block of each
 * interface type (rust/src/lib/ifaces/*.rs of nmstate 2.2.37, plus what devel/yaml_api.md
 * documents for later releases). Blocks whose struct has `deny_unknown_fields` list their
 * keys; the others are open. `since` is the first tag that has the key (git log -S).
 */

export const INTERFACE_TYPES: readonly string[] = [
  'ethernet', 'bond', 'vlan', 'vxlan', 'linux-bridge', 'ovs-bridge', 'ovs-interface', 'vrf', 'mac-vlan', 'mac-vtap',
  'infiniband', 'loopback', 'hsr', 'ipvlan', 'veth', 'dummy', 'macsec', 'ipsec', 'xfrm', 'tun', 'ip-tunnel', 'unknown',
];

/**
 * Connection types NetworkManager itself knows: nmstate passes a type it does not know to
 * NetworkManager unchanged (InterfaceType::Other), so these are never called unknown.
 */
export const BACKEND_INTERFACE_TYPES: readonly string[] = [
  'team', 'bridge', 'ovs-port', 'wireguard', 'wifi', 'generic', 'vpn', 'ppp', 'wpan', '6lowpan', 'bluetooth', 'adsl',
  'olpc-mesh', 'wimax', 'gre', 'ip6gre', 'ipip', 'sit', 'vti', 'vti6', 'gretap', 'ip6tnl',
];

export const INTERFACE_STATES: readonly string[] = ['up', 'down', 'absent', 'ignore', 'unknown'];

const BOND_MODES = ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'];

const address = listOf('Static IP addresses of the interface.', {
  ip: str('The IP address, without prefix (192.0.2.10).'),
  'prefix-length': int('The prefix length of the address\'s subnet: 0–32 for IPv4, 0–128 for IPv6.', { min: 0 }),
  'mptcp-flags': strings('MPTCP flags of this address (signal, subflow, backup, fullmesh).', { since: '2.2.0' }),
  'valid-life-time': str('Remaining valid lifetime of a dynamic address (shown by nmstate; `forever` for static).', { since: '2.2.20' }),
  'preferred-life-time': str('Remaining preferred lifetime of a dynamic address (shown by nmstate).', { since: '2.2.20' }),
  // ip.rs InterfaceIpAddr: aliases nmstate reads for the two lifetimes.
  'valid-lft': str('Alias of valid-life-time.', { since: '2.2.20' }),
  'preferred-lft': str('Alias of preferred-life-time.', { since: '2.2.20' }),
  'valid-left': str('Alias of valid-life-time.', { since: '2.2.20' }),
  'preferred-left': str('Alias of preferred-life-time.', { since: '2.2.20' }),
});

/** The keys of `ipv4` and `ipv6` (nmstate's InterfaceIp, `deny_unknown_fields`). */
function ipBlock(family: 4 | 6): NmKey {
  const v = `IPv${family}`;
  const keys: Record<string, NmKey> = {
    enabled: bool(`Whether ${v} is enabled on the interface. A route through the interface needs it.`),
    dhcp: bool(`Whether the interface gets its ${v} address by DHCP${family === 6 ? 'v6' : ''}.`),
    ...(family === 6 ? { autoconf: bool('Whether IPv6 SLAAC (router advertisements) configures addresses.') } : {}),
    address,
    'auto-dns': bool('Whether DNS servers from DHCP/autoconf are used (default true).'),
    'auto-gateway': bool('Whether the gateway from DHCP/autoconf is installed as default route (default true).'),
    'auto-routes': bool('Whether routes from DHCP/autoconf are installed (default true).'),
    'auto-route-table-id': int('The routing table that routes from DHCP/autoconf go into (0: main).'),
    'auto-route-metric': int('The metric of routes from DHCP/autoconf.', { since: '2.2.1' }),
    'dhcp-client-id': str('The DHCPv4 client identifier: `ll`, `iaid+duid`, or a custom string.', { offer: ['ll', 'iaid+duid'] }),
    'dhcp-duid': str('The DHCPv6 DUID: `llt`, `ll`, `en`, `uuid`, or a custom hex string.', { offer: ['llt', 'll', 'en', 'uuid'] }),
    'addr-gen-mode': str('How the IPv6 link-local and SLAAC interface identifier is made: `eui64` or `stable-privacy`.', { offer: ['eui64', 'stable-privacy'] }),
    'allow-extra-address': bool('Do not fail verification when the interface has addresses the state does not list (default true).', { since: '2.2.0' }),
    token: str('The IPv6 token (interface identifier) for SLAAC addresses, e.g. `::fe`.', { since: '2.2.6' }),
    'dhcp-send-hostname': bool('Whether the host name is sent to the DHCP server.', { since: '2.2.10' }),
    'dhcp-custom-hostname': str('The host name sent to the DHCP server instead of the system\'s.', { since: '2.2.10' }),
    // Used by kubernetes-nmstate's docs/examples/per-interface-ipv4-forwarding.yaml; newer than the nmstate source read here.
    forwarding: bool(`Per-interface ${v} forwarding.`, { since: '>2.2.37' }),
  };
  return mapping(`The ${v} configuration of the interface.`, keys);
}

const bridgeVlan = mapping('The VLAN filtering of this bridge port.', {
  mode: oneOf(['trunk', 'access'], 'trunk: tagged VLANs listed in trunk-tags; access: one untagged VLAN (tag).'),
  tag: int('The access VLAN, or the native VLAN of a trunk with enable-native.'),
  'enable-native': bool('Whether untagged traffic of a trunk port belongs to VLAN `tag`.'),
  'trunk-tags': listOf('The VLANs a trunk port carries: `id`, or an `id-range` {min, max}.', {
    id: int('One VLAN id.'),
    'id-range': mapping('A range of VLAN ids.', { min: int('The first VLAN id.'), max: int('The last VLAN id.') }),
  }, { open: true }),
});

const ovsDb = mapping('OpenvSwitch database settings of this interface.', {
  external_ids: freeMap('Free-form `external_ids` of the OVS record.'),
  other_config: freeMap('Free-form `other_config` of the OVS record (ovs-vswitchd.conf.db(5)).'),
});

const ethtool = mapping('ethtool settings: pause frames, offload features, coalescing, rings.', {
  pause: mapping('Pause frame settings.', {
    rx: bool('Receive pause frames.'), tx: bool('Send pause frames.'), autoneg: bool('Negotiate pause settings.'),
  }),
  feature: freeMap('Offload features by ethtool name (`rx-checksum: true`, `tx-tcp-segmentation: false`…).'),
  coalesce: freeMap('Interrupt coalescing settings (`rx-usecs`, `adaptive-rx`…).'),
  ring: freeMap('Ring buffer sizes (`rx`, `tx`, `rx-jumbo`, `rx-mini`).'),
  fec: mapping('Forward error correction.', { auto: bool('Automatic FEC (mode is then ignored).'), mode: oneOf(['off', 'rs', 'baser', 'llrs'], 'The FEC mode.') }, { since: '2.2.43' }),
});

/** BaseInterface: keys every interface may have. */
export const BASE_INTERFACE_KEYS: Readonly<Record<string, NmKey>> = {
  name: str('The interface name (at most 15 characters for a kernel interface).'),
  type: oneOf(INTERFACE_TYPES, 'The interface type. Without it nmstate uses the type of the existing interface of that name.', {
    offer: ['ethernet', 'bond', 'vlan', 'linux-bridge', 'ovs-bridge', 'ovs-interface', 'vrf', 'vxlan', 'mac-vlan', 'mac-vtap', 'ipvlan', 'infiniband', 'loopback', 'dummy', 'veth', 'hsr', 'macsec', 'ipsec', 'xfrm'],
  }),
  state: oneOf(INTERFACE_STATES, 'up (default): configure and activate; down: deactivate; absent: remove; ignore: leave as it is.', {
    offer: ['up', 'down', 'absent', 'ignore'],
  }),
  description: str('A description stored in the NetworkManager profile.', { since: '2.1.0' }),
  'profile-name': str('The name of the NetworkManager profile, when it differs from the interface name.', { since: '2.2.10' }),
  identifier: oneOf(['name', 'mac-address', 'pci-address'], 'How the interface is matched: by name (default), mac-address or pci-address.', { since: '2.2.10' }),
  'mac-address': str('The MAC address to set, or (with identifier: mac-address) to match the interface by.'),
  'pci-address': str('The PCI address of the interface (0000:07:00.0), to match it with identifier: pci-address.', { since: '2.2.47' }),
  'permanent-mac-address': str('The permanent MAC address (shown by nmstate; ignored when applied).'),
  'alt-names': listOf('Alternative names of the interface (`name`, `state: absent`).', { name: str('An alternative name.'), state: oneOf(['absent'], 'absent removes the name.') }, { since: '2.2.51', open: true }),
  mtu: int('The MTU in bytes.'),
  'min-mtu': int('The smallest MTU the interface supports (shown by nmstate; ignored when applied).', { since: '2.2.0' }),
  'max-mtu': int('The largest MTU the interface supports (shown by nmstate; ignored when applied).', { since: '2.2.0' }),
  'wait-ip': oneOf(['any', 'ipv4', 'ipv6', 'ipv4+ipv6'], 'Which IP stack must be configured before the interface counts as activated.', { since: '2.1.3' }),
  ipv4: ipBlock(4),
  ipv6: ipBlock(6),
  mptcp: mapping('Multipath TCP flags for all addresses of the interface.', { 'address-flags': strings('MPTCP flags: signal, subflow, backup, fullmesh.') }, { since: '2.2.0' }),
  controller: str('The bond, bridge or VRF this interface is a port of (empty string: detach).'),
  'accept-all-mac-addresses': bool('Promiscuous mode: accept packets for any MAC address.'),
  'copy-mac-from': str('Take the MAC address of this other interface (e.g. a bond port).'),
  'ovs-db': ovsDb,
  '802.1x': mapping('IEEE 802.1X authentication.', {
    identity: str('The identity for EAP.'),
    'eap-methods': strings('EAP methods, e.g. tls, peap.'),
    'private-key': str('Path of the private key.'),
    'client-cert': str('Path of the client certificate.'),
    'ca-cert': str('Path of the CA certificate.'),
    'private-key-password': str('Password of the private key.'),
    'phase2-auth': str('Phase 2 authentication method.'),
    password: str('The EAP password.'),
  }, { open: true }),
  lldp: mapping('Link Layer Discovery Protocol.', { enabled: bool('Whether LLDP is received on the interface.'), neighbors: { doc: 'LLDP neighbors (shown by nmstate).', type: 'any', open: true } }, { since: '2.1.0' }),
  ethtool: { ...ethtool, since: '2.1.0' },
  dispatch: mapping('Scripts NetworkManager runs when the interface is activated or deactivated.', {
    'post-activation': str('Script run after activation.'),
    'post-deactivation': str('Script run after deactivation.'),
  }, { since: '2.2.17', open: true }),
  driver: str('The kernel driver of the device (shown by nmstate).', { since: '2.2.27' }),
};

/** The type-specific block of each interface type: the key it sits under. */
export const INTERFACE_BLOCKS: Readonly<Record<string, NmKey>> = {
  ethernet: mapping('Ethernet settings (type: ethernet).', {
    'auto-negotiation': bool('Auto-negotiation of speed and duplex.'),
    speed: int('The link speed in Mb/s (with auto-negotiation off).'),
    duplex: oneOf(['full', 'half'], 'The duplex mode.'),
    'sr-iov': mapping('SR-IOV virtual functions.', {
      'total-vfs': int('How many VFs to create.'),
      // yaml_api.md: shown by query, ignored when applied.
      'max-vfs': int('The most VFs the NIC supports (shown by nmstate; ignored when applied).', { since: '2.2.59' }),
      'drivers-autoprobe': bool('Whether VF drivers are probed automatically.'),
      vfs: listOf('Settings of each VF (by id).', {
        id: int('The VF index.'),
        'iface-name': str('The interface name of the VF (shown by nmstate).'),
        'mac-address': str('The MAC address of the VF.'),
        'spoof-check': bool('MAC spoof checking.'),
        trust: bool('Trusted VF.'),
        'min-tx-rate': int('Minimum TX rate in Mb/s.'),
        'max-tx-rate': int('Maximum TX rate in Mb/s.'),
        'vlan-id': int('The VLAN of the VF.'),
        qos: int('The VLAN priority of the VF.'),
        'vlan-proto': oneOf(['802.1q', '802.1ad'], 'The VLAN protocol.'),
      }),
    }),
  }),
  veth: mapping('The peer of a veth pair (type: veth or ethernet).', { peer: str('The name of the other end.') }, { open: true }),
  'link-aggregation': mapping('Bond settings (type: bond).', {
    mode: oneOf([...BOND_MODES, '0', '1', '2', '3', '4', '5', '6', 'unknown'], 'The bonding mode.', { offer: BOND_MODES }),
    options: mapping('Bonding driver options (miimon, lacp_rate, xmit_hash_policy, …).', {
      ad_actor_sys_prio: int('LACP actor system priority.'), ad_actor_system: str('LACP actor system MAC address.'),
      ad_select: str('802.3ad aggregator selection: stable, bandwidth, count.'), ad_user_port_key: int('LACP user port key.'),
      all_slaves_active: str('Whether duplicate frames on inactive ports are delivered: dropped, delivered.'),
      arp_all_targets: str('any or all ARP targets must be up.'), arp_interval: int('ARP monitoring interval in ms.'),
      arp_ip_target: str('ARP monitoring targets, comma-separated.'), arp_validate: str('ARP validation: none, active, backup, all, filter…'),
      arp_missed_max: int('Missed ARP replies before a port is down.', { since: '2.2.13' }),
      downdelay: int('Delay before disabling a failed port, in ms.'), fail_over_mac: str('active-backup MAC policy: none, active, follow.'),
      lacp_rate: str('LACPDU rate: slow, fast.'), lp_interval: int('Learning packet interval in seconds.'),
      miimon: int('MII link monitoring interval in ms.'), min_links: int('Minimum active ports for carrier.'),
      num_grat_arp: int('Gratuitous ARPs after failover.'), num_unsol_na: int('Unsolicited neighbor advertisements after failover.'),
      packets_per_slave: int('Packets per port in balance-rr.'), primary: str('The preferred port.'),
      primary_reselect: str('When the primary becomes active again: always, better, failure.'),
      resend_igmp: int('IGMP reports after failover.'), tlb_dynamic_lb: bool('Dynamic load balancing in balance-tlb.'),
      updelay: int('Delay before enabling a recovered port, in ms.'), use_carrier: bool('Use carrier state for miimon.'),
      xmit_hash_policy: str('Transmit hash: layer2, layer3+4, layer2+3, encap2+3, encap3+4, vlan+srcmac.'),
      balance_slb: bool('Source load balancing (balance-xor).', { since: '2.2.1' }),
      // bond.rs BondOptions: `#[serde(alias = "balance-slb")]`.
      'balance-slb': bool('Alias of balance_slb.', { since: '2.2.1' }),
      // yaml_api.md: "new in 2.2.47".
      lacp_active: bool('Whether LACPDUs are sent (802.3ad).', { since: '2.2.47' }),
      ns_ip6_target: str('IPv6 NS monitoring targets (like arp_ip_target, for IPv6).', { since: '2.2.47' }),
    }),
    port: strings('The bond\'s ports (interface names).'),
    ports: strings('The bond\'s ports (alias of port).'),
    'ports-config': listOf('Per-port settings: name, priority, queue-id.', {
      name: str('The port.'), priority: int('The port priority.'), 'queue-id': int('The port queue id.'),
    }, { since: '2.2.17', open: true }),
  }),
  vlan: mapping('VLAN settings (type: vlan).', {
    'base-iface': str('The parent interface of the VLAN.'),
    id: int('The VLAN id (0–4095).', { min: 0, max: 4095 }),
    protocol: oneOf(['802.1q', '802.1ad'], 'The VLAN protocol (default 802.1q).'),
    'registration-protocol': oneOf(['gvrp', 'mvrp', 'none'], 'VLAN registration protocol.', { since: '2.2.21' }),
    'reorder-headers': bool('Reorder output packet headers.', { since: '2.2.21' }),
    'loose-binding': bool('Do not follow the parent\'s operational state.', { since: '2.2.21' }),
  }),
  vxlan: mapping('VXLAN settings (type: vxlan).', {
    'base-iface': str('The underlay interface.'),
    id: int('The VXLAN network identifier (VNI).'),
    learning: bool('Learn remote addresses.'),
    local: str('The local tunnel address.'),
    remote: str('The remote tunnel (or multicast group) address.'),
    'destination-port': int('The UDP destination port (4789 is IANA\'s).'),
  }),
  bridge: mapping('Bridge settings (type: linux-bridge or ovs-bridge).', {
    options: mapping('Bridge options (STP, multicast, VLAN; OVS: stp, rstp, fail-mode…).', {
      // Linux bridge
      'gc-timer': int('Garbage collection timer (shown by nmstate).'), 'group-addr': str('The group MAC address.'),
      'group-forward-mask': int('Group forward mask.'), 'group-fwd-mask': int('Group forward mask.'), 'hash-max': int('Multicast hash maximum.'),
      'hello-timer': int('Hello timer (shown by nmstate).'), 'mac-ageing-time': int('MAC ageing time in seconds.'),
      'multicast-last-member-count': int('Multicast last member count.'), 'multicast-last-member-interval': int('Multicast last member interval.'),
      'multicast-membership-interval': int('Multicast membership interval.'), 'multicast-querier': bool('Multicast querier.'),
      'multicast-querier-interval': int('Multicast querier interval.'), 'multicast-query-interval': int('Multicast query interval.'),
      'multicast-query-response-interval': int('Multicast query response interval.'), 'multicast-query-use-ifaddr': bool('Use the interface address in queries.'),
      'multicast-router': str('Multicast router mode: auto, disabled, enabled.'), 'multicast-snooping': bool('Multicast snooping.'),
      'multicast-startup-query-count': int('Multicast startup query count.'), 'multicast-startup-query-interval': int('Multicast startup query interval.'),
      stp: { doc: 'Spanning tree: `enabled`, forward-delay, hello-time, max-age, priority (OVS: a boolean or {enabled}).', type: 'any', open: true },
      'vlan-protocol': oneOf(['802.1q', '802.1ad'], 'The VLAN protocol of a VLAN-filtering bridge.'),
      'vlan-default-pvid': int('The default PVID of ports.'),
      // OVS bridge
      rstp: bool('Rapid spanning tree (OVS).'), 'mcast-snooping-enable': bool('Multicast snooping (OVS).'),
      'fail-mode': str('OVS fail mode: secure or standalone.'), datapath: str('OVS datapath type, e.g. netdev for DPDK.'),
    }),
    port: listOf('The bridge\'s ports.', {
      name: str('The port interface.'),
      'stp-hairpin-mode': bool('Hairpin mode (linux-bridge).'), 'stp-path-cost': int('STP path cost (linux-bridge).'),
      'stp-priority': int('STP priority (linux-bridge).'), vlan: bridgeVlan,
      'link-aggregation': mapping('An OVS bond as a port: mode, port list, delays.', {
        mode: oneOf(['active-backup', 'balance-slb', 'balance-tcp', 'lacp'], 'The OVS bond mode.'),
        port: listOf('The bond\'s ports.', { name: str('The port interface.') }, { open: true }),
        ports: listOf('The bond\'s ports (alias of port).', { name: str('The port interface.') }, { open: true }),
        'bond-downdelay': int('Delay before disabling a failed port, in ms.'), 'bond-updelay': int('Delay before enabling a recovered port, in ms.'),
        'ovs-db': ovsDb,
      }),
    }),
    ports: { doc: 'The bridge\'s ports (alias of port).', type: 'list of mappings', open: true },
    'allow-extra-patch-ports': bool('Keep OVS patch ports the state does not list (OVS).', { since: '2.2.14' }),
  }),
  patch: mapping('OVS patch port settings (type: ovs-interface).', { peer: str('The patch port at the other end.') }),
  dpdk: mapping('OVS DPDK settings (type: ovs-interface).', {
    devargs: str('The DPDK device arguments (PCI address).'),
    'rx-queue': int('Number of RX queues.'), n_rxq: int('Number of RX queues (alias of rx-queue).'),
    n_rxq_desc: int('RX queue size.', { since: '2.2.5' }), n_txq_desc: int('TX queue size.', { since: '2.2.5' }),
  }),
  vrf: mapping('VRF settings (type: vrf).', {
    port: strings('The interfaces enslaved to the VRF.'),
    ports: strings('The interfaces enslaved to the VRF (alias of port).'),
    'route-table-id': int('The routing table of the VRF: routes with this table-id are the VRF\'s.'),
  }),
  'mac-vlan': mapping('MACVLAN settings (type: mac-vlan).', {
    'base-iface': str('The parent interface.'),
    mode: oneOf(['vepa', 'bridge', 'private', 'passthru', 'source', 'unknown'], 'The MACVLAN mode.', { offer: ['vepa', 'bridge', 'private', 'passthru', 'source'] }),
    promiscuous: bool('Accept all MAC addresses.'),
    'accept-all-mac': bool('Accept all MAC addresses (alias of promiscuous).'),
  }),
  'mac-vtap': mapping('MACVTAP settings (type: mac-vtap).', {
    'base-iface': str('The parent interface.'),
    mode: oneOf(['vepa', 'bridge', 'private', 'passthru', 'source', 'unknown'], 'The MACVTAP mode.', { offer: ['vepa', 'bridge', 'private', 'passthru', 'source'] }),
    promiscuous: bool('Accept all MAC addresses.'),
    'accept-all-mac': bool('Accept all MAC addresses (alias of promiscuous).'),
  }),
  infiniband: mapping('IP over InfiniBand settings (type: infiniband).', {
    mode: oneOf(['datagram', 'connected'], 'The IPoIB mode.'),
    'base-iface': str('The parent of a partition.'),
    pkey: { doc: 'The partition key (0x8001, or 0xffff for none).', type: 'integer or string' },
  }),
  ipvlan: mapping('IPVLAN settings (type: ipvlan).', {
    'base-iface': str('The parent interface.'),
    mode: oneOf(['l2', 'l3', 'l3s'], 'The IPVLAN mode.'),
    private: bool('Private flag.'),
    vepa: bool('VEPA flag.'),
  }, { since: '2.2.37' }),
  hsr: mapping('HSR/PRP settings (type: hsr).', {
    port1: str('The first port.'), port2: str('The second port.'),
    'supervision-address': str('The supervision MAC address.'), 'multicast-spec': int('The last byte of the supervision address.'),
    protocol: oneOf(['hsr', 'prp'], 'HSR or PRP.'),
  }, { open: true, since: '2.2.22' }),
  macsec: mapping('MACsec settings (type: macsec).', {
    encrypt: bool('Encrypt traffic.'), 'base-iface': str('The parent interface.'), 'mka-cak': str('MKA CAK.'), 'mka-ckn': str('MKA CKN.'),
    port: int('The port.'), validation: oneOf(['disabled', 'check', 'strict'], 'Validation mode.'), 'send-sci': bool('Send SCI.'),
    offload: oneOf(['off', 'phy', 'mac'], 'Offload mode.'),
  }, { open: true, since: '2.2.16' }),
  libreswan: freeMap('Libreswan IPsec connection settings (type: ipsec).'),
  'ip-tunnel': freeMap('IP tunnel settings (type: ip-tunnel): mode, local, remote, ttl, …', { since: '2.2.59' }),
};

/** Which block each type reads (ovs-bridge and linux-bridge share `bridge`). */
export const BLOCK_OF_TYPE: Readonly<Record<string, readonly string[]>> = {
  ethernet: ['ethernet', 'veth'], veth: ['ethernet', 'veth'], bond: ['link-aggregation'], vlan: ['vlan'], vxlan: ['vxlan'],
  'linux-bridge': ['bridge'], 'ovs-bridge': ['bridge'], 'ovs-interface': ['patch', 'dpdk'], vrf: ['vrf'], 'mac-vlan': ['mac-vlan'],
  'mac-vtap': ['mac-vtap'], infiniband: ['infiniband'], ipvlan: ['ipvlan'], hsr: ['hsr'], macsec: ['macsec'], ipsec: ['libreswan'],
  'ip-tunnel': ['ip-tunnel'],
};

/**
 * An `interfaces[]` item: the base keys and every type's block. A key is known when any
 * type has it, so a missing or templated `type` never makes a false alarm.
 */
export const INTERFACE_ITEM: NmKey = listOf('The interfaces of the state: each with name, type, state and its settings.', {
  ...BASE_INTERFACE_KEYS,
  ...INTERFACE_BLOCKS,
});
