/** routes/ipRoute.ts: the `ip route show` line a route becomes, its command, its device (kinds/machineconfig/configRoutes.ts) and default metric. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseText } from '../../server/src/core/analysis/lint';
import { routesOf } from '../../server/src/core/kinds/machineconfig/model';
import { defaultRouteMetric, expectedRoute, ipRouteCommand, ipRouteLine } from '../../server/src/core/routes/ipRoute';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { routeDevice } from '../../server/src/core/kinds/machineconfig/configRoutes';

const seed = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/seed-route.yaml'), 'utf8');
const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures', name), 'utf8');

function rendered(text: string): string[] {
  const mc = parseText(text).documents[0].machineConfig!;
  return routesOf(mc).map((route) => {
    const device = routeDevice(route, mc);
    return `${ipRouteCommand(route)}: ${ipRouteLine(route, device, defaultRouteMetric(device, DEFAULT_SETTINGS).metric)}`;
  });
}

const withRoutes = (value: string, property = '+ipv4.routes', device = 'ens5') =>
  seed.replace('ens5 +ipv4.routes "192.168.1.0/24 172.18.0.1"', `${device} ${property} "${value}"`);

describe('ip route lines', () => {
  it('the seed: the line its blog post shows', () => {
    assert.deepEqual(rendered(seed), ['ip route show: 192.168.1.0/24 via 172.18.0.1 dev ens5 proto static metric 100']);
  });

  it('the device decides the default metric: br-ex on OVN-Kubernetes 48, a bond 300, a VLAN 400', () => {
    assert.deepEqual(rendered(withRoutes('10.1.0.0/16 10.0.0.1', '+ipv4.routes', 'br-ex')), ['ip route show: 10.1.0.0/16 via 10.0.0.1 dev br-ex proto static metric 48']);
    assert.deepEqual(rendered(withRoutes('10.1.0.0/16 10.0.0.1', '+ipv4.routes', 'bond0')), ['ip route show: 10.1.0.0/16 via 10.0.0.1 dev bond0 proto static metric 300']);
    assert.deepEqual(rendered(withRoutes('10.1.0.0/16 10.0.0.1', '+ipv4.routes', 'ens5.100')), ['ip route show: 10.1.0.0/16 via 10.0.0.1 dev ens5.100 proto static metric 400']);
    assert.equal(defaultRouteMetric('br-ex', { networkType: 'OpenShiftSDN' }).metric, 100);
  });

  it('tables, types, scope, attributes in iproute2 order', () => {
    assert.deepEqual(rendered(withRoutes('10.2.0.0/16 10.0.0.1 table=100 src=10.0.0.5 onlink=true mtu=1400 lock-mtu=true rto_min=200 quickack=true')), [
      'ip route show table 100: 10.2.0.0/16 via 10.0.0.1 dev ens5 proto static src 10.0.0.5 metric 100 onlink mtu lock 1400 rto_min 200ms quickack 1',
    ]);
    assert.deepEqual(rendered(withRoutes('10.3.0.0/16 type=blackhole')), ['ip route show: blackhole 10.3.0.0/16 proto static metric 100']);
    assert.deepEqual(rendered(withRoutes('10.0.0.7/32 type=local')), ['ip route show table local: local 10.0.0.7 dev ens5 proto static scope host metric 100']);
    assert.deepEqual(rendered(withRoutes('10.4.0.0/16 scope=253 tos=16')), ['ip route show: 10.4.0.0/16 tos 0x10 dev ens5 proto static scope link metric 100']);
  });

  it('IPv6: pref medium, metric 0 stored as 1024, source-specific from=', () => {
    assert.deepEqual(rendered(withRoutes('fd00:1::/64 fd00::1 0, ::/0 fd00::1 from=fd00:2::/64', '+ipv6.routes')), [
      'ip -6 route show: fd00:1::/64 via fd00::1 dev ens5 proto static metric 1024 pref medium',
      'ip -6 route show: default from fd00:2::/64 via fd00::1 dev ens5 proto static metric 100 pref medium',
    ]);
  });

  it('connection modify names no device; a keyfile\'s interface-name does', () => {
    const connection = seed.replace('nmcli dev modify ens5', 'nmcli connection modify "Wired connection 1"');
    assert.deepEqual(rendered(connection), ['ip route show: 192.168.1.0/24 via 172.18.0.1 dev DEVICE proto static metric 100']);
    const keyfiles = parseText(fixture('cases/keyfile-routes.yaml')).documents[1].machineConfig!;
    const lines = routesOf(keyfiles).map((r) => `${ipRouteCommand(r)}: ${ipRouteLine(r, routeDevice(r, keyfiles))}`);
    assert.equal(lines[0], 'ip route show table 100: 192.168.1.0/24 via 172.18.0.1 dev ens7 proto static metric 100 mtu 1400');
    assert.equal(lines[2], 'ip route show: 172.16.0.0/12 dev ens7 proto static scope link metric 100');
  });

  it('expectedRoute: undefined for a route NetworkManager does not add', () => {
    const mc = parseText(withRoutes('10.5.0.0/16 10.0.0.1', '-ipv4.routes')).documents[0].machineConfig!;
    assert.equal(expectedRoute(routesOf(mc)[0], 'ens5'), undefined);
    const added = parseText(withRoutes('10.5.0.0/16 10.0.0.1 7')).documents[0].machineConfig!;
    assert.deepEqual(expectedRoute(routesOf(added)[0], 'ens5'), {
      command: 'ip route show', line: '10.5.0.0/16 via 10.0.0.1 dev ens5 proto static metric 7', table: 254, metricImplied: false,
    });
  });
});
