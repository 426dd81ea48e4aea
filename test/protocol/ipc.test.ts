/** The bundled server over Node IPC (`--node-ipc`), as the VS Code client starts it. */
import * as assert from 'node:assert/strict';
import { sessionPerTest } from '../support/lspClient';
import { SEED, showsSeedFindings } from '../support/seed';

describe('language server over node-ipc', function () {
  this.timeout(20000);
  const server = sessionPerTest({ transport: 'ipc' });

  it('initializes, validates a document and exits cleanly', async function () {
    const client = server();
    const result = client.initializeResult;
    assert.equal(result.capabilities.textDocumentSync.change, 2);
    assert.equal(result.serverInfo.name, 'mcroutes');
    client.didOpen('file:///work/plain.yaml', 'a: 1\n');
    const params = await client.waitForVersion('file:///work/plain.yaml', 1);
    assert.deepEqual(params.diagnostics, []);
    client.didOpen('file:///work/seed.yaml', SEED);
    await client.waitForDiagnostics('file:///work/seed.yaml', showsSeedFindings, { what: 'the seed\'s known findings' });
    assert.deepEqual(await client.shutdownAndExit(), { code: 0, signal: null });
  });
});
