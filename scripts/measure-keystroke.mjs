// A local measurement of issue 21's server rows, for comparing builds in one process:
//   node scripts/measure-keystroke.mjs [--rounds N] [--prof DIR] [--quiet] SERVER_JS...
// Each round starts every given server (in turn, so a busy machine slows them alike), opens
// the 500-MachineConfig file (bench/generate.mjs manyDocuments(500)) with no debounce, takes
// 20 one-character edits in its middle line as the bench does (bench/server.mjs), and prints
// per server: the event loop's busy time and the CPU time per edit (p50, from
// mcroutes/serverInfo), the wall time to each publish, and the peak RSS after the open and
// one edit and after all 20. With --prof, each server runs under `node --cpu-prof` and
// writes its profile into DIR. Not part of `npm run bench` or of any test.
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Peer } from '../bench/server.mjs';
import { manyDocuments } from '../bench/generate.mjs';
import { summary } from '../bench/stats.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '3' }, prof: { type: 'string' }, quiet: { type: 'boolean', default: false }, edits: { type: 'string', default: '20' } },
});
const servers = positionals.length > 0 ? positionals : ['dist/server.js'];
const text = manyDocuments(500, 100, { quiet: values.quiet });
const lines = text.split('\n');
const line = Math.floor(lines.length / 2);
const edits = Number(values.edits);
// How many findings the core has for the text (out/ of this worktree: `npx tsc -b` first).
const require = createRequire(import.meta.url);
const { lintText } = require('../out/server/src/core/analysis/lint.js');
const { DEFAULT_SETTINGS } = require('../out/server/src/core/text/settings.js');
const expected = lintText(text, DEFAULT_SETTINGS).problems.length;

function change(uri, v) {
  const end = { line, character: v % 2 ? 1 : 0 };
  return { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line, character: 0 }, end }, text: v % 2 ? '' : ' ' }] };
}

async function measure(serverJs, round) {
  const nodeArgs = values.prof ? ['--cpu-prof', `--cpu-prof-dir=${values.prof}`, `--cpu-prof-name=${path.basename(path.dirname(path.resolve(serverJs)))}-${round}.cpuprofile`] : [];
  const peer = new Peer(path.resolve(serverJs), {}, nodeArgs);
  await peer.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
  peer.notify('initialized', {});
  const uri = 'file:///measure/big.yaml';
  // The complete publish: the one with as many findings as the core has (a file this long is
  // published once after its first analysis slice and again when complete).
  const opened = peer.next('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === expected);
  const openedAt = performance.now();
  peer.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await opened;
  const open = performance.now() - openedAt;
  const findings = expected;
  const busy = [];
  const cpu = [];
  const wall = [];
  let rssOneEdit = 0;
  for (let v = 2; v < 2 + edits; v++) {
    const before = await peer.request('mcroutes/serverInfo');
    const published = peer.next('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === v);
    const t0 = performance.now();
    peer.notify('textDocument/didChange', change(uri, v));
    await published;
    wall.push(performance.now() - t0);
    const after = await peer.request('mcroutes/serverInfo');
    busy.push(after.busyMs - before.busyMs);
    cpu.push((after.cpuMicros - before.cpuMicros) / 1000);
    if (v === 2) rssOneEdit = after.peakRssBytes;
  }
  const { peakRssBytes } = await peer.request('mcroutes/serverInfo');
  // close() waits for the process to end: the next server starts on a machine without it.
  await peer.close();
  return { findings, busy: summary(busy).p50, cpu: summary(cpu).p50, wall: summary(wall).p50, rssOneEdit, rss: peakRssBytes, busySamples: busy, open };
}

const results = new Map(servers.map((s) => [s, []]));
for (let round = 0; round < Number(values.rounds); round++) {
  for (const server of servers) results.get(server).push(await measure(server, round));
}
const mb = (b) => `${(b / 2 ** 20).toFixed(0)} MB`;
const med = (xs) => summary(xs).p50.toFixed(2);
for (const [server, rs] of results) {
  console.log(`${server}: ${rs[0].findings} findings, ${lines.length} lines, ${rs.length} rounds (median of the rounds' p50s)`);
  console.log(`  open ${med(rs.map((r) => r.open))} ms  busy ${med(rs.map((r) => r.busy))} ms  cpu ${med(rs.map((r) => r.cpu))} ms  wall ${med(rs.map((r) => r.wall))} ms  peak RSS open+1 edit ${mb(summary(rs.map((r) => r.rssOneEdit)).p50)}, after ${edits} edits ${mb(summary(rs.map((r) => r.rss)).p50)}`);
  const all = rs.flatMap((r) => r.busySamples).sort((a, b) => a - b);
  // On a machine shared with other work, the low quartile of all edits is the steadiest comparison.
  console.log(`  per round busy: ${rs.map((r) => r.busy.toFixed(1)).join(' ')}  all edits: min ${all[0].toFixed(2)} p25 ${all[Math.floor(all.length / 4)].toFixed(2)} ms  rss1: ${rs.map((r) => mb(r.rssOneEdit)).join(' ')}`);
}
