// Level 3: the mocha suite of out/test/suite inside a real VS Code. These machines cannot
// download VS Code, so @vscode/test-electron's runTests gets our launcher as the "VS Code
// executable": it runs the same suite in code-server 4.100.3 (VS Code 1.100.3) in headless
// Chromium (test/launcher/, shared/notes/REAL-VSCODE.md). Needs `npm run build` and
// scripts/install-test-editor.sh first. Exits with the suite's exit code.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { codeServerDir } from '../test/launcher/code-server-launcher.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const launcher = path.join(root, 'test', 'launcher', 'code-server-launcher');
const extensionTestsPath = path.join(root, 'out', 'test', 'suite', 'index.js');

for (const [file, hint] of [
  [extensionTestsPath, 'npm run build'],
  [path.join(root, 'dist', 'client.js'), 'npm run build'],
  [path.join(codeServerDir, '.mcroutes-installed'), 'bash scripts/install-test-editor.sh'],
]) {
  if (!fs.existsSync(file)) {
    console.error(`run-extension-tests: ${path.relative(root, file)} is missing; run ${hint}`);
    process.exit(1);
  }
}

// The suite edits documents; it works on a copy so that nothing, not even a stray save,
// can change the repository's fixtures (and runs in parallel cannot disturb each other).
// Only the seed: the workspace is indexed for findings across files (issue 19), and the
// hundreds of worker configs of test/fixtures/cases would be one pool with the seed.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mcroutes-suite-'));
fs.copyFileSync(path.join(root, 'test', 'fixtures', 'seed-route.yaml'), path.join(workspace, 'seed-route.yaml'));
// Every message between the extension and its server goes to its log, which the launcher
// prints when a test fails (the order of didOpen, didClose and publishDiagnostics shows why).
fs.mkdirSync(path.join(workspace, '.vscode'));
fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'mcroutes.trace.server': 'verbose' }, null, 2));
let code = 1;
try {
  code = await runTests({
    vscodeExecutablePath: launcher,
    extensionDevelopmentPath: root,
    extensionTestsPath,
    launchArgs: [workspace],
  });
} catch (err) {
  // runTests rejects with TestRunFailedError { code } when the suite fails.
  console.error(`run-extension-tests: ${err?.message ?? err}`);
  code = typeof err?.code === 'number' && err.code !== 0 ? err.code : 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
process.exit(code);
