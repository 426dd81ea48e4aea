/**
 * Issue 17's bad input: each gets a clear finding, never a crash (no rule failure) — a state
 * that is not a mapping, a route list that is a string, a selector that is a list, 1,000
 * routes, a base64 payload that is not nmstate or not YAML.
 */
import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/analysis/lint';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { machineConfig } from '../support/machineConfig';

function policy(spec: readonly string[]): string {
  return ['apiVersion: nmstate.io/v1', 'kind: NodeNetworkConfigurationPolicy', 'metadata:', '  name: bad', 'spec:', ...spec, ''].join('\n');
}

/** The findings of `text` as `code "underlined text"`; asserts no rule threw. */
function findings(text: string): string[] {
  const { problems, failures } = lintText(text, DEFAULT_SETTINGS);
  assert.deepEqual(failures, []);
  return problems.map((p) => `${p.code} ${JSON.stringify(text.slice(p.start, p.end))}`);
}

const SELECTOR = ['  nodeSelector:', '    kubernetes.io/hostname: worker-0'];

function nmstateFile(source: string): string {
  return machineConfig({ files: [{ path: '/etc/nmstate/openshift/cluster.yml', mode: '0644', source }] });
}

describe('NMState bad input: a clear finding, never a crash', function () {
  it('a desiredState that is a string', function () {
    assert.ok(findings(policy([...SELECTOR, '  desiredState: "interfaces: []"'])).includes('nmstate-value "\\"interfaces: []\\""'));
  });

  it('a route list that is a string', function () {
    const text = policy([...SELECTOR, '  desiredState:', '    routes:', '      config: 192.0.2.0/24 via 10.0.0.1']);
    assert.ok(findings(text).includes('nmstate-value "192.0.2.0/24 via 10.0.0.1"'), findings(text).join('\n'));
  });

  it('a selector that is a list', function () {
    const text = policy(['  nodeSelector:', '    - worker', '  desiredState:', '    routes:', '      config: []']);
    assert.ok(findings(text).some((f) => f.startsWith('nmstate-node-selector "- worker')), findings(text).join('\n'));
  });

  it('1,000 routes: every one is read and judged', function () {
    // A correctness test of a large input, not a timing one (npm run bench times it): room for a busy machine.
    this.timeout(20000);
    const routes = Array.from({ length: 1000 }, (_, i) =>
      `        - destination: 198.${18 + (i >> 8)}.${i & 255}.1/24\n          next-hop-address: 10.0.5.1\n          next-hop-interface: ens6`);
    const text = policy([...SELECTOR, '  desiredState:', '    routes:', '      config:', ...routes]);
    const hostBits = findings(text).filter((f) => f.startsWith('route-host-bits '));
    // One per route, up to the per-rule limit of a document, then the limit's own finding.
    assert.equal(hostBits.length, 201);
  });

  it('a base64 nmstate file that is not YAML, or YAML that is not a state', function () {
    const notYaml = Buffer.from('interfaces:\n  - name: eth1\n    type: [ethernet\n').toString('base64');
    assert.ok(findings(nmstateFile(`data:text/plain;charset=utf-8;base64,${notYaml}`)).some((f) => f.startsWith('nmstate-file-content ')));
    const notState = Buffer.from('- just\n- a list\n').toString('base64');
    assert.ok(findings(nmstateFile(`data:text/plain;charset=utf-8;base64,${notState}`)).some((f) => f.startsWith('nmstate-file-content ')));
    const binary = Buffer.from([0, 159, 146, 150, 0, 1]).toString('base64');
    assert.deepEqual(findings(nmstateFile(`data:;base64,${binary}`)).filter((f) => f.startsWith('nmstate-')), []);
  });
});
