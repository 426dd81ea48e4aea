import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../server/src/core/text/edits';
import { lintText } from '../../server/src/core/analysis/lint';
import type { Problem } from '../../server/src/core/text/problem';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';

const fixtures = path.resolve(__dirname, '../../../test/fixtures');
const files = [
  path.join(fixtures, 'seed-route.yaml'),
  ...fs.readdirSync(path.join(fixtures, 'cases')).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(fixtures, 'cases', f)),
];

function key(p: Problem): string {
  return `${p.code} ${p.severity}`;
}

describe('every quick fix of every fixture finding', () => {
  let fixCount = 0;
  after(() => {
    // A guard against this test passing vacuously.
    assert.ok(fixCount >= 3, `only ${fixCount} fixes were exercised`);
  });

  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const before = lintText(text, DEFAULT_SETTINGS).problems;
    before.forEach((problem, index) => {
      for (const fix of problem.fixes ?? []) {
        it(`${path.basename(file)}: ${problem.code} at ${problem.start} — "${fix.title}" removes exactly that finding`, () => {
          fixCount++;
          const touched = fix.edits.map((e) => [e.start, e.end] as const);
          const fixed = applyEdits(text, fix.edits);
          assert.notEqual(fixed, text, 'the fix changes the text');
          const changedChars = fix.edits.reduce((n, e) => n + (e.end - e.start) + e.newText.length, 0);
          assert.ok(changedChars < 400, 'the fix touches only the characters it must');
          const after = lintText(fixed, DEFAULT_SETTINGS);
          assert.deepEqual(after.failures, []);
          // Findings other than the fixed one may vanish only if their text was edited away.
          const remaining = before.filter((p, i) => i !== index);
          const expected = remaining.filter((p) => !touched.some(([s, e]) => p.start < e && s < p.end));
          const afterKeys = after.problems.map(key).sort();
          const mustStay = expected.map(key).sort();
          const mayStay = remaining.map(key);
          for (const k of mustStay) assert.ok(afterKeys.includes(k), `${k} is still reported`);
          for (const k of afterKeys) {
            // A renamed path can make two configs of a fixture write one file: findings across documents follow.
            if (k.startsWith('mc-overridden')) continue;
            assert.ok(mayStay.includes(k), `the fix introduced ${k}:\n${fixed}`);
            mayStay.splice(mayStay.indexOf(k), 1);
          }
        });
      }
    });
  }
});

describe('severity overrides and suppressions in settings', () => {
  const seed = fs.readFileSync(path.join(fixtures, 'seed-route.yaml'), 'utf8');
  it('a rule set to off is silent, another level replaces the severity', () => {
    const result = lintText(seed, { ...DEFAULT_SETTINGS, rules: { 'ign-unknown-key': 'off', 'unit-network-online': 'error' } });
    assert.ok(!result.problems.some((p) => p.code === 'ign-unknown-key'));
    assert.equal(result.problems.find((p) => p.code === 'unit-network-online')?.severity, 'error');
  });
});
