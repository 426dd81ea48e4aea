import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Issue 20: a message is one sentence that fits a line of the Problems panel. The snapshots
 * hold every finding of every fixture under two sets of settings (snapshot.test.ts checks
 * they are current), so they are the catalogue's messages as users see them.
 */
const MAX_MESSAGE = 120;
const snapshots = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'snapshots');

interface Finding { code: string; message: string }
function findingsOf(file: string): Finding[] {
  const snapshot = JSON.parse(fs.readFileSync(path.join(snapshots, file), 'utf8')) as { variants: Record<string, { lint: { findings: Finding[] } }> };
  return Object.values(snapshot.variants).flatMap((variant) => variant.lint.findings);
}

describe('finding messages (issue 20)', () => {
  const files = fs.readdirSync(snapshots).filter((f) => f.endsWith('.json'));
  const findings = files.flatMap(findingsOf);

  it('come from the snapshots of every fixture', () => {
    assert.ok(files.length > 50 && findings.length > 500, `${files.length} snapshots, ${findings.length} findings`);
  });

  it(`are at most ${MAX_MESSAGE} characters`, () => {
    const long = [...new Set(findings.filter((f) => f.message.length > MAX_MESSAGE).map((f) => `${f.code} (${f.message.length}): ${f.message}`))];
    assert.deepEqual(long, []);
  });

  it('are one sentence: no full stop followed by another sentence', () => {
    // "e.g. x", "4.14", "a.b" and quoted values are not sentence ends; ". Then" is.
    const several = [...new Set(findings.filter((f) => /[a-z)\]]\. [A-Z]/.test(f.message.replace(/"[^"]*"/g, '""').replace(/\b(e\.g|i\.e)\./g, 'eg'))).map((f) => `${f.code}: ${f.message}`))];
    assert.deepEqual(several, []);
  });
});
