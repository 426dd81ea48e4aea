// `npm test` after the build: the three test levels of DESIGN.md, one summary.
//   1. unit       mocha over out/test/unit/**/*.test.js
//   2. protocol   mocha over out/test/protocol/**/*.test.js (spawns dist/server.js)
//   3. extension  the out/test/suite mocha suite inside a real VS Code (code-server in
//                 headless Chromium; scripts/run-extension-tests.mjs), counts read from
//                 out/test-results/extension.json; then each test/ui/*.ui.mjs, a playwright
//                 script driving that VS Code like a person (counts from
//                 out/test-results/ui-<name>.json)
// Ends with exactly one line `N passed, N failed` over all levels; exits 1 if anything
// failed. `--level unit|protocol|extension` (repeatable, or comma-separated) runs only those.
//
// Levels 1 and 2 run in a child process each (this file again, with --mocha-worker), which
// reports its counts to us over IPC.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..');
const LEVELS = ['unit', 'protocol', 'extension'];
const MOCHA_TIMEOUT_MS = { unit: 2000, protocol: 10000 };
const LEVEL_TIMEOUT_MS = 15 * 60 * 1000;

if (process.argv[2] === '--mocha-worker') {
  await mochaWorker(process.argv[3], process.argv.slice(4));
} else {
  process.exitCode = await main(process.argv.slice(2));
}

// ---------------------------------------------------------------------------------------

function parseLevels(argv) {
  const wanted = [];
  for (let i = 0; i < argv.length; i++) {
    let value;
    if (argv[i] === '--level') value = argv[++i];
    else if (argv[i].startsWith('--level=')) value = argv[i].slice('--level='.length);
    else throw new Error(`unknown argument ${argv[i]} (usage: test-all.mjs [--level unit|protocol|extension])`);
    for (const level of String(value ?? '').split(',').filter(Boolean)) {
      if (!LEVELS.includes(level)) throw new Error(`unknown level "${level}" (one of ${LEVELS.join(', ')})`);
      if (!wanted.includes(level)) wanted.push(level);
    }
  }
  return wanted.length ? LEVELS.filter((l) => wanted.includes(l)) : LEVELS;
}

async function main(argv) {
  let levels;
  try {
    levels = parseLevels(argv);
  } catch (err) {
    console.error(`test-all: ${err.message}`);
    return 2;
  }
  const results = [];
  for (const level of levels) {
    const started = Date.now();
    console.log(`\n=== ${level} tests ===`);
    let result;
    try {
      result = level === 'extension' ? await runExtensionLevel() : await runMochaLevel(level);
    } catch (err) {
      console.error(`test-all: ${level} level: ${err?.stack ?? err}`);
      result = { passed: 0, failed: 1, note: 'the level did not run' };
    }
    results.push({ level, ...result, seconds: (Date.now() - started) / 1000 });
  }

  console.log('\n=== summary ===');
  for (const r of results) {
    const note = r.note ? `  (${r.note})` : '';
    console.log(
      `  ${r.level.padEnd(10)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed ${r.seconds.toFixed(1).padStart(7)} s${note}`,
    );
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

/** Compiled tests whose TypeScript source still exists (tsc -b never deletes stale output). */
function testFiles(level) {
  const outDir = path.join(root, 'out', 'test', level);
  const srcDir = path.join(root, 'test', level);
  if (!fs.existsSync(outDir)) return [];
  return fs
    .readdirSync(outDir, { recursive: true })
    .map(String)
    .filter((rel) => rel.endsWith('.test.js'))
    .filter((rel) => !fs.existsSync(srcDir) || fs.existsSync(path.join(srcDir, rel.replace(/\.js$/, '.ts'))))
    .sort()
    .map((rel) => path.join(outDir, rel));
}

function runMochaLevel(level) {
  const files = testFiles(level);
  if (files.length === 0) {
    console.log(`(no test files in out/test/${level})`);
    return Promise.resolve({ passed: 0, failed: 0, note: 'no test files' });
  }
  return new Promise((resolve) => {
    let counts;
    const child = spawn(process.execPath, [self, '--mocha-worker', level, ...files], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (msg) => { counts = msg; });
    const timer = setTimeout(() => {
      console.error(`test-all: ${level} tests still running after ${LEVEL_TIMEOUT_MS / 60000} min; stopping them`);
      child.kill('SIGKILL');
    }, LEVEL_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!counts) {
        resolve({ passed: 0, failed: 1, note: `mocha ended (${code ?? signal}) without reporting counts` });
      } else if (code !== 0 && counts.failed === 0) {
        resolve({ ...counts, failed: 1, note: `mocha exited with ${code ?? signal}` });
      } else {
        resolve(counts);
      }
    });
  });
}

/** In the child: run the files with mocha's spec reporter, send { passed, failed } to the parent. */
async function mochaWorker(level, files) {
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: MOCHA_TIMEOUT_MS[level] ?? 2000 });
  for (const file of files) mocha.addFile(file);
  let counts;
  try {
    await mocha.loadFilesAsync();
    counts = await new Promise((resolve) => {
      const runner = mocha.run((failures) => {
        resolve({ passed: runner.stats?.passes ?? 0, failed: Math.max(failures, runner.stats?.failures ?? 0) });
      });
    });
  } catch (err) {
    console.error(`test-all: could not load the ${level} tests: ${err?.stack ?? err}`);
    counts = { passed: 0, failed: 1, note: 'test files did not load' };
  }
  if (!process.send) {
    // Run by hand, without a parent listening.
    console.log(JSON.stringify(counts));
    process.exit(counts.failed > 0 ? 1 : 0);
  }
  process.send(counts, () => {
    // Like mocha --exit: a test that leaks a handle must not hang the whole run.
    process.exit(counts.failed > 0 ? 1 : 0);
  });
}

async function runExtensionLevel() {
  const resultsFile = path.join(root, 'out', 'test-results', 'extension.json');
  fs.rmSync(resultsFile, { force: true });

  const { codeServerDir } = await import('../test/launcher/code-server-launcher.mjs');
  const marker = path.join(codeServerDir, '.mcroutes-installed');
  if (!fs.existsSync(marker)) {
    console.error('test-all: code-server is not installed: run npm test (scripts/setup.mjs installs it)');
    return { passed: 0, failed: 1, note: 'no test editor' };
  }

  const suite = await runExtensionSuite(resultsFile);
  const ui = await runUiTests();
  const all = [suite, ...ui];
  const notes = all.map((r) => r.note).filter(Boolean);
  return {
    passed: all.reduce((n, r) => n + r.passed, 0),
    failed: all.reduce((n, r) => n + r.failed, 0),
    note: [`suite ${suite.passed + suite.failed}, UI ${ui.reduce((n, r) => n + r.passed + r.failed, 0)}`, ...notes].join('; '),
  };
}

/**
 * The end-to-end UI tests (test/ui/*.ui.mjs): playwright scripts that drive the real VS
 * Code as a person does. Each writes out/test-results/ui-<name>.json with its counts.
 */
async function runUiTests() {
  const dir = path.join(root, 'test', 'ui');
  const scripts = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.ui.mjs')).sort() : [];
  const results = [];
  for (const script of scripts) {
    const name = script.slice(0, -'.ui.mjs'.length);
    const resultsFile = path.join(root, 'out', 'test-results', `ui-${name}.json`);
    fs.rmSync(resultsFile, { force: true });
    console.log(`\n--- UI: test/ui/${script} ---`);
    const code = await run(process.execPath, [path.join(dir, script)]);
    let counts;
    try {
      const json = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
      counts = { passed: Number(json.passed) || 0, failed: Number(json.failed) || 0 };
    } catch (err) {
      console.error(`test-all: test/ui/${script} left no readable ${path.relative(root, resultsFile)} (exit code ${code}): ${err.message}`);
      results.push({ passed: 0, failed: 1, note: `${script}: no results` });
      continue;
    }
    if (code !== 0 && counts.failed === 0) counts = { ...counts, failed: 1, note: `${script} exited with ${code}` };
    results.push(counts);
  }
  return results;
}

/** The mocha suite inside VS Code (scripts/run-extension-tests.mjs), counted from its results file. */
async function runExtensionSuite(resultsFile) {
  const code = await run(process.execPath, [path.join(root, 'scripts', 'run-extension-tests.mjs')]);
  if (!fs.existsSync(resultsFile)) {
    console.error(
      `test-all: ${path.relative(root, resultsFile)} was not written: the extension suite did not run to its end (exit code ${code})`,
    );
    return { passed: 0, failed: 1, note: 'no results file' };
  }
  let counts;
  try {
    const json = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    counts = { passed: Number(json.passed) || 0, failed: Number(json.failed) || 0 };
  } catch (err) {
    console.error(`test-all: cannot read ${resultsFile}: ${err.message}`);
    return { passed: 0, failed: 1, note: 'unreadable results file' };
  }
  if (code !== 0 && counts.failed === 0) {
    return { ...counts, failed: 1, note: `the run exited with ${code} although no test failed` };
  }
  return counts;
}

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (err) => { console.error(`test-all: ${cmd}: ${err.message}`); resolve(127); });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
