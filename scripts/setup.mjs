// What `npm start` and `npm test` run first, so that a fresh clone needs nothing else:
//   1. the Debian packages code-server (and, for the tests, the browser and the second LSP
//      client) need: installed with apt-get when running as root, otherwise one message
//      naming the one command to run, before anything else happens;
//   2. the npm dependencies: `npm ci` when node_modules is absent or older than
//      package-lock.json;
//   3. the test editor (code-server 4.100.3) in .vscode-test/ (scripts/install-test-editor.sh,
//      a no-op once installed).
// Only Node built-ins here: this runs before node_modules exists.
//
// Usage: node scripts/setup.mjs start|test
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A Debian package, and the file whose presence says it is installed. */
const PACKAGES = {
  // code-server builds its kerberos addon against these headers and searches with rg.
  'libkrb5-dev': { file: '/usr/include/gssapi/gssapi.h', for: ['start', 'test'] },
  ripgrep: { file: '/usr/bin/rg', for: ['start', 'test'] },
  // node-gyp builds code-server's native addons.
  make: { file: '/usr/bin/make', for: ['start', 'test'] },
  'g++': { file: '/usr/bin/g++', for: ['start', 'test'] },
  python3: { file: '/usr/bin/python3', for: ['start', 'test'] },
  // The extension tests drive the workbench in headless Chromium ...
  chromium: { file: '/usr/bin/chromium', for: ['test'] },
  // ... and Neovim is the second LSP client (test/protocol/neovim.test.ts).
  neovim: { file: '/usr/bin/nvim', for: ['test'] },
};

/**
 * What to do about the Debian packages `purpose` needs: nothing, install them (as root), or
 * stop with one message naming the one command to run.
 */
export function packagePlan(purpose, { isRoot, exists = fs.existsSync }) {
  const missing = Object.entries(PACKAGES)
    .filter(([, p]) => p.for.includes(purpose) && !exists(p.file))
    .map(([name]) => name);
  if (missing.length === 0) return { action: 'none', missing };
  const args = ['install', '-y', '--no-install-recommends', ...missing];
  if (isRoot) return { action: 'install', missing, args };
  return {
    action: 'stop',
    missing,
    message: `npm ${purpose} needs the Debian packages ${missing.join(', ')}. Install them with\n\n    sudo apt-get update && sudo apt-get ${args.join(' ')}\n\nthen run npm ${purpose} again.`,
  };
}

function say(line) {
  console.log(`setup: ${line}`);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw new Error(`${cmd}: ${result.error.message}`);
  return result.status ?? 1;
}

function ensurePackages(purpose) {
  const plan = packagePlan(purpose, { isRoot: typeof process.getuid === 'function' && process.getuid() === 0 });
  if (plan.action === 'none') return;
  if (plan.action === 'stop') throw new Error(plan.message);
  say(`installing the Debian packages ${plan.missing.join(', ')} (apt-get, as root)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-q'], { env }) !== 0 || run('apt-get', [...plan.args, '-q'], { env }) !== 0) {
    throw new Error(`apt-get could not install ${plan.missing.join(', ')}; run "apt-get ${plan.args.join(' ')}" yourself and read its message.`);
  }
}

/** node_modules/.package-lock.json is written by every npm install or ci: its age is the install's. */
function dependenciesAreCurrent() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(installed)) return false;
  return fs.statSync(installed).mtimeMs >= fs.statSync(path.join(root, 'package-lock.json')).mtimeMs;
}

function ensureDependencies() {
  if (dependenciesAreCurrent()) return;
  say(fs.existsSync(path.join(root, 'node_modules')) ? 'package-lock.json changed: npm ci' : 'installing the npm dependencies: npm ci');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) throw new Error('npm ci failed (see its messages above).');
}

function ensureTestEditor() {
  if (run('bash', [path.join(root, 'scripts', 'install-test-editor.sh')]) !== 0) {
    throw new Error('the test editor (code-server) could not be installed: see scripts/install-test-editor.sh\'s messages above.');
  }
}

export function setup(purpose) {
  if (purpose !== 'start' && purpose !== 'test') throw new Error('usage: node scripts/setup.mjs start|test');
  ensurePackages(purpose);
  ensureDependencies();
  ensureTestEditor();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    setup(process.argv[2]);
  } catch (error) {
    console.error(`setup: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
