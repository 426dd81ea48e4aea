/** The CIDR arithmetic behind address hovers (core/net/subnet.ts) and the `ip route` rendering they show. */
import * as assert from 'node:assert/strict';
import * as ipaddr from 'ipaddr.js';
import { parseNetwork } from '../../server/src/core/net/address';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { clusterRangesOf, describeTouch, formatCount, fromBigInt, subnetFacts, toBigInt, touchingRanges } from '../../server/src/core/net/subnet';

const facts = (cidr: string) => {
  const [address, prefix] = cidr.split('/');
  const f = subnetFacts(ipaddr.parse(address), Number(prefix));
  return {
    network: `${f.network.toString()}/${f.prefix}`,
    netmask: f.netmask?.toString(),
    first: f.first.toString(),
    last: f.last.toString(),
    broadcast: f.broadcast?.toString(),
    size: formatCount(f.size),
    usable: formatCount(f.usable),
    hostBitsSet: f.hostBitsSet,
  };
};

describe('subnet facts', () => {
  it('an IPv4 /24: netmask, usable range, broadcast, 256 addresses', () => {
    assert.deepEqual(facts('192.168.1.0/24'), {
      network: '192.168.1.0/24', netmask: '255.255.255.0', first: '192.168.1.1', last: '192.168.1.254',
      broadcast: '192.168.1.255', size: '256', usable: '254', hostBitsSet: false,
    });
  });

  it('host bits set: the network is computed, and the fact noted', () => {
    const f = facts('192.168.1.5/24');
    assert.equal(f.network, '192.168.1.0/24');
    assert.equal(f.hostBitsSet, true);
  });

  it('odd prefixes: /14, /20, /0', () => {
    assert.deepEqual(facts('10.128.0.0/14'), {
      network: '10.128.0.0/14', netmask: '255.252.0.0', first: '10.128.0.1', last: '10.131.255.254',
      broadcast: '10.131.255.255', size: '262,144', usable: '262,142', hostBitsSet: false,
    });
    assert.equal(facts('172.16.5.9/20').network, '172.16.0.0/20');
    assert.equal(facts('172.16.5.9/20').last, '172.16.15.254');
    const all = facts('0.0.0.0/0');
    assert.equal(all.netmask, '0.0.0.0');
    assert.equal(all.size, '4,294,967,296');
    assert.equal(all.broadcast, '255.255.255.255');
  });

  it('/31 and /32: no broadcast; both addresses of a /31 are usable (RFC 3021)', () => {
    assert.deepEqual(facts('10.0.0.4/31'), {
      network: '10.0.0.4/31', netmask: '255.255.255.254', first: '10.0.0.4', last: '10.0.0.5',
      broadcast: undefined, size: '2', usable: '2', hostBitsSet: false,
    });
    const host = facts('10.0.0.9/32');
    assert.equal(host.first, '10.0.0.9');
    assert.equal(host.last, '10.0.0.9');
    assert.equal(host.size, '1');
  });

  it('IPv6: no netmask or broadcast; counts as powers of two from bigint', () => {
    assert.deepEqual(facts('fd00:1::/64'), {
      network: 'fd00:1::/64', netmask: undefined, first: 'fd00:1::1', last: 'fd00:1::ffff:ffff:ffff:ffff',
      broadcast: undefined, size: '2^64 = 18,446,744,073,709,551,616', usable: '18,446,744,073,709,551,615', hostBitsSet: false,
    });
    assert.equal(facts('2001:db8::/32').size, '2^96');
    assert.equal(facts('::/0').size, '2^128');
    assert.equal(facts('fd69::/112').size, '65,536');
    assert.equal(facts('fd00::1/127').first, 'fd00::');
    assert.equal(facts('fd00::1/127').last, 'fd00::1');
  });

  it('bigint conversions round-trip', () => {
    for (const a of ['0.0.0.0', '255.255.255.255', '10.128.0.1', '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fd00:1::5']) {
      const address = ipaddr.parse(a);
      assert.equal(fromBigInt(toBigInt(address), address.kind() === 'ipv4' ? 4 : 6).toString(), address.toString());
    }
  });
});

describe('which cluster ranges a network touches', () => {
  const ranges = clusterRangesOf(DEFAULT_SETTINGS);
  const touch = (cidr: string) => touchingRanges(parseNetwork(cidr)!, ranges).map(describeTouch);

  it('inside, equal, containing, or none', () => {
    assert.deepEqual(touch('10.128.4.0/24'), ['lies inside the cluster (pod) network `10.128.0.0/14`']);
    assert.deepEqual(touch('172.30.0.0/16'), ['is the service network `172.30.0.0/16`']);
    assert.deepEqual(touch('172.16.0.0/12'), ['contains the service network `172.30.0.0/16`']);
    assert.deepEqual(touch('10.0.5.0/24'), ['lies inside the machine network `10.0.0.0/16`']);
    assert.deepEqual(touch('192.168.1.0/24'), []);
  });

  it('OVN-Kubernetes internal ranges only on OVN-Kubernetes', () => {
    assert.deepEqual(touch('100.64.0.0/24'), ['lies inside the OVN-Kubernetes join subnet `100.64.0.0/16`']);
    assert.deepEqual(touch('fd98::/64'), ['is the OVN-Kubernetes join subnet `fd98::/64`']);
    const sdn = clusterRangesOf({ ...DEFAULT_SETTINGS, networkType: 'OpenShiftSDN' });
    assert.deepEqual(touchingRanges(parseNetwork('100.64.0.0/24')!, sdn), []);
  });

  it('the settings decide the ranges', () => {
    const custom = clusterRangesOf({ ...DEFAULT_SETTINGS, machineNetwork: ['192.168.0.0/16'] });
    assert.deepEqual(touchingRanges(parseNetwork('192.168.1.0/24')!, custom).map(describeTouch), ['lies inside the machine network `192.168.0.0/16`']);
  });
});
