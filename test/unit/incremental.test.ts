import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncrementalLinter, splitDocumentChunks } from '../../server/src/core/incremental';
import { lintText } from '../../server/src/core/lint';
import { locate } from '../../server/src/core/locate';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';

const fixtures = path.resolve(__dirname, '../../../test/fixtures');
const cases = fs.readdirSync(path.join(fixtures, 'cases')).filter((f) => f.endsWith('.yaml')).sort()
  .map((f) => fs.readFileSync(path.join(fixtures, 'cases', f), 'utf8'));
const seed = fs.readFileSync(path.join(fixtures, 'seed-route.yaml'), 'utf8');

const comparable = (text: string, settings = DEFAULT_SETTINGS, linter = new IncrementalLinter()) => {
  const incremental = linter.lint(text, settings).problems;
  const full = lintText(text, settings).problems;
  return { incremental, full };
};

/** A small deterministic PRNG, so failures reproduce. */
function random(seedValue: number): () => number {
  let state = seedValue;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe('incremental analysis', function () {
  // Property tests over whole fixture files: seconds on a loaded machine, not the 2 s default.
  this.timeout(60_000);
  it('cuts at --- lines, with directives joining the document they introduce', () => {
    const text = 'a: 1\n---\nb: 2\n%YAML 1.1\n---\nc: 3\n--- # x\nd: 4\n';
    assert.deepEqual(splitDocumentChunks(text).map(({ start, end }) => text.slice(start, end)), [
      'a: 1\n', '---\nb: 2\n', '%YAML 1.1\n---\nc: 3\n', '--- # x\nd: 4\n',
    ]);
  });

  it('gives exactly the findings of a full analysis on every fixture', () => {
    for (const text of [seed, ...cases]) {
      const { incremental, full } = comparable(text);
      assert.deepEqual(incremental, full);
    }
  });

  it('stays exact through many random edits of a multi-document file, reusing unchanged documents', () => {
    const next = random(42);
    const linter = new IncrementalLinter();
    let text = [seed, ...cases.slice(0, 6)].join('\n---\n');
    for (let step = 0; step < 60; step++) {
      const at = Math.floor(next() * text.length);
      const choice = next();
      if (choice < 0.4) text = text.slice(0, at) + ' ' + text.slice(at);
      else if (choice < 0.7) text = text.slice(0, at) + text.slice(at + 1);
      else if (choice < 0.85) text = text.slice(0, at) + '192.168.1.5/24' + text.slice(at);
      else text = text.slice(0, at) + '\n---\n' + text.slice(at);
      const { incremental, full } = comparable(text, DEFAULT_SETTINGS, linter);
      assert.deepEqual(incremental, full, `after step ${step}`);
    }
  });

  it('a moved document still answers position questions at its new place', () => {
    const linter = new IncrementalLinter();
    const text = `${seed}---\n${seed}`;
    linter.lint(text, DEFAULT_SETTINGS);
    const edited = `# one more line\n${text}`;
    const { parsed } = linter.lint(edited, DEFAULT_SETTINGS);
    const second = edited.lastIndexOf('networkd') + 2;
    assert.deepEqual(locate(parsed, second).path, ['spec', 'config', 'networkd']);
    const destination = edited.lastIndexOf('192.168.1.0/24') + 1;
    assert.equal(locate(parsed, destination).route?.part, 'destination');
  });

  it('a settings change re-analyses everything', () => {
    const linter = new IncrementalLinter();
    linter.lint(seed, DEFAULT_SETTINGS);
    const sdn = { ...DEFAULT_SETTINGS, networkType: 'OpenShiftSDN' as const };
    assert.deepEqual(linter.lint(seed, sdn).problems, lintText(seed, sdn).problems);
  });
});
