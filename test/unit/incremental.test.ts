import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitDocumentChunks } from '../../server/src/core/analysis/chunks';
import { IncrementalLinter } from '../../server/src/core/analysis/incremental';
import { visit } from 'yaml';
import { lintText, parseText, type ParsedText } from '../../server/src/core/analysis/lint';
import { routesOf } from '../../server/src/core/kinds/machineconfig/model';
import { RULES } from '../../server/src/core/analysis/rules';
import type { Rule } from '../../server/src/core/analysis/rules/rule';
import { locate } from '../../server/src/core/ide/locate';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { machineConfig, machineConfigHead } from '../support/machineConfig';
import { SEED as seed } from '../support/seed';

const fixtures = path.resolve(__dirname, '../../../test/fixtures');
const cases = fs.readdirSync(path.join(fixtures, 'cases')).filter((f) => f.endsWith('.yaml')).sort()
  .map((f) => fs.readFileSync(path.join(fixtures, 'cases', f), 'utf8'));

const comparable = (text: string, settings = DEFAULT_SETTINGS, linter = new IncrementalLinter()) => {
  const incremental = linter.lint(text, settings).problems;
  const full = lintText(text, settings).problems;
  return { incremental, full };
};

/** Every node range of every document, and where each model says its routes are: what position questions use. */
function placesOf(parsed: ParsedText): unknown[] {
  return parsed.documents.map(({ document, machineConfig }) => {
    const ranges: unknown[] = [document.range];
    visit(document, { Node(_, node) { ranges.push(node.range); } });
    const routes = machineConfig ? routesOf(machineConfig).map((r) => [r.destination.value, r.destination.rangeOf()]) : [];
    return { ranges, routes, errors: document.errors.map((e) => e.pos) };
  });
}

/**
 * One edit at a random place: the first entry of `edits` whose threshold the draw is below
 * inserts its text there (undefined deletes a character).
 */
function randomEdit(text: string, next: () => number, edits: [number, string | undefined][]): string {
  const at = Math.floor(next() * text.length);
  const choice = next();
  const [, insert] = edits.find(([below]) => choice < below) ?? edits[edits.length - 1];
  return insert === undefined ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + insert + text.slice(at);
}

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
    const edits: [number, string | undefined][] = [[0.4, ' '], [0.7, undefined], [0.85, '192.168.1.5/24'], [1, '\n---\n']];
    for (let step = 0; step < 60; step++) {
      text = randomEdit(text, next, edits);
      const { incremental, full } = comparable(text, DEFAULT_SETTINGS, linter);
      assert.deepEqual(incremental, full, `after step ${step}`);
    }
  });

  it('keeps parse trees and models exact through edits, also when they are read only now and then', () => {
    const next = random(7);
    const linter = new IncrementalLinter();
    let text = [seed, ...cases.slice(0, 8)].join('---\n');
    const edits: [number, string | undefined][] = [[0.5, ' '], [0.9, undefined], [1, '\n']];
    for (let step = 0; step < 80; step++) {
      text = randomEdit(text, next, edits);
      const { parsed } = linter.lint(text, DEFAULT_SETTINGS);
      // Trees move lazily: several lints may pass before one is read.
      if (step % 3 === 0) assert.deepEqual(placesOf(parsed), placesOf(parseText(text)), `after step ${step}`);
    }
  });

  it('an edit re-analyses the one document it is in', () => {
    const checked: number[] = [];
    const counting: Rule = { id: 'unit-name', check: ({ document }) => { checked.push(document.range[0]); } };
    const linter = new IncrementalLinter([...RULES, counting]);
    const documents = Array.from({ length: 10 }, () => seed);
    const text = documents.join('---\n');
    linter.lint(text, DEFAULT_SETTINGS);
    assert.equal(checked.length, 10);
    checked.length = 0;
    const fourth = text.split('---\n').slice(0, 3).join('---\n').length + 4;
    const at = text.indexOf('192.168.1.0/24', fourth);
    const edited = `${text.slice(0, at)}10.1.0.0/16${text.slice(at + '192.168.1.0/24'.length)}`;
    const { problems } = linter.lint(edited, DEFAULT_SETTINGS);
    assert.deepEqual(checked, [fourth - 4], 'only the fourth document is checked again');
    assert.deepEqual(problems, lintText(edited, DEFAULT_SETTINGS, [...RULES, counting]).problems);
    checked.length = 0;
    linter.lint(edited, DEFAULT_SETTINGS);
    assert.deepEqual(checked, [], 'the same text again checks nothing');
  });

  it('a document that does not parse cannot run on into the next, in the editor and in the CLI alike', () => {
    const broken = machineConfigHead({ name: '"99-worker-broken', role: null });
    const text = `${broken}---\n${seed}`;
    const full = lintText(text, DEFAULT_SETTINGS).problems;
    assert.deepEqual(new IncrementalLinter().lint(text, DEFAULT_SETTINGS).problems, full);
    const alone = lintText(seed, DEFAULT_SETTINGS).problems;
    const shift = broken.length + 4;
    const second = full.filter((p) => p.start >= shift + 1).map((p) => ({ ...p, start: p.start - shift, end: p.end - shift }));
    assert.deepEqual(second.map((p) => [p.code, p.start, p.end]), alone.map((p) => [p.code, p.start, p.end]), 'the seed after it has all its own findings');
    assert.ok(full.some((p) => p.code === 'yaml-syntax' && p.start <= shift), 'the unclosed quote is reported');
  });

  it('a custom role follows the pool of the same file as it is edited, without re-checking the other documents', () => {
    const text = fs.readFileSync(path.join(fixtures, 'cases', 'envelope-role-pool-in-file.yaml'), 'utf8');
    const roleWarnings = (problems: { code: string; data?: Record<string, unknown> }[]) =>
      problems.filter((p) => p.code === 'mc-role-label').map((p) => p.data?.role);
    const linter = new IncrementalLinter();
    assert.deepEqual(roleWarnings(linter.lint(text, DEFAULT_SETTINGS).problems), ['edge']);
    const renamed = text.replace('values: [worker, infra]', 'values: [worker, infrx]');
    const { problems } = linter.lint(renamed, DEFAULT_SETTINGS);
    assert.deepEqual(roleWarnings(problems), ['infra', 'edge'], 'the pool no longer selects infra');
    assert.deepEqual(problems, lintText(renamed, DEFAULT_SETTINGS).problems);
    assert.deepEqual(roleWarnings(linter.lint(text, DEFAULT_SETTINGS).problems), ['edge'], 'and again when it does');
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

  it('findings across files appear and go as edits make a name shared, or a pool, and unshare it', () => {
    const UNIT = ['[Unit]', 'Description=x', '[Service]', 'Type=oneshot', 'ExecStart=/usr/bin/true', '[Install]', 'WantedBy=multi-user.target'];
    const config = (name: string, unit: string) => machineConfig({ name, role: 'worker', units: [{ name: unit, contents: UNIT }] });
    const pool = 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfigPool\nmetadata:\n  name: infra\nspec:\n  machineConfigSelector:\n    matchExpressions:\n      - key: machineconfiguration.openshift.io/role\n        operator: In\n        values: [infra]\n';
    const apart = [config('99-worker-a', 'a.service'), config('99-worker-b', 'b.service'), config('99-worker-c', 'c.service')].join('---\n');
    const shared = apart.replace('b.service', 'a.service');
    const linter = new IncrementalLinter();
    const across = (text: string) => {
      const { incremental, full } = comparable(text, DEFAULT_SETTINGS, linter);
      assert.deepEqual(incremental, full);
      return incremental.filter((p) => p.code === 'mc-overridden' || p.code === 'pool-selector').map((p) => p.code);
    };
    // Each step re-analyses one document; the others keep their counted names.
    assert.deepEqual(across(apart), []);
    assert.deepEqual(across(shared), ['mc-overridden']);
    assert.deepEqual(across(apart), []);
    assert.deepEqual(across(`${apart}---\n${pool}`), ['pool-selector']);
    assert.deepEqual(across(apart), []);
    // A document that stops parsing takes its names with it.
    assert.deepEqual(across(shared), ['mc-overridden']);
    assert.deepEqual(across(shared.replace('kind: MachineConfig\nmetadata:\n  name: 99-worker-a', 'kind: [MachineConfig\nmetadata:\n  name: 99-worker-a')), []);
    assert.deepEqual(across(shared), ['mc-overridden']);
  });

  it('findings across files follow edits that make a name of the file one another file has, and the other files as they change', () => {
    const UNIT = ['[Unit]', 'Description=x', '[Service]', 'Type=oneshot', 'ExecStart=/usr/bin/true', '[Install]', 'WantedBy=multi-user.target'];
    const config = (name: string, unit: string) => machineConfig({ name, role: 'worker', units: [{ name: unit, contents: UNIT }] });
    const other = (unit: string) => ({ pools: 0, poolRoles: new Set<string>(), files: [{ file: 'file:///other.yaml', index: lintText(config('99-worker-z', unit), DEFAULT_SETTINGS).index }] });
    const apart = [config('99-worker-a', 'a.service'), config('99-worker-b', 'b.service')].join('---\n');
    const linter = new IncrementalLinter();
    const across = (text: string, workspace: ReturnType<typeof other>) => {
      const incremental = linter.lint(text, DEFAULT_SETTINGS, undefined, workspace).problems;
      assert.deepEqual(incremental, lintText(text, DEFAULT_SETTINGS, RULES, workspace).problems);
      return incremental.filter((p) => p.code === 'mc-overridden').length;
    };
    const beyond = other('c.service');
    assert.equal(across(apart, beyond), 0);
    assert.equal(across(apart.replace('b.service', 'c.service'), beyond), 1);
    assert.equal(across(apart, beyond), 0);
    // The other file changes, this one does not.
    assert.equal(across(apart, other('a.service')), 1);
    assert.equal(across(apart, beyond), 0);
  });
});
