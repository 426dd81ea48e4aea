// Rows measured over the protocol: the bundled server spawned like an editor does.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
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
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onRequest((method, params) => (method === 'workspace/configuration'
      ? params.items.map((item) => this.configuration[item.section] ?? null)
      : null));
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
  async close() {
    await this.request('shutdown');
    this.notify('exit');
  }
}

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

/** didOpen → first (or, with `complete`, complete) publishDiagnostics, then one-character didChanges → publishDiagnostics (p50). */
async function openAndEdit(peer, uri, text, edits = COMPARED_EDITS, complete = () => true) {
  const open = await timedOpen(peer, uri, text, complete);
  const line = Math.floor(text.split('\n').length / 2);
  const samples = [];
  for (let v = 2; v < 2 + edits; v++) samples.push(await timedEdit(peer, uri, v, line));
  peer.notify('textDocument/didClose', { textDocument: { uri } });
  return { open, change: summary(samples).p50 };
}

/** One-character edits per file and server in the comparison (each waits out their 200 ms delay). */
const COMPARED_EDITS = 12;

/** yaml-language-server's validationDelayMs (yamlSettings.js): a fixed wait before each validation. */
const THEIR_VALIDATION_DELAY_MS = 200;

/** The same files in yaml-language-server with a MachineConfig JSON schema, ours beside it. */
export async function comparisonRows(root, inputs) {
  const ylsJs = path.join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const schema = `file://${path.join(root, 'bench', 'machineconfig.schema.json')}`;
  const yamlSettings = { validate: true, hover: true, completion: true, schemas: { [schema]: ['*.yaml'] }, schemaStore: { enable: false } };
  const theirs = new Peer(ylsJs, { yaml: yamlSettings });
  await theirs.request('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  theirs.notify('initialized', {});
  theirs.notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
  const ours = new Peer(path.join(root, 'dist', 'server.js'), { mcroutes: {} });
  await ours.request('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, initializationOptions: { debounceMs: 0 } });
  ours.notify('initialized', {});
  const rows = [];
  let n = 0;
  for (const [name, text] of inputs) {
    const findings = findingsOf(root, text);
    const a = await openAndEdit(ours, `file:///bench/ours-${n}.yaml`, text, COMPARED_EDITS, (p) => p.diagnostics.length === findings);
    const b = await openAndEdit(theirs, `file:///bench/theirs-${n++}.yaml`, text);
    // Theirs waits validationDelayMs (200 ms, not a setting) after an open or a change
    // before it validates; ours runs with no debounce here. Ratios compare the work after it.
    const open = Math.max(0, b.open - THEIR_VALIDATION_DELAY_MS);
    const change = Math.max(0, b.change - THEIR_VALIDATION_DELAY_MS);
    rows.push([`${name}: didOpen → diagnostics, ours / yaml-language-server`, `${ms(a.open)} / ${ms(b.open)}`, `ratio ${(a.open / open).toFixed(2)} to theirs less its fixed 200 ms wait (${ms(open)})`]);
    rows.push([`${name}: didChange → diagnostics, ours / yaml-language-server`, `${ms(a.change)} / ${ms(b.change)}`, `ratio ${(a.change / change).toFixed(2)} to theirs less its fixed 200 ms wait (${ms(change)}); p50 of ${COMPARED_EDITS}`]);
  }
  await ours.close();
  await theirs.close();
  return rows;
}

export async function serverRows(root, inputs) {
  const serverJs = path.join(root, 'dist', 'server.js');
  const rows = [];
  const ours = await startup(serverJs);
  const floor = await startup(await minimalServer(root));
  rows.push(['server spawn to initialize reply', ms(ours), `budget 200 ms (p50 of 5); ${ms(ours - floor)} more than the floor below`]);
  rows.push(['  the floor: an empty vscode-languageserver server, bundled the same way', ms(floor), 'what Node and the LSP library alone take on this machine']);

  const [, big] = inputs.find(([name]) => name === '500 documents');
  for (const r of await keystrokeRows(root, serverJs, '500 documents', big, { open: true, memory: true })) rows.push(r);
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
async function keystrokeRows(root, serverJs, name, text, { open = false, memory = false } = {}) {
  const rows = [];
  const peer = new Peer(serverJs);
  await peer.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
  peer.notify('initialized', {});
  const uri = 'file:///bench/big.yaml';
  const findings = findingsOf(root, text);
  const opened = await timedOpen(peer, uri, text, (p) => p.diagnostics.length === findings);
  const lines = text.split('\n');
  if (open) rows.push([`${name}: didOpen of ${lines.length} lines to complete publishDiagnostics`, ms(opened), 'over the protocol']);

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
  rows.push([`${name}: one-character didChange, server time`, `${ms(b.p50)} p50 / ${ms(b.p95)} p95`, `budget 30 ms (20 edits; the server's event loop busy from before the change to after its publish of ${findings} findings)`]);
  rows.push([`${name}: one-character didChange, server CPU`, `${ms(c.p50)} p50 / ${ms(c.p95)} p95`, 'the same, CPU time of all the process\'s threads (garbage collection helpers too)']);
  rows.push([`${name}: one-character didChange to publishDiagnostics`, `${ms(w.p50)} p50 / ${ms(w.p95)} p95`, 'over the protocol, wall time']);
  if (memory) {
    const { peakRssBytes } = await peer.request('mcroutes/serverInfo');
    rows.push([`${name}: server peak RSS (after opening and editing)`, `${(peakRssBytes / 2 ** 20).toFixed(0)} MB`, `process.resourceUsage().maxRSS; the text is ${(text.length / 2 ** 20).toFixed(1)} MB`]);
  }
  await peer.close();
  return rows;
}

/** Spawn → initialize reply of `serverJs`, p50 of 5. */
async function startup(serverJs) {
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const peer = new Peer(serverJs);
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
