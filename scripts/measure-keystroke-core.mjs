// What a keystroke costs inside the server, without the protocol, for comparing builds:
//   node scripts/measure-keystroke-core.mjs ROOT...
// ROOT is a checkout built with `npx tsc -b` (its out/ is used; `.` is this one). For each,
// in turn, three times: the 500-MachineConfig file of the bench in an IncrementalLinter and a
// TextDocument, then 80 one-character edits in its middle line as the bench makes them (after
// 20 to warm up), each taken through what the server does for it: the document's update, the
// lint, the conversion of every finding (PublishedDiagnostics where the build has it, else
// toDiagnostic) and the publish's JSON as a buffer (diagnosticsJson.ts's messageBytes or messageJson
// where the build has it, else JSON.stringify). Prints the mean of each step in ms. Not part of any test.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { manyDocuments } from '../bench/generate.mjs';

const roots = process.argv.slice(2).map((r) => path.resolve(r));
const text = manyDocuments(500);
const line = Math.floor(text.split('\n').length / 2);
const EDITS = 80;
const WARM_UP = 20;

function measure(root) {
  const require = createRequire(path.join(root, 'x.js'));
  const out = (name) => path.join(root, 'out', 'server', 'src', name);
  const { IncrementalLinter } = require(out('core/analysis/incremental.js'));
  const { DEFAULT_SETTINGS } = require(out('core/text/settings.js'));
  const { toDiagnostic } = require(out('lsp/diagnostics.js'));
  const kept = existsSync(out('lsp/publishedDiagnostics.js')) ? new (require(out('lsp/publishedDiagnostics.js')).PublishedDiagnostics)() : undefined;
  const json = existsSync(out('lsp/diagnosticsJson.js')) ? require(out('lsp/diagnosticsJson.js')) : {};
  // What the stdio transport sends: messageBytes where the build has it, else its JSON encoded.
  const messageBytes = json.messageBytes ?? ((message) => Buffer.from((json.messageJson ?? JSON.stringify)(message), 'utf-8'));
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const document = TextDocument.create('file:///measure/big.yaml', 'yaml', 1, text);
  const linter = new IncrementalLinter();
  linter.lint(text, DEFAULT_SETTINGS);
  document.positionAt(0);
  const sums = { update: 0, lint: 0, convert: 0, json: 0 };
  for (let v = 2; v < 2 + WARM_UP + EDITS; v++) {
    const t0 = performance.now();
    TextDocument.update(document, [{ range: { start: { line, character: 0 }, end: { line, character: v % 2 ? 1 : 0 } }, text: v % 2 ? '' : ' ' }], v);
    document.getText().charCodeAt(0);
    const t1 = performance.now();
    const { problems } = linter.lint(document.getText(), DEFAULT_SETTINGS);
    const t2 = performance.now();
    const diagnostics = kept ? kept.convert(problems, document, (p) => linter.originOf(p)) : problems.map((p) => toDiagnostic(p, document));
    const t3 = performance.now();
    messageBytes({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: document.uri, version: v, diagnostics } });
    const t4 = performance.now();
    if (v < 2 + WARM_UP) continue;
    sums.update += t1 - t0;
    sums.lint += t2 - t1;
    sums.convert += t3 - t2;
    sums.json += t4 - t3;
  }
  const total = Object.values(sums).reduce((a, b) => a + b, 0);
  return `${Object.entries(sums).map(([step, ms]) => `${step} ${(ms / EDITS).toFixed(2)}`).join('  ')}  total ${(total / EDITS).toFixed(2)} ms`;
}

for (let round = 0; round < 3; round++) {
  for (const root of roots) console.log(`${path.relative(process.cwd(), root) || '.'}: ${measure(root)}`);
}
