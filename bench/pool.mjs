// Rows of the workspace index (issue 19): indexing a folder of 2,000 files, and an edit in one
// open file reaching another open file's findings across files.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { machineConfigWithRoutes } from './generate.mjs';
import { Peer, ourNodeArgs } from './server.mjs';
import { ms, summary } from './stats.mjs';

const FILES = 2000;
const EDITS = 10;

/** 2,000 small worker MachineConfigs, each with a unit of its own name, in 20 folders. */
function workspaceOf(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcroutes-bench-pool-'));
  for (let i = 0; i < files; i++) {
    const folder = path.join(dir, `team${i % 20}`);
    fs.mkdirSync(folder, { recursive: true });
    const text = machineConfigWithRoutes(3, `99-worker-routes-${i}`).replace('add-static-routes.service', `add-static-routes-${i}.service`);
    fs.writeFileSync(path.join(folder, `mc-${i}.yaml`), text);
  }
  return dir;
}

const pair = (name, unit) => machineConfigWithRoutes(3, name).replace('add-static-routes.service', unit);

export async function poolRows(root) {
  const rows = [];
  const dir = workspaceOf(FILES);
  try {
    const require = createRequire(import.meta.url);
    const { WorkspaceRoles } = require(path.join(root, 'out', 'server', 'src', 'lsp', 'workspaceRoles.js'));
    const quiet = { error() {}, warn() {}, info() {} };
    const index = new WorkspaceRoles(quiet);
    index.setRoots({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }] });
    const t0 = performance.now();
    await index.refresh();
    const took = performance.now() - t0;
    const indexed = index.filesBeyond([], 'file:///none.yaml').length;
    rows.push([`workspace index of ${FILES.toLocaleString('en')} files (read, parse, facts)`, ms(took), `budget 2 s; ${indexed} files with facts`]);

    // Two open documents of that workspace write one unit; the edit in the winner's file renames
    // it (and back): the time to the loser's publish that shows (or drops) mc-overridden.
    const peer = new Peer(path.join(root, 'dist', 'server.js'), {}, ourNodeArgs(root));
    await peer.request('initialize', { processId: process.pid, rootUri: null, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }], capabilities: {}, initializationOptions: { debounceMs: 0 } });
    peer.notify('initialized', {});
    const loser = pathToFileURL(path.join(dir, 'a.yaml')).href;
    const winner = pathToFileURL(path.join(dir, 'b.yaml')).href;
    const has = (p) => p.diagnostics.some((d) => d.code === 'mc-overridden');
    const first = peer.next('textDocument/publishDiagnostics', (p) => p.uri === loser && has(p));
    peer.notify('textDocument/didOpen', { textDocument: { uri: loser, languageId: 'yaml', version: 1, text: pair('99-worker-a', 'shared.service') } });
    peer.notify('textDocument/didOpen', { textDocument: { uri: winner, languageId: 'yaml', version: 1, text: pair('99-worker-b', 'shared.service') } });
    await first;
    const samples = [];
    for (let v = 2; v < 2 + EDITS; v++) {
      const shared = v % 2 === 1;
      const published = peer.next('textDocument/publishDiagnostics', (p) => p.uri === loser && has(p) === shared);
      const t = performance.now();
      peer.notify('textDocument/didChange', { textDocument: { uri: winner, version: v }, contentChanges: [{ text: pair('99-worker-b', shared ? 'shared.service' : 'other.service') }] });
      await published;
      samples.push(performance.now() - t);
    }
    const s = summary(samples);
    rows.push([`edit in one open file → another open file's findings (${FILES.toLocaleString('en')} files in the workspace)`, `${ms(s.p50)} p50 / ${ms(s.p95)} p95`, `budget 1 s; ${EDITS} edits, to the other file's publish`]);
    await peer.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
