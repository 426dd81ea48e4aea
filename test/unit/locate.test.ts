import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseText } from '../../server/src/core/analysis/lint';
import { locate } from '../../server/src/core/ide/locate';

const seed = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/seed-route.yaml'), 'utf8');
const parsed = parseText(seed);
const at = (needle: string, plus = 1) => locate(parsed, seed.indexOf(needle) + plus);

describe('locate: what lies at an offset', () => {
  it('a YAML key, with its path', () => {
    const here = at('networkd');
    assert.deepEqual(here.path, ['spec', 'config', 'networkd']);
    assert.equal(here.key?.key.value, 'networkd');
    assert.equal(here.unit, undefined);
  });

  it('a YAML scalar value', () => {
    const here = at('worker-custom-route-configuration');
    assert.deepEqual(here.path, ['metadata', 'name']);
    assert.equal(here.value?.key.value, 'name');
  });

  it('a unit section header and a directive key', () => {
    assert.equal(at('[Service]').unit?.onHeader?.name, 'Service');
    const after = at('After=network-online.target');
    assert.equal(after.unit?.directive?.key.value, 'After');
    assert.equal(after.unit?.onKey, true);
    assert.equal(after.unit?.section?.name, 'Unit');
    assert.deepEqual(after.path, ['spec', 'config', 'systemd', 'units', 0, 'contents']);
  });

  it('an ExecStart argument and the route part under it', () => {
    const destination = at('192.168.1.0/24', 3);
    assert.equal(destination.exec?.argIndex, 5);
    assert.equal(destination.exec?.arg?.value, '192.168.1.0/24 172.18.0.1');
    assert.equal(destination.route?.part, 'destination');
    assert.equal(at('172.18.0.1').route?.part, 'gateway');
    assert.equal(at('ens5').exec?.arg?.value, 'ens5');
    assert.equal(at('ens5').route, undefined);
  });

  it('outside every document', () => {
    assert.equal(locate(parseText(''), 0).document, undefined);
  });
});

describe('locate: NetworkManager keyfiles', () => {
  const text = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/cases/keyfile-routes.yaml'), 'utf8');
  const parsedKeyfiles = parseText(text);
  const source = text.indexOf('route1_options%3Dmtu%3D1400');

  it('an attribute on the routeN_options= line belongs to the routeN= route', () => {
    const here = locate(parsedKeyfiles, text.indexOf('mtu%3D1400', source) + 1);
    assert.equal(here.route?.part, 'attribute');
    assert.equal(here.route?.attribute?.name.value, 'mtu');
    assert.equal(here.route?.route.destination.value, '192.168.1.0/24');
  });

  it('the routeN_options= key itself is not an attribute', () => {
    const here = locate(parsedKeyfiles, source + 2);
    assert.notEqual(here.route?.part, 'attribute');
  });

  it('a keyfile group header, an entry key, an entry value', () => {
    const header = locate(parsedKeyfiles, text.indexOf('%5Bipv4%5D', source - 200) + 4);
    assert.equal(header.keyfile?.onHeader?.name, 'ipv4');
    const key = locate(parsedKeyfiles, text.indexOf('method%3Dauto', source - 200) + 2);
    assert.equal(key.keyfile?.entry?.key.value, 'method');
    assert.equal(key.keyfile?.onKey, true);
    assert.equal(key.keyfile?.group?.name, 'ipv4');
    const value = locate(parsedKeyfiles, text.indexOf('method%3Dauto', source - 200) + 'method%3D'.length + 1);
    assert.equal(value.keyfile?.entry?.value.value, 'auto');
    assert.equal(value.keyfile?.onKey, false);
  });

  it('a base64 keyfile locates no entry: its characters cannot be told apart', () => {
    assert.equal(locate(parsedKeyfiles, text.indexOf('W2Nvbm5lY3Rpb25d', text.indexOf('source: data:text/plain')) + 5).keyfile, undefined);
  });
});

