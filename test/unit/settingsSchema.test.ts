/**
 * package.json's `contributes.configuration` says what readSettings takes: the Settings UI
 * marks with its `pattern` exactly the values the server then names and leaves out. The
 * patterns are compiled as VS Code compiles them (with the `u` flag).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readSettings } from '../../server/src/core/analysis/settings';
import { RULE_IDS } from '../../server/src/core/text/problem';
import { RULE_LEVELS } from '../../server/src/core/text/settings';
import { REPO_ROOT } from '../support/seed';

interface PropertySchema {
  type: string;
  pattern?: string;
  patternErrorMessage?: string;
  enum?: string[];
  enumDescriptions?: string[];
  items?: PropertySchema;
  propertyNames?: { enum: string[] };
  additionalProperties?: PropertySchema;
  markdownDescription?: string;
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, PropertySchema> } } };
const properties = manifest.contributes.configuration.properties;
const property = (key: string): PropertySchema => {
  const found = properties[`mcroutes.${key}`];
  assert.ok(found, `package.json declares mcroutes.${key}`);
  return found;
};
const compiled = (pattern: string | undefined): RegExp => {
  assert.ok(pattern, 'a pattern');
  return new RegExp(pattern, 'u');
};

const GOOD_CIDRS = [
  '10.128.0.0/14', '0.0.0.0/0', '255.255.255.255/32', '172.30.0.0/16', '10.128.1.0/14', ' 10.0.0.0/16 ',
  'fd01::/48', '::/0', '::1/128', 'FD00:ABCD::/64', '2001:db8::8a2e:370:7334/128', '1:2:3:4:5:6:7:8/64',
  '1:2:3:4:5:6:7::/64', '::2:3:4:5:6:7:8/64', '::ffff:192.0.2.1/128', '64:ff9b::192.0.2.33/96', '1:2:3:4:5:6:1.2.3.4/128',
];
const BAD_CIDRS = [
  '10.300.0.0/33', '10.300.0.0/16', '10.0.0.0/33', '10.0.0.0', '10.0.0.0/', '10.0.0/8', '10.0.0.0.0/8', '010.0.0.0/8',
  '10.0.0.0/08', '10.0.0.0/-1', '0x0a.0.0.0/8', '10.0.0.0 /8', 'fd00::/129', 'fd00:::/64', '1::2::3/64', 'fd00::g/64',
  'fd00::12345/64', '1:2:3:4:5:6:7:8:9/64', '1:2:3:4:5:6:7:8::/64', 'fe80::1%eth0/64', '::ffff:01.2.3.4/128',
  '::ffff:0x1.2.3.4/128', '::ffff:1.2.3/128', '1:2:3:4:5:6:7:1.2.3.4/128', '', 'cidr', '10.128.0.0/14,10.132.0.0/14',
];

/** Strings near the shape of a CIDR, from a fixed seed: the pattern and the parser must agree on each. */
function nearCidrs(count: number): string[] {
  const pieces = ['0', '1', '9', '10', '25', '255', '256', '300', '01', 'a', 'F', 'ffff', 'fffff', '0x1', ':', '::', '.', '/',
    '/0', '/32', '/33', '/64', '/128', '/129', '/01', ' ', '1.2.3.4', '192.168.0.0', 'fd00', '%eth0', 'x'];
  let seed = 20;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    for (let j = 1 + next(9); j > 0; j--) text += pieces[next(pieces.length)];
    out.push(text);
  }
  return out;
}

const takesCidr = (key: 'clusterNetwork' | 'ovnMasqueradeSubnet', value: string): boolean =>
  readSettings({ [key]: key === 'clusterNetwork' ? [value] : value }).complaints.length === 0;

describe('settings schema (package.json) and readSettings agree', function () {
  for (const key of ['clusterNetwork', 'serviceNetwork', 'machineNetwork'] as const) {
    it(`mcroutes.${key}: each item has the CIDR pattern, with its message`, function () {
      const items = property(key).items!;
      assert.equal(items.type, 'string');
      assert.equal(items.pattern, property('clusterNetwork').items!.pattern, 'one CIDR pattern for the three lists');
      assert.match(items.patternErrorMessage ?? '', /CIDR/);
    });
  }

  it('the CIDR pattern takes what readSettings takes: good and bad examples, IPv4 and IPv6', function () {
    const pattern = compiled(property('clusterNetwork').items!.pattern);
    for (const good of GOOD_CIDRS) {
      assert.ok(takesCidr('clusterNetwork', good), `readSettings takes ${JSON.stringify(good)}`);
      assert.ok(pattern.test(good), `the pattern takes ${JSON.stringify(good)}`);
    }
    for (const bad of BAD_CIDRS) {
      assert.ok(!takesCidr('clusterNetwork', bad), `readSettings refuses ${JSON.stringify(bad)}`);
      assert.ok(!pattern.test(bad), `the pattern refuses ${JSON.stringify(bad)}`);
    }
  });

  it('the CIDR pattern and readSettings agree on 20,000 strings near the shape of a CIDR', function () {
    const pattern = compiled(property('clusterNetwork').items!.pattern);
    const disagree = nearCidrs(20_000).filter((text) => pattern.test(text) !== takesCidr('clusterNetwork', text));
    assert.deepEqual(disagree.slice(0, 10), []);
  });

  it('mcroutes.ovnMasqueradeSubnet: a CIDR or empty', function () {
    const pattern = compiled(property('ovnMasqueradeSubnet').pattern);
    for (const text of [...GOOD_CIDRS, ...BAD_CIDRS, '', '  ']) {
      assert.equal(pattern.test(text), takesCidr('ovnMasqueradeSubnet', text), JSON.stringify(text));
    }
  });

  it('mcroutes.openshiftVersion: a release 4.N, or empty', function () {
    const pattern = compiled(property('openshiftVersion').pattern);
    for (const text of ['4.16', '4.9', ' 4.19 ', '', '4.19.1', '4', '4.', '5.1', '4.100', 'v4.16', '4.x']) {
      assert.equal(pattern.test(text), readSettings({ openshiftVersion: text }).complaints.length === 0, JSON.stringify(text));
    }
  });

  it('mcroutes.brExInterface: an interface name (ASCII; the server also counts bytes), or empty', function () {
    const pattern = compiled(property('brExInterface').pattern);
    for (const text of ['ens3', 'bond0.100', 'a'.repeat(15), '', 'a'.repeat(16), 'br ex', 'eth0:1', 'a/b', '.', '..', '...', ' ens3']) {
      assert.equal(pattern.test(text), readSettings({ brExInterface: text }).complaints.length === 0, JSON.stringify(text));
    }
  });

  it('mcroutes.networkType: each choice described', function () {
    const schema = property('networkType');
    assert.deepEqual(schema.enum, ['OVNKubernetes', 'OpenShiftSDN']);
    for (const choice of schema.enum!) assert.equal(readSettings({ networkType: choice }).complaints.length, 0);
    assert.equal(schema.enumDescriptions?.length, schema.enum!.length);
  });

  it('mcroutes.rules: the rule ids and the levels readSettings knows, each level described', function () {
    const schema = property('rules');
    assert.deepEqual(schema.propertyNames?.enum, [...RULE_IDS], 'the rule ids, in catalogue order');
    assert.deepEqual(schema.additionalProperties?.enum, [...RULE_LEVELS]);
    assert.equal(schema.additionalProperties?.enumDescriptions?.length, RULE_LEVELS.length);
  });
});
