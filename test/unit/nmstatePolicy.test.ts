/**
 * NMState envelope and file rules (issue 17): nmstate-api-version, nmstate-node-selector,
 * nmstate-misindented, nmstate-static-address, nmstate-capture-undefined, nmstate-br-ex,
 * nmstate-file-path, nmstate-file-content. The fixtures test/fixtures/cases/nmstate-*.yaml hold
 * the findings and look-alikes; these tests pin ranges, messages, fixes, the base64 case and
 * the settings.
 */
import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/analysis/lint';
import { applyEdits } from '../../server/src/core/text/edits';
import { readSettings } from '../../server/src/core/analysis/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import type { Problem } from '../../server/src/core/text/problem';
import { parseLintArgs } from '../../server/src/cli/args';
import { base64Source, machineConfig as buildMachineConfig } from '../support/machineConfig';

const WORKER = ['  nodeSelector:', '    node-role.kubernetes.io/worker: ""'];

function policy(spec: string[], apiVersion = 'nmstate.io/v1'): string {
  return [`apiVersion: ${apiVersion}`, 'kind: NodeNetworkConfigurationPolicy', 'metadata:', '  name: p', 'spec:', ...spec, ''].join('\n');
}

function machineConfig(files: { path: string; source: string }[]): string {
  return buildMachineConfig({ name: '99-worker-nmstate', files: files.map((file) => ({ ...file, mode: '0644' })) });
}

const base64 = base64Source;
const percent = (text: string) => `data:,${encodeURIComponent(text)}`;

const DHCP = ['  desiredState:', '    interfaces:', '      - name: ens6', '        type: ethernet', '        ipv4:', '          enabled: true', '          dhcp: true'];

function lint(text: string, settings: Settings = DEFAULT_SETTINGS): Problem[] {
  const result = lintText(text, settings);
  assert.deepEqual(result.failures, []);
  return result.problems.filter((p) => p.code.startsWith('nmstate-'));
}

const shown = (text: string, problems: readonly Problem[]) => problems.map((p) => `${p.code} ${p.severity} ${JSON.stringify(text.slice(p.start, p.end))}`);

describe('NMState envelope: api version, node selector, misindented selector', function () {
  it('v1beta1: the warning and its fix cover exactly the value, inside its quotes', function () {
    const text = policy([...WORKER, ...DHCP], '"nmstate.io/v1beta1"');
    const [problem, ...rest] = lint(text);
    assert.deepEqual(rest, []);
    assert.equal(problem.code, 'nmstate-api-version');
    assert.equal(problem.message, 'nmstate.io/v1beta1 is deprecated for NodeNetworkConfigurationPolicy: use apiVersion: nmstate.io/v1.');
    const at = text.indexOf('nmstate.io/v1beta1');
    assert.deepEqual(problem.fixes?.[0].edits, [{ start: at, end: at + 'nmstate.io/v1beta1'.length, newText: 'nmstate.io/v1' }]);
    assert.equal(problem.fixes?.[0].safe, true);
    assert.deepEqual(lint(applyEdits(text, problem.fixes![0].edits)), []);
  });

  it('no selector, an empty one, a list: ranges and messages', function () {
    const none = policy(DHCP);
    assert.deepEqual(shown(none, lint(none)), ['nmstate-node-selector warning "spec"']);
    assert.equal(lint(none)[0].message, 'This policy has no spec.nodeSelector, so it applies to every node, control plane included: add one.');
    const list = policy(['  nodeSelector:', '    - worker', ...DHCP]);
    const [problem] = lint(list);
    assert.equal(problem.severity, 'error');
    assert.match(list.slice(problem.start, problem.end), /^- worker\s*$/);
    // No spec at all: said at kind.
    const bare = ['apiVersion: nmstate.io/v1', 'kind: NodeNetworkConfigurationPolicy', 'metadata:', '  name: p', ''].join('\n');
    assert.deepEqual(shown(bare, lint(bare)), ['nmstate-node-selector warning "kind"']);
  });

  it('a desiredState under nodeSelector: the fix dedents its block, and the result lints clean', function () {
    const text = policy([
      '  nodeSelector:',
      '    node-role.kubernetes.io/worker: ""',
      '    desiredState:',
      '      # the secondary NIC',
      '      interfaces:',
      '        - name: ens6',
      '',
      '          type: ethernet',
      '          ipv4:',
      '            enabled: true',
      '            dhcp: true',
    ]);
    const [problem, ...rest] = lint(text);
    assert.deepEqual(rest, []);
    assert.deepEqual(shown(text, [problem]), ['nmstate-misindented error "desiredState"']);
    assert.equal(problem.message, 'desiredState is indented under nodeSelector, so the API server rejects the policy: dedent it beside nodeSelector.');
    const fixed = applyEdits(text, problem.fixes![0].edits);
    assert.equal(fixed, policy([
      '  nodeSelector:',
      '    node-role.kubernetes.io/worker: ""',
      '  desiredState:',
      '    # the secondary NIC',
      '    interfaces:',
      '      - name: ens6',
      '',
      '        type: ethernet',
      '        ipv4:',
      '          enabled: true',
      '          dhcp: true',
    ]));
    assert.deepEqual(lint(fixed), []);
  });

  it('no dedent fix when another label follows, when spec has a desiredState, or for interfaces:', function () {
    const follows = policy(['  nodeSelector:', '    desiredState:', '      interfaces: []', '    node-role.kubernetes.io/worker: ""']);
    assert.equal(lint(follows)[0].fixes, undefined);
    const twice = policy(['  nodeSelector:', '    node-role.kubernetes.io/worker: ""', '    desiredState:', '      interfaces: []', ...DHCP]);
    assert.deepEqual(shown(twice, lint(twice)), ['nmstate-misindented error "desiredState"']);
    assert.equal(lint(twice)[0].fixes, undefined);
    const interfaces = policy(['  nodeSelector:', '    node-role.kubernetes.io/worker: ""', '    interfaces:', '      - name: ens6']);
    const [problem] = lint(interfaces);
    assert.equal(problem.fixes, undefined);
    assert.match(problem.message, /move it under desiredState\.$/);
  });

  it('an unquoted yes or number: the fix quotes it; a null value is not judged', function () {
    const text = policy(['  nodeSelector:', '    example.com/routed: yes', '    example.com/rack: 12', '    example.com/other:', ...DHCP]);
    const problems = lint(text);
    assert.deepEqual(shown(text, problems), ['nmstate-misindented error "yes"', 'nmstate-misindented error "12"']);
    assert.equal(problems[0].message, 'The label value yes is read as a boolean, so the API server rejects the policy: write "yes".');
    const fixed = applyEdits(text, problems.flatMap((p) => p.fixes![0].edits));
    assert.ok(fixed.includes('example.com/routed: "yes"') && fixed.includes('example.com/rack: "12"'));
    assert.deepEqual(lint(fixed), []);
  });
});

const STATIC = ['interfaces:', '  - name: ens6', '    type: ethernet', '    state: up', '    ipv4:', '      enabled: true', '      address:', '        - ip: 10.0.5.10', '          prefix-length: 24', ''].join('\n');

describe('NMState static addresses', function () {
  it('a role selector: the first address of each interface, with the message', function () {
    const text = policy([...WORKER, '  desiredState:', ...STATIC.split('\n').map((l) => (l ? `    ${l}` : l))]);
    const problems = lint(text);
    assert.deepEqual(shown(text, problems), ['nmstate-static-address error "10.0.5.10"']);
    assert.equal(problems[0].message, 'Every selected node gets 10.0.5.10: use one policy per kubernetes.io/hostname, or DHCP.');
  });

  it('cluster.yml in base64: the error underlines the base64 groups of the address', function () {
    const source = base64(STATIC);
    const text = machineConfig([{ path: '/etc/nmstate/openshift/cluster.yml', source }]);
    const problems = lint(text);
    assert.equal(problems.length, 1);
    const [problem] = problems;
    assert.equal(problem.code, 'nmstate-static-address');
    assert.equal(problem.message, 'Every node of the pool gets 10.0.5.10 from cluster.yml: put static addresses in per-node <hostname>.yml files.');
    const payload = text.indexOf(source) + source.indexOf(',') + 1;
    const offset = STATIC.indexOf('10.0.5.10');
    // The groups of four that encode the address's first character.
    assert.equal(problem.start, payload + Math.floor(offset / 3) * 4);
    assert.ok(problem.end > problem.start && problem.end <= payload + Math.ceil((offset + 9) / 3) * 4);
  });

  it('a templated address, a host file and a disabled family are not flagged', function () {
    const templated = STATIC.replace('10.0.5.10', '"{{ .Address }}"');
    assert.deepEqual(lint(machineConfig([{ path: '/etc/nmstate/openshift/cluster.yml', source: percent(templated) }])).filter((p) => p.code === 'nmstate-static-address'), []);
    assert.deepEqual(lint(machineConfig([{ path: '/etc/nmstate/openshift/worker-0.yml', source: base64(STATIC) }])), []);
    const disabled = STATIC.replace('enabled: true', 'enabled: false');
    assert.deepEqual(lint(machineConfig([{ path: '/etc/nmstate/openshift/cluster.yml', source: base64(disabled) }])), []);
  });
});

describe('NMState captures', function () {
  it('an undefined name: the range is the name, with did-you-mean in data', function () {
    const text = policy([...WORKER, '  capture:', '    primary-nic: interfaces.name=="ens6"', '  desiredState:', '    interfaces:',
      '      - name: "{{ capture.primary-nics.interfaces.0.name }}"', '        type: ethernet']);
    const [problem] = lint(text);
    assert.deepEqual(shown(text, [problem]), ['nmstate-capture-undefined error "primary-nics"']);
    assert.equal(problem.message, 'capture.primary-nics is not defined in spec.capture: did you mean primary-nic?');
    assert.deepEqual(problem.data, { replacement: 'primary-nic' });
  });

  it('a base64 MachineConfig file in the policy format is read; its undefined name is flagged', function () {
    const file = ['capture:', '  nic: interfaces.name=="ens6"', 'desiredState:', '  interfaces:', '    - name: "{{ capture.nic.interfaces.0.name }}"',
      '      type: ethernet', '    - name: "{{ capture.nics.interfaces.0.name }}"', '      type: ethernet', ''].join('\n');
    const problems = lint(machineConfig([{ path: '/etc/nmstate/openshift/cluster.yml', source: base64(file) }]));
    assert.deepEqual(problems.map((p) => [p.code, p.message]), [['nmstate-capture-undefined', 'capture.nics is not defined in the file\'s capture: did you mean nic?']]);
  });
});

describe('NMState br-ex', function () {
  const whole = [...WORKER, '  desiredState:', '    interfaces:',
    '      - name: br-ex', '        type: ovs-bridge', '        bridge:', '          port:', '            - name: enp2s0', '            - name: br-ex',
    '      - name: br-ex', '        type: ovs-interface', '        ipv4:', '          enabled: true', '          dhcp: true',
    '      - name: enp2s0', '        type: ethernet'];

  it('warns once per name; the NIC under br-ex when the setting names it', function () {
    const text = policy(whole);
    assert.deepEqual(shown(text, lint(text)), ['nmstate-br-ex warning "br-ex"']);
    const withNic = lint(text, { ...DEFAULT_SETTINGS, brExInterface: 'enp2s0' });
    assert.deepEqual(shown(text, withNic), ['nmstate-br-ex warning "br-ex"', 'nmstate-br-ex warning "enp2s0"']);
    assert.equal(withNic[1].message, 'enp2s0 is br-ex\'s NIC: change it with a policy only if br-ex was customized through NMState, defining all of br-ex.');
  });

  it('brExCustomizedByNmstate: a whole br-ex is not warned about, a partial one is', function () {
    const customized: Settings = { ...DEFAULT_SETTINGS, brExCustomizedByNmstate: true };
    assert.deepEqual(lint(policy(whole), customized), []);
    const partial = policy([...WORKER, '  desiredState:', '    interfaces:', '      - name: br-ex', '        type: ovs-interface']);
    assert.deepEqual(shown(partial, lint(partial, customized)), ['nmstate-br-ex warning "br-ex"']);
  });

  it('says nothing on OpenShift SDN', function () {
    assert.deepEqual(lint(policy(whole), { ...DEFAULT_SETTINGS, networkType: 'OpenShiftSDN' }), []);
  });

  it('the setting: a wrong type is named; the CLI switch sets it', function () {
    assert.deepEqual(readSettings({ brExCustomizedByNmstate: 'yes' }).complaints.map((c) => c.message), ['mcroutes.brExCustomizedByNmstate: "yes" is not true or false; false is assumed.']);
    assert.equal(readSettings({ brExCustomizedByNmstate: true }).settings.brExCustomizedByNmstate, true);
    assert.equal('brExCustomizedByNmstate' in readSettings({}).settings, false);
    assert.equal(parseLintArgs(['--br-ex-customized', 'a.yaml']).settings.brExCustomizedByNmstate, true);
  });
});

describe('NMState files of a MachineConfig: path and content', function () {
  const DHCP_STATE = 'interfaces:\n  - name: ens6\n    type: ethernet\n    ipv4:\n      enabled: true\n      dhcp: true\n';

  it('.yaml: the warning is on the path, the safe fix renames only it', function () {
    const text = machineConfig([{ path: '/etc/nmstate/openshift/cluster.yaml', source: base64(DHCP_STATE) }]);
    const [problem, ...rest] = lint(text);
    assert.deepEqual(rest, []);
    assert.deepEqual(shown(text, [problem]), ['nmstate-file-path warning "/etc/nmstate/openshift/cluster.yaml"']);
    assert.deepEqual(problem.fixes?.map((f) => [f.title, f.safe]), [['Rename to /etc/nmstate/openshift/cluster.yml', true]]);
    assert.deepEqual(lint(applyEdits(text, problem.fixes![0].edits)), []);
  });

  it('a whole policy pasted in base64: the error underlines kind inside the payload', function () {
    const pasted = 'apiVersion: nmstate.io/v1\nkind: NodeNetworkConfigurationPolicy\nspec:\n  desiredState:\n    interfaces: []\n';
    const source = base64(pasted);
    const text = machineConfig([{ path: '/etc/nmstate/openshift/worker-0.yml', source }]);
    const [problem, ...rest] = lint(text);
    assert.deepEqual(rest, []);
    assert.equal(problem.code, 'nmstate-file-content');
    assert.equal(problem.message, 'This nmstate file holds a whole NodeNetworkConfigurationPolicy: keep only its desiredState, dedented.');
    const payload = text.indexOf(source) + source.indexOf(',') + 1;
    assert.equal(problem.start, payload + Math.floor(pasted.indexOf('kind') / 3) * 4);
  });

  it('survives any shape', function () {
    const shapes = [
      policy(['  nodeSelector: 5', '  desiredState: "x"', '  capture: [a, b]']),
      policy(['  nodeSelector:', '    ? [a]', '    : b', '  desiredState:', '    interfaces: "ens6"', '    routes: 3']),
      policy(['  nodeSelector: {a: {b: c}}', '  desiredState:', '    interfaces:', '      - 5', '      - name: [x]', '        ipv4: yes', '        ipv6:', '          address: 7']),
      machineConfig([{ path: '/etc/nmstate/openshift/cluster.yml', source: percent('capture: 5\ndesiredState: []\n') }]),
      machineConfig([{ path: '/etc/nmstate/x.yaml', source: percent('') }]),
      machineConfig([{ path: '/etc/nmstate/openshift/cluster.yml', source: base64('\u0000\u0001binary') }]),
    ];
    for (const text of shapes) lint(text);
  });
});
