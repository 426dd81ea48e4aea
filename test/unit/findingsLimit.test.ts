/** LIMITS.findingsPerRule: past it a rule stops in that document, and one finding says so. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncrementalLinter } from '../../server/src/core/analysis/incremental';
import { LIMITS } from '../../server/src/core/text/limits';
import { lintText } from '../../server/src/core/analysis/lint';
import { RULES } from '../../server/src/core/analysis/rules';
import type { Rule } from '../../server/src/core/analysis/rules/rule';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';

const seed = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/seed-route.yaml'), 'utf8');

/** The seed with `keys` unknown keys under spec.config.storage, the one before `suppressAt` suppressed. */
function withUnknownKeys(keys: number, suppressAt?: number): string {
  const lines = Array.from({ length: keys }, (_, i) =>
    `${i === suppressAt ? '      # mcroutes-disable-next-line ign-unknown-key\n' : ''}      key${i}: value`);
  return seed.replace('spec:\n  config:\n', `spec:\n  config:\n    storage:\n${lines.join('\n')}\n`);
}

const unknownKeys = (text: string) => lintText(text, DEFAULT_SETTINGS).problems.filter((p) => p.code === 'ign-unknown-key');

describe('the limit of findings per rule and document', () => {
  it('shows the first ones, then one info at the first not shown, in both analyses', () => {
    const text = withUnknownKeys(1000);
    const found = unknownKeys(text);
    assert.equal(found.length, LIMITS.findingsPerRule + 1);
    const last = found[found.length - 1];
    assert.equal(last.severity, 'info');
    assert.deepEqual(last.data, { limit: 'findings-per-rule', max: LIMITS.findingsPerRule });
    // key0 … key199 are shown (the seed's networkd comes after storage), key200 is where it stops.
    assert.equal(text.slice(last.start, last.end), 'key200');
    assert.deepEqual(new IncrementalLinter().lint(text, DEFAULT_SETTINGS).problems, lintText(text, DEFAULT_SETTINGS).problems);
  });

  it('a rule that catches the stop and goes on is not heard again, and is no failure', () => {
    const stubborn: Rule = {
      id: 'unit-name',
      check({ report }) {
        for (let i = 0; i < 500; i++) {
          try {
            report({ severity: 'warning', message: `finding ${i}`, range: { start: i, end: i + 1 } });
          } catch {
            // swallowed on purpose
          }
        }
      },
    };
    const result = lintText(seed, DEFAULT_SETTINGS, [...RULES.filter((r) => r.id !== 'unit-name'), stubborn]);
    const mine = result.problems.filter((p) => p.code === 'unit-name');
    assert.equal(mine.length, LIMITS.findingsPerRule + 1);
    assert.equal(mine.filter((p) => p.severity === 'info').length, 1);
    assert.deepEqual(result.failures, []);
  });

  it('other rules of the document still report', () => {
    const codes = new Set<string>(lintText(withUnknownKeys(1000), DEFAULT_SETTINGS).problems.map((p) => p.code));
    for (const code of ['unit-network-online', 'nmcli-ovn-port', 'mc-os-image-url']) assert.ok(codes.has(code), code);
  });

  it('a suppression of the stopped rule is not called unused where the rule stopped; it is where the rule did not', () => {
    const suppressedLate = withUnknownKeys(1000, 900);
    const problems = lintText(suppressedLate, DEFAULT_SETTINGS).problems;
    assert.ok(!problems.some((p) => p.code === 'unused-suppression'), 'key900 was never judged');
    assert.deepEqual(new IncrementalLinter().lint(suppressedLate, DEFAULT_SETTINGS).problems, problems);
    const suppressedEarly = withUnknownKeys(1000, 5);
    assert.ok(!unknownKeys(suppressedEarly).some((p) => suppressedEarly.slice(p.start, p.end) === 'key5'), 'a suppression before the limit works');
    const within = withUnknownKeys(10).replace('      key3: value', '      # mcroutes-disable-next-line ign-unknown-key\n      files: []\n      key3: value');
    assert.ok(lintText(within, DEFAULT_SETTINGS).problems.some((p) => p.code === 'unused-suppression'));
  });
});
