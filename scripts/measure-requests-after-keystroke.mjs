// What the requests an editor makes right after a keystroke cost in a long file, over the
// protocol (not part of any test):
//   node scripts/measure-requests-after-keystroke.mjs [SERVER_JS] [lens]
// A fresh server (SERVER_JS, default dist/server.js; no debounce) opens the bench's
// 500-MachineConfig file; then 12 times: a one-character edit, its publish, then completion
// at the end of a role line (twice: after the edit, then again), a code action, the preview
// targets (the code lenses; with `lens`, also asked first, right after the publish) and a
// hover. Prints the p50 of each in ms.
import { performance } from 'node:perf_hooks';
import { Peer } from '../bench/server.mjs';
import { manyDocuments } from '../bench/generate.mjs';
const text = manyDocuments(500);
const lines = text.split('\n');
const peer = new Peer(process.argv[2] ?? 'dist/server.js');
await peer.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
peer.notify('initialized', {});
const uri = 'file:///bench/big.yaml';
let got = peer.next('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 4000);
peer.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
await got;
const line = Math.floor(lines.length / 2) + 5;
console.log('line', JSON.stringify(lines[line]));
const hov = [], comp = [], comp2 = [], lens = [], act = [];
for (let v = 2; v < 14; v++) {
  got = peer.next('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === v);
  const edit = v % 2 ? { range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 1 } }, text: '' } : { range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, text: ' ' };
  peer.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [edit] });
  await got;
  let t = performance.now();
  if (process.argv[3] === 'lens') { await peer.request('mcroutes/previewTargets', { uri }); console.log('lens first', (performance.now() - t).toFixed(1)); t = performance.now(); }
  await peer.request('textDocument/completion', { textDocument: { uri }, position: { line, character: lines[line].length } });
  comp.push(performance.now() - t);
  t = performance.now();
  await peer.request('textDocument/completion', { textDocument: { uri }, position: { line, character: lines[line].length } });
  comp2.push(performance.now() - t);
  t = performance.now();
  await peer.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics: [] } });
  act.push(performance.now() - t);
  t = performance.now();
  await peer.request('mcroutes/previewTargets', { uri });
  lens.push(performance.now() - t);
  t = performance.now();
  await peer.request('textDocument/hover', { textDocument: { uri }, position: { line: line + 10, character: 6 } });
  hov.push(performance.now() - t);
}
const med = (a) => a.sort((x, y) => x - y)[a.length >> 1].toFixed(1);
console.log('completion after keystroke p50', med(comp), 'ms; second completion', med(comp2), 'ms; hover', med(hov), 'ms; codeAction', med(act), 'previewTargets', med(lens));
await peer.close();
