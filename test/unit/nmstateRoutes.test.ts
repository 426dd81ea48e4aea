/**
 * NMState (issue 17, first slice): the routes.config entries of a NodeNetworkConfigurationPolicy
 * (nmstate.io/v1 or v1beta1) and of a bare nmstate state are Routes for the unchanged route
 * rules, with the ranges of the scalars written. The fixture test/fixtures/cases/nmstate-routes.yaml
 * holds the findings and look-alikes; these tests pin ranges, fixes, messages and the seams.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText, parseText } from '../../server/src/core/analysis/lint';
import { IncrementalLinter } from '../../server/src/core/analysis/incremental';
import { DOCUMENT_KINDS } from '../../server/src/core/analysis/kinds';
import { nmstateKind } from '../../server/src/core/kinds/nmstate/kind';
import type { NmstateModel } from '../../server/src/core/kinds/nmstate/model';
import { computeHover } from '../../server/src/core/ide/hover';
import { completionsAt } from '../../server/src/core/ide/completion';
import { generateConfig } from '../../server/src/core/ide/generate';
import { renderPreview } from '../../server/src/core/ide/preview';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import type { Problem } from '../../server/src/core/text/problem';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/cases/nmstate-routes.yaml');

function policy(routes: string, apiVersion = 'nmstate.io/v1'): string {
  return [
    `apiVersion: ${apiVersion}`,
    'kind: NodeNetworkConfigurationPolicy',
    'metadata:',
    '  name: ens6-routes',
    'spec:',
    '  nodeSelector:',
    '    node-role.kubernetes.io/worker: ""',
    '  desiredState:',
    '    routes:',
    '      config:',
    routes,
    '',
  ].join('\n');
}

const shown = (text: string, problems: readonly Problem[]) =>
  problems.filter((p) => p.severity !== 'hint').map((p) => `${p.code} ${p.severity} ${JSON.stringify(text.slice(p.start, p.end))}`);

describe('NMState routes: policies and bare states feed the route rules', function () {
  it('host bits: the finding and its fix cover exactly the destination', function () {
    const text = policy('        - destination: "192.168.10.5/24"\n          next-hop-address: 10.0.5.1\n          next-hop-interface: ens6');
    const { problems } = lintText(text, DEFAULT_SETTINGS);
    assert.deepEqual(shown(text, problems), ['route-host-bits warning "192.168.10.5/24"']);
    const hostBits = problems.find((p) => p.code === 'route-host-bits')!;
    const at = text.indexOf('192.168.10.5/24');
    assert.deepEqual([hostBits.start, hostBits.end], [at, at + 15]);
    assert.deepEqual(hostBits.fixes?.[0].edits, [{ start: at, end: at + 15, newText: '192.168.10.0/24' }]);
  });

  it('a destination in the cluster network, a next hop of the other family, a bad metric, a destination that is no CIDR', function () {
    const text = policy([
      '        - destination: 10.128.4.0/24',
      '          next-hop-address: 10.0.5.1',
      '          next-hop-interface: ens6',
      '        - destination: fd00:2::/64',
      '          next-hop-address: 10.0.5.2',
      '          next-hop-interface: ens6',
      '        - destination: 192.168.30.0/24',
      '          next-hop-interface: ens6',
      '          metric: -5',
      '        - destination: 192.168.40.0/33',
      '          next-hop-interface: ens6',
      '        - next-hop-interface: ens6',
      '          next-hop-address: 10.0.5.1',
    ].join('\n'));
    const { problems } = lintText(text, DEFAULT_SETTINGS);
    assert.deepEqual(shown(text, problems), [
      'route-overlaps-cluster error "10.128.4.0/24"',
      'route-family error "10.0.5.2"',
      'route-metric error "-5"',
      'route-cidr error "33"',
      'route-cidr error "next-hop-interface"',
    ]);
    const byCode = (code: string) => problems.filter((p) => p.code === code).map((p) => p.message);
    assert.deepEqual(byCode('route-family'), ['Next hop 10.0.5.2 is IPv4 but the route is in an IPv6 routes.config entry: use a next hop of the route\'s family.']);
    assert.deepEqual(byCode('route-metric'), ['Metric "-5" is not a number from 0 to 4294967295: nmstate rejects the state.']);
  });

  it('a route without a destination is said on its first key', function () {
    const text = policy('        - next-hop-address: 10.0.5.1\n          next-hop-interface: ens6');
    const problem = lintText(text, DEFAULT_SETTINGS).problems.find((p) => p.code === 'route-cidr')!;
    assert.equal(text.slice(problem.start, problem.end), 'next-hop-address');
    assert.match(problem.message, /^This route has no destination, so nmstate rejects the state/);
  });

  it('capture expressions and templates are never addresses; removals with wildcards are not judged', function () {
    const text = policy([
      '        - destination: "{{ capture.default-gw.routes.running.0.destination }}"',
      '          next-hop-address: "{{ capture.default-gw.routes.running.0.next-hop-address }}"',
      '        - destination: 198.51.100.0/24',
      '          next-hop-address: "{{ capture.default-gw.routes.running.0.next-hop-address }}"',
      '          next-hop-interface: ens6',
      '          metric: "{{ capture.m }}"',
      '        - next-hop-interface: ens6',
      '          state: absent',
      '        - destination: 0.0.0.0/0',
      '          next-hop-interface: ens6',
      '          state: absent',
    ].join('\n'));
    const result = lintText(text, DEFAULT_SETTINGS);
    // The policy defines no spec.capture: nmstate-capture-undefined speaks, no route rule does.
    assert.deepEqual(shown(text, result.problems.filter((p) => p.code.startsWith('route-'))), []);
    const model = result.parsed.documents[0].model as NmstateModel;
    assert.deepEqual(model.routes.map((r) => [r.destination.value, r.gateway?.value, r.metric?.value, r.removal]), [
      ['198.51.100.0/24', undefined, undefined, false],
      ['0.0.0.0/0', undefined, undefined, true],
    ]);
  });

  it('the model: every part at the characters written, the family from the destination or the next hop, one group per policy', function () {
    const text = policy([
      '        - destination: 192.168.10.0/24',
      '          next-hop-address: \'10.0.5.1\'',
      '          next-hop-interface: ens6',
      '          metric: 150',
      '          table-id: 100',
      '        - destination: 2001:db8::/64',
      '          next-hop-interface: ens6',
    ].join('\n'));
    const [analysed] = parseText(text).documents;
    assert.equal(analysed.kind, nmstateKind);
    assert.equal(analysed.machineConfig, undefined);
    const model = analysed.model as NmstateModel;
    assert.equal(model.form, 'policy');
    const [first, second] = model.routes;
    const slice = (t: { rangeOf(): { start: number; end: number } } | undefined) => t && text.slice(t.rangeOf().start, t.rangeOf().end);
    assert.deepEqual([slice(first.destination), slice(first.gateway), slice(first.metric), slice(first.table), slice(first.nextHopInterface)],
      ['192.168.10.0/24', '10.0.5.1', '150', '100', 'ens6']);
    assert.deepEqual([first.propertyFamily, second.propertyFamily], [4, 6]);
    assert.equal(first.group, second.group);
  });

  it('a v1beta1 policy is read the same, a bare state and an NMStateConfig too; other groups are not', function () {
    const routes = '        - destination: 192.168.10.5/24\n          next-hop-address: 10.0.5.1';
    const v1 = policy(routes);
    const beta = policy(routes, 'nmstate.io/v1beta1');
    const routeFindings = (t: string) => shown(t, lintText(t, DEFAULT_SETTINGS).problems.filter((p) => p.code !== 'nmstate-api-version'));
    assert.deepEqual(routeFindings(beta), routeFindings(v1));
    const bare = 'routes:\n  config:\n    - destination: 192.168.10.5/24\n      next-hop-address: 10.0.5.1\n';
    assert.deepEqual(shown(bare, lintText(bare, DEFAULT_SETTINGS).problems), ['route-host-bits warning "192.168.10.5/24"']);
    const host = [
      'apiVersion: agent-install.openshift.io/v1beta1',
      'kind: NMStateConfig',
      'metadata:',
      '  name: host-1',
      'spec:',
      '  config:',
      '    routes:',
      '      config:',
      routes,
      '',
    ].join('\n');
    assert.deepEqual(shown(host, lintText(host, DEFAULT_SETTINGS).problems), ['route-host-bits warning "192.168.10.5/24"']);
    for (const other of [
      policy(routes, 'example.com/v1'),
      `kind: Thing\n${bare}`,
      `apiVersion: v1\n${bare}`,
      `servers:\n  - a\n${bare}`,
      'routes:\n  - destination: 10.0.0.5/8\n',
    ]) {
      assert.deepEqual(lintText(other, DEFAULT_SETTINGS).problems, [], other);
    }
  });

  it('only route findings: no mc-* or ign-* rule speaks about a policy, and the fixture says so', function () {
    const text = fs.readFileSync(FIXTURE, 'utf8');
    const result = lintText(text, DEFAULT_SETTINGS);
    assert.deepEqual(result.failures, []);
    assert.ok(result.problems.length > 0);
    assert.deepEqual(result.problems.filter((p) => !/^(route|nmstate)-/.test(p.code)).map((p) => p.code), []);
    assert.equal(result.machineConfigs, 0);
  });

  it('hover, completion and the preview read a policy, without throwing at any offset', function () {
    const text = fs.readFileSync(FIXTURE, 'utf8');
    const parsed = parseText(text);
    for (let offset = 0; offset <= text.length; offset += 7) {
      computeHover(parsed, offset, DEFAULT_SETTINGS);
      completionsAt(parsed, offset, DEFAULT_SETTINGS, { knownRoles: [] });
    }
    assert.match(renderPreview(parsed, DEFAULT_SETTINGS, lintText(text, DEFAULT_SETTINGS).problems), /^NodeNetworkConfigurationPolicy /m);
  });

  it('the incremental linter reads policies the same as lintText, after an edit too', function () {
    const text = fs.readFileSync(FIXTURE, 'utf8');
    const linter = new IncrementalLinter();
    const whole = (t: string) => lintText(t, DEFAULT_SETTINGS).problems.map((p) => `${p.code} ${p.start}`);
    assert.deepEqual(linter.lint(text, DEFAULT_SETTINGS).problems.map((p) => `${p.code} ${p.start}`), whole(text));
    const edited = text.replace('192.168.10.0/24', '192.168.10.9/24');
    assert.deepEqual(linter.lint(edited, DEFAULT_SETTINGS).problems.map((p) => `${p.code} ${p.start}`), whole(edited));
    assert.ok(DOCUMENT_KINDS.includes(nmstateKind));
  });

  it('the wizard\'s NMState policy lints with no warning or error, its routes read back', function () {
    const text = generateConfig({
      role: 'worker', name: 'ens6-routes', method: 'nmstate', interface: 'ens6', ignitionVersion: '3.4.0', networkType: 'OVNKubernetes',
      routes: [{ destination: '192.168.10.0/24', gateway: '10.0.5.1', metric: 150 }, { destination: 'fd00:2::/64', gateway: 'fd00::1' }],
    });
    const result = lintText(text, DEFAULT_SETTINGS);
    assert.deepEqual(shown(text, result.problems), []);
    assert.deepEqual((result.parsed.documents[0].model as NmstateModel).routes.map((r) => r.destination.value), ['192.168.10.0/24', 'fd00:2::/64']);
  });
});
