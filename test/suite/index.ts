// The mocha runner that VS Code loads inside the extension host (`--extensionTestsPath`
// points at out/test/suite/index.js). It runs every `*.test.js` next to it and writes
// out/test-results/extension.json with the counts, which scripts/test-all.mjs reads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

const resultsFile = path.resolve(__dirname, '..', '..', 'test-results', 'extension.json');

function writeResults(passed: number, failed: number): void {
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, JSON.stringify({ passed, failed }, null, 2) + '\n');
}

/**
 * The language client traces every message (the suite's workspace sets mcroutes.trace.server)
 * at the Trace level of the extension's log: once the extension is active (the smoke test
 * activates it), its log is set to let them through, so that after a failure the launcher
 * can print who sent what, and in which order.
 */
let tracing = false;
async function traceOnceActive(): Promise<void> {
  if (tracing || !vscode.extensions.getExtension('mcroutes.mcroutes')?.isActive) return;
  tracing = true;
  await vscode.commands.executeCommand('workbench.action.setDefaultLogLevel', vscode.LogLevel.Trace, 'mcroutes.mcroutes');
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    color: false,
    reporter: 'spec',
    rootHooks: { beforeEach: traceOnceActive },
    // A grep for one test: MCROUTES_TEST_GREP='preview' (reaches us via extensionTestsEnv).
    ...(process.env.MCROUTES_TEST_GREP ? { grep: process.env.MCROUTES_TEST_GREP } : {}),
  });
  // Skip compiled tests whose source is gone (tsc -b never deletes stale output).
  const sourceDir = path.resolve(__dirname, '..', '..', '..', 'test', 'suite');
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .filter((name) => !fs.existsSync(sourceDir) || fs.existsSync(path.join(sourceDir, name.replace(/\.js$/, '.ts'))))
    // The smoke test first: it checks what a fresh window does, before other tests act.
    .sort((a, b) => Number(b === 'smoke.test.js') - Number(a === 'smoke.test.js') || a.localeCompare(b));
  for (const name of files) mocha.addFile(path.join(__dirname, name));

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const failed = Math.max(failures, runner.stats?.failures ?? 0);
        writeResults(passed, failed);
        if (failed > 0) reject(new Error(`${failed} extension test${failed === 1 ? '' : 's'} failed`));
        else resolve();
      });
    } catch (err) {
      // A test file that does not load counts as one failure.
      writeResults(0, 1);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
