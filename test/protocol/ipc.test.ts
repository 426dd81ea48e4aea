/** The bundled server over Node IPC (`--node-ipc`), as the VS Code client starts it. */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { LspClient, SERVER_JS } from '../support/lspClient';

describe('language server over node-ipc', function () {
  this.timeout(20000);
  let client: LspClient;

  before(function () {
    assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run \`npm run build\` first`);
  });

  afterEach(function () {
    client.dispose();
  });

  it('initializes, validates a document and exits cleanly', async function () {
    client = LspClient.ipc();
    client.configuration = { mcroutes: {} };
    const result = await client.initialize();
    assert.equal(result.capabilities.textDocumentSync.change, 2);
    assert.equal(result.serverInfo.name, 'mcroutes');
    client.didOpen('file:///work/plain.yaml', 'a: 1\n');
    const params = await client.waitFor<{ uri: string; diagnostics: unknown[] }>('textDocument/publishDiagnostics', (p) => p.uri === 'file:///work/plain.yaml');
    assert.deepEqual(params.params.diagnostics, []);
    assert.deepEqual(await client.shutdownAndExit(), { code: 0, signal: null });
  });
});
