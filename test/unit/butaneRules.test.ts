import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/core/analysis/lint';
import { decimalModeMeant } from '../../server/src/core/kinds/butane/spec';
import { applyEdits } from '../../server/src/core/text/edits';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import { REPO_ROOT, SEED_FINDINGS } from '../support/seed';

const HEADER = 'variant: openshift\nversion: 4.16.0\nmetadata:\n  name: 99-worker-x\n  labels:\n    machineconfiguration.openshift.io/role: worker\n';

function lint(text: string, settings: Settings = DEFAULT_SETTINGS) {
  const result = lintText(text, settings);
  assert.deepEqual(result.failures, []);
  return result.problems.map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
}

describe('Butane rules', () => {
  it('butane-mode-decimal: underlines the mode, fixes it to octal; file-mode says nothing more', () => {
    const text = `${HEADER}storage:\n  files:\n    - path: /etc/motd\n      mode: 644\n      contents:\n        inline: hi\n`;
    const problems = lint(text);
    assert.deepEqual(problems.map((p) => [p.code, p.severity, p.text]), [['butane-mode-decimal', 'error', '644']]);
    const fix = problems[0].fixes![0];
    assert.equal(fix.safe, true);
    assert.match(applyEdits(text, fix.edits), /mode: 0644\n/);
    assert.deepEqual(lint(applyEdits(text, fix.edits)), []);
  });

  it('butane-mode-decimal mirrors Butane\'s heuristic (base/util/file.go)', () => {
    assert.equal(decimalModeMeant(644, false), 0o644);
    assert.equal(decimalModeMeant(755, false), 0o755);
    assert.equal(decimalModeMeant(420, false), undefined); // 0644 in decimal: usual as it is
    assert.equal(decimalModeMeant(493, false), undefined); // 0755 in decimal
    assert.equal(decimalModeMeant(800, false), undefined); // 8 is no octal digit
    assert.equal(decimalModeMeant(0, false), undefined);
    assert.equal(decimalModeMeant(444, false), 0o444);
  });

  it('butane-variant: the fix changes variant and version together, only with the release set', () => {
    const text = 'variant: fcos\nversion: 1.5.0\nmetadata:\n  labels:\n    machineconfiguration.openshift.io/role: worker\n';
    const unset = lint(text).find((p) => p.code === 'butane-variant')!;
    assert.equal(unset.text, 'fcos');
    assert.ok(!unset.fixes?.length);
    const set = lint(text, { ...DEFAULT_SETTINGS, openshiftVersion: '4.16' }).find((p) => p.code === 'butane-variant')!;
    assert.equal(set.fixes![0].safe, false);
    assert.match(applyEdits(text, set.fixes![0].edits), /^variant: openshift\nversion: 4\.16\.0\n/);
    assert.deepEqual(lint('variant: fcos\nversion: 1.5.0\n'), []);
  });

  it('butane-version: did-you-mean, and a warning only when the set release refuses the compiled spec', () => {
    const text = HEADER.replace('4.16.0', '4.19.0');
    assert.deepEqual(lint(text), []);
    assert.deepEqual(lint(text, { ...DEFAULT_SETTINGS, openshiftVersion: '4.19' }), []);
    const warned = lint(text, { ...DEFAULT_SETTINGS, openshiftVersion: '4.16' });
    assert.deepEqual(warned.map((p) => [p.code, p.severity, p.text]), [['butane-version', 'warning', '4.19.0']]);
    assert.match(warned[0].message, /Ignition 3\.5\.0, which OpenShift 4\.16 refuses.*use 4\.16\.0/);
    // 4.17.0 compiles to 3.4.0, which 4.16 accepts.
    assert.deepEqual(lint(HEADER.replace('4.16.0', '4.17.0'), { ...DEFAULT_SETTINGS, openshiftVersion: '4.16' }), []);
    const typo = lint(HEADER.replace('4.16.0', '4.16.1'))[0];
    assert.equal(typo.code, 'butane-version');
    assert.equal(typo.data?.suggestion, '4.16.0');
  });

  it('butane-unknown-key: a safe-to-review rename, keys Butane reads never flagged', () => {
    const text = `${HEADER}systemd:\n  units:\n    - name: a.service\n      enable: true\n`;
    const [problem] = lint(text);
    assert.equal(problem.code, 'butane-unknown-key');
    assert.equal(problem.text, 'enable');
    assert.equal(problem.fixes![0].safe, false);
    assert.match(applyEdits(text, problem.fixes![0].edits), /      enabled: true/);
  });

  it('ign-* and mc-* rules say nothing on a Butane config, even one with a MachineConfig envelope', () => {
    const text = `${HEADER}apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nspec:\n  config:\n    ignition:\n      version: 3.4.0\n    networkd: {}\n`;
    const codes = lint(text).map((p) => p.code);
    assert.ok(codes.every((c) => !c.startsWith('ign-') && !c.startsWith('mc-')), codes.join(' '));
    assert.ok(codes.includes('butane-machineconfig-syntax'));
  });

  it('survives any YAML shape', () => {
    for (const body of ['metadata: 3\nopenshift: [a]\nstorage: x\nsystemd: {units: 4}\npasswd: {users: [1, {name: [x]}]}\n',
      'storage: {files: [null, 3, {mode: [1], contents: 5}], trees: [{local: {a: 1}}], filesystems: [{format: [x]}]}\n',
      'metadata: {labels: [1]}\ngrub: null\nkernel_arguments: 3\n']) {
      lint(`variant: openshift\nversion: 4.16.0\n${body}`);
      lint(`variant: fcos\nversion: 1.5.0\n${body}`);
    }
  });

  it('examples/seed-route.bu gets the seed\'s unit and route findings on the same characters', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'seed-route.bu'), 'utf8');
    const problems = lint(text);
    // Butane cannot express the seed's networkd section (Ignition 2) or osImageURL.
    const expected = SEED_FINDINGS.filter((f) => f.code !== 'ign-unknown-key' && f.code !== 'mc-os-image-url');
    assert.deepEqual(problems.map((p) => [p.code, p.severity, p.text]), expected.map((f) => [f.code, f.severity, f.text]));
    // The same characters: each finding's line of the .bu ends with the text of the seed's line.
    for (const p of problems) {
      const line = text.slice(text.lastIndexOf('\n', p.start) + 1, text.indexOf('\n', p.end));
      assert.ok(line.includes(p.text), `${p.code} on ${line}`);
    }
  });
});
