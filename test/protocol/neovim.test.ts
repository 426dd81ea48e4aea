/**
 * The server in an editor other than VS Code: Debian's Neovim (0.7.x) headless, with the
 * configuration the README shows (test/fixtures/neovim/init.lua, verbatim) and
 * `mcroutes-language-server --stdio` on PATH as npm installs the `bin` entry (a shim that
 * runs `node dist/server.js "$@"`). test/fixtures/neovim/run.lua waits until the seed shows
 * its known findings, asks for a hover on the route destination and writes JSON for us
 * to check.
 * Skipped where `nvim` is not installed (.ci/run installs it).
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SERVER_JS } from '../support/lspClient';
import { FIXTURES, rangeOf, REPO_ROOT, SEED_FINDINGS, SEED_PATH as SEED } from '../support/seed';

const CONFIG = path.join(FIXTURES, 'neovim');
/** The seed's state as Neovim keeps it: code@line:col, 0-based. */
const SEED_KEYS = SEED_FINDINGS.map((f) => `${f.code}@${rangeOf(f).start.line}:${rangeOf(f).start.character}`);

interface NvimResult {
  filetype: string;
  clients: string[];
  waited: boolean;
  diagnostics: { code: string; lnum: number; col: number; severity: number; source: string; message: string }[];
  hover: string[];
  hover_error?: string;
}

describe('Neovim 0.7 as the LSP client', function () {
  this.timeout(240_000); // a loaded machine; every wait inside is on an event
  let dir: string;
  let result: NvimResult;

  before(async function () {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    // Never skipped: .ci/run installs Debian's neovim; without it this test must fail, not vanish.
    assert.ok(!version.error && version.status === 0, 'nvim is not installed: apt-get install neovim (as .ci/run does)');
    assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run \`npm run build\` first`);
    dir = mkdtempSync(path.join(tmpdir(), 'mcroutes-nvim-'));
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    const shim = path.join(bin, 'mcroutes-language-server');
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${SERVER_JS}" "$@"\n`);
    chmodSync(shim, 0o755);
    const out = path.join(dir, 'result.json');
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        'nvim',
        ['--headless', '-i', 'NONE', '-u', path.join(CONFIG, 'init.lua'), '-c', `luafile ${path.join(CONFIG, 'run.lua')}`, '-c', 'lua Run()', SEED],
        {
          cwd: REPO_ROOT,
          stdio: ['ignore', 'ignore', 'pipe'],
          env: {
            ...process.env,
            PATH: `${bin}${path.delimiter}${process.env.PATH}`,
            MCROUTES_NVIM_OUT: out,
            MCROUTES_NVIM_EXPECT: JSON.stringify(SEED_KEYS),
            XDG_CACHE_HOME: path.join(dir, 'cache'),
            XDG_STATE_HOME: path.join(dir, 'state'),
            XDG_DATA_HOME: path.join(dir, 'data'),
          },
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('exit', (status) => (status === 0 ? resolve(status) : reject(new Error(`nvim exited ${status}: ${stderr}`))));
    });
    assert.equal(code, 0);
    result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
  });

  after(function () {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('attaches the server to the YAML buffer', function () {
    assert.equal(result.filetype, 'yaml');
    assert.deepEqual(result.clients, ['mcroutes']);
  });

  it("shows the seed's findings with their codes, lines and severities", function () {
    assert.ok(result.waited, `the buffer did not come to show the seed's known findings: ${JSON.stringify(result.diagnostics)}`);
    assert.deepEqual(result.diagnostics.map((d) => `${d.code}@${d.lnum}:${d.col}`).sort(), [...SEED_KEYS].sort());
    const find = (code: string) => result.diagnostics.find((d) => d.code === code);
    // `mcroutes lint` says 17:5 and 25:14 (1-based); Neovim counts from 0.
    assert.deepEqual(
      { lnum: find('ign-unknown-key')?.lnum, col: find('ign-unknown-key')?.col, severity: find('ign-unknown-key')?.severity },
      { lnum: 16, col: 4, severity: 2 },
    );
    assert.deepEqual(
      { lnum: find('unit-network-online')?.lnum, col: find('unit-network-online')?.col, severity: find('unit-network-online')?.severity },
      { lnum: 24, col: 13, severity: 2 },
    );
    assert.ok(result.diagnostics.every((d) => d.source === 'mcroutes'));
    assert.ok(find('nmcli-ovn-port'), 'the error on the NIC is there too');
  });

  it('answers a hover on the route destination with its netmask', function () {
    assert.equal(result.hover_error, undefined);
    const text = result.hover.join('\n');
    assert.match(text, /255\.255\.255\.0/);
    assert.match(text, /192\.168\.1\.0\/24/);
  });

  it("is configured with exactly the Lua the README's \"Other editors\" section shows", function () {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const block = /```lua\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, 'README.md has a ```lua block');
    assert.equal(block[1], readFileSync(path.join(CONFIG, 'init.lua'), 'utf8'));
  });
});
