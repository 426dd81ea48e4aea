import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/analysis/lint';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import type { Problem } from '../../server/src/core/text/problem';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import type { Rule } from '../../server/src/core/analysis/rules/rule';
import { RULES } from '../../server/src/core/analysis/rules';
import { lintLine, SEED as seed, SEED_FINDINGS, seedFindings, type KnownFinding } from '../support/seed';

/** A known finding as `at` writes a problem. */
const known = (f: KnownFinding): string => `${lintLine(f)} ${JSON.stringify(f.text)}`;

function at(text: string, p: Problem): string {
  const pos = new LineIndex(text).positionAt(p.start);
  return `${pos.line + 1}:${pos.character + 1} ${p.severity} ${p.code} ${JSON.stringify(text.slice(p.start, p.end))}`;
}

describe('the seed MachineConfig', () => {
  it('lints with the findings an expert gives, at the right places', () => {
    const result = lintText(seed, DEFAULT_SETTINGS);
    assert.equal(result.machineConfigs, 1);
    assert.deepEqual(result.problems.map((p) => at(seed, p)), SEED_FINDINGS.map(known));
  });

  it('on OpenShift SDN (where the seed comes from) the OVN-Kubernetes findings are not given', () => {
    const result = lintText(seed, { ...DEFAULT_SETTINGS, networkType: 'OpenShiftSDN' });
    assert.deepEqual(result.problems.map((p) => at(seed, p)), seedFindings({ networkType: 'OpenShiftSDN' }).map(known));
  });

  it('a destination with host bits set is underlined exactly: 14 characters at 29:60', () => {
    const text = seed.replace('192.168.1.0/24', '192.168.1.5/24');
    const hostBits = lintText(text, DEFAULT_SETTINGS).problems.filter((p) => p.code === 'route-host-bits');
    assert.equal(hostBits.length, 1);
    assert.equal(at(text, hostBits[0]), '29:60 warning route-host-bits "192.168.1.5/24"');
    assert.equal(hostBits[0].end - hostBits[0].start, 14);
    assert.deepEqual(hostBits[0].data, { replacement: '192.168.1.0/24' });
  });

  it('a rule that throws is reported as a failure and the other rules still report', () => {
    const broken: Rule = { id: 'unit-parse', check: () => { throw new Error('boom'); } };
    const result = lintText(seed, DEFAULT_SETTINGS, [broken, ...RULES.filter((r) => r.id !== 'unit-parse')]);
    assert.equal(result.failures.length, 1);
    assert.equal(result.failures[0].rule, 'unit-parse');
    assert.match(result.failures[0].error, /boom/);
    assert.deepEqual(result.problems.map((p) => p.code), SEED_FINDINGS.map((f) => f.code));
  });

  it('YAML that is not a MachineConfig gets nothing', () => {
    const result = lintText('apiVersion: v1\nkind: ConfigMap\ndata: {a: [1, 2\n', DEFAULT_SETTINGS);
    assert.deepEqual(result.problems, []);
    assert.equal(result.machineConfigs, 0);
  });

  it('a target release that predates the config\'s Ignition spec is a warning', () => {
    const older = { ...DEFAULT_SETTINGS, openshiftVersion: '4.6' };
    assert.ok(!lintText(seed, older).problems.some((p) => p.code === 'ign-version'), '3.1.0 is accepted by 4.6');
    const text = seed.replace('version: 3.1.0', 'version: 3.2.0');
    const findings = lintText(text, older).problems.filter((p) => p.code === 'ign-version');
    assert.deepEqual(findings.map((p) => at(text, p)), ['16:16 warning ign-version "3.2.0"']);
  });
});
