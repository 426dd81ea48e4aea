/**
 * `mcroutes lint` (dist/cli.js) on hostile files read as bytes: invalid UTF-8 becomes
 * U+FFFD and is said where it stands; a NUL byte makes the file "not a text file"; a 10 MB
 * file gets the limit finding and an answer in bounded time. The editor's side is
 * test/protocol/hostile.test.ts.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cliTempDir, runCli } from '../support/cli';
import { bom, invalidUtf8Bytes, nulBytes, tenMegabytesOfDocuments } from '../support/hostile';

interface Finding { line: number; column: number; severity: string; code: string; message: string }

const lint = (file: string, ...args: string[]) => runCli(['lint', ...args, file]);

describe('mcroutes lint on hostile bytes', function () {
  this.timeout(90_000);
  const dir = cliTempDir('mcroutes-hostile-');

  it('bytes that are not UTF-8: a U+FFFD warning where they stood, and the route they broke', function () {
    const file = path.join(dir(), 'bad-bytes.yaml');
    writeFileSync(file, invalidUtf8Bytes());
    const run = lint(file, '--format', 'json');
    const findings = JSON.parse(run.stdout) as Finding[];
    const replacement = findings.find((f) => f.code === 'yaml-syntax');
    assert.ok(replacement, run.stdout);
    assert.deepEqual([replacement.line, replacement.column, replacement.severity], [29, 64, 'warning']);
    assert.match(replacement.message, /^U\+FFFD stands where bytes were not UTF-8, and the cluster would get it: retype the text\.$/);
    assert.ok(findings.some((f) => f.code === 'route-cidr' && f.severity === 'error' && f.line === 29));
    assert.equal(run.status, 1, 'errors were found');
  });

  it('a NUL byte: the file is not a text file (exit 2), and no findings', function () {
    const file = path.join(dir(), 'nul.yaml');
    writeFileSync(file, nulBytes());
    const run = lint(file);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /nul\.yaml is not a text file/);
    assert.equal(run.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l)).length, 0);
  });

  it('a byte-order mark: the same lines and columns as without it', function () {
    const plain = path.join(dir(), 'plain.yaml');
    const marked = path.join(dir(), 'marked.yaml');
    writeFileSync(plain, bom().slice(1));
    writeFileSync(marked, bom());
    const strip = (out: string) => out.replace(/^\S+?\.yaml:/gm, '');
    assert.equal(strip(lint(marked).stdout), strip(lint(plain).stdout));
  });

  it('10 MB of MachineConfigs: the limit finding at the first document not checked, in bounded time', function () {
    const file = path.join(dir(), 'ten.yaml');
    writeFileSync(file, tenMegabytesOfDocuments());
    const run = lint(file, '--format', 'json');
    const findings = JSON.parse(run.stdout) as Finding[];
    const limit = findings.filter((f) => f.code === 'yaml-syntax');
    assert.equal(limit.length, 1, run.stdout.slice(0, 2000));
    assert.match(limit[0].message, /^This file is 10 MB; mcroutes checks 2 MB per file, so documents [\d,]+–2,000 from line [\d,]+ on are not checked\.$/);
    assert.equal(limit[0].severity, 'warning');
    console.log(`      mcroutes lint of 10 MB: ${run.ms.toFixed(0)} ms wall, ${findings.length} findings`);
  });
});
