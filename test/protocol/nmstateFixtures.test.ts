/**
 * Every NMState fixture (test/fixtures/cases/nmstate-*.yaml: each check's flagged cases and
 * look-alikes, with `# expect:` lines) shows exactly its expected findings at each level a
 * user meets them: the unit level reads them in test/unit/rules.test.ts; here, the bundled
 * server over stdio and `mcroutes lint`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readExpectations, sortFindings, type ExpectedFinding } from '../support/expectations';
import { offsetAt, sessionPerSuite, type Diagnostic } from '../support/lspClient';
import { runCli } from '../support/cli';
import { FIXTURES } from '../support/seed';

const CASES = path.join(FIXTURES, 'cases');
const files = fs.readdirSync(CASES).filter((f) => /^nmstate-.*\.yaml$/.test(f)).sort();
const SEVERITIES = ['error', 'warning', 'info', 'hint'];

function expected(text: string): string[] {
  return sortFindings(readExpectations(text) ?? []).map((f) => line(text, f));
}

/** A finding as `line:column severity code "text"`, one-based, for readable failures. */
function line(text: string, f: ExpectedFinding): string {
  const before = text.slice(0, f.start).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1} ${f.severity} ${f.code} ${JSON.stringify(text.slice(f.start, f.end))}`;
}

describe('NMState fixtures over the protocol and in mcroutes lint', function () {
  this.timeout(60000);
  const server = sessionPerSuite({ initializationOptions: { debounceMs: 0 } });

  it('there are fixtures for NMState', () => assert.ok(files.length > 0));

  for (const file of files) {
    const text = fs.readFileSync(path.join(CASES, file), 'utf8');

    it(`${file}: the server publishes exactly the expected findings`, async () => {
      const client = server();
      const uri = `file:///nmstate/${file}`;
      client.didOpen(uri, text);
      const published = await client.waitForDiagnostics(uri, () => true, { what: 'its findings' });
      client.didClose(uri);
      const findings = (published.diagnostics as Diagnostic[]).map((d) => ({
        code: String(d.code),
        severity: SEVERITIES[(d.severity ?? 1) - 1],
        start: offsetAt(text, d.range.start),
        end: offsetAt(text, d.range.end),
      }));
      assert.deepEqual(sortFindings(findings).map((f) => line(text, f)), expected(text));
    });

    it(`${file}: mcroutes lint reports exactly the expected findings`, () => {
      const run = runCli(['lint', '--format', 'json', '--hints', path.join('test', 'fixtures', 'cases', file)]);
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      const lines = text.split('\n');
      const offset = (l: number, c: number) => lines.slice(0, l - 1).reduce((n, s) => n + s.length + 1, 0) + c - 1;
      const findings = (JSON.parse(run.stdout) as { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string }[])
        .map((f) => ({ code: f.code, severity: f.severity, start: offset(f.line, f.column), end: offset(f.endLine, f.endColumn) }));
      assert.deepEqual(sortFindings(findings).map((f) => line(text, f)), expected(text));
    });
  }
});
