/** Hover over a finding explains its rule, from docs/rules.md bundled into the server. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspClient, positionAt, REPO_ROOT } from '../support/lspClient';

const SEED = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'seed-route.yaml'), 'utf8');

describe('hover on findings', function () {
  this.timeout(20000);
  let client: LspClient;

  before(async () => {
    client = LspClient.stdio();
    client.configuration = { mcroutes: {} };
    await client.initialize({ debounceMs: 0 });
    client.didOpen('file:///hover/seed.yaml', SEED);
    await client.waitFor('textDocument/publishDiagnostics', (p: { uri: string }) => p.uri === 'file:///hover/seed.yaml');
  });

  after(() => client.dispose());

  it('on networkd: the ign-unknown-key section, with why and fix', async () => {
    const at = SEED.indexOf('networkd') + 3;
    const hover = await client.request('textDocument/hover', { textDocument: { uri: 'file:///hover/seed.yaml' }, position: positionAt(SEED, at) });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /^\*\*mcroutes: ign-unknown-key\*\*/);
    assert.match(hover.contents.value, /\*\*Why:\*\*/);
    assert.match(hover.contents.value, /\*\*Fix:\*\*/);
    assert.deepEqual(hover.range, { start: positionAt(SEED, SEED.indexOf('networkd')), end: positionAt(SEED, SEED.indexOf('networkd') + 8) });
  });

  it('where nothing is found: no hover from the findings', async () => {
    const at = SEED.indexOf('passwd');
    const hover = await client.request('textDocument/hover', { textDocument: { uri: 'file:///hover/seed.yaml' }, position: positionAt(SEED, at) });
    assert.equal(hover, null);
  });
});
