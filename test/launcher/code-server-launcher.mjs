#!/usr/bin/env node
// A stand-in for the VS Code executable, for @vscode/test-electron's
// `runTests({ vscodeExecutablePath })` on machines that cannot download VS Code.
//
// It reads the flags VS Code would get (--extensionDevelopmentPath, --extensionTestsPath,
// a workspace folder), starts code-server 4.100.3 (VS Code 1.100.3; installed by
// scripts/install-test-editor.sh) in its own process group with fresh settings, opens its
// workbench in headless Debian Chromium through playwright-core, and passes the
// extension development and tests paths in the URL payload. The test suite then runs in
// code-server's Node extension host exactly as under test-electron; its console arrives
// through `codeAutomationLog` and its exit code through `codeAutomationExit`, which
// becomes this process's exit code. Whatever happens (success, failure, timeout,
// SIGINT/SIGTERM, even this process being killed) code-server and the browser are ended.
// See shared/notes/REAL-VSCODE.md.
//
// Environment:
//   MCROUTES_LAUNCHER_TIMEOUT   overall timeout in seconds (default 480: a loaded CI machine is slow to start the workbench)
//   MCROUTES_LAUNCHER_DEBUG=1   echo code-server's output and the page's console
//   MCROUTES_LAUNCHER_KEEP=1    keep the temporary config/user-data folder (logs)
//   MCROUTES_CODE_SERVER_DIR    where code-server is installed (default .vscode-test/code-server)
//   Everything else (runTests' extensionTestsEnv included) reaches the extension host.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const codeServerDir = process.env.MCROUTES_CODE_SERVER_DIR
  ? path.resolve(process.env.MCROUTES_CODE_SERVER_DIR)
  : path.join(repoRoot, '.vscode-test', 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

const GUARD_FLAG = '--mcroutes-guard';
const debug = process.env.MCROUTES_LAUNCHER_DEBUG === '1';
const log = (...a) => console.log('[launcher]', ...a);

// ---------------------------------------------------------------------------------------
// Helpers shared with scripts/start.mjs

/** Resolves to a free TCP port on 127.0.0.1 (`preferred` if it is free). */
export function freePort(preferred = 0) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', (err) => {
      if (preferred && err.code === 'EADDRINUSE') freePort(0).then(resolve, reject);
      else reject(err);
    });
    srv.listen(preferred, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Writes code-server's config.yaml and VS Code's user settings under `dir`
 * (`keepSettings`: leave an existing settings.json alone).
 */
export function prepareProfile(dir, extraSettings = {}, { keepSettings = false } = {}) {
  fs.mkdirSync(path.join(dir, 'ud', 'User'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'ext'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'config.yaml'), 'auth: none\ncert: false\n');
  const settings = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.enableExperiments': false,
    'git.enabled': false,
    ...extraSettings,
  };
  const settingsFile = path.join(dir, 'ud', 'User', 'settings.json');
  if (keepSettings && fs.existsSync(settingsFile)) return;
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
}

/** Environment for code-server: ours, minus what a surrounding VS Code would leak into it. */
export function codeServerEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  for (const key of Object.keys(env)) {
    if (/^VSCODE_/.test(key) || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return env;
}

/**
 * Starts code-server in a process group of its own, led by a small guard process that
 * ends the group when `ownerPid` disappears (so nothing outlives a killed owner).
 * Returns { child, pgid, stop(), exited: Promise<code> }.
 */
export function startCodeServer({ port, profileDir, env, ownerPid = process.pid, stdio = 'pipe', extraArgs = [], removeProfileIfOrphaned = false }) {
  if (!fs.existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed (${codeServerEntry} missing): run bash scripts/install-test-editor.sh`);
  }
  const args = [
    codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--config', path.join(profileDir, 'config.yaml'),
    '--user-data-dir', path.join(profileDir, 'ud'),
    '--extensions-dir', path.join(profileDir, 'ext'),
    ...extraArgs,
  ];
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), GUARD_FLAG, String(ownerPid), process.execPath, ...args], {
    detached: true, // own process group, pgid = child.pid
    stdio: stdio === 'pipe' ? ['ignore', 'pipe', 'pipe'] : stdio,
    env: removeProfileIfOrphaned ? { ...env, MCROUTES_GUARD_REMOVE_DIR: profileDir } : env,
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  let stopping;
  const stop = () => (stopping ??= killGroup(child.pid));
  return { child, pgid: child.pid, exited, stop };
}

/** All descendants of `pid` (via /proc), so setsid'd grandchildren are found too. */
function descendants(pid) {
  const children = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch { /* gone */ }
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    for (const c of children.get(queue.shift()) ?? []) { out.push(c); queue.push(c); }
  }
  return out;
}

function zombie(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch { return false; }
}

/**
 * SIGKILLs what is left of `pids`, then waits (up to 5 s) until they are gone, zombies
 * included: processes whose parent died first are reaped by init, and a `ps` right
 * after we exit should not show them.
 */
async function reap(pids) {
  for (const pid of pids) if (alive(pid) && !zombie(pid)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && pids.some(alive)) await new Promise((r) => setTimeout(r, 100));
}

function alive(pid) {
  try { process.kill(pid, 0); return true; } catch { return false; }
}
function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}

/** SIGTERM the process group `pgid` and every descendant, SIGKILL what is left after 3 s. */
export async function killGroup(pgid) {
  const targets = new Set([pgid, ...descendants(pgid)]);
  const signal = (sig) => {
    try { process.kill(-pgid, sig); } catch { /* no group */ }
    for (const pid of targets) { try { process.kill(pid, sig); } catch { /* gone */ } }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline && (groupAlive(pgid) || [...targets].some(alive))) {
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const pid of descendants(pgid)) targets.add(pid);
  signal('SIGKILL');
}

/** Polls /healthz until code-server answers (or `timeoutMs` passes, or it exits). */
export async function waitForHealthz(port, { timeoutMs = 30000, exited } = {}) {
  let gone = false;
  exited?.then(() => { gone = true; });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error('code-server exited before it became ready');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch { /* not yet listening */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not answer /healthz on port ${port} within ${timeoutMs / 1000} s`);
}

/** The workbench URL that opens `folder` (or `workspace`) and loads the extensions without installing them. */
export function workbenchUrl(port, { folder, workspace, extensionDevelopmentPaths = [], extensionTestsPath } = {}) {
  const authority = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${authority}${encodeURI(path.resolve(p))}`;
  const payload = extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = new URLSearchParams();
  if (workspace) query.set('workspace', path.resolve(workspace));
  else if (folder) query.set('folder', path.resolve(folder));
  else query.set('ew', 'true');
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `http://${authority}/?${query}`;
}

// ---------------------------------------------------------------------------------------
// The guard: `node code-server-launcher.mjs --mcroutes-guard <ownerPid> <cmd> <args…>`.
// It leads code-server's process group and ends the whole group when the owner dies.

function runGuard([ownerPid, cmd, ...args]) {
  const removeDir = process.env.MCROUTES_GUARD_REMOVE_DIR;
  delete process.env.MCROUTES_GUARD_REMOVE_DIR;
  const child = spawn(cmd, args, { stdio: 'inherit' });
  const killAll = () => {
    for (const pid of descendants(process.pid)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    // The owner died without cleaning up: remove its temporary profile too.
    if (removeDir) { try { fs.rmSync(removeDir, { recursive: true, force: true, maxRetries: 3 }); } catch { /* best effort */ } }
    try { process.kill(-process.pid, 'SIGKILL'); } catch { /* gone */ }
    process.exit(1);
  };
  setInterval(() => { if (!alive(Number(ownerPid))) killAll(); }, 500);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => { try { child.kill(sig); } catch { /* gone */ } });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

// ---------------------------------------------------------------------------------------
// The launcher itself.

/** Parses the command line VS Code would get. Unknown flags are ignored. */
export function parseVSCodeArgs(argv) {
  const out = { extensionDevelopmentPaths: [], extensionTestsPath: undefined, paths: [] };
  const withValue = new Set([
    '--extensionDevelopmentPath', '--extensionTestsPath', '--user-data-dir', '--extensions-dir',
    '--locale', '--log', '--profile', '--crash-reporter-directory', '--logsPath',
  ]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-')) { out.paths.push(arg); continue; }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    let value = eq >= 0 ? arg.slice(eq + 1) : undefined;
    if (value === undefined && withValue.has(name)) value = argv[++i];
    if (name === '--extensionDevelopmentPath') out.extensionDevelopmentPaths.push(path.resolve(value));
    else if (name === '--extensionTestsPath') out.extensionTestsPath = path.resolve(value);
    // everything else (--disable-extensions, --no-sandbox, --user-data-dir, …) does not apply
  }
  return out;
}

async function main(argv) {
  const started = Date.now();
  const opts = parseVSCodeArgs(argv);
  const timeoutSec = Number(process.env.MCROUTES_LAUNCHER_TIMEOUT || 480);

  let folder, workspace;
  for (const p of opts.paths) {
    const abs = path.resolve(p);
    if (p.endsWith('.code-workspace')) workspace = abs;
    else if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) folder = abs;
    else if (fs.existsSync(abs)) { folder = path.dirname(abs); log(`opening the folder of ${abs}`); }
    else { log(`ignoring missing path ${abs}`); }
  }
  if (!fs.existsSync(chromiumPath)) {
    log(`ERROR: ${chromiumPath} is missing (apt-get install -y chromium)`);
    return 1;
  }

  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcroutes-code-server-'));
  prepareProfile(profileDir);
  const csLogPath = path.join(profileDir, 'code-server.log');
  const csLog = fs.createWriteStream(csLogPath);

  let server, context;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    const ours = descendants(process.pid); // browser and code-server processes, before they detach
    await Promise.race([
      context?.close().catch(() => {}),
      new Promise((r) => setTimeout(r, 5000)),
    ]);
    await server?.stop();
    await reap(ours);
    csLog.end();
    if (process.env.MCROUTES_LAUNCHER_KEEP === '1') log(`kept ${profileDir}`);
    else fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  };
  const printServerLogTail = () => {
    try {
      const lines = fs.readFileSync(csLogPath, 'utf8').trimEnd().split('\n').slice(-40);
      log(`last lines of code-server's output:\n${lines.join('\n')}`);
    } catch { /* nothing logged */ }
  };

  /**
   * After a failure: the extension's exchange with its server, as the language client traced
   * it (the suite's workspace sets mcroutes.trace.server; `--log trace` lets the trace into
   * the log): each message's name and the documents and versions it names, the last 400.
   */
  const printExtensionLog = () => {
    const logs = path.join(profileDir, 'ud', 'logs');
    let files = [];
    try {
      files = fs.readdirSync(logs, { recursive: true }).filter((f) => String(f).endsWith(path.join('mcroutes.mcroutes', 'MachineConfig Routes.log')));
    } catch { /* no logs */ }
    for (const file of files) {
      const lines = fs.readFileSync(path.join(logs, String(file)), 'utf8').split('\n')
        .filter((l) => /^\d{4}-\d\d-\d\d /.test(l) || /^ {4,8}"(uri|version|languageId)":/.test(l))
        .map((l) => (l.length > 240 ? `${l.slice(0, 240)}…` : l));
      log(`the extension's log ${file}, last lines:\n${lines.slice(-400).join('\n')}`);
    }
  };

  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  let signalled = false;
  const onSignal = (sig) => {
    // Ctrl-C reaches us twice (from the terminal and from runTests): stop once, and
    // stay alive until code-server and the browser are gone (that takes a few seconds).
    if (signalled) return;
    signalled = true;
    log(`received ${sig}, stopping code-server and the browser`);
    finish(sig === 'SIGINT' ? 130 : 143);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, onSignal);
  const timer = setTimeout(() => {
    log(`ERROR: timed out after ${timeoutSec} s waiting for the extension tests to finish`);
    printServerLogTail();
    finish(1);
  }, timeoutSec * 1000);

  const run = async () => {
    const port = await freePort();
    server = startCodeServer({ port, profileDir, env: codeServerEnv(), removeProfileIfOrphaned: process.env.MCROUTES_LAUNCHER_KEEP !== '1' });
    for (const stream of [server.child.stdout, server.child.stderr]) {
      stream.on('data', (d) => { csLog.write(d); if (debug) process.stdout.write(d); });
    }
    server.exited.then((code) => {
      if (!cleaned) {
        log(`ERROR: code-server exited unexpectedly (${code})`);
        printServerLogTail();
        finish(1);
      }
    });
    await waitForHealthz(port, { exited: server.exited });

    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(path.join(profileDir, 'browser'), {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      // We close the browser ourselves, after code-server; playwright's own handlers
      // would process.exit() first.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.exposeFunction('codeAutomationExit', (code) => {
      finish(Number.isInteger(code) ? code : Number(code) || 0);
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args) ? util.format(...args) : util.format(args);
      // The workbench asks open-vsx.org for extension updates: unreachable here, harmless.
      if (!debug && text.includes('ENOTFOUND open-vsx.org')) return;
      console.log(text);
    });
    page.on('crash', () => { log('ERROR: the browser page crashed'); finish(1); });
    if (debug) {
      page.on('console', (m) => console.log(`[page ${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
    }
    const url = workbenchUrl(port, {
      folder, workspace,
      extensionDevelopmentPaths: opts.extensionDevelopmentPaths,
      extensionTestsPath: opts.extensionTestsPath,
    });
    log(`code-server ${port} ready in ${Date.now() - started} ms; opening ${url}`);
    await page.goto(url);
  };
  run().catch((err) => {
    if (cleaned) return;
    log(`ERROR: ${err?.stack ?? err}`);
    printServerLogTail();
    finish(1);
  });

  const code = await finished;
  clearTimeout(timer);
  if (code !== 0) printExtensionLog();
  await cleanup();
  if (!opts.extensionTestsPath) log('note: no --extensionTestsPath given');
  log(`exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code;
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  if (process.argv[2] === GUARD_FLAG) {
    runGuard(process.argv.slice(3));
  } else {
    main(process.argv.slice(2)).then(
      (code) => process.exit(code),
      (err) => { log(`ERROR: ${err?.stack ?? err}`); process.exit(1); },
    );
  }
}
