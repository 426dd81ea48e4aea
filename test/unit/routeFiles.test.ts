import * as assert from 'node:assert/strict';
import { EmbeddedText } from '../../server/src/core/text/embeddedText';
import { lintText } from '../../server/src/core/analysis/lint';
import { parseRouteFile, routeFilePath, type RouteFilePath } from '../../server/src/core/formats/routeFile';
import { attributeOf, destinationNetwork, isOnlink, tableOf } from '../../server/src/core/routes/routeFacts';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { formatNetwork } from '../../server/src/core/net/address';
import { machineConfig as build } from '../support/machineConfig';

const ROUTE_ENS5: RouteFilePath = { family: 4, fileName: 'route-ens5', name: 'ens5' };
const ROUTE6_ENS5: RouteFilePath = { family: 6, fileName: 'route6-ens5', name: 'ens5' };

function read(text: string, path = ROUTE_ENS5) {
  return parseRouteFile(EmbeddedText.verbatim(text, 0), path);
}

function machineConfig(path: string, contents: string): string {
  return build({ name: '99-worker-route-file', files: [{ path, mode: '0644', text: contents }] });
}

/** Findings of a one-file config other than the OVN egress hint, as `code "covered text"`. */
function findings(path: string, contents: string): string[] {
  const text = machineConfig(path, contents);
  return lintText(text, DEFAULT_SETTINGS).problems
    .filter((p) => p.code !== 'route-ovn-egress')
    .map((p) => `${p.code} ${JSON.stringify(text.slice(p.start, p.end))}`);
}

describe('ifcfg-rh route files: which paths', () => {
  it('route-NAME is IPv4, route6-NAME IPv6, directly under /etc/sysconfig/network-scripts', () => {
    assert.deepEqual(routeFilePath('/etc/sysconfig/network-scripts/route-ens5'), ROUTE_ENS5);
    assert.deepEqual(routeFilePath('/etc/sysconfig/network-scripts/route6-ens5'), ROUTE6_ENS5);
    assert.equal(routeFilePath('/etc/sysconfig/network-scripts/route-bond0.100')?.name, 'bond0.100');
  });

  it('not ifcfg files, backups the plugin ignores, other directories', () => {
    assert.equal(routeFilePath('/etc/sysconfig/network-scripts/ifcfg-ens5'), undefined);
    assert.equal(routeFilePath('/etc/sysconfig/network-scripts/route-ens5.bak'), undefined);
    assert.equal(routeFilePath('/etc/sysconfig/network-scripts/route-ens5~'), undefined);
    assert.equal(routeFilePath('/etc/sysconfig/network-scripts/route-'), undefined);
    assert.equal(routeFilePath('/etc/sysconfig/network-scripts/sub/route-ens5'), undefined);
    assert.equal(routeFilePath('/etc/sysconfig/route-ens5'), undefined);
  });
});

describe('ifcfg-rh route files: the ip route format', () => {
  it('reads destination, via, metric, dev and the attributes NetworkManager takes from a line', () => {
    const file = read('# comment\n\n  10.10.10.0/24 via 192.168.0.1 dev ens5 metric 100 table 200 src 192.168.0.9 mtu lock 1400 onlink\n');
    assert.equal(file.format, 'ip');
    const [route] = file.routes;
    assert.equal(file.routes.length, 1);
    assert.equal(route.destination.value, '10.10.10.0/24');
    assert.equal(route.gateway?.value, '192.168.0.1');
    assert.equal(route.metric?.value, '100');
    assert.equal(route.device?.value, 'ens5');
    assert.deepEqual(route.attributes.map((a) => `${a.name.value}=${a.value.value}`), ['table=200', 'src=192.168.0.9', 'lock-mtu=true', 'mtu=1400', 'onlink=true']);
    assert.equal(tableOf(route), 200);
    assert.ok(isOnlink(route));
    assert.deepEqual(route.issues, []);
  });

  it('default is 0.0.0.0/0 (::/0 in route6-), a bare address a host route, to and a route type are read', () => {
    const [def] = read('default via 192.168.0.1\n').routes;
    assert.equal(formatNetwork(destinationNetwork(def)!), '0.0.0.0/0');
    assert.equal(def.destination.rangeOf().start, 0);
    assert.equal(def.destination.rangeOf().end, 'default'.length);
    const [def6] = read('default via fd00::1\n', ROUTE6_ENS5).routes;
    assert.equal(formatNetwork(destinationNetwork(def6)!), '::/0');
    const [host] = read('10.1.2.3 via 192.168.0.1\n').routes;
    assert.equal(formatNetwork(destinationNetwork(host)!), '10.1.2.3/32');
    const [typed] = read('blackhole to 10.9.0.0/16\n').routes;
    assert.equal(typed.destination.value, '10.9.0.0/16');
    assert.equal(attributeOf(typed, 'type')?.value.value, 'blackhole');
  });

  it('what makes NetworkManager skip a line is an issue on the word at fault, and stops the reading', () => {
    const issue = (line: string) => read(`${line}\n`).routes[0].issues.map((i) => i.word.value);
    assert.deepEqual(issue('10.0.0.0/24 192.168.0.1'), ['192.168.0.1']);
    assert.deepEqual(issue('10.0.0.0/24 via 192.168.0.1 proto static'), ['proto']);
    assert.deepEqual(issue('10.0.0.0/24 via 192.168.0.1 via 192.168.0.2'), ['via']);
    assert.deepEqual(issue('10.0.0.0/24 via'), ['via']);
    assert.deepEqual(issue('10.0.0.0/24 scope galaxy'), ['galaxy']);
    assert.deepEqual(issue('10.0.0.0/24 tos 1ff'), ['1ff']);
    assert.deepEqual(issue('10.0.0.0/24 from 10.1.0.0/16'), ['from'], 'from is IPv6 only');
    assert.deepEqual(issue('10.0.0.0/24 scope link tos 10 window lock 100'), []);
    assert.deepEqual(read('fd00::/64 from fd01::/64\n', ROUTE6_ENS5).routes[0].issues, []);
  });
});

describe('ifcfg-rh route files: the key format', () => {
  it('ADDRESSn with NETMASKn: the destination underlines ADDRESSn and carries the prefix', () => {
    const text = 'ADDRESS0=10.20.0.0\nNETMASK0=255.255.0.0\nGATEWAY0="192.168.0.1"\nMETRIC0=100\nOPTIONS0="table 100 mtu 1400"\n';
    const file = read(text);
    assert.equal(file.format, 'key');
    const [route] = file.routes;
    assert.equal(route.destination.value, '10.20.0.0/16');
    const range = route.destination.rangeOf();
    assert.equal(text.slice(range.start, range.end), '10.20.0.0');
    assert.equal(route.gateway?.value, '192.168.0.1');
    assert.equal(route.metric?.value, '100');
    assert.equal(tableOf(route), 100);
  });

  it('reads ADDRESS0, ADDRESS1… up to the first gap, the last assignment of a key winning', () => {
    const file = read('ADDRESS1=10.1.0.0\nNETMASK1=255.255.0.0\nADDRESS0=10.0.0.0\nNETMASK0=255.0.0.0\nNETMASK0=255.255.0.0\nADDRESS3=10.3.0.0\nNETMASK3=255.255.0.0\n');
    assert.deepEqual(file.routes.map((r) => r.destination.value), ['10.0.0.0/16', '10.1.0.0/16']);
  });

  it('a NETMASKn that is not contiguous, not an address, or missing: no prefix, and no network for the other rules', () => {
    const [bad, notAddress, missing] = read('ADDRESS0=10.0.0.0\nNETMASK0=255.0.255.0\nADDRESS1=10.1.0.0\nNETMASK1=16\nADDRESS2=10.2.0.0\n').routes;
    assert.match(bad.prefixProblem!.message, /not a contiguous netmask/);
    assert.equal(bad.prefixProblem!.at.value, '255.0.255.0');
    assert.match(notAddress.prefixProblem!.message, /not an IPv4 netmask/);
    assert.match(missing.prefixProblem!.message, /ADDRESS2 has no NETMASK2/);
    assert.equal(missing.prefixProblem!.at.value, 'ADDRESS2');
    for (const route of [bad, notAddress, missing]) assert.equal(destinationNetwork(route), undefined);
    // 0.0.0.0 and 255.255.255.255 are contiguous (/0, /32).
    const [all, none] = read('ADDRESS0=0.0.0.0\nNETMASK0=0.0.0.0\nADDRESS1=10.0.0.1\nNETMASK1=255.255.255.255\n').routes;
    assert.equal(all.destination.value, '0.0.0.0/0');
    assert.equal(none.destination.value, '10.0.0.1/32');
  });

  it('a route6- file is always the ip format', () => {
    const file = read('ADDRESS0=fd00::\n', ROUTE6_ENS5);
    assert.equal(file.format, 'ip');
  });
});

describe('ifcfg-rh route files through the rules', () => {
  it('exact ranges in percent-encoded data; host bits of the key format judged with NETMASKn, without a text fix', () => {
    const path = '/etc/sysconfig/network-scripts/route-ens6';
    assert.deepEqual(findings(path, 'ADDRESS0=10.20.0.5\nNETMASK0=255.255.0.0\nGATEWAY0=192.168.0.1\n'), ['route-host-bits "10.20.0.5"']);
    const text = machineConfig(path, 'ADDRESS0=10.20.0.5\nNETMASK0=255.255.0.0\n');
    const hostBits = lintText(text, DEFAULT_SETTINGS).problems.find((p) => p.code === 'route-host-bits');
    assert.equal(hostBits?.fixes, undefined);
  });

  it('route-cidr on the NETMASK value; consequences said per format', () => {
    const key = lintText(machineConfig('/etc/sysconfig/network-scripts/route-ens6', 'ADDRESS0=10.20.0.0\nNETMASK0=255.0.255.0\nADDRESS1=10.21.0.0\nNETMASK1=255.255.0.0\nMETRIC1=x\n'), DEFAULT_SETTINGS).problems;
    const cidr = key.find((p) => p.code === 'route-cidr');
    assert.equal(cidr?.severity, 'error');
    assert.match(cidr!.message, /NetworkManager refuses ifcfg-ens6/);
    assert.match(key.find((p) => p.code === 'route-metric')!.message, /NetworkManager refuses ifcfg-ens6/);
    const ip = lintText(machineConfig('/etc/sysconfig/network-scripts/route-ens5', '10.0.0.0/24 via 192.168.0.1 metric x\n10.1.0.0/24 192.168.0.1\n'), DEFAULT_SETTINGS).problems;
    assert.match(ip.find((p) => p.code === 'route-metric')!.message, /NetworkManager ignores this line/);
    const attribute = ip.find((p) => p.code === 'route-attribute');
    assert.equal(attribute?.severity, 'warning');
    assert.match(attribute!.message, /write "via 192\.168\.0\.1"/);
  });

  it('route-family names the route file the route belongs in', () => {
    const text = machineConfig('/etc/sysconfig/network-scripts/route6-ens5', '10.30.0.0/16 via 192.168.0.1\n');
    const family = lintText(text, DEFAULT_SETTINGS).problems.find((p) => p.code === 'route-family');
    assert.match(family!.message, /in route6-ens5; IPv4 routes belong in route-ens5/);
  });

  it('a line without a destination is route-cidr on the whole line', () => {
    assert.deepEqual(findings('/etc/sysconfig/network-scripts/route-ens5', 'via 192.168.0.1 dev ens5\n'), ['route-cidr "via%20192.168.0.1%20dev%20ens5"']);
  });

  it('clean files stay silent: onlink, own tables, host routes, quoted key values (a table of its own asks only for its rule)', () => {
    assert.deepEqual(findings('/etc/sysconfig/network-scripts/route-ens5',
      '10.45.0.0/16 via 10.45.0.1 onlink\ndefault via 192.168.0.254 table 100\n10.42.0.1 via 192.168.0.1\n'), ['route-table-unused "100"']);
    assert.deepEqual(findings('/etc/sysconfig/network-scripts/route-ens8',
      'ADDRESS0="10.50.0.0"\nNETMASK0=\'255.255.0.0\'\nGATEWAY0=192.168.0.1\nOPTIONS0="mtu lock 1400"\n'), []);
  });
});
