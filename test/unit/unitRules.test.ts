import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, safeFixEdits } from '../../server/src/core/text/edits';
import { EmbeddedText } from '../../server/src/core/text/embeddedText';
import { hoverAt } from '../../server/src/core/ide/hover';
import { lintText, parseText } from '../../server/src/core/analysis/lint';
import type { Problem } from '../../server/src/core/text/problem';
import { RHCOS_UNITS } from '../../server/src/core/kinds/machineconfig/rhcosUnits';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import { shellScriptArgument } from '../../server/src/core/formats/shellScript';
import { machineConfigHead } from '../support/machineConfig';

const cases = path.resolve(__dirname, '../../../test/fixtures/cases');

/** A MachineConfig with the given units (YAML list items, indented for `units:`). */
function config(units: string, files = ''): string {
  const storage = files ? ['    storage:', '      files:', files] : [];
  return `${machineConfigHead({ name: '99-worker-test' })}${['spec:', '  config:', '    ignition:', '      version: 3.4.0', ...storage, '    systemd:', '      units:', units].join('\n')}\n`;
}

/** A unit (as a list item) with the given [Unit] lines and ExecStart= lines. */
function unit(name: string, unitLines: string[], execs: string[], extra: string[] = []): string {
  return [
    `        - name: ${name}`,
    '          enabled: true',
    '          contents: |',
    '            [Unit]',
    ...unitLines.map((l) => `            ${l}`),
    '            [Service]',
    '            Type=oneshot',
    '            RemainAfterExit=yes',
    ...execs.map((e) => `            ExecStart=${e}`),
    ...extra.map((l) => `            ${l}`),
    '            [Install]',
    '            WantedBy=multi-user.target',
  ].join('\n');
}

const ONLINE = ['Wants=network-online.target', 'After=network-online.target'];

function findings(text: string, code: string, settings: Settings = DEFAULT_SETTINGS): Problem[] {
  const result = lintText(text, settings);
  assert.deepEqual(result.failures, [], 'no rule threw');
  return result.problems.filter((p) => p.code === code);
}

function underlined(text: string, p: Problem): string {
  return text.slice(p.start, p.end);
}

describe('unit-oneshot-remain and the units a timer, path or socket activates', () => {
  const text = fs.readFileSync(path.join(cases, 'unit-oneshot-timer.yaml'), 'utf8');
  const [withTimer, withoutTimer] = text.split('\n---\n');

  it('a oneshot service a .timer runs every five minutes: no finding, so fix-all leaves it alone', () => {
    assert.deepEqual(findings(withTimer, 'unit-oneshot-remain'), []);
    const all = lintText(withTimer, DEFAULT_SETTINGS).problems;
    assert.doesNotMatch(applyEdits(withTimer, safeFixEdits(all).edits), /^\s+RemainAfterExit=/m);
  });

  it('the same service without the timer is flagged, with the safe fix', () => {
    const [finding] = findings(withoutTimer, 'unit-oneshot-remain');
    assert.equal(underlined(withoutTimer, finding), 'Type=oneshot');
    assert.match(finding.message, /^This oneshot unit goes inactive when done, so a later start runs it again: add RemainAfterExit=yes/);
    assert.equal(finding.fixes?.[0].safe, true);
  });

  it('a timer that names its service with Unit= counts, and a timer of another service does not', () => {
    const service = ['        - name: poll.service', '          contents: |', '            [Service]', '            Type=oneshot', '            ExecStart=/usr/bin/true'].join('\n');
    const timer = (name: string, unitLine: string) =>
      [`        - name: ${name}`, '          contents: |', '            [Timer]', '            OnCalendar=*:0/5', ...(unitLine ? [`            ${unitLine}`] : [])].join('\n');
    assert.deepEqual(findings(config(`${service}\n${timer('every-5.timer', 'Unit=poll.service')}`), 'unit-oneshot-remain'), []);
    assert.equal(findings(config(`${service}\n${timer('every-5.timer', '')}`), 'unit-oneshot-remain').length, 1);
  });
});

describe('unit-install-missing and units something else of the config starts', () => {
  const plain = unit('add-routes.service', ONLINE, ['/usr/bin/true']).replace(/\n {12}\[Install\]\n {12}WantedBy=multi-user.target/, '');
  const dropin = ['        - name: kubelet.service', '          dropins:', '            - name: 20-routes.conf', '              contents: |', '                [Unit]', '                Wants=add-routes.service', '                After=add-routes.service'].join('\n');

  it('a unit a dropin of kubelet.service pulls in with Wants= is not flagged', () => {
    assert.deepEqual(findings(config(`${plain}\n${dropin}`), 'unit-install-missing'), []);
  });

  it('the same unit with nothing pulling it in is flagged: it never starts at boot', () => {
    const [finding] = findings(config(plain), 'unit-install-missing');
    assert.match(finding.message, /^enabled: true, but with no \[Install\] section the unit never starts at boot/);
  });
});

describe('unit-ovn-ordering: units that change br-ex race configure-ovs', () => {
  const brEx = config(unit('br-ex-routes.service', ONLINE, ['/usr/bin/nmcli connection modify br-ex +ipv4.routes "192.168.1.0/24 10.0.0.1"']));
  const ens5 = config(unit('storage-routes.service', ONLINE, ['/usr/bin/nmcli device modify ens5 +ipv4.routes "192.168.1.0/24 10.0.1.1"']));

  it('a unit that changes br-ex without After=ovs-configuration.service is a warning on [Unit], with a safe fix', () => {
    const [finding] = findings(brEx, 'unit-ovn-ordering');
    assert.equal(finding.severity, 'warning');
    assert.equal(underlined(brEx, finding), '[Unit]');
    assert.equal(finding.message, 'This unit changes br-ex, which configure-ovs rebuilds at boot: order it After=ovs-configuration.service.');
    assert.equal(finding.fixes?.[0].safe, true);
  });

  it('a unit that changes only another NIC says nothing (nothing tells that ens5 is under br-ex)', () => {
    assert.deepEqual(findings(ens5, 'unit-ovn-ordering'), []);
  });

  it('the same unit is a warning when mcroutes.brExInterface names ens5', () => {
    const [finding] = findings(ens5, 'unit-ovn-ordering', { ...DEFAULT_SETTINGS, brExInterface: 'ens5' });
    assert.equal(finding.message, 'This unit changes ens5, the NIC under br-ex: order it After=ovs-configuration.service so the two do not race.');
  });

  it('a unit ordered Before=ovs-configuration.service on purpose does not race it either', () => {
    const before = config(unit('pre-ovs.service', ['Before=ovs-configuration.service'], ['/usr/bin/nmcli connection modify br-ex ovs-interface.mtu 9000']));
    assert.deepEqual(findings(before, 'unit-ovn-ordering'), []);
  });

  it('on OpenShift SDN, or for a unit that changes no interface, nothing', () => {
    assert.deepEqual(findings(brEx, 'unit-ovn-ordering', { ...DEFAULT_SETTINGS, networkType: 'OpenShiftSDN' }), []);
    assert.deepEqual(findings(config(unit('reload.service', ONLINE, ['/usr/bin/nmcli connection reload', '/usr/bin/nmcli device show br-ex'])), 'unit-ovn-ordering'), []);
  });

  it('a br-ex change inside sh -c or in a script of the config the unit runs counts', () => {
    const shell = config(unit('shell.service', ONLINE, [`/bin/sh -c '/usr/bin/nmcli connection up br-ex || true'`]));
    assert.equal(findings(shell, 'unit-ovn-ordering').length, 1);
    const script = '        - path: /usr/local/bin/up.sh\n          mode: 0755\n          contents:\n            source: data:,%23!%2Fbin%2Fsh%0Aip%20link%20set%20br-ex%20mtu%209000%0A';
    assert.equal(findings(config(unit('script.service', ONLINE, ['/usr/local/bin/up.sh']), script), 'unit-ovn-ordering').length, 1);
    assert.equal(findings(config(unit('script.service', ONLINE, ['/usr/bin/bash /usr/local/bin/up.sh']), script), 'unit-ovn-ordering').length, 1);
  });
});

describe('unit-ovs-disabled', () => {
  const disabled = config('        - name: ovs-configuration.service\n          enabled: false');
  const masked = config('        - name: openvswitch.service\n          mask: true');

  it('ovs-configuration.service disabled on OVN-Kubernetes: a warning on the value, with a fix to review', () => {
    const [finding] = findings(disabled, 'unit-ovs-disabled');
    assert.equal(underlined(disabled, finding), 'false');
    assert.equal(finding.message, 'Disabled, ovs-configuration.service never builds br-ex and the node loses its network: remove enabled: false.');
    assert.equal(finding.fixes?.[0].safe, false);
  });

  it('openvswitch.service masked: a warning, said once (not again by unit-shadows-platform)', () => {
    const [finding] = findings(masked, 'unit-ovs-disabled');
    assert.equal(finding.message, 'Masked, openvswitch.service never starts, so br-ex is never built and the node loses its network: remove mask: true.');
    assert.deepEqual(findings(masked, 'unit-shadows-platform'), []);
  });

  it('on OpenShift SDN nothing (the MCO leaves ovs-configuration.service disabled there), and openvswitch.service disabled is fine', () => {
    const sdn = { ...DEFAULT_SETTINGS, networkType: 'OpenShiftSDN' as const };
    assert.deepEqual(findings(disabled, 'unit-ovs-disabled', sdn), []);
    assert.deepEqual(findings(config('        - name: ovs-configuration.service\n          mask: true'), 'unit-shadows-platform', sdn), []);
    assert.deepEqual(findings(config('        - name: openvswitch.service\n          enabled: false'), 'unit-ovs-disabled'), []);
  });
});

describe('unit-dependency', () => {
  it('Requires= a .target where RHCOS has a .service: a warning with a did-you-mean fix to review', () => {
    const text = config(unit('udev.service', ['Requires=systemd-udevd.target', 'After=systemd-udevd.service'], ['/usr/bin/true']));
    const [finding] = findings(text, 'unit-dependency');
    assert.equal(finding.severity, 'warning');
    assert.equal(underlined(text, finding), 'systemd-udevd.target');
    assert.equal(finding.message, 'systemd-udevd.target exists on no RHCOS node: did you mean systemd-udevd.service?');
    assert.equal(finding.fixes?.[0].safe, false);
    assert.ok(applyEdits(text, finding.fixes![0].edits).includes('Requires=systemd-udevd.service'));
  });

  it('the same names in After= only: an info', () => {
    const [finding] = findings(config(unit('udev.service', ['After=systemd-udevd.target'], ['/usr/bin/true'])), 'unit-dependency');
    assert.equal(finding.severity, 'info');
    assert.equal(finding.message, 'systemd-udevd.target exists on no RHCOS node: did you mean systemd-udevd.service?');
  });

  it('units RHCOS has, units of the config, and names near nothing known are not flagged', () => {
    const text = config([
      unit('a.service', ['Requires=systemd-udevd.service crio.service', 'Wants=b.service sriov-config.service', 'After=kubelet-dependencies.target getty@tty1.service'], ['/usr/bin/true']),
      unit('b.service', ['Before=a.service kubelet.service'], ['/usr/bin/true']),
    ].join('\n'));
    assert.deepEqual(findings(text, 'unit-dependency'), []);
  });

  it('the RHCOS list has the units the MCO and RHCOS order against', () => {
    for (const name of ['network-online.target', 'NetworkManager-wait-online.service', 'ovs-configuration.service', 'kubelet-dependencies.target',
      'crio.service', 'machine-config-daemon-firstboot.service', 'rpm-ostreed.service', 'chronyd.service', 'sshd.service', 'openvswitch.service',
      'systemd-udev-settle.service', 'coreos-ignition-firstboot-complete.service', 'nodeip-configuration.service', 'network.service']) {
      assert.ok(RHCOS_UNITS.has(name), name);
    }
  });
});

describe('routes inside sh -c and bash -c are read like any other', () => {
  const route = `/usr/bin/bash -c "nmcli connection modify ens4 +ipv4.routes '10.128.5.0/24 10.0.0.1'"`;

  it('a route into the cluster network in bash -c "nmcli …" is flagged exactly under the destination', () => {
    const text = config(unit('hidden.service', [...ONLINE, 'After=ovs-configuration.service'], [route]));
    const [finding] = findings(text, 'route-overlaps-cluster');
    assert.ok(finding, 'route-overlaps-cluster is reported');
    assert.equal(underlined(text, finding), '10.128.5.0/24');
    assert.equal(finding.start, text.indexOf('10.128.5.0/24'));
  });

  it('the same route outside the cluster network is not flagged; nor a route held in a variable, nor one only echoed', () => {
    const outside = config(unit('hidden.service', [...ONLINE, 'After=ovs-configuration.service'], [route.replace('10.128.5.0/24', '192.168.5.0/24')]));
    assert.deepEqual(findings(outside, 'route-overlaps-cluster'), []);
    const variable = config(unit('hidden.service', [...ONLINE, 'After=ovs-configuration.service'], ['/bin/sh -c \'DEST=10.128.5.0/24; nmcli connection modify ens4 +ipv4.routes "$$DEST 10.0.0.1"\'']));
    assert.deepEqual(findings(variable, 'route-overlaps-cluster'), []);
    const echoed = config(unit('hidden.service', [...ONLINE, 'After=ovs-configuration.service'], [`/bin/sh -c "echo nmcli connection modify ens4 +ipv4.routes 10.128.5.0/24"`]));
    assert.deepEqual(findings(echoed, 'route-overlaps-cluster'), []);
  });

  it('a double-quoted unit composes its escapes with the shell body: the squiggle still lands on the file characters', () => {
    const contents = `"[Unit]\\nWants=network-online.target\\nAfter=network-online.target ovs-configuration.service\\n[Service]\\nType=oneshot\\nRemainAfterExit=yes\\nExecStart=/bin/sh -c \\"nmcli con mod ens4 +ipv4.routes '10.128.5.0/24 10.0.0.1'; nmcli con up ens4\\"\\n[Install]\\nWantedBy=multi-user.target\\n"`;
    const text = config(`        - name: quoted.service\n          enabled: true\n          contents: ${contents}`);
    const [finding] = findings(text, 'route-overlaps-cluster');
    assert.equal(underlined(text, finding), '10.128.5.0/24');
  });

  it('the route destination inside bash -c has its hover, on exactly its characters', () => {
    const text = config(unit('hidden.service', [...ONLINE, 'After=ovs-configuration.service'], [route]));
    const at = text.indexOf('10.128.5.0/24');
    const found = hoverAt(parseText(text), at + 3, DEFAULT_SETTINGS);
    assert.ok(found, 'a hover on the destination');
    assert.equal(text.slice(found.start, found.end), '10.128.5.0/24');
  });

  it('unit-exec-shell still accepts the sh -c form', () => {
    const text = config(unit('hidden.service', [...ONLINE, 'After=ovs-configuration.service'], [route, `/bin/sh -c 'nmcli con up ens4 && nmcli con reload'`]));
    assert.deepEqual(findings(text, 'unit-exec-shell').filter((p) => p.severity === 'error'), []);
  });

  it('finds the script a shell runs, after its options', () => {
    const argv = (line: string) => line.split(' ').map((w, i) => EmbeddedText.verbatim(w, i));
    assert.equal(shellScriptArgument(argv('/bin/sh -c body')), 2);
    assert.equal(shellScriptArgument(argv('/usr/bin/bash -ec body')), 2);
    assert.equal(shellScriptArgument(argv('bash -o pipefail -c body')), 4);
    assert.equal(shellScriptArgument(argv('bash -c -e body')), 3);
    assert.equal(shellScriptArgument(argv('/usr/bin/env LANG=C bash -c body')), 4);
    assert.equal(shellScriptArgument(argv('/usr/bin/bash /usr/local/bin/routes.sh')), undefined);
    assert.equal(shellScriptArgument(argv('/usr/bin/nmcli -c no con up ens4')), undefined);
    assert.equal(shellScriptArgument(argv('/bin/sh -c')), undefined);
  });
});
