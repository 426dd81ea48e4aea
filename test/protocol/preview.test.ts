/** mcroutes/preview and mcroutes/previewTargets over stdio: the unit preview of the document's current version. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Methods, type PreviewResult, type PreviewTargetInfo } from '../../server/src/protocol';
import { positionAt, rangeOf, sessionPerSuite } from '../support/lspClient';
import { REPO_ROOT, SEED } from '../support/seed';
import { seedPreview } from '../support/seedPreview';

const URI = 'file:///preview/seed.yaml';
/** The editor names the YAML by the last segment of its uri. */
const SEED_PREVIEW = seedPreview('seed.yaml');

describe('mcroutes/preview', function () {
  this.timeout(20000);
  const server = sessionPerSuite({ initializationOptions: { debounceMs: 0 } });

  before(() => server().didOpen(URI, SEED));

  it('the whole file: the seed preview, exactly, with the version it was rendered from and the targets', async () => {
    const result = await server().request<PreviewResult>(Methods.preview, { uri: URI });
    assert.equal(result.text, SEED_PREVIEW);
    assert.equal(result.version, 1);
    assert.equal(result.selected, undefined);
    const unitLine = SEED.split('\n').findIndex((l) => l.startsWith('      - contents: |'));
    assert.deepEqual(result.targets, [{
      kind: 'unit',
      name: 'nmcli-dev-modify.service',
      range: { start: { line: unitLine, character: 0 }, end: positionAt(SEED, SEED.indexOf('nmcli-dev-modify.service\n') + 'nmcli-dev-modify.service'.length) },
    }]);
  });

  it('by unit name, and by the cursor in the unit (which says what it chose)', async () => {
    const client = server();
    const byName = await client.request<PreviewResult>(Methods.preview, { uri: URI, unit: 'nmcli-dev-modify.service' });
    assert.equal(byName.text, SEED_PREVIEW);
    const atCursor = await client.request<PreviewResult>(Methods.preview, { uri: URI, position: rangeOf(SEED, '172.18.0.1').start });
    assert.equal(atCursor.text, SEED_PREVIEW);
    assert.equal(atCursor.selected?.kind, 'unit');
    assert.equal(atCursor.selected?.name, 'nmcli-dev-modify.service');
    const outside = await client.request<PreviewResult>(Methods.preview, { uri: URI, position: rangeOf(SEED, 'networkd').start });
    assert.equal(outside.selected, undefined);
  });

  it('the title names the document as its tab does: an untitled one by its name, a file by its last segment, decoded', async () => {
    const client = server();
    client.didOpen('untitled:Untitled-3', SEED);
    const untitled = await client.request<PreviewResult>(Methods.preview, { uri: 'untitled:Untitled-3' });
    assert.equal(untitled.text, seedPreview('Untitled-3'));
    client.didOpen('file:///preview/my%20routes.yaml', SEED);
    const spaced = await client.request<PreviewResult>(Methods.preview, { uri: 'file:///preview/my%20routes.yaml' });
    assert.equal(spaced.text.split('\n')[0], 'Preview of unit nmcli-dev-modify.service in my routes.yaml');
  });

  it('follows edits: the next request renders the new version', async () => {
    const client = server();
    client.didChange(URI, 2, { range: rangeOf(SEED, '172.18.0.1'), text: '172.18.0.254' });
    const result = await client.request<PreviewResult>(Methods.preview, { uri: URI, unit: 'nmcli-dev-modify.service' });
    assert.equal(result.version, 2);
    assert.equal(result.text, SEED_PREVIEW.replace(/172\.18\.0\.1\b/g, '172.18.0.254'));
    assert.ok(result.text.includes('\n  192.168.1.0/24 via 172.18.0.254 dev ens5 proto static metric 100\n'));
  });

  it('mcroutes/previewTargets: the unit with its range, for the code lens', async () => {
    const targets = await server().request<PreviewTargetInfo[]>(Methods.previewTargets, { uri: URI });
    assert.deepEqual(targets.map((t) => `${t.kind} ${t.name} ${t.range.start.line}:${t.range.start.character}`), ['unit nmcli-dev-modify.service 21:0']);
  });

  it('a document the server does not have: null and no targets; the server keeps going', async () => {
    const client = server();
    assert.equal(await client.request(Methods.preview, { uri: 'file:///preview/never-opened.yaml' }), null);
    assert.deepEqual(await client.request(Methods.previewTargets, { uri: 'file:///preview/never-opened.yaml' }), []);
    assert.equal(await client.request(Methods.preview, { nonsense: true }), null);
    const still = await client.request<PreviewResult>(Methods.preview, { uri: URI });
    assert.equal(still.version, 2);
  });
});

describe('mcroutes/preview of an NMState policy', function () {
  this.timeout(20000);
  const server = sessionPerSuite({ initializationOptions: { debounceMs: 0 } });
  const POLICY_URI = 'file:///preview/nncp.yaml';
  const POLICY = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'nncp-route.yaml'), 'utf8');

  before(() => server().didOpen(POLICY_URI, POLICY));

  it('the policy is a target; by its name or by the cursor in it, its routes\' ip route lines', async () => {
    const client = server();
    const targets = await client.request<PreviewTargetInfo[]>(Methods.previewTargets, { uri: POLICY_URI });
    assert.deepEqual(targets.map((t) => `${t.kind} ${t.name} ${t.range.start.line}:${t.range.start.character}`), ['state ens6-static-routes 2:0']);
    const byName = await client.request<PreviewResult>(Methods.preview, { uri: POLICY_URI, state: 'ens6-static-routes' });
    assert.ok(byName.text.includes('\nnodes: every worker node (node-role.kubernetes.io/worker)\n'), byName.text);
    assert.ok(byName.text.includes('\n  192.168.50.0/24 via 172.18.0.1 dev ens6 proto static metric 150\n'), byName.text);
    const atCursor = await client.request<PreviewResult>(Methods.preview, { uri: POLICY_URI, position: rangeOf(POLICY, '172.18.0.1').start });
    assert.equal(atCursor.text, byName.text);
    assert.deepEqual(atCursor.selected && `${atCursor.selected.kind} ${atCursor.selected.name}`, 'state ens6-static-routes');
  });
});
