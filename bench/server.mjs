// Rows measured over the protocol: the bundled server spawned like an editor does.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { manyDocuments } from './generate.mjs';
import { ms, summary } from './stats.mjs';

export class Peer {
  /** `configuration`: what workspace/configuration answers, by section. */
  constructor(serverJs, configuration = {}, nodeArgs = []) {
    this.configuration = configuration;
    this.child = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', process.env.BENCH_STDERR ? 'inherit' : 'ignore'] });
    this.listeners = [];
    this.answered = [];
    this.exited = new Promise((resolve) => this.child.on('close', resolve));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onRequest((method, params) => {
      const answer = method === 'workspace/configuration' ? params.items.map((item) => this.configuration[item.section] ?? null) : null;
      for (const l of [...this.answered]) l(method);
      return answer;
    });
    this.connection.onNotification((method, params) => {
      for (const l of [...this.listeners]) l({ method, params });
    });
    this.connection.listen();
    this.child.on('close', () => this.connection.dispose());
  }
  request(method, params) {
    return params === undefined ? this.connection.sendRequest(method) : this.connection.sendRequest(method, params);
  }
  notify(method, params) {
    const sent = params === undefined ? this.connection.sendNotification(method) : this.connection.sendNotification(method, params);
    sent.catch(() => undefined);
  }
  next(method, predicate) {
    return new Promise((resolve) => {
      const listener = (m) => {
        if (m.method === method && predicate(m.params)) {
          this.listeners.splice(this.listeners.indexOf(listener), 1);
          resolve(m.params);
        }
      };
      this.listeners.push(listener);
    });
  }
  /** Resolves when the server has asked `method` (a request to the client) and been answered. */
  asked(method) {
    return new Promise((resolve) => {
      const listener = (m) => {
        if (m === method) {
          this.answered.splice(this.answered.indexOf(listener), 1);
          resolve();
        }
      };
      this.answered.push(listener);
    });
  }
  /** Shuts the server down and waits for its process to end, so that it takes no CPU from what is timed next. */
  async close() {
    await this.request('shutdown');
    this.notify('exit');
    await this.exited;
  }
}

/**
 * The peak resident set of process `pid` as Linux counts it (VmHWM of /proc/<pid>/status), in
 * bytes: read from outside, so it is the same measure for any server; undefined where there
 * is no /proc.
 */
function peakRssOf(pid) {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Node's flags for our server, as the VS Code client gives them under node (server/src/serverProcess.ts). */
export function ourNodeArgs(root) {
  const require = createRequire(import.meta.url);
  const { serverNodeFlags } = require(path.join(root, 'out', 'server', 'src', 'serverProcess.js'));
  return serverNodeFlags(os.availableParallelism(), false);
}

const mb = (bytes) => (bytes === undefined ? '-' : `${(bytes / 2 ** 20).toFixed(0)} MB`);

/**
 * How many findings the core has for `text`. Our server publishes a file that takes long
 * to analyse once early and again when complete (server.ts PARTIAL_AFTER_MS): its complete
 * diagnostics are the publish with this many.
 */
function findingsOf(root, text) {
  const require = createRequire(import.meta.url);
  const { lintText } = require(path.join(root, 'out', 'server', 'src', 'core', 'analysis', 'lint.js'));
  const { DEFAULT_SETTINGS } = require(path.join(root, 'out', 'server', 'src', 'core', 'text', 'settings.js'));
  return lintText(text, DEFAULT_SETTINGS).problems.length;
}

/** Version `v`'s one-character edit at the start of `line`: even versions insert a space, odd ones take it out again. */
function oneCharacterChange(uri, v, line) {
  const end = { line, character: v % 2 ? 1 : 0 };
  return { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line, character: 0 }, end }, text: v % 2 ? '' : ' ' }] };
}

/** didOpen → the first publishDiagnostics for which `complete` holds, in ms. */
async function timedOpen(peer, uri, text, complete = () => true) {
  const opened = peer.next('textDocument/publishDiagnostics', (p) => p.uri === uri && complete(p));
  const t0 = performance.now();
  peer.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await opened;
  return performance.now() - t0;
}

/** Version `v`'s one-character didChange in `line` → its publishDiagnostics, in ms. */
async function timedEdit(peer, uri, v, line) {
  const published = peer.next('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.version === undefined || p.version === v));
  const t0 = performance.now();
  peer.notify('textDocument/didChange', oneCharacterChange(uri, v, line));
  await published;
  return performance.now() - t0;
}

/** yaml-language-server's validationDelayMs (yamlSettings.js): a fixed wait before each validation, not a setting. */
const THEIR_VALIDATION_DELAY_MS = 200;

/** Fresh processes of each server per file in the comparison; each opens the file once, then takes EDITS_PER_RUN edits. */
const COMPARED_RUNS = 5;
const EDITS_PER_RUN = 4;

/**
 * The two servers of the comparison, each spawned and set up as its editor does: ours as the
 * VS Code client starts it (its initializationOptions carry no debounceMs, so the extension's
 * default debounce), yaml-language-server 1.25.0 (its npm package) with a MachineConfig JSON
 * schema for the envelope.
 */
function comparedServers(root) {
  const schema = `file://${path.join(root, 'bench', 'machineconfig.schema.json')}`;
  const yamlSettings = { validate: true, hover: true, completion: true, schemas: { [schema]: ['*.yaml'] }, schemaStore: { enable: false } };
  return [
    {
      name: 'ours',
      js: path.join(root, 'dist', 'server.js'),
      nodeArgs: ourNodeArgs(root),
      configuration: { mcroutes: {} },
      initializationOptions: {},
      // A file that takes long to analyse is published once early and again when complete
      // (server.ts): its complete diagnostics are the publish with all of the core's findings.
      complete: (findings) => (p) => p.diagnostics.length === findings,
      ready: async () => undefined,
      reportsMaxRss: true,
    },
    {
      name: 'theirs',
      js: path.join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'),
      nodeArgs: [],
      configuration: { yaml: yamlSettings },
      initializationOptions: undefined,
      // It validates once per open or change, after its fixed wait, and publishes once per
      // validation (validationHandlers.js): its first publish is complete.
      complete: () => () => true,
      // It pulls its settings (the schema among them) when told they changed: done before the
      // open, so that it validates the file against the schema.
      async ready(peer) {
        const pulled = peer.asked('workspace/configuration');
        peer.notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
        await pulled;
      },
      reportsMaxRss: false,
    },
  ];
}

/**
 * One fresh process of `server`: spawned and initialised (not timed), then `text` opened until
 * its complete diagnostics, then EDITS_PER_RUN one-character edits in its middle line, each to
 * its publish. The peak RSS is read after the open and the first edit.
 */
async function session(server, uri, text, findings) {
  const peer = new Peer(server.js, server.configuration, server.nodeArgs);
  await peer.request('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, initializationOptions: server.initializationOptions });
  peer.notify('initialized', {});
  await server.ready(peer);
  const open = await timedOpen(peer, uri, text, server.complete(findings));
  const line = Math.floor(text.split('\n').length / 2);
  const edits = [];
  let peak;
  let maxRss;
  for (let v = 2; v < 2 + EDITS_PER_RUN; v++) {
    edits.push(await timedEdit(peer, uri, v, line));
    if (v === 2) {
      peak = peakRssOf(peer.child.pid);
      if (server.reportsMaxRss) maxRss = (await peer.request('mcroutes/serverInfo')).peakRssBytes;
    }
  }
  await peer.close();
  return { open, edits, peak, maxRss };
}

const p50 = (samples) => (samples.some((s) => s === undefined) ? undefined : summary(samples).p50);

/**
 * The same files opened and edited in yaml-language-server and in ours, measured the same way:
 * a fresh process of each per run, the same file and edits, to the publish that carries all
 * findings; p50 over the runs. Their fixed 200 ms wait before each validation is subtracted
 * for the open's ratio (ours has no such wait on an open); the keystroke rows compare what a
 * user sees, each server with its default delay.
 */
export async function comparisonRows(root, inputs) {
  const [ours, theirs] = comparedServers(root);
  const rows = [];
  for (const [name, text] of inputs) {
    const findings = findingsOf(root, text);
    // Their schema is mapped to *.yaml; a Butane config is a .bu file, which they check as YAML alone.
    const uri = `file:///bench/compared.${/Butane/.test(name) ? 'bu' : 'yaml'}`;
    const results = { ours: [], theirs: [] };
    for (let run = 0; run < COMPARED_RUNS; run++) {
      // Which server goes first alternates, so that neither always follows the other's load.
      for (const server of run % 2 ? [theirs, ours] : [ours, theirs]) results[server.name].push(await session(server, uri, text, findings));
    }
    const a = { open: p50(results.ours.map((r) => r.open)), change: p50(results.ours.flatMap((r) => r.edits)) };
    const b = { open: p50(results.theirs.map((r) => r.open)), change: p50(results.theirs.flatMap((r) => r.edits)) };
    const theirOpenWork = Math.max(0, b.open - THEIR_VALIDATION_DELAY_MS);
    const theirChangeWork = Math.max(0, b.change - THEIR_VALIDATION_DELAY_MS);
    const openBudget = name === '500 documents' ? '; budget 0.7×' : '';
    rows.push([`${name}: didOpen → complete diagnostics, ours / yaml-language-server`, `${ms(a.open)} / ${ms(b.open)}`,
      `${(a.open / theirOpenWork).toFixed(2)}× theirs less its fixed 200 ms wait (${ms(theirOpenWork)})${openBudget}; p50 of ${COMPARED_RUNS} fresh processes each`]);
    const squiggleBudget = name === 'seed' ? 'budget 50 ms (ours); ' : '';
    rows.push([`${name}: last keystroke → squiggles, ours / yaml-language-server`, `${ms(a.change)} / ${ms(b.change)}`,
      `${squiggleBudget}one-character didChange to its publish, each with its default delay (theirs less its 200 ms: ${ms(theirChangeWork)}); p50 of ${COMPARED_RUNS * EDITS_PER_RUN}`]);
    if (name === '500 documents') {
      const peakOurs = p50(results.ours.map((r) => r.peak));
      const peakTheirs = p50(results.theirs.map((r) => r.peak));
      const ratio = peakOurs === undefined || peakTheirs === undefined ? '-' : `${(peakOurs / peakTheirs).toFixed(2)}×`;
      rows.push([`${name}: peak RSS after opening and one edit, ours / yaml-language-server`, `${mb(peakOurs)} / ${mb(peakTheirs)}`,
        `budget ≤ yaml-language-server's (${ratio}); VmHWM of each process from /proc, p50 of ${COMPARED_RUNS}; ours by its process.resourceUsage().maxRSS: ${mb(p50(results.ours.map((r) => r.maxRss)))}`]);
    }
  }
  return rows;
}

export async function serverRows(root, inputs) {
  const serverJs = path.join(root, 'dist', 'server.js');
  const rows = [];
  const ours = await startup(serverJs, ourNodeArgs(root));
  const floor = await startup(await minimalServer(root));
  rows.push(['server spawn to initialize reply', ms(ours), `budget 200 ms (p50 of 5); ${ms(ours - floor)} more than the floor below`]);
  rows.push(['  the floor: an empty vscode-languageserver server, bundled the same way', ms(floor), 'what Node and the LSP library alone take on this machine']);

  const [, big] = inputs.find(([name]) => name === '500 documents');
  for (const r of await keystrokeRows(root, serverJs, '500 documents', big, { memory: true })) rows.push(r);
  const quiet = manyDocuments(500, 100, { quiet: true });
  for (const r of await keystrokeRows(root, serverJs, '500 documents, one finding each', quiet)) rows.push(r);
  return rows;
}

/**
 * A fresh server opens `text`, then takes 20 one-character edits in its middle line: the
 * server's CPU time and the wall time to the publish of each. A publish carries every
 * finding of the file (LSP replaces a file's diagnostics as a whole), so the two files of
 * the bench differ in how many findings each keystroke re-sends.
 */
async function keystrokeRows(root, serverJs, name, text, { memory = false } = {}) {
  const rows = [];
  const peer = new Peer(serverJs, {}, ourNodeArgs(root));
  await peer.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
  peer.notify('initialized', {});
  const uri = 'file:///bench/big.yaml';
  const findings = findingsOf(root, text);
  await timedOpen(peer, uri, text, (p) => p.diagnostics.length === findings);
  const lines = text.split('\n');

  const line = Math.floor(lines.length / 2);
  const wall = [];
  const cpu = [];
  const busy = [];
  for (let v = 2; v < 22; v++) {
    const before = await peer.request('mcroutes/serverInfo');
    wall.push(await timedEdit(peer, uri, v, line));
    const after = await peer.request('mcroutes/serverInfo');
    cpu.push((after.cpuMicros - before.cpuMicros) / 1000);
    busy.push(after.busyMs - before.busyMs);
  }
  const b = summary(busy);
  const c = summary(cpu);
  const w = summary(wall);
  rows.push([`${name}: one-character didChange, server time`, `${ms(b.p50)} p50 / ${ms(b.p95)} p95`, `budget 15 ms (20 edits; the server's event loop busy from before the change to after its publish of ${findings} findings)`]);
  rows.push([`${name}: one-character didChange, server CPU`, `${ms(c.p50)} p50 / ${ms(c.p95)} p95`, 'the same, CPU time of all the process\'s threads (garbage collection helpers too)']);
  rows.push([`${name}: one-character didChange to publishDiagnostics`, `${ms(w.p50)} p50 / ${ms(w.p95)} p95`, 'over the protocol, wall time']);
  if (memory) {
    // Measured before the requests below, which rebuild models the edits let go.
    const { peakRssBytes } = await peer.request('mcroutes/serverInfo');
    rows.push([`${name}: server peak RSS after opening and 20 edits`, mb(peakRssBytes), `process.resourceUsage().maxRSS, no debounce; the text is ${(text.length / 2 ** 20).toFixed(1)} MB`]);
    for (const r of await requestsAfterEdits(peer, uri, lines, line)) rows.push(r);
  }
  await peer.close();
  return rows;
}

/**
 * What VS Code asks right after a keystroke's publish, each after its own edit: completion
 * (typing triggers it) at the end of the edited document's role label, and the preview targets
 * its code lenses are made of. p50 of 10 each.
 */
async function requestsAfterEdits(peer, uri, lines, line) {
  const completion = [];
  const lenses = [];
  // The role value of the edited document: completion then offers the roles of the whole file.
  const roleLine = lines.findIndex((l, i) => i > line && l.includes('machineconfiguration.openshift.io/role:'));
  for (let v = 22; v < 42; v++) {
    const published = peer.next('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.version === undefined || p.version === v));
    peer.notify('textDocument/didChange', oneCharacterChange(uri, v, line));
    await published;
    const t0 = performance.now();
    if (v % 2) await peer.request('textDocument/completion', { textDocument: { uri }, position: { line: roleLine, character: lines[roleLine].length } });
    else await peer.request('mcroutes/previewTargets', { uri });
    (v % 2 ? completion : lenses).push(performance.now() - t0);
  }
  return [
    ['  completion right after a keystroke\'s publish', `${ms(summary(completion).p50)} p50`, 'over the protocol, wall time (10 edits; typing asks for it)'],
    ['  preview targets (code lenses) right after a keystroke\'s publish', `${ms(summary(lenses).p50)} p50`, 'the same; VS Code asks for the lenses after each change of the diagnostics'],
  ];
}

/** Spawn → initialize reply of `serverJs`, p50 of 5. */
async function startup(serverJs, nodeArgs = []) {
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const peer = new Peer(serverJs, {}, nodeArgs);
    await peer.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    samples.push(performance.now() - t0);
    await peer.close();
  }
  return summary(samples).p50;
}

/** A server that only answers initialize, bundled like ours (esbuild, minified): the start-up floor. */
async function minimalServer(root) {
  const { build } = await import('esbuild');
  const os = await import('node:os');
  const fs = await import('node:fs');
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mcroutes-bench-')), 'minimal-server.js');
  await build({
    stdin: {
      contents: "const { createConnection, ProposedFeatures } = require('vscode-languageserver/node');\n" +
        'const connection = createConnection(ProposedFeatures.all);\n' +
        'connection.onInitialize(() => ({ capabilities: {} }));\n' +
        'connection.listen();\n',
      resolveDir: root,
      loader: 'js',
    },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, outfile, logLevel: 'warning',
  });
  return outfile;
}
