import * as assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/core/text/settings';

describe('settings', () => {
  it('missing settings are the defaults, without complaint', () => {
    assert.deepEqual(readSettings(undefined), { settings: { ...DEFAULT_SETTINGS }, complaints: [] });
    assert.deepEqual(readSettings({}).complaints, []);
  });

  it('valid values are taken', () => {
    const { settings, complaints } = readSettings({ openshiftVersion: '4.14', networkType: 'OpenShiftSDN', clusterNetwork: ['10.132.0.0/14'] });
    assert.deepEqual(complaints, []);
    assert.equal(settings.openshiftVersion, '4.14');
    assert.equal(settings.networkType, 'OpenShiftSDN');
    assert.deepEqual(settings.clusterNetwork, ['10.132.0.0/14']);
  });

  it('each wrong value gets one clear sentence and its default', () => {
    const { settings, complaints } = readSettings({ openshiftVersion: 42, networkType: 'Calico', serviceNetwork: '172.30.0.0/16' });
    assert.equal(settings.openshiftVersion, DEFAULT_SETTINGS.openshiftVersion);
    assert.equal(settings.networkType, DEFAULT_SETTINGS.networkType);
    assert.deepEqual(settings.serviceNetwork, DEFAULT_SETTINGS.serviceNetwork);
    assert.equal(complaints.length, 3);
    assert.equal(complaints[0], 'mcroutes.openshiftVersion must be a release like "4.19", or empty for any supported release; got 42. Leaving it unset.');
    assert.match(complaints[1], /mcroutes\.networkType .*"Calico"/);
    assert.match(complaints[2], /mcroutes\.serviceNetwork must be a list of CIDRs/);
  });

  it('the release is unset by default: absent or "" means any supported release', () => {
    assert.equal('openshiftVersion' in DEFAULT_SETTINGS, false);
    assert.deepEqual(readSettings({ openshiftVersion: '' }), { settings: { ...DEFAULT_SETTINGS }, complaints: [] });
    assert.equal(readSettings({ openshiftVersion: ' 4.16 ' }).settings.openshiftVersion, '4.16');
    assert.equal(readSettings({ openshiftVersion: '4.19.1' }).settings.openshiftVersion, undefined);
  });

  it('settings that are not an object are reported', () => {
    assert.equal(readSettings('yes').complaints.length, 1);
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
