/** The bundled command line, dist/cli.js. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cliTempDir, LINT_LINE as LINE, runCli } from '../support/cli';
import { lintLine, REPO_ROOT, SEED, SEED_FINDINGS, SEED_RELATIVE } from '../support/seed';

const VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const run = (...args: string[]) => runCli(args);


describe('mcroutes command line', function () {
  this.timeout(20000);
  const tempDir = cliTempDir('mcroutes-cli-');
  let dir: string;
  before(() => (dir = tempDir()));

  it('lints the seed: one line per finding, sorted, and an exit status that matches', function () {
    const { status, stdout, stderr } = run('lint', '--hints', SEED_RELATIVE);
    assert.equal(stderr, '1 file checked\n');
    const lines = stdout.split('\n').filter((l) => l !== '');
    for (const line of lines) assert.match(line, LINE);
    assert.ok(lines.some((l) => l.startsWith(`${SEED_RELATIVE}:17:5 warning ign-unknown-key `)), `ign-unknown-key at 17:5 in:\n${stdout}`);
    assert.ok(lines.some((l) => l.startsWith(`${SEED_RELATIVE}:25:14 warning unit-network-online `)), `unit-network-online at 25:14 in:\n${stdout}`);
    const positions = lines.map((l) => LINE.exec(l)!).map((m) => [Number(m[2]), Number(m[3])]);
    const sorted = [...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    assert.deepEqual(positions, sorted, 'sorted by position');
    const hasError = lines.some((l) => LINE.exec(l)![4] === 'error');
    assert.equal(status, hasError ? 1 : 0, stderr);
    // The seed's full list (default settings: OVN-Kubernetes); nmcli-ovn-port is a question (the
    // NIC under br-ex is not known), so no error: exit 0.
    assert.deepEqual(lines.map((l) => LINE.exec(l)!).map((m) => `${m[2]}:${m[3]} ${m[4]} ${m[5]}`), SEED_FINDINGS.map(lintLine));
    assert.equal(status, 0);
  });

  it('exits 1 when an error-severity problem is found', function () {
    const file = path.join(dir, 'bad-prefix.yaml');
    writeFileSync(file, SEED.replace('192.168.1.0/24', '192.168.1.0/33'));
    const { status, stdout } = run('lint', file);
    assert.ok(stdout.split('\n').some((l) => LINE.exec(l)?.[4] === 'error'), stdout);
    assert.ok(stdout.includes(' error route-cidr '), stdout);
    assert.equal(status, 1);
  });

  it('exits 0 and prints nothing for YAML that is not a MachineConfig', function () {
    const file = path.join(dir, 'configmap.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
    assert.deepEqual(run('lint', file), { status: 0, stdout: '', stderr: '1 file checked, 1 skipped (not a MachineConfig)\n' });
  });

  it('exits 2 on a missing file, says so on stderr and still lints the others', function () {
    const missing = path.join(dir, 'no-such-file.yaml');
    const { status, stdout, stderr } = run('lint', missing, SEED_RELATIVE);
    assert.equal(status, 2);
    assert.equal(stderr, `mcroutes: cannot read ${missing}: no such file or directory\n1 file checked\n`);
    assert.ok(stdout.includes(`${SEED_RELATIVE}:17:5 warning ign-unknown-key `), stdout);
  });

  it('exits 2 on a directory without YAML', function () {
    const empty = mkdtempSync(path.join(dir, 'empty-'));
    writeFileSync(path.join(empty, 'notes.txt'), 'not yaml\n');
    const { status, stdout, stderr } = run('lint', empty);
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, `mcroutes: ${empty} contains no YAML files (*.yaml, *.yml, *.bu)\n`);
  });

  it('prints help with exit 0 and the version', function () {
    const help = run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /usage: mcroutes/);
    assert.match(help.stdout, /lint \[FILE/);
    assert.deepEqual(run('--version'), { status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('rejects an unknown command, a missing FILE and no command with usage and exit 2', function () {
    for (const args of [['frobnicate'], ['lint'], [], ['lint', '--strict', SEED_RELATIVE]]) {
      const { status, stdout, stderr } = run(...args);
      assert.equal(status, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, /usage: mcroutes/);
    }
  });
});
