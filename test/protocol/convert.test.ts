/** mcroutes/convert over stdio: the open document as the other form, MachineConfig ⇄ Butane, by the core's translation. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { butaneToMachineConfig, machineConfigToButane } from '../../server/src/core/kinds/butane/translate';
import { Methods, type ConvertResult, type PreviewResult } from '../../server/src/protocol';
import { sessionPerSuite } from '../support/lspClient';
import { REPO_ROOT, SEED } from '../support/seed';

const BUTANE = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'seed-route.bu'), 'utf8');
const BU_URI = 'file:///convert/seed-route.bu';
const MC_URI = 'file:///convert/seed.yaml';

describe('mcroutes/convert', function () {
  this.timeout(20000);
  const server = sessionPerSuite({ initializationOptions: { debounceMs: 0 }, configuration: { mcroutes: { openshiftVersion: '4.16' } } });

  before(async () => {
    await server().didOpen(BU_URI, BUTANE);
    await server().didOpen(MC_URI, SEED);
  });

  it('to machineconfig: the MachineConfig the Butane seed compiles to, nothing left out', async () => {
    const result = await server().request<ConvertResult>(Methods.convert, { uri: BU_URI, to: 'machineconfig' });
    assert.deepEqual(result, butaneToMachineConfig(BUTANE));
    assert.equal(result.translated, 1);
    assert.deepEqual(result.notes, []);
    assert.match(result.text, /^kind: MachineConfig$/m);
  });

  it('to butane: the seed MachineConfig as Butane, with what has no Butane form in notes; the target release is not the Ignition 3.1.0 range, so 4.8.0', async () => {
    const result = await server().request<ConvertResult>(Methods.convert, { uri: MC_URI, to: 'butane' });
    assert.deepEqual(result, machineConfigToButane(SEED, { preferredVersion: '4.16.0' }));
    assert.match(result.text, /^version: 4\.8\.0$/m);
    assert.ok(result.notes.some((note) => note.startsWith('networkd')));
  });

  it('and back: the compiled MachineConfig converts to the Butane seed with version 4.16.0 (the target release)', async () => {
    const compiled = butaneToMachineConfig(BUTANE).text;
    await server().didOpen('file:///convert/compiled.yaml', compiled);
    const result = await server().request<ConvertResult>(Methods.convert, { uri: 'file:///convert/compiled.yaml', to: 'butane' });
    assert.deepEqual(result.notes, []);
    assert.equal(result.text, BUTANE.split('\n').filter((line) => !line.startsWith('#')).join('\n'));
  });

  it('a document the server does not have, or an unknown form: null', async () => {
    assert.equal(await server().request<ConvertResult | null>(Methods.convert, { uri: 'file:///convert/nope.yaml', to: 'butane' }), null);
    assert.equal(await server().request<ConvertResult | null>(Methods.convert, { uri: MC_URI, to: 'ignition' }), null);
  });

  it('the preview of the Butane document shows the compiled MachineConfig first, then the unit with the Butane file\'s lines', async () => {
    const result = await server().request<PreviewResult>(Methods.preview, { uri: BU_URI });
    const compiledAt = result.text.indexOf('----- MachineConfig -----\napiVersion: machineconfiguration.openshift.io/v1\n');
    const unitAt = result.text.indexOf('== unit nmcli-dev-modify.service (line 11) ==');
    assert.ok(compiledAt > 0 && unitAt > compiledAt, result.text);
    assert.ok(result.text.includes('ExecStart (unit line 7, file line 20), as systemd splits it:'));
    assert.match(result.text, /^ {2}192\.168\.1\.0\/24 via 172\.18\.0\.1 dev ens5 proto static metric 100$/m);
  });
});
