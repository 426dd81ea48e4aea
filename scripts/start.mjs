// `npm start`: build, then open the examples/ folder in a real VS Code (code-server
// 4.100.3, VS Code 1.100.3, in your browser) with this extension loaded from the working
// tree as an extension under development (nothing is installed). Serves on 127.0.0.1 only,
// port $PORT or 8080 (a free one if that is taken). Ctrl-C stops everything.
// Profile (settings, state) lives in .vscode-test/start/; delete it to start afresh.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  codeServerDir, codeServerEnv, freePort, prepareProfile, startCodeServer, waitForHealthz, workbenchUrl,
} from '../test/launcher/code-server-launcher.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const profileDir = path.join(root, '.vscode-test', 'start');
const marker = path.join(codeServerDir, '.mcroutes-installed');

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
if (!fs.existsSync(marker) && (await run('bash', [path.join(root, 'scripts', 'install-test-editor.sh')])) !== 0) {
  console.error('start: could not install code-server (scripts/install-test-editor.sh)');
  process.exit(1);
}

const wanted = Number(process.env.PORT) || 8080;
const port = await freePort(wanted);
if (port !== wanted) console.log(`start: port ${wanted} is taken, using ${port}`);

prepareProfile(profileDir, {}, { keepSettings: true });
const server = startCodeServer({ port, profileDir, env: codeServerEnv() });
server.child.stdout.pipe(process.stdout);
server.child.stderr.pipe(process.stderr);

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
    console.error(`start: code-server exited (${code})`);
    process.exit(typeof code === 'number' && code !== 0 ? code : 1);
  }
});

try {
  await waitForHealthz(port, { exited: server.exited });
} catch (err) {
  console.error(`start: ${err.message}`);
  await stop(1);
}

const url = workbenchUrl(port, {
  folder: path.join(root, 'examples'),
  extensionDevelopmentPaths: [root],
});
const rule = '-'.repeat(72);
console.log(`\n${rule}\nMachineConfig Routes in VS Code (code-server), examples/ open, extension from this tree:\n\n  ${url}\n\nCtrl-C stops it. (Rebuild with npm run build, then reload the window.)\n${rule}\n`);
