// `npm start` (after scripts/setup.mjs has installed what is missing): build, then open the examples/ folder in a real VS Code (code-server
// 4.100.3, VS Code 1.100.3, in your browser) with this extension loaded from the working
// tree as an extension under development (nothing is installed). Serves on 127.0.0.1 only,
// port $PORT or 8080 (a free one if that is taken). Ctrl-C stops everything.
// Profile (settings, state) lives in .vscode-test/start/; delete it to start afresh.
// code-server's own lines go to .vscode-test/start/code-server.log: its bare URL opens an
// empty workbench without the extension, so the one URL worth opening is printed last.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  codeServerDir, codeServerEnv, freePort, prepareProfile, startCodeServer, waitForHealthz, workbenchUrl,
} from '../test/launcher/code-server-launcher.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// MCROUTES_START_PROFILE: another profile folder (test/ui/start.ui.mjs keeps yours untouched).
const profileDir = process.env.MCROUTES_START_PROFILE || path.join(root, '.vscode-test', 'start');
const marker = path.join(codeServerDir, '.mcroutes-installed');
const logFile = path.join(profileDir, 'code-server.log');

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    child.on('error', (err) => { console.error(`start: ${cmd}: ${err.message}`); resolve(127); });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if ((await run('npm', ['run', 'build'])) !== 0) {
  console.error('start: the build failed');
  process.exit(1);
}
if (!fs.existsSync(marker)) {
  console.error('start: code-server is not installed; run npm start (it installs it), not node scripts/start.mjs');
  process.exit(1);
}

const wanted = Number(process.env.PORT) || 8080;
const port = await freePort(wanted);
if (port !== wanted) console.log(`start: port ${wanted} is taken, using ${port}`);

prepareProfile(profileDir, {}, { keepSettings: true });
const server = startCodeServer({ port, profileDir, env: codeServerEnv() });
const log = fs.createWriteStream(logFile);
server.child.stdout.pipe(log);
server.child.stderr.pipe(log);

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nstart: stopping code-server');
  await server.stop();
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stop(0));
server.exited.then((code) => {
  if (!stopping) {
    console.error(`start: code-server exited (${code}); its messages are in ${path.relative(root, logFile)}`);
    process.exit(typeof code === 'number' && code !== 0 ? code : 1);
  }
});

try {
  await waitForHealthz(port, { exited: server.exited });
} catch (err) {
  console.error(`start: ${err.message}; code-server's messages are in ${path.relative(root, logFile)}`);
  await stop(1);
}

const url = workbenchUrl(port, {
  folder: path.join(root, 'examples'),
  extensionDevelopmentPaths: [root],
});
const rule = '-'.repeat(72);
console.log(`\n${rule}\nCtrl-C stops it. Rebuild with npm run build, then reload the window.\ncode-server's own messages: ${path.relative(root, logFile)}\n${rule}\nOpen MachineConfig Routes in VS Code (examples/ open, the extension from this tree):\n\n  ${url}\n`);
