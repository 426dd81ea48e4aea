import * as assert from 'node:assert/strict';
import { completionsAt, type CompletionRequest, type Completions } from '../../server/src/core/ide/completion';
import { lintText, parseText } from '../../server/src/core/analysis/lint';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import { machineConfigHead, ROUTE_CONFIG, WORKER_HEAD } from '../support/machineConfig';
import { expandSnippet } from '../support/snippetSyntax';

/** `$0` marks the caret in the fixtures. */
const CARET = '$0';

interface Result extends Completions {
  text: string;
  offset: number;
  labels: string[];
}

function complete(withCaret: string, request: Partial<CompletionRequest> = {}, settings: Settings = DEFAULT_SETTINGS): Result {
  const offset = withCaret.indexOf(CARET);
  assert.ok(offset >= 0, 'the fixture has no caret');
  const text = withCaret.slice(0, offset) + withCaret.slice(offset + CARET.length);
  const result = completionsAt(parseText(text), offset, settings, { knownRoles: [], ...request });
  return { ...result, text, offset, labels: result.items.map((i) => i.label) };
}

/** The text after accepting `label`, its snippet placeholders at their defaults. */
function accept(result: Result, label: string): string {
  const item = result.items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} in ${JSON.stringify(result.labels)}`);
  const inserted = item.isSnippet ? expandSnippet(item.insertText).text : item.insertText;
  return result.text.slice(0, result.replaceStart) + inserted + result.text.slice(result.replaceEnd);
}

const HEAD = WORKER_HEAD;
const ROUTE_MC = ROUTE_CONFIG;

describe('completion: YAML keys', () => {
  it('the envelope keys not written yet, at the root', () => {
    const result = complete(`apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\n$0\n`);
    assert.deepEqual(result.labels, ['metadata', 'spec']);
    assert.equal(accept(result, 'metadata'), 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  \n');
  });

  it('a half-typed key: the word is replaced, the list filtered by the editor', () => {
    const result = complete(`${HEAD}sp$0\n`);
    assert.deepEqual(result.labels, ['spec']);
    assert.equal(result.text.slice(result.replaceStart, result.replaceEnd), 'sp');
  });

  it('metadata keys on an empty line of the block, by indentation', () => {
    const result = complete(`${machineConfigHead({ name: 'x', role: null })}  $0\nspec: {}\n`);
    assert.deepEqual(result.labels, ['labels', 'annotations']);
    const text = accept(result, 'labels');
    assert.match(text, /\n  labels:\n    machineconfiguration\.openshift\.io\/role: worker\nspec/);
  });

  it('the role label under labels', () => {
    const result = complete(`${machineConfigHead({ name: 'x', role: null })}  labels:\n    $0\n`);
    assert.deepEqual(result.labels, ['machineconfiguration.openshift.io/role']);
  });

  it('spec keys, config first, keys already there left out', () => {
    const result = complete(`${HEAD}spec:\n  kernelType: default\n  $0\n`);
    assert.deepEqual(result.labels, ['config', 'kernelArguments', 'extensions', 'fips', 'baseOSExtensionsContainerImage', 'osImageURL']);
    assert.equal(accept(result, 'kernelArguments'), `${HEAD}spec:\n  kernelType: default\n  kernelArguments:\n    - \n`);
  });

  it('the Ignition tree under spec.config; what the daemon cannot apply is not offered', () => {
    const config = complete(`${HEAD}spec:\n  config:\n    $0\n`);
    assert.deepEqual(config.labels, ['ignition', 'systemd', 'storage', 'passwd']);
    assert.match(accept(config, 'ignition'), /\n    ignition:\n      version: 3\.4\.0\n$/);
    const storage = complete(`${HEAD}spec:\n  config:\n    storage:\n      $0\n`);
    assert.deepEqual(storage.labels, ['files']);
  });

  it('keys of a units item, after `- ` and on the item\'s next lines', () => {
    const first = complete(`${HEAD}spec:\n  config:\n    systemd:\n      units:\n        - $0\n`);
    assert.deepEqual(first.labels, ['name', 'enabled', 'contents', 'mask', 'dropins', 'mc-route-unit']);
    const next = complete(`${HEAD}spec:\n  config:\n    systemd:\n      units:\n        - name: a.service\n          en$0\n        - name: b.service\n          enabled: true\n`);
    assert.deepEqual(next.labels, ['enabled', 'contents', 'mask', 'dropins']);
    assert.match(accept(next, 'enabled'), /\n {8}- name: a\.service\n {10}enabled: true\n {8}- name: b/);
    const contents = complete(`${HEAD}spec:\n  config:\n    systemd:\n      units:\n        - name: a.service\n          $0\n`);
    assert.match(accept(contents, 'contents'), /\n          contents: \|\n            \n$/);
  });

  it('compact sequences (the dash at the key\'s column, as oc writes them)', () => {
    const result = complete(`${HEAD}spec:\n  config:\n    systemd:\n      units:\n      - name: a.service\n        $0\n`);
    assert.deepEqual(result.labels, ['enabled', 'contents', 'mask', 'dropins']);
  });

  it('a key that already has its colon is renamed, not given a second colon', () => {
    const result = complete(`${HEAD}spec:\n  kern$0: realtime\n`);
    assert.ok(result.labels.includes('kernelType'));
    assert.equal(accept(result, 'kernelType'), `${HEAD}spec:\n  kernelType: realtime\n`);
  });

  it('keys after a block scalar are found (the unit text is not read as keys)', () => {
    const result = complete(ROUTE_MC + '          $0\n');
    assert.deepEqual(result.labels, ['mask', 'dropins']);
  });
});

describe('completion: YAML values', () => {
  it('roles: worker, master, the file\'s and the workspace\'s', () => {
    const other = `---\n${machineConfigHead({ name: 'x', role: 'edge' })}`;
    const result = complete(`${HEAD.replace('role: worker', 'role: $0')}${other}`, { knownRoles: ['infra', 'worker'] });
    assert.deepEqual(result.labels, ['worker', 'master', 'edge', 'infra']);
    assert.equal(result.replaceStart, result.replaceEnd);
  });

  it('a typed role is replaced whole', () => {
    const result = complete(HEAD.replace('role: worker', 'role: wor$0ker # comment'));
    assert.equal(result.text.slice(result.replaceStart, result.replaceEnd), 'worker');
  });

  it('Ignition versions the target release accepts, newest first; with the release unset, never 3.5.0', () => {
    const text = `${HEAD}spec:\n  config:\n    ignition:\n      version: $0\n`;
    assert.deepEqual(complete(text).labels, ['3.4.0', '3.3.0', '3.2.0', '3.1.0', '3.0.0']);
    assert.deepEqual(complete(text, {}, { ...DEFAULT_SETTINGS, openshiftVersion: '4.19' }).labels, ['3.5.0', '3.4.0', '3.3.0', '3.2.0', '3.1.0', '3.0.0']);
    assert.deepEqual(complete(text, {}, { ...DEFAULT_SETTINGS, openshiftVersion: '4.12' }).labels, ['3.2.0', '3.1.0', '3.0.0']);
  });

  it('a quoted value keeps its quotes', () => {
    const result = complete(`${HEAD}spec:\n  config:\n    ignition:\n      version: "3.$0"\n`);
    assert.equal(accept(result, '3.4.0'), `${HEAD}spec:\n  config:\n    ignition:\n      version: "3.4.0"\n`);
  });

  it('enabled, mask, kernelType, apiVersion, kind (kind: the kinds of that apiVersion)', () => {
    const unit = (line: string) => complete(`${HEAD}spec:\n  config:\n    systemd:\n      units:\n        - name: a.service\n          ${line}\n`).labels;
    assert.deepEqual(unit('enabled: $0'), ['true', 'false']);
    assert.deepEqual(unit('mask: $0'), ['true', 'false']);
    assert.deepEqual(complete(`${HEAD}spec:\n  kernelType: $0\n`).labels, ['default', 'realtime', '64k-pages']);
    assert.deepEqual(complete('apiVersion: $0\nkind: MachineConfig\n').labels, ['machineconfiguration.openshift.io/v1']);
    assert.deepEqual(complete('apiVersion: machineconfiguration.openshift.io/v1\nkind: Machine$0Config\n').labels, ['MachineConfig', 'MachineConfigPool']);
  });

  it('file modes with their octal meaning', () => {
    const result = complete(`${HEAD}spec:\n  config:\n    storage:\n      files:\n        - path: /etc/x\n          mode: $0\n`);
    assert.deepEqual(result.labels, ['420', '384', '493']);
  });
});

describe('completion: inside the unit', () => {
  const inUnit = (lines: string) => complete(ROUTE_MC.replace('            [Install]\n', `${lines}\n            [Install]\n`));

  it('at a line start in [Service]: its directives, the missing sections after them', () => {
    const result = inUnit('            $0');
    assert.ok(result.labels.includes('ExecStartPre'));
    assert.ok(result.labels.includes('ExecStart'), 'ExecStart may repeat');
    assert.ok(!result.labels.includes('Type'), 'Type is there already');
    assert.ok(!result.labels.includes('RemainAfterExit'));
    assert.ok(!result.labels.includes('PermissionsStartOnly'), 'deprecated');
    assert.ok(!result.labels.includes('[Service]'), 'the unit has all its sections');
    assert.ok(result.labels.includes('ExecStart=/usr/bin/nmcli device modify … +ipv4.routes'));
  });

  it('a directive with known values inserts them as a choice; others insert Key=', () => {
    const result = complete(ROUTE_MC.replace('            Type=oneshot\n', '            Ty$0\n'));
    assert.ok(result.labels.includes('Type'));
    assert.match(accept(result, 'Type'), /\n {12}Type=oneshot\n/);
    const restart = inUnit('            Resta$0');
    assert.match(accept(restart, 'RestartSec'), /\n {12}RestartSec=\n/);
  });

  it('section names after `[`, the `]` already typed replaced too', () => {
    const text = `${HEAD}spec:\n  config:\n    systemd:\n      units:\n        - name: a.service\n          contents: |\n            [Unit]\n            Description=x\n            [Se$0]\n`;
    const result = complete(text);
    assert.deepEqual(result.labels, ['[Service]', '[Install]']);
    assert.match(accept(result, '[Service]'), /\n {12}\[Service\]\n$/);
  });

  it('the sections of the unit type, from the unit name', () => {
    const text = `${HEAD}spec:\n  config:\n    systemd:\n      units:\n        - name: a.timer\n          contents: |\n            [$0\n`;
    assert.deepEqual(complete(text).labels, ['[Unit]', '[Timer]', '[Install]']);
  });

  it('a line appended at the end of the block scalar belongs to the unit', () => {
    const result = complete(ROUTE_MC + '            $0\n');
    assert.equal(result.labels[0], 'WantedBy');
    assert.ok(result.labels.includes('RequiredBy'));
    assert.ok(!result.labels.includes('ExecStart'), 'the caret is in [Install]');
  });

  it('[Unit] offers the network-online pair as one snippet, with br-ex ordering on OVN', () => {
    const text = `${HEAD}spec:\n  config:\n    systemd:\n      units:\n        - name: a.service\n          contents: |\n            [Unit]\n            $0\n`;
    const result = complete(text);
    assert.equal(result.labels[0], 'Wants=/After=network-online.target');
    assert.match(accept(result, 'Wants=/After=network-online.target'), /\n {12}Wants=network-online\.target\n {12}After=network-online\.target ovs-configuration\.service\n$/);
  });

  it('known values after Key=', () => {
    const value = (line: string) => complete(ROUTE_MC.replace('            Description=Static routes\n', `            ${line}\n`)).labels;
    assert.deepEqual(value('Before=$0'), ['kubelet-dependencies.target', 'kubelet.service', 'crio.service']);
    assert.deepEqual(value('After=network-online.target $0').slice(0, 2), ['ovs-configuration.service', 'NetworkManager-wait-online.service']);
    assert.deepEqual(value('Wants=$0'), ['network-online.target', 'NetworkManager-wait-online.service', 'NetworkManager.service']);
    const service = (line: string) => complete(ROUTE_MC.replace('            Type=oneshot\n', `            ${line}\n`)).labels;
    assert.equal(service('Type=$0')[0], 'oneshot');
    assert.deepEqual(service('Restart=on$0'), ['on-failure', 'no', 'always', 'on-success', 'on-abnormal', 'on-abort', 'on-watchdog']);
    assert.deepEqual(complete(ROUTE_MC.replace('WantedBy=multi-user.target', 'WantedBy=$0')).labels[0], 'multi-user.target');
    assert.deepEqual(service('Description=Adds $0'), []);
  });

  it('a dropin of a unit gets the unit\'s sections', () => {
    const text = `${HEAD}spec:\n  config:\n    systemd:\n      units:\n        - name: kubelet.service\n          dropins:\n            - name: 10-after-routes.conf\n              contents: |\n                [Unit]\n                $0\n`;
    const result = complete(text);
    assert.ok(result.labels.includes('After'));
  });
});

describe('completion: the nmcli command', () => {
  const exec = (line: string, settings: Settings = DEFAULT_SETTINGS) =>
    complete(ROUTE_MC.replace(/ {12}ExecStart=.*\n/, `            ExecStart=${line}\n`), {}, settings);

  it('the program, the object, the verb', () => {
    assert.deepEqual(exec('$0').labels, ['/usr/bin/nmcli']);
    assert.deepEqual(exec('/usr/bin/nmcli $0').labels, ['device', 'dev', 'connection', 'con']);
    assert.deepEqual(exec('nmcli --wait 10 d$0').labels, ['device', 'dev', 'connection', 'con']);
    assert.deepEqual(exec('/usr/bin/nmcli dev $0').labels, ['modify']);
    assert.deepEqual(exec('/usr/bin/ip $0').labels, []);
    assert.match(accept(exec('-/usr/bin/nm$0'), '/usr/bin/nmcli'), /ExecStart=-\/usr\/bin\/nmcli\n/);
  });

  it('interfaces: br-ex first on OVN-Kubernetes, then those of the file', () => {
    const extra = ROUTE_MC.replace('RemainAfterExit=yes\n', 'RemainAfterExit=yes\n            ExecStart=/usr/bin/nmcli dev modify ens6 +ipv4.routes "10.1.0.0/16 10.0.0.1"\n            ExecStart=/usr/bin/nmcli dev modify $0\n');
    assert.deepEqual(complete(extra).labels, ['br-ex', 'ens6']);
    // On OpenShift SDN br-ex is offered only because the file uses it.
    const sdn = complete(extra, {}, { ...DEFAULT_SETTINGS, networkType: 'OpenShiftSDN' });
    assert.deepEqual(sdn.labels, ['ens6', 'br-ex']);
    assert.equal(sdn.items[1].detail, 'used in this file');
  });

  it('the routes properties, with the quotes of the value at the end of the line', () => {
    const result = exec('/usr/bin/nmcli device modify br-ex $0');
    assert.deepEqual(result.labels, ['+ipv4.routes', '+ipv6.routes', '-ipv4.routes', '-ipv6.routes', 'ipv4.routes', 'ipv6.routes']);
    assert.match(accept(result, '+ipv4.routes'), /ExecStart=\/usr\/bin\/nmcli device modify br-ex \+ipv4\.routes ""\n/);
    const typed = exec('/usr/bin/nmcli device modify br-ex +ipv$0 "10.1.0.0/16 10.0.0.1"');
    assert.match(accept(typed, '+ipv6.routes'), /br-ex \+ipv6\.routes "10\.1\.0\.0\/16 10\.0\.0\.1"\n/);
  });

  it('route attributes after a next hop or metric, for the property\'s family', () => {
    const v4 = exec('/usr/bin/nmcli device modify br-ex +ipv4.routes "192.168.1.0/24 172.18.0.1 $0"');
    assert.deepEqual(v4.labels.slice(0, 4), ['table=', 'onlink=true', 'src=', 'mtu=']);
    assert.ok(!v4.labels.includes('from='), 'from is IPv6 only');
    const v6 = exec('/usr/bin/nmcli device modify br-ex +ipv6.routes "fd00:1::/64 fd00::1 $0"');
    assert.ok(v6.labels.includes('from='));
    assert.ok(!v6.labels.includes('tos='));
    const used = exec('/usr/bin/nmcli device modify br-ex +ipv4.routes "192.168.1.0/24 172.18.0.1 100 table=200 $0"');
    assert.ok(!used.labels.includes('table='));
    const typed = exec('/usr/bin/nmcli device modify br-ex +ipv4.routes "192.168.1.0/24 172.18.0.1 onl$0"');
    assert.match(accept(typed, 'onlink=true'), /"192\.168\.1\.0\/24 172\.18\.0\.1 onlink=true"\n/);
    const second = exec('/usr/bin/nmcli device modify br-ex +ipv4.routes "10.2.0.0/16 10.0.0.1 table=5,192.168.1.0/24 172.18.0.1 $0"');
    assert.ok(second.labels.includes('table='));
  });

  it('values of boolean and type attributes', () => {
    assert.deepEqual(exec('/usr/bin/nmcli device modify br-ex +ipv4.routes "192.168.1.0/24 172.18.0.1 onlink=$0"').labels, ['true', 'false']);
    const type = exec('/usr/bin/nmcli device modify br-ex +ipv4.routes "192.168.1.0/24 type=b$0"');
    assert.ok(type.labels.includes('blackhole'));
    assert.equal(type.text.slice(type.replaceStart, type.replaceEnd), 'b');
  });

  it('nothing where the user types a destination or next hop', () => {
    assert.deepEqual(exec('/usr/bin/nmcli device modify br-ex +ipv4.routes "$0"').labels, []);
    assert.deepEqual(exec('/usr/bin/nmcli device modify br-ex +ipv4.routes "192.168.1.0/24 17$0"').labels, []);
  });
});

describe('completion: text as written', () => {
  it('CRLF line breaks', () => {
    const result = complete(`${HEAD}spec:\n  config:\n    $0\n`.replace(/\n/g, '\r\n'));
    assert.deepEqual(result.labels, ['ignition', 'systemd', 'storage', 'passwd']);
    assert.match(accept(result, 'systemd'), /\r\n {4}systemd:\r\n {6}\r\n$/);
  });

  it('quoted keys are keys', () => {
    const result = complete(`${HEAD.replace('  labels:\n', '  "labels":\n')}spec:\n  "config":\n    "ignition":\n      "version": $0\n`);
    assert.equal(result.labels[0], '3.4.0');
  });

  it('a unit continued over lines with backslashes', () => {
    const result = complete(ROUTE_MC.replace(/ {12}ExecStart=.*\n/, '            ExecStart=/usr/bin/nmcli device \\\n              modify br-ex $0\n'));
    assert.equal(result.labels[0], '+ipv4.routes');
  });
});

describe('completion: where it stays silent', () => {
  it('YAML that is not a MachineConfig', () => {
    assert.deepEqual(complete('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  $0\n').labels, []);
    assert.deepEqual(complete('apiVersion: v1\nkind: ConfigMap\n$0\n').labels, [], 'no manifest snippets in a document under way');
    assert.deepEqual(complete('apiVersion: apps/v1\nkind: $0\n').labels, [], 'another API group: another kind of document');
  });

  it('only the document at the caret counts', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  $0\n---\n${ROUTE_MC}`;
    assert.deepEqual(complete(text).labels, []);
    assert.deepEqual(complete(`${ROUTE_MC}---\napiVersion: v1\nkind: ConfigMap\n$0\n`).labels, []);
  });

  it('a space typed for indentation, or inside a description, asks for nothing', () => {
    const space = { triggerCharacter: ' ' };
    assert.deepEqual(complete(`${HEAD}spec:\n  $0\n`, space).labels, []);
    assert.deepEqual(complete(ROUTE_MC.replace('Description=Static routes', 'Description=Static $0'), space).labels, []);
    assert.deepEqual(complete(`${HEAD}spec:\n  kernelType: $0\n`, space).labels, ['default', 'realtime', '64k-pages']);
    assert.deepEqual(complete(`${HEAD}spec:\n  config:\n    systemd:\n      units:\n        - $0\n`, space).labels.length, 6, 'the item\'s keys and the unit entry');
    const route = (tail: string) => complete(ROUTE_MC.replace('172.18.0.1"', `${tail}"`), space).labels;
    assert.deepEqual(route('$0'), [], 'after the destination a next hop is typed');
    assert.ok(route('172.18.0.1 $0').includes('table='));
  });

  it('`=` and `[` answer where they start a value or a header', () => {
    assert.deepEqual(complete(ROUTE_MC.replace('Type=oneshot', 'Type=$0'), { triggerCharacter: '=' }).labels[0], 'oneshot');
    assert.deepEqual(complete(ROUTE_MC.replace('[Install]', '[$0'), { triggerCharacter: '[' }).labels, ['[Install]']);
    assert.deepEqual(complete(`${HEAD}spec:\n  kernelType: [$0\n`, { triggerCharacter: '[' }).labels, []);
  });

  it('never throws on hostile text', () => {
    for (const text of ['kind: MachineConfig\n\t- : :\n$0', 'kind: MachineConfig\n' + '- '.repeat(5000) + '$0', '\u0000kind: MachineConfig\n  $0', 'kind: MachineConfig\nspec: |\n  $0']) {
      assert.doesNotThrow(() => complete(text));
    }
  });
});

describe('completion: snippets where they fit', () => {
  const MANIFESTS = ['mc-route', 'machineconfig-route', 'mc-routes', 'machineconfig-routes', 'mc-route-ipv6', 'machineconfig-route-ipv6',
    'mc-pool-route', 'machineconfigpool-route', 'mc-keyfile-route', 'machineconfig-keyfile-route', 'nncp-route', 'nmstate-route',
    'nncp-route-host', 'nmstate-route-host', 'nncp-route-table', 'nmstate-route-table', 'nmstateconfig-host', 'nmstate-config-host',
    'mc-nmstate-br-ex', 'machineconfig-nmstate-br-ex', 'bu-route', 'butane-route', 'bu-keyfile-route', 'butane-keyfile-route'];

  it('an empty document: every manifest, one item per prefix, each a snippet whose text lints clean', () => {
    const result = complete('$0');
    assert.deepEqual(result.labels, MANIFESTS);
    assert.ok(result.items.every((i) => i.kind === 'snippet' && i.isSnippet && i.detail && i.documentation));
    const accepted = accept(result, 'mc-route');
    assert.match(accepted, /^apiVersion: machineconfiguration\.openshift\.io\/v1\nkind: MachineConfig\n/);
    assert.deepEqual(lintText(accepted, DEFAULT_SETTINGS).problems.filter((p) => p.severity !== 'hint').map((p) => p.code), []);
  });

  it('a word typed at column 0 is replaced; comments before it and a document before `---` do not matter', () => {
    const typed = complete('# routes for the storage network\nmc-ro$0\n');
    assert.deepEqual(typed.labels, MANIFESTS);
    assert.equal(typed.text.slice(typed.replaceStart, typed.replaceEnd), 'mc-ro');
    assert.match(accept(typed, 'mc-routes'), /^# routes for the storage network\napiVersion: /);
    const next = complete(`${ROUTE_MC}---\n$0`);
    assert.deepEqual(next.labels, MANIFESTS);
    assert.deepEqual(complete(`${ROUTE_MC}---\nnn$0\n---\n${ROUTE_MC}`).labels, MANIFESTS, 'between two documents');
  });

  it('nowhere else: not in metadata: or labels:, not beside top-level keys, not indented, not on a trigger character', () => {
    const none = (text: string, request: Partial<CompletionRequest> = {}) => {
      const labels = complete(text, request).labels;
      assert.ok(!labels.some((l) => MANIFESTS.includes(l)), `${JSON.stringify(text)}: ${labels.join(', ')}`);
    };
    none(`${machineConfigHead({ name: 'x', role: null })}  $0\nspec: {}\n`);
    none(`${machineConfigHead({ name: 'x', role: null })}  labels:\n    $0\n`);
    none(`${machineConfigHead({ name: 'x', role: null })}  labels:\n    mc$0\n`);
    none(`${HEAD}$0\n`);
    none('apiVersion: machineconfiguration.openshift.io/v1\n$0\n');
    none('  $0');
    none('$0', { triggerCharacter: ' ' });
    none('mc-route: $0\n');
  });

  it('the systemd.units entry after a `- ` of units (MachineConfig and Butane), and nowhere else', () => {
    const units = `${HEAD}spec:\n  config:\n    ignition:\n      version: 3.4.0\n    systemd:\n      units:\n`;
    const afterDash = complete(`${units}        - mc$0\n`);
    const unit = afterDash.items.find((i) => i.label === 'mc-route-unit');
    assert.ok(unit?.isSnippet && unit.kind === 'snippet', afterDash.labels.join(', '));
    const accepted = accept(afterDash, 'mc-route-unit');
    assert.match(accepted, /\n {8}- name: static-routes\.service\n {10}enabled: true\n {10}contents: \|\n {12}\[Unit\]\n/);
    assert.deepEqual(lintText(accepted, DEFAULT_SETTINGS).problems.filter((p) => p.severity !== 'hint').map((p) => `${p.code}: ${p.message}`), []);
    // A new line of the list, without its dash: the entry brings it.
    const noDash = accept(complete(`${units}        - name: a.service\n          enabled: false\n        $0\n`), 'mc-route-unit');
    assert.match(noDash, /\n {8}- name: a\.service\n {10}enabled: false\n {8}- name: static-routes\.service\n {10}enabled: true\n/);
    const butane = complete('variant: openshift\nversion: 4.14.0\nmetadata:\n  name: 99-worker-x\n  labels:\n    machineconfiguration.openshift.io/role: worker\nsystemd:\n  units:\n    - $0\n');
    assert.match(accept(butane, 'mc-route-unit'), /\n {4}- name: static-routes\.service\n {6}enabled: true\n {6}contents: \|\n {8}\[Unit\]\n/);
    // Not in another list, not in an item that has keys already.
    assert.ok(!complete(`${HEAD}spec:\n  config:\n    storage:\n      files:\n        - $0\n`).labels.includes('mc-route-unit'));
    assert.ok(!complete(`${units}        - name: a.service\n          $0\n`).labels.includes('mc-route-unit'));
    assert.ok(!complete(`${units}        - name: a.service\n          dropins:\n            - $0\n`).labels.includes('mc-route-unit'));
  });
});

describe('completion: kind and apiVersion', () => {
  it('kind: the kinds mcroutes reads, each with its apiVersion in the detail', () => {
    const result = complete('kind: $0\n');
    assert.deepEqual(result.labels, ['MachineConfig', 'MachineConfigPool', 'NodeNetworkConfigurationPolicy', 'NMStateConfig', 'AgentConfig']);
    assert.deepEqual(result.items.map((i) => i.detail), [
      'apiVersion: machineconfiguration.openshift.io/v1', 'apiVersion: machineconfiguration.openshift.io/v1', 'apiVersion: nmstate.io/v1',
      'apiVersion: agent-install.openshift.io/v1beta1', 'apiVersion: v1beta1',
    ]);
    assert.ok(result.items.every((i) => i.documentation));
    assert.equal(accept(complete('apiVersion: nmstate.io/v1\nkind: No$0\n'), 'NodeNetworkConfigurationPolicy'), 'apiVersion: nmstate.io/v1\nkind: NodeNetworkConfigurationPolicy\n');
    assert.deepEqual(complete('apiVersion: nmstate.io/v1\nkind: $0\n').labels, ['NodeNetworkConfigurationPolicy']);
    assert.deepEqual(complete('apiVersion: "agent-install.openshift.io/v1beta1"\nkind: "$0"\n').items.map((i) => i.insertText), ['"NMStateConfig"']);
  });

  it('apiVersion: the one of the kind written, or all of them with their kinds', () => {
    assert.deepEqual(complete('apiVersion: $0\nkind: NodeNetworkConfigurationPolicy\n').labels, ['nmstate.io/v1']);
    const all = complete('apiVersion: $0\n');
    assert.deepEqual(all.labels, ['machineconfiguration.openshift.io/v1', 'nmstate.io/v1', 'agent-install.openshift.io/v1beta1', 'v1beta1']);
    assert.equal(all.items[0].detail, 'kind: MachineConfig, MachineConfigPool');
    assert.deepEqual(complete('apiVersion: $0\nkind: Deployment\n').labels, []);
  });

  it('as the editor asks when a space is typed after the colon; only at the top level', () => {
    assert.equal(complete('kind: $0\n', { triggerCharacter: ' ' }).labels.length, 5);
    assert.ok(!complete(`${HEAD}spec:\n  config:\n    storage:\n      files:\n        - kind: $0\n`).labels.includes('MachineConfigPool'));
    assert.deepEqual(complete('variant: openshift\nkind: $0\n').labels, [], 'a Butane config has no kind');
  });
});

describe('completion: roles of the file', () => {
  it('the role being typed is not offered back; a pool\'s selected roles are', () => {
    const pool = `---\napiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfigPool\nmetadata:\n  name: infra\nspec:\n  machineConfigSelector:\n    matchExpressions:\n      - key: machineconfiguration.openshift.io/role\n        operator: In\n        values: [worker, infra]\n`;
    const result = complete(`${HEAD.replace('role: worker', 'role: inf$0')}${pool}`);
    assert.deepEqual(result.labels, ['worker', 'master', 'infra']);
  });
});

describe('completion reads no other document\'s model', () => {
  // After an edit of a long file, IncrementalLinter rebuilds a document's model only when it
  // is read: completion on every keystroke must not read those of the other documents.
  it('roles of the file\'s other MachineConfigs, Butane configs and pools come from their YAML trees', () => {
    const butane = '---\nvariant: openshift\nversion: 4.14.0\nmetadata:\n  name: 99-edge-x\n  labels:\n    machineconfiguration.openshift.io/role: edge\n';
    const other = `---\n${machineConfigHead({ name: 'y', role: 'infra' })}`;
    const fixture = `${HEAD.replace('role: worker', 'role: $0')}${other}${butane}`;
    const offset = fixture.indexOf(CARET);
    const text = fixture.slice(0, offset) + fixture.slice(offset + CARET.length);
    const parsed = parseText(text);
    const [here, ...others] = parsed.documents;
    for (const analysed of others) {
      for (const key of ['model', 'machineConfig', 'ignition'] as const) {
        Object.defineProperty(analysed, key, { get: () => assert.fail(`the ${key} of another document was read`) });
      }
    }
    assert.ok(here.machineConfig, 'the document at the caret is a MachineConfig');
    const result = completionsAt(parsed, offset, DEFAULT_SETTINGS, { knownRoles: [] });
    assert.deepEqual(result.items.map((i) => i.label), ['worker', 'master', 'infra', 'edge']);
  });
});
