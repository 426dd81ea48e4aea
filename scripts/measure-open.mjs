// A local measurement of issue 21's open row, for comparing builds:
//   node scripts/measure-open.mjs [--rounds N] [--prof DIR] SERVER_JS[@NODE_FLAG...]...
// Each server runs with node's flags as the VS Code client gives them (server/src/serverProcess.ts),
// then the flags given after it: dist/server.js@--v8-pool-size=4 runs with node's default pool.
// Each round starts every given server in a fresh process (in turn, the order alternating, so
// a busy machine slows them alike), initialises it as the bench does (bench/server.mjs: the
// VS Code client's options, spawn and initialize not timed), opens the 500-MachineConfig file
// (bench/generate.mjs manyDocuments(500)) and waits for the publish that carries all of its
// findings. Printed per server, p50 over the rounds: the wall time (what the bench's row
// measures), the CPU time of the server's main thread and of all its threads (V8 compiles
// optimised code and helps the garbage collector on other threads) from the didOpen to that
// publish, read from /proc/<pid>/task/*/schedstat, and the main thread's CPU time before the
// first publish. On a machine shared with other work the wall time follows the load; the
// CPU times much less. With --prof, each server runs under `node --cpu-prof` and writes its
// profile into DIR. Linux only (/proc). Not part of `npm run bench` or of any test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Peer, ourNodeArgs } from '../bench/server.mjs';
import { manyDocuments } from '../bench/generate.mjs';
import { summary } from '../bench/stats.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '5' }, prof: { type: 'string' } },
});
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const servers = positionals.length > 0 ? positionals : ['dist/server.js'];
const text = manyDocuments(500);
const uri = 'file:///bench/compared.yaml';
// How many findings the core has for the text (out/ of this worktree: `npx tsc -b` first).
const require = createRequire(import.meta.url);
const { lintText } = require('../out/server/src/core/analysis/lint.js');
const { DEFAULT_SETTINGS } = require('../out/server/src/core/text/settings.js');
const expected = lintText(text, DEFAULT_SETTINGS).problems.length;

/** CPU milliseconds of process `pid`: its main thread, and all its threads. */
function cpuOf(pid) {
  const ranMs = (task) => Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  let all = 0;
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      all += ranMs(task);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return { main: ranMs(pid), all };
}

async function measure(server, round) {
  const [serverJs, ...flags] = server.split('@');
  const nodeArgs = [...ourNodeArgs(ROOT), ...flags, ...(values.prof ? ['--cpu-prof', `--cpu-prof-dir=${values.prof}`, `--cpu-prof-name=${path.basename(path.dirname(path.resolve(serverJs)))}-${round}.cpuprofile`] : [])];
  const peer = new Peer(path.resolve(serverJs), { mcroutes: {} }, nodeArgs);
  await peer.request('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, initializationOptions: {} });
  peer.notify('initialized', {});
  let first;
  const complete = new Promise((resolve) => {
    peer.listeners.push(({ method, params }) => {
      if (method !== 'textDocument/publishDiagnostics') return;
      first ??= cpuOf(peer.child.pid);
      if (params.diagnostics.length === expected) resolve(cpuOf(peer.child.pid));
    });
  });
  const before = cpuOf(peer.child.pid);
  const t0 = performance.now();
  peer.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const after = await complete;
  const wall = performance.now() - t0;
  await peer.close();
  return { wall, main: after.main - before.main, all: after.all - before.all, firstMain: first.main - before.main };
}

const results = new Map(servers.map((s) => [s, []]));
const rounds = Number(values.rounds);
for (let round = 0; round < rounds; round++) {
  for (const serverJs of round % 2 ? [...servers].reverse() : servers) results.get(serverJs).push(await measure(serverJs, round));
}
const p50 = (samples) => summary(samples).p50.toFixed(0).padStart(6);
console.log(`500 MachineConfigs, ${expected} findings: didOpen → complete publish, p50 of ${rounds} fresh processes each (ms)`);
console.log(`${'server'.padEnd(40)}   wall   main    all  main to first publish`);
for (const [serverJs, samples] of results) {
  console.log(`${serverJs.padEnd(40)} ${p50(samples.map((s) => s.wall))} ${p50(samples.map((s) => s.main))} ${p50(samples.map((s) => s.all))} ${p50(samples.map((s) => s.firstMain))}`);
}
