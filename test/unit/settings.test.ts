import * as assert from 'node:assert/strict';
import { readSettings, settingsNotice } from '../../server/src/core/analysis/settings';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';

const messages = (raw: unknown): string[] => readSettings(raw).complaints.map((c) => c.message);

describe('settings', () => {
  it('missing settings are the defaults, without complaint', () => {
    assert.deepEqual(readSettings(undefined), { settings: { ...DEFAULT_SETTINGS }, complaints: [] });
    assert.deepEqual(readSettings({}).complaints, []);
    assert.deepEqual(readSettings({ clusterNetwork: null, rules: null }), { settings: { ...DEFAULT_SETTINGS }, complaints: [] });
  });

  it('valid values are taken', () => {
    const { settings, complaints } = readSettings({
      openshiftVersion: '4.14', networkType: 'OpenShiftSDN', clusterNetwork: ['10.132.0.0/14', 'fd01::/48'],
      serviceNetwork: [' 172.31.0.0/16 '], machineNetwork: [], brExInterface: 'ens3', ovnMasqueradeSubnet: '169.254.0.0/17',
      rules: { 'route-default': 'off' },
    });
    assert.deepEqual(complaints, []);
    assert.equal(settings.openshiftVersion, '4.14');
    assert.equal(settings.networkType, 'OpenShiftSDN');
    assert.deepEqual(settings.clusterNetwork, ['10.132.0.0/14', 'fd01::/48']);
    assert.deepEqual(settings.serviceNetwork, ['172.31.0.0/16'], 'blanks around a CIDR are dropped');
    assert.deepEqual(settings.machineNetwork, [], 'an empty list stays empty: no machine network known');
    assert.equal(settings.brExInterface, 'ens3');
    assert.equal(settings.ovnMasqueradeSubnet, '169.254.0.0/17');
    assert.deepEqual(settings.rules, { 'route-default': 'off' });
  });

  it('a CIDR is checked for what it says, not for its shape: only the bad entry is dropped, and named', () => {
    const { settings, complaints } = readSettings({ clusterNetwork: ['10.128.0.0/14', '10.300.0.0/33'] });
    assert.deepEqual(settings.clusterNetwork, ['10.128.0.0/14']);
    assert.deepEqual(complaints, [{
      key: 'clusterNetwork',
      value: '"10.300.0.0/33"',
      problem: '"10.300.0.0/33" is not a CIDR',
      instead: 'it is ignored',
      message: 'mcroutes.clusterNetwork: "10.300.0.0/33" is not a CIDR; it is ignored.',
    }]);
    const mixed = readSettings({ serviceNetwork: ['10.0.0.0/33', 'fd00::/129', '172.30.0.0/16', 'fd02::/112', '10.0.0.0', 42, '10.0.0.0/08', '::ffff:0x1.2.3.4/128'] });
    assert.deepEqual(mixed.settings.serviceNetwork, ['172.30.0.0/16', 'fd02::/112']);
    assert.deepEqual(mixed.complaints.map((c) => c.value), ['"10.0.0.0/33"', '"fd00::/129"', '"10.0.0.0"', '42', '"10.0.0.0/08"', '"::ffff:0x1.2.3.4/128"']);
  });

  it('a list with no good entry is empty, not the default: that would be a guess at another cluster', () => {
    const { settings, complaints } = readSettings({ machineNetwork: ['10.300.0.0/16'] });
    assert.deepEqual(settings.machineNetwork, []);
    assert.equal(complaints.length, 1);
  });

  it('each wrong value gets one short sentence naming the setting and the value, and what is used instead', () => {
    assert.deepEqual(messages({ openshiftVersion: 42, networkType: 'Calico', serviceNetwork: '172.30.0.0/16' }), [
      'mcroutes.openshiftVersion: 42 is not a release like "4.19"; any supported release is assumed.',
      'mcroutes.networkType: "Calico" is not OVNKubernetes or OpenShiftSDN; OVNKubernetes is assumed.',
      'mcroutes.serviceNetwork: "172.30.0.0/16" is not a list of CIDRs; the default 172.30.0.0/16 is used.',
    ]);
    assert.deepEqual(messages({ brExInterface: 'br ex', ovnMasqueradeSubnet: '169.254.0.0/33', brExCustomizedByNmstate: 'yes' }), [
      'mcroutes.brExInterface: "br ex" is not an interface name (1-15 bytes, no "/", ":" or blanks); it is ignored.',
      'mcroutes.brExCustomizedByNmstate: "yes" is not true or false; false is assumed.',
      'mcroutes.ovnMasqueradeSubnet: "169.254.0.0/33" is not a CIDR; it is ignored.',
    ]);
    for (const message of messages({ clusterNetwork: ['x'.repeat(500)], rules: { 'route-default': { deep: 'x'.repeat(500) } } })) {
      assert.ok(message.length <= 120, `fits one line: ${message}`);
    }
  });

  it('the release is unset by default: absent or "" means any supported release', () => {
    assert.equal('openshiftVersion' in DEFAULT_SETTINGS, false);
    assert.deepEqual(readSettings({ openshiftVersion: '' }), { settings: { ...DEFAULT_SETTINGS }, complaints: [] });
    assert.equal(readSettings({ openshiftVersion: ' 4.16 ' }).settings.openshiftVersion, '4.16');
    assert.equal(readSettings({ openshiftVersion: '4.19.1' }).settings.openshiftVersion, undefined);
  });

  it('br-ex interface: a Linux interface name (at most 15 bytes, not . or .., no /, : or blanks)', () => {
    for (const good of ['ens3', 'enp0s31f6', 'bond0.100', 'a'.repeat(15), '']) assert.deepEqual(readSettings({ brExInterface: good }).complaints, [], good);
    for (const bad of ['a'.repeat(16), 'br ex', 'eth0:1', 'a/b', '.', '..', 'é'.repeat(8), ' ens3']) {
      assert.equal(readSettings({ brExInterface: bad }).complaints.length, 1, bad);
      assert.equal(readSettings({ brExInterface: bad }).settings.brExInterface, undefined);
    }
  });

  it('rules: an unknown id or level drops that entry alone; a near id is proposed', () => {
    const { settings, complaints } = readSettings({ rules: { 'route-default': 'off', 'route-defualt': 'off', 'unit-oneshot-remain': 'loud', 'route-metric': 'hint' } });
    assert.deepEqual(settings.rules, { 'route-default': 'off', 'route-metric': 'hint' });
    assert.deepEqual(complaints.map((c) => c.message), [
      'mcroutes.rules: there is no rule "route-defualt" (route-default?); it is ignored.',
      'mcroutes.rules: "loud" is not a level for unit-oneshot-remain; its default level is used.',
    ]);
    assert.deepEqual(messages({ rules: ['route-default'] }), ['mcroutes.rules: ["route-default"] is not a map of rule ids to levels; the default levels are used.']);
  });

  it('settings that are not an object are reported', () => {
    assert.deepEqual(messages('yes'), ['mcroutes: "yes" is not an object of settings; the defaults are used.']);
  });
});

describe('settings notice', () => {
  it('one complaint: its own sentence, and its setting to open', () => {
    const { complaints } = readSettings({ clusterNetwork: ['10.128.0.0/14', '10.300.0.0/33'] });
    assert.deepEqual(settingsNotice(complaints), {
      message: 'mcroutes.clusterNetwork: "10.300.0.0/33" is not a CIDR; it is ignored.',
      settings: ['mcroutes.clusterNetwork'],
    });
    assert.equal(settingsNotice([]), undefined);
  });

  it('several: one line naming the values, each setting once', () => {
    const { complaints } = readSettings({ clusterNetwork: ['10.300.0.0/33', '1.2.3.4/40'], networkType: 'Calico', rules: { nope: 'off', 'route-default': 'loud' } });
    const notice = settingsNotice(complaints)!;
    assert.equal(notice.message, 'mcroutes: 5 setting values are not used: networkType "Calico", clusterNetwork "10.300.0.0/33" and 3 more; see the log.');
    assert.deepEqual(notice.settings, ['mcroutes.networkType', 'mcroutes.clusterNetwork', 'mcroutes.rules']);
    assert.ok(notice.message.length <= 120, notice.message);
  });
});

describe('line index', () => {
  it('maps offsets to zero-based lines and UTF-16 characters, over LF and CRLF', () => {
    const index = new LineIndex('ab\ncd\r\nef');
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(index.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(9), { line: 2, character: 2 });
  });
});
