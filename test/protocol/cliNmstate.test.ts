/**
 * The NMState envelope and file rules (issue 17) through `mcroutes lint` of the bundled CLI:
 * each fixture's findings, the same as its `# expect:` lines say; `--fix` writes v1 and the
 * dedented desiredState; `--br-ex-customized` spares a policy that carries the whole br-ex.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cliTempDir, runCli } from '../support/cli';
import { describeFinding, readExpectations, sortFindings } from '../support/expectations';
import { REPO_ROOT } from '../support/seed';

const FIXTURES = ['api-version', 'node-selector', 'misindented', 'static-address', 'capture-undefined', 'br-ex', 'file-path', 'file-content']
  .map((name) => `test/fixtures/cases/nmstate-${name}.yaml`);

interface JsonFinding { line: number; column: number; severity: string; code: string }

describe('mcroutes lint: the NMState envelope and file rules', function () {
  this.timeout(60000);
  const tempRoot = cliTempDir('mcroutes-nmstate-');
  let root: string;
  before(() => (root = tempRoot()));

  for (const fixture of FIXTURES) {
    it(`${path.basename(fixture)}: the findings its expect lines list`, function () {
      const text = readFileSync(path.join(REPO_ROOT, fixture), 'utf8');
      const expected = sortFindings(readExpectations(text) ?? []).map((f) => describeFinding(text, f).replace(/ "(?:[^"\\]|\\.)*"$/, ''));
      const run = runCli(['lint', '--hints', '--format', 'json', fixture]);
      const found = (JSON.parse(run.stdout) as JsonFinding[]).map((f) => `${f.line}:${f.column} ${f.severity} ${f.code}`);
      assert.deepEqual([...found].sort(), [...expected].sort());
      assert.equal(run.status, expected.some((line) => / error /.test(line)) ? 1 : 0);
    });
  }

  it('--fix writes nmstate.io/v1, quotes a boolean label and dedents a misplaced desiredState', function () {
    const file = path.join(root, 'policy.yaml');
    writeFileSync(file, [
      'apiVersion: nmstate.io/v1beta1',
      'kind: NodeNetworkConfigurationPolicy',
      'metadata:',
      '  name: p',
      'spec:',
      '  nodeSelector:',
      '    example.com/routed: true',
      '    desiredState:',
      '      interfaces:',
      '        - name: ens6',
      '          type: ethernet',
      '',
    ].join('\n'));
    const run = runCli(['lint', '--fix', 'policy.yaml'], { cwd: root });
    assert.equal(run.stdout, '');
    assert.equal(run.status, 0);
    assert.equal(readFileSync(file, 'utf8'), [
      'apiVersion: nmstate.io/v1',
      'kind: NodeNetworkConfigurationPolicy',
      'metadata:',
      '  name: p',
      'spec:',
      '  nodeSelector:',
      '    example.com/routed: "true"',
      '  desiredState:',
      '    interfaces:',
      '      - name: ens6',
      '        type: ethernet',
      '',
    ].join('\n'));
  });

  it('--br-ex-customized: a policy with the whole br-ex is not warned about', function () {
    const file = path.join(root, 'br-ex.yaml');
    writeFileSync(file, [
      'apiVersion: nmstate.io/v1',
      'kind: NodeNetworkConfigurationPolicy',
      'metadata:',
      '  name: br-ex',
      'spec:',
      '  nodeSelector:',
      '    kubernetes.io/hostname: worker-0',
      '  desiredState:',
      '    interfaces:',
      '      - name: br-ex',
      '        type: ovs-bridge',
      '      - name: br-ex',
      '        type: ovs-interface',
      '',
    ].join('\n'));
    assert.match(runCli(['lint', 'br-ex.yaml'], { cwd: root }).stdout, /nmstate-br-ex/);
    assert.equal(runCli(['lint', '--br-ex-customized', 'br-ex.yaml'], { cwd: root }).stdout, '');
  });
});
