/**
 * Advice that depends on the device and the settings: nmcli-ovn-port (a question unless
 * mcroutes.brExInterface names the NIC), nmcli-device-runtime (what lasts on br-ex and on a
 * secondary NIC), nmcli-reserved-iface (by network type), route-gateway (summary routes
 * covered by an interface address), route-table-unused and route-ovn-egress. Each check
 * has a flagged case and a look-alike that is not, with the message asserted.
 */
import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/analysis/lint';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import { machineConfig, orderedUnit } from '../support/machineConfig';

const OVN: Settings = { ...DEFAULT_SETTINGS, rules: {} };
const SDN: Settings = { ...OVN, networkType: 'OpenShiftSDN' };

interface Spec {
  execs?: string[];
  files?: { path: string; text: string; mode?: string }[];
}

/** One worker MachineConfig: a unit ordered after br-ex is built running `execs`, and `files` percent-encoded. */
function config({ execs = [], files = [] }: Spec): string {
  return machineConfig({
    name: '99-worker-advice',
    files: files.map((file) => ({ ...file, mode: file.mode ?? (file.path.endsWith('.nmconnection') ? '0600' : '0755') })),
    units: execs.length > 0 ? [orderedUnit(execs.map((e) => `ExecStart=${e}`))] : [],
  });
}

/** `CODE SEVERITY "text": message` of the findings of `codes`. */
function said(text: string, settings: Settings, ...codes: string[]): string[] {
  return lintText(text, settings).problems.filter((p) => codes.includes(p.code))
    .map((p) => `${p.code} ${p.severity} ${JSON.stringify(text.slice(p.start, p.end))}: ${p.message}`);
}

const keyfile = (iface: string, ipv4: string[]) => ({
  path: `/etc/NetworkManager/system-connections/${iface}.nmconnection`,
  text: ['[connection]', `id=${iface}`, 'type=ethernet', `interface-name=${iface}`, '', '[ipv4]', ...ipv4, ''].join('\n'),
});

describe('nmcli-ovn-port: an error only where the setting names the NIC under br-ex', () => {
  const unit = config({ execs: ['/usr/bin/nmcli device modify ens5 +ipv4.routes "192.168.1.0/24 172.18.0.1"'] });

  it('unset: a question (info) on a NIC-like name, with the unsafe fix to br-ex', () => {
    assert.deepEqual(said(unit, OVN, 'nmcli-ovn-port'), [
      'nmcli-ovn-port info "ens5": If ens5 is the NIC under br-ex, the route belongs on br-ex: set mcroutes.brExInterface to settle it.',
    ]);
    const [problem] = lintText(unit, OVN).problems.filter((p) => p.code === 'nmcli-ovn-port');
    assert.deepEqual(problem.fixes?.map((f) => [f.title, f.safe]), [['Route on br-ex instead', false]]);
  });

  it('the setting names the NIC: an error', () => {
    assert.deepEqual(said(unit, { ...OVN, brExInterface: 'ens5' }, 'nmcli-ovn-port'), [
      'nmcli-ovn-port error "ens5": ens5 is the NIC under br-ex, a port that carries no IP on OVN-Kubernetes: put the route on br-ex.',
    ]);
  });

  it('the setting names another NIC: ens5 is a secondary NIC, nothing to say; OpenShift SDN: nothing either', () => {
    assert.deepEqual(said(unit, { ...OVN, brExInterface: 'ens3' }, 'nmcli-ovn-port'), []);
    assert.deepEqual(said(unit, SDN, 'nmcli-ovn-port'), []);
  });

  it('a DHCP keyfile for the NIC under br-ex loses its routes: an error; a static one is cloned into br-ex\'s profile: nothing', () => {
    const dhcp = config({ files: [keyfile('ens5', ['method=auto', 'route1=192.168.1.0/24,172.18.0.1'])] });
    assert.deepEqual(said(dhcp, { ...OVN, brExInterface: 'ens5' }, 'nmcli-ovn-port'), [
      'nmcli-ovn-port error "ens5": ens5, the NIC under br-ex, uses DHCP, so configure-ovs keeps none of this profile\'s routes: add them on br-ex.',
    ]);
    const fixes = lintText(dhcp, { ...OVN, brExInterface: 'ens5' }).problems.find((p) => p.code === 'nmcli-ovn-port')?.fixes;
    assert.equal(fixes, undefined, 'no br-ex fix inside a keyfile');
    const manual = config({ files: [keyfile('ens5', ['method=manual', 'address1=172.18.0.10/24', 'route1=192.168.1.0/24,172.18.0.1'])] });
    assert.deepEqual(said(manual, { ...OVN, brExInterface: 'ens5' }, 'nmcli-ovn-port'), []);
    assert.deepEqual(said(manual, OVN, 'nmcli-ovn-port'), []);
  });

  it('`ip route add … dev NIC` in a script: the same judgement', () => {
    const script = config({ files: [{ path: '/usr/local/bin/routes.sh', text: '#!/bin/bash\nip route add 192.168.1.0/24 via 172.18.0.1 dev ens5\n' }] });
    assert.deepEqual(said(script, { ...OVN, brExInterface: 'ens5' }, 'nmcli-ovn-port').map((s) => s.split(':')[0]), ['nmcli-ovn-port error "ens5"']);
    assert.deepEqual(said(script, { ...OVN, brExInterface: 'ens224' }, 'nmcli-ovn-port'), []);
  });
});

describe('nmcli-device-runtime: advice that fits the device', () => {
  const message = (execs: string[], settings = OVN) => lintText(config({ execs }), settings).problems.find((p) => p.code === 'nmcli-device-runtime')?.message;

  it('br-ex on OVN-Kubernetes: the boot-time unit after ovs-configuration is what lasts (configure-ovs rebuilds its profiles)', () => {
    assert.equal(message(['/usr/bin/nmcli device modify br-ex +ipv4.routes "192.168.1.0/24 172.18.0.1"']),
      'Runtime only, which suits br-ex: re-add the routes at boot in a unit ordered After=ovs-configuration.service.');
  });

  it('a secondary NIC: a keyfile, connection modify and reapply, or NMState; never advice to modify br-ex\'s profile', () => {
    const secondary = message(['/usr/bin/nmcli device modify ens224 +ipv4.routes "192.168.1.0/24 172.18.0.1"'], { ...OVN, brExInterface: 'ens3' });
    assert.equal(secondary, 'device modify is runtime only: to keep the routes across re-activation, use a keyfile, connection modify or NMState.');
    const sdn = message(['/usr/bin/nmcli device modify br-ex +ipv4.routes "192.168.1.0/24 172.18.0.1"'], SDN);
    assert.doesNotMatch(sdn ?? '', /suits br-ex/, 'br-ex is configure-ovs\' only on OVN-Kubernetes');
  });

  it('connection modify --temporary: drop --temporary, except on br-ex where nothing saved would last', () => {
    assert.match(message(['/usr/bin/nmcli connection modify --temporary storage +ipv4.routes "192.168.1.0/24 172.18.0.1"']) ?? '', /drop --temporary to keep them\.$/);
    assert.match(message(['/usr/bin/nmcli connection modify --temporary br-ex +ipv4.routes "192.168.1.0/24 172.18.0.1"']) ?? '', /^Runtime only, which suits br-ex/);
  });

  it('connection modify is saved: nothing', () => {
    assert.equal(message(['/usr/bin/nmcli connection modify storage +ipv4.routes "192.168.1.0/24 172.18.0.1"']), undefined);
  });
});

describe('nmcli-reserved-iface by network type', () => {
  const on = (iface: string) => config({ execs: [`/usr/bin/nmcli device modify ${iface} +ipv4.routes "192.168.1.0/24 172.18.0.1"`] });

  it('br0, tun0 and vxlan_sys_* are OpenShift SDN\'s: an error there, ordinary names on OVN-Kubernetes', () => {
    assert.deepEqual(said(on('br0'), SDN, 'nmcli-reserved-iface'), [
      'nmcli-reserved-iface error "br0": br0 belongs to OpenShift SDN: routes on it are lost or break pod traffic; use the node\'s own NIC.',
    ]);
    assert.deepEqual(said(on('vxlan_sys_4789'), SDN, 'nmcli-reserved-iface').map((s) => s.split(':')[0]), ['nmcli-reserved-iface error "vxlan_sys_4789"']);
    for (const name of ['br0', 'tun0', 'vxlan_sys_4789']) assert.deepEqual(said(on(name), OVN, 'nmcli-reserved-iface'), [], name);
  });

  it('OVN-Kubernetes\' bridges and ports on both network types, also in a keyfile', () => {
    assert.deepEqual(said(on('br-int'), OVN, 'nmcli-reserved-iface'), [
      'nmcli-reserved-iface error "br-int": br-int belongs to OVN-Kubernetes: routes on it are lost or break pod traffic; use br-ex or a secondary NIC.',
    ]);
    assert.equal(said(on('br-ext'), SDN, 'nmcli-reserved-iface').length, 1);
    const profile = config({ files: [keyfile('genev_sys_6081', ['method=manual', 'address1=172.18.0.10/24', 'route1=192.168.1.0/24,172.18.0.1'])] });
    assert.deepEqual(said(profile, OVN, 'nmcli-reserved-iface').map((s) => s.split(':')[0]), ['nmcli-reserved-iface error "genev_sys_6081"']);
  });
});

describe('route-gateway: a summary route whose gateway an interface address covers', () => {
  it('flagged without such an address; not flagged with the NIC\'s address from a keyfile, nmcli or ip addr', () => {
    const bare = config({ execs: ['/usr/bin/nmcli connection modify storage +ipv4.routes "10.50.0.0/16 10.50.0.1"'] });
    assert.deepEqual(said(bare, OVN, 'route-gateway'), [
      'route-gateway warning "10.50.0.1": Next hop 10.50.0.1 lies inside its own route 10.50.0.0/16 and no address here covers it: use a reachable router.',
    ]);
    const nmcli = config({ execs: ['/usr/bin/nmcli connection modify storage ipv4.addresses 10.50.0.5/24 +ipv4.routes "10.50.0.0/16 10.50.0.1"'] });
    assert.deepEqual(said(nmcli, OVN, 'route-gateway'), []);
    const ip = config({ execs: ['/usr/sbin/ip address add 10.50.0.5/24 dev ens224', '/usr/bin/nmcli device modify ens224 +ipv4.routes "10.50.0.0/16 10.50.0.1"'] });
    assert.deepEqual(said(ip, OVN, 'route-gateway'), []);
    const profile = config({ files: [keyfile('ens224', ['method=manual', 'address1=10.50.0.5/24,10.50.0.254', 'route1=10.50.0.0/16,10.50.0.1'])] });
    assert.deepEqual(said(profile, OVN, 'route-gateway'), []);
  });

  it('an address of another NIC, or one no smaller than the route, does not count', () => {
    const other = config({ execs: ['/usr/sbin/ip address add 10.50.0.5/24 dev ens225', '/usr/bin/nmcli device modify ens224 +ipv4.routes "10.50.0.0/16 10.50.0.1"'] });
    assert.equal(said(other, OVN, 'route-gateway').length, 1);
    const wide = config({ execs: ['/usr/bin/nmcli connection modify storage ipv4.addresses 10.50.0.5/16 +ipv4.routes "10.50.0.0/16 10.50.0.1"'] });
    assert.equal(said(wide, OVN, 'route-gateway').length, 1);
  });

  it('documentation and benchmark addresses are usable next hops; 240.0.0.0/4 is not', () => {
    const doc = config({ execs: ['/usr/bin/nmcli device modify br-ex +ipv4.routes "192.168.1.0/24 192.0.2.1, 192.168.2.0/24 198.18.0.1, 192.168.3.0/24 240.0.0.1"'] });
    assert.deepEqual(said(doc, OVN, 'route-gateway'), [
      `route-gateway error "240.0.0.1": Next hop 240.0.0.1 is in the reserved range 240.0.0.0/4: use a router's unicast address.`,
    ]);
  });
});

describe('route-table-unused', () => {
  const routes = '/usr/bin/nmcli connection modify br-ex +ipv4.routes "192.168.1.0/24 172.18.0.1 table=100"';

  it('a table no rule or VRF of the config looks up: a warning on the table', () => {
    assert.deepEqual(said(config({ execs: [routes] }), OVN, 'route-table-unused'), [
      'route-table-unused warning "100": No rule or VRF of this config looks up table 100, so this route is never used: add a rule or use the main table.',
    ]);
  });

  it('a rule in a dispatcher script, a rule whose table is a variable, or a file that cannot be read here: nothing', () => {
    const dispatcher = { path: '/etc/NetworkManager/dispatcher.d/30-rules', text: '#!/bin/bash\n[ "$2" = up ] && ip rule add from 10.0.5.0/24 table 100\n' };
    assert.deepEqual(said(config({ execs: [routes], files: [dispatcher] }), OVN, 'route-table-unused'), []);
    assert.deepEqual(said(config({ execs: [routes, '/usr/sbin/ip rule add from 10.0.5.0/24 lookup ${TABLE}'] }), OVN, 'route-table-unused'), []);
    const text = config({ execs: [routes], files: [{ path: '/usr/local/bin/rules.sh', text: '' }] })
      .replace(/source: data:,\n/, 'source: data:;base64,H4sIAAAAAAAAAwMAAAAAAAAAAAA=\n            compression: gzip\n');
    assert.match(text, /compression: gzip/);
    assert.deepEqual(said(text, OVN, 'route-table-unused'), []);
  });

  it('main, local and default by number or name are never flagged', () => {
    const builtIn = config({ execs: [
      '/usr/bin/nmcli connection modify br-ex +ipv4.routes "192.168.1.0/24 172.18.0.1 table=254, 192.168.2.0/24 172.18.0.1 table=0"',
      '/usr/sbin/ip route add 192.168.3.0/24 via 172.18.0.1 table main',
      '/usr/sbin/ip route add 192.168.4.0/24 via 172.18.0.1 table 255',
    ] });
    assert.deepEqual(said(builtIn, OVN, 'route-table-unused'), []);
  });
});

describe('route-ovn-egress', () => {
  it('names routingViaHost (ipForwarding: Global, from 4.14, is in the documentation)', () => {
    const [message] = said(config({ execs: ['/usr/bin/nmcli device modify br-ex +ipv4.routes "192.168.1.0/24 172.18.0.1"'] }), OVN, 'route-ovn-egress');
    assert.equal(message, 'route-ovn-egress hint "192.168.1.0/24": Pods on OVN-Kubernetes use host routes only with gatewayConfig.routingViaHost: true; the node always does.');
  });
});
