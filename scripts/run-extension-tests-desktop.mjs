// Level 3 in desktop VS Code 1.100.3, downloaded by @vscode/test-electron (into
// .vscode-test/). For machines that reach update.code.visualstudio.com; the CI machines
// here cannot, and use scripts/run-extension-tests.mjs (code-server) instead. The suite
// is the same: out/test/suite (run `npm run build` first). On a Linux machine without a
// display, run it under `xvfb-run -a`.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

try {
  const code = await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'suite', 'index.js'),
    launchArgs: [path.join(root, 'test', 'fixtures'), '--disable-extensions'],
  });
  process.exit(code);
} catch (err) {
  console.error(`run-extension-tests-desktop: ${err?.message ?? err}`);
  process.exit(typeof err?.code === 'number' && err.code !== 0 ? err.code : 1);
}
