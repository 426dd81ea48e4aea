/**
 * The kit's LSP client checks what a server writes: a frame without Content-Length, a body
 * that is not JSON or a message that is no JSON-RPC message is an error in `errors`, which
 * fails the test of any session (sessionPerSuite and the rest assert it is empty).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspClient } from '../support/lspClient';

const frame = (message: object): string => {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};

describe('the test kit\'s LSP client', function () {
  this.timeout(20000);
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'mcroutes-lsp-client-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A "server" that writes `chunks` to stdout 20 ms apart, then a notification fake/done, and stays until killed. */
  function fakeServer(name: string, chunks: string[]): string {
    const file = path.join(dir, `${name}.js`);
    const all = [...chunks, frame({ jsonrpc: '2.0', method: 'fake/done', params: {} })];
    writeFileSync(file, `const chunks = ${JSON.stringify(all)};
let i = 0;
const next = () => { if (i < chunks.length) { process.stdout.write(chunks[i++]); setTimeout(next, 20); } };
next();
setInterval(() => undefined, 1000);
`);
    return file;
  }

  const CASES: [string, string[], RegExp | undefined][] = [
    ['a well-formed notification: no error', [frame({ jsonrpc: '2.0', method: 'fake/hello', params: { n: 1 } })], undefined],
    ['a frame without Content-Length', ['Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n'], /Content-Length/],
    ['a body that is not JSON', ['Content-Length: 8\r\n\r\nnot json'], /JSON|Unexpected token/],
    ['a message that is neither a request, a response nor a notification', [frame({ jsonrpc: '2.0', params: {} })], /neither/],
  ];
  CASES.forEach(([what, chunks, error], n) => {
    it(what, async function () {
      const client = LspClient.stdio(fakeServer(`fake-${n}`, chunks), []);
      try {
        await client.waitFor('fake/done');
        if (error === undefined) {
          assert.deepEqual(client.errors.map(String), []);
          assert.deepEqual(client.notifications.map((m) => m.method), ['fake/hello', 'fake/done']);
        } else {
          assert.ok(client.errors.some((e) => error.test(String(e))), `an error matching ${error} in ${JSON.stringify(client.errors.map(String))}`);
        }
      } finally {
        client.dispose();
      }
    });
  });
});
