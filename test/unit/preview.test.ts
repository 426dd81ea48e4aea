/** The unit preview (core/ide/preview.ts) and the `ip route` lines it promises (core/routes/ipRoute.ts). */
import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/analysis/lint';
import { routesOf } from '../../server/src/core/kinds/machineconfig/model';
import { previewTargets, renderPreview, targetAt, type PreviewSelection } from '../../server/src/core/ide/preview';
import { ipRouteCommand, ipRouteLine } from '../../server/src/core/routes/ipRoute';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import { machineConfig, machineConfigHead } from '../support/machineConfig';
import { fixture, SEED as seed } from '../support/seed';
import { SEED_PREVIEW_BODY as SEED_PREVIEW, seedPreview } from '../support/seedPreview';

const linted = new Map<string, ReturnType<typeof lintText>>();

/** The preview of `text`; each text is linted once (the preview is a pure function of the lint result). */
function preview(text: string, selection: PreviewSelection = {}, settings: Settings = DEFAULT_SETTINGS): string {
  const key = `${JSON.stringify(settings)}\n${text}`;
  let result = linted.get(key);
  if (!result) linted.set(key, (result = lintText(text, settings)));
  return renderPreview(result.parsed, settings, result.problems, selection);
}

/** The lines of `text` from the one starting with `first` up to (not including) the next blank line. */
function block(text: string, first: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(first));
  assert.ok(at >= 0, `a line starting with ${JSON.stringify(first)} in:\n${text}`);
  const end = lines.indexOf('', at);
  return lines.slice(at, end < 0 ? undefined : end);
}


describe('unit preview', () => {
  describe('the seed', () => {
    it('is previewed exactly: path, state, the unit without its YAML indentation, argv, the ip route line, its problems', () => {
      assert.equal(preview(seed), SEED_PREVIEW);
    });

    it('holds the unit text as the node has it and the route line the seed promises', () => {
      const text = preview(seed);
      const unit = seed.slice(seed.indexOf('[Unit]'), seed.indexOf('        enabled:')).replace(/^ {13}/gm, '');
      assert.ok(text.includes(`----- contents, as the node has them -----\n${unit}----- end of contents -----\n`));
      assert.ok(text.includes('\n  192.168.1.0/24 via 172.18.0.1 dev ens5 proto static metric 100\n'));
    });

    it('the same text for the unit by name and for the cursor anywhere in its YAML entry', () => {
      assert.equal(preview(seed, { unitName: 'nmcli-dev-modify.service' }), SEED_PREVIEW);
      for (const needle of ['      - contents: |', '[Service]', '172.18.0.1', 'name: nmcli-dev-modify.service']) {
        assert.equal(preview(seed, { offset: seed.indexOf(needle) + 1 }), SEED_PREVIEW, needle);
      }
      // Outside every unit: all of them, which for the seed is the same one.
      assert.equal(preview(seed, { offset: seed.indexOf('networkd') }), SEED_PREVIEW);
    });

    it('a unit name that is not there is said so, with the names that are', () => {
      assert.equal(preview(seed, { unitName: 'nope.service' }), [
        'Problems checked for any supported OpenShift release on OVNKubernetes.',
        '',
        'No unit named nope.service in this file. Units here: nmcli-dev-modify.service.',
        '',
        'Elsewhere in the file: 17:5 warning ign-unknown-key, 25:14 warning unit-network-online, ' +
          '28:14 info unit-oneshot-remain, 29:24 info unit-exec-shell, 29:30 hint nmcli-device-runtime, 29:41 info nmcli-ovn-port, ' +
          '29:60 hint route-ovn-egress, 34:3 info mc-os-image-url.',
        '',
      ].join('\n'));
    });

    it('follows the settings: on OpenShift SDN the OVN-Kubernetes findings are gone', () => {
      const sdn: Settings = { ...DEFAULT_SETTINGS, networkType: 'OpenShiftSDN' };
      const text = preview(seed, {}, sdn);
      assert.equal(text.split('\n')[0], 'Problems checked for any supported OpenShift release on OpenShiftSDN.');
      assert.deepEqual(block(text, 'Problems in this unit'), [
        'Problems in this unit (4):',
        ...block(SEED_PREVIEW, 'Problems in this unit').slice(1).filter((l) => !/unit-ovn-ordering|nmcli-ovn-port|route-ovn-egress/.test(l)),
      ]);
    });
  });

  describe('the title, when the caller names the YAML', () => {
    const titleOf = (text: string, selection: PreviewSelection = {}, source = 'routes.yaml'): string => {
      const result = lintText(text, DEFAULT_SETTINGS);
      return renderPreview(result.parsed, DEFAULT_SETTINGS, result.problems, selection, source).split('\n')[0];
    };
    const several = machineConfig({
      name: '99-worker-routes',
      units: [
        { name: 'a.service', contents: ['[Unit]', 'Description=a'] },
        { name: 'b.service', contents: ['[Unit]', 'Description=b'] },
      ],
      files: [
        { path: '/etc/motd', mode: '0644', text: 'hello' },
        { path: '/etc/issue', mode: '0644', text: 'hello' },
      ],
    });

    it('names the YAML and what is shown, on the line before the settings the findings assume', () => {
      const result = lintText(seed, DEFAULT_SETTINGS);
      assert.equal(renderPreview(result.parsed, DEFAULT_SETTINGS, result.problems, {}, 'seed-route.yaml'), seedPreview('seed-route.yaml'));
      assert.ok(seedPreview('x.yaml').startsWith('Preview of unit nmcli-dev-modify.service in x.yaml\nProblems checked for '));
    });

    it('up to three entries by name, more counted by kind, none: the file alone', () => {
      assert.equal(titleOf(several, { unitName: 'b.service' }), 'Preview of unit b.service in routes.yaml');
      assert.equal(titleOf(several, { filePath: '/etc/issue' }), 'Preview of file /etc/issue in routes.yaml');
      assert.equal(titleOf(several), 'Preview of 2 units and 2 files in routes.yaml');
      assert.equal(titleOf(several, { unitName: 'nope.service' }), 'Preview of routes.yaml');
      assert.equal(titleOf(machineConfig({ name: '99-worker-x', units: [{ name: 'a.service', contents: ['[Unit]'] }], files: [{ path: '/etc/motd', mode: '0644', text: 'x' }] })),
        'Preview of unit a.service and file /etc/motd in routes.yaml');
      assert.equal(titleOf(fixture('../../examples/nncp-route.yaml'), {}, 'nncp-route.yaml'), 'Preview of NodeNetworkConfigurationPolicy ens6-static-routes in nncp-route.yaml');
      assert.equal(titleOf('apiVersion: v1\nkind: ConfigMap\n'), 'Preview of routes.yaml');
    });
  });

  describe('units and dropins', () => {
    const text = machineConfig({
      name: '99-worker-routes',
      units: [{
        name: 'add-routes.service',
        enabled: true,
        contents: [
          '[Unit]',
          'Description=Add static routes',
          'Wants=network-online.target',
          'After=network-online.target ovs-configuration.service',
          '[Service]',
          'Type=oneshot',
          'RemainAfterExit=yes',
          'ExecStart=/usr/bin/nmcli connection modify br-ex +ipv4.routes "192.168.1.0/24 10.0.0.1"',
          '[Install]',
          'WantedBy=multi-user.target',
        ],
        dropins: [{
          name: '10-ipv6.conf',
          contents: [
            '[Service]',
            'ExecStart=',
            'ExecStart=-/usr/bin/nmcli dev modify br-ex +ipv6.routes "fd00:1::/64 fd00::1 200, 2001:db8:0::/32 fd00::1 table=100" ipv6.route-metric 50',
          ],
        }],
      }, {
        name: 'kubelet.service',
        dropins: [{ name: '20-after-routes.conf', contents: '"[Unit]\\nAfter=add-routes.service"' }],
      }],
    });

    it('a dropin is written under <unit>.d/, split and rendered like a unit, with its own problems', () => {
      const shown = preview(text, { unitName: 'add-routes.service' });
      assert.deepEqual(block(shown, '== dropin 10-ipv6.conf'), [
        '== dropin 10-ipv6.conf of add-routes.service (line 27) ==',
        'path:  /etc/systemd/system/add-routes.service.d/10-ipv6.conf',
      ]);
      assert.ok(shown.includes([
        '----- contents, as the node has them -----',
        '[Service]',
        'ExecStart=',
        'ExecStart=-/usr/bin/nmcli dev modify br-ex +ipv6.routes "fd00:1::/64 fd00::1 200, 2001:db8:0::/32 fd00::1 table=100" ipv6.route-metric 50',
        '----- end of contents -----',
      ].join('\n')), shown);
      assert.deepEqual(block(shown, 'ExecStart (dropin line 2'), [
        'ExecStart (dropin line 2, file line 30), as systemd splits it:',
        '  (empty: clears the ExecStart= commands set before it)',
      ]);
      assert.deepEqual(block(shown, 'ExecStart (dropin line 3'), [
        'ExecStart (dropin line 3, file line 31), as systemd splits it:',
        '  prefix -: a failure is ignored',
        '  argv[0] /usr/bin/nmcli',
        '  argv[1] dev',
        '  argv[2] modify',
        '  argv[3] br-ex',
        '  argv[4] +ipv6.routes',
        '  argv[5] fd00:1::/64 fd00::1 200, 2001:db8:0::/32 fd00::1 table=100',
        '  argv[6] ipv6.route-metric',
        '  argv[7] 50',
      ]);
      // The unit's findings stay with the unit, the dropin's with the dropin.
      const findings = (heading: string) => block(shown, heading).map((l) => (l.startsWith('  ') ? l.split(' ').slice(0, 5).join(' ') : l));
      assert.deepEqual(findings('Problems in this unit'), ['Problems in this unit (1):', '  23:76 hint route-ovn-egress']);
      assert.deepEqual(findings('Problems in this dropin'), ['Problems in this dropin (2):', '  31:43 hint nmcli-device-runtime', '  31:129 warning route-table-unused']);
      assert.ok(!shown.includes('kubelet.service'), 'only the unit asked for');
    });

    it('IPv6 routes: ip -6 route show, compressed addresses, pref medium, a table of their own, the metric of the command', () => {
      const shown = preview(text, { unitName: 'add-routes.service' });
      const routes = shown.split('\n== dropin')[1];
      assert.deepEqual(block(routes, 'Routes it should produce'), [
        'Routes it should produce, once it has run:',
        '  $ ip -6 route show',
        '  fd00:1::/64 via fd00::1 dev br-ex proto static metric 200 pref medium',
        '  $ ip -6 route show table 100',
        '  2001:db8::/32 via fd00::1 dev br-ex proto static metric 50 pref medium',
        '  (metric 50 where the route gives none: ipv6.route-metric 50 in the same command)',
      ]);
      // nmcli connection modify names a profile, not a device.
      assert.deepEqual(block(shown, 'Routes it should produce'), [
        'Routes it should produce, once it has run:',
        '  $ ip route show',
        '  192.168.1.0/24 via 10.0.0.1 dev <device of connection br-ex> proto static metric 100',
        '  (metric 100 where the route gives none: NetworkManager\'s default for an ethernet device)',
        '  (<device of connection br-ex>: the device the profile is active on)',
      ]);
    });

    it('a unit with dropins only keeps its state and contents; a text without a final newline says so', () => {
      const shown = preview(text, { unitName: 'kubelet.service' });
      assert.equal(shown, [
        'Problems checked for any supported OpenShift release on OVNKubernetes.',
        '',
        'MachineConfig 99-worker-routes (line 1), role worker',
        '',
        '== unit kubelet.service (line 32) ==',
        'path:  /etc/systemd/system/kubelet.service',
        'state: unchanged (no enabled:) — the unit keeps the state it has on the node',
        '',
        'No contents: the node keeps the unit it has and adds the dropins below.',
        '',
        'Problems in this unit: none',
        '',
        '== dropin 20-after-routes.conf of kubelet.service (line 34) ==',
        'path:  /etc/systemd/system/kubelet.service.d/20-after-routes.conf',
        '',
        '----- contents, as the node has them -----',
        '[Unit]',
        'After=add-routes.service',
        '\\ No newline at end of file',
        '----- end of contents -----',
        '',
        'Problems in this dropin: none',
        '',
        'Elsewhere in the file: 23:76 hint route-ovn-egress, 31:43 hint nmcli-device-runtime, 31:129 warning route-table-unused.',
        '',
      ].join('\n'));
    });

    it('enabled, disabled, masked and no [Install]: what the node does with the unit', () => {
      const unit = (extra: string, contents = '[Service]\\nExecStart=/bin/true\\n[Install]\\nWantedBy=multi-user.target network-online.target\\n') =>
        seed.replace(/      - contents: \|[\s\S]*name: nmcli-dev-modify.service\n/, `      - name: x.service\n${extra}        contents: "${contents}"\n`);
      const state = (t: string) => block(preview(t), 'state:')[0];
      assert.equal(state(unit('        enabled: true\n')), 'state: enabled — systemctl enable links it into multi-user.target.wants, network-online.target.wants');
      assert.equal(state(unit('        enabled: false\n')), 'state: disabled (enabled: false)');
      assert.equal(state(unit('')), 'state: not enabled (no enabled: true) — nothing starts it at boot unless another unit pulls it in');
      assert.equal(state(unit('        enabled: true\n', '[Service]\\nExecStart=/bin/true\\n')), 'state: enabled, but the unit has no [Install] section: enabling it does nothing');
      const masked = preview(unit('        mask: true\n'));
      assert.equal(block(masked, 'state:')[0], 'state: masked — the node links the path to /dev/null; the contents are not used');
      assert.ok(!masked.includes('----- contents'), 'a masked unit shows no contents');
    });

    it('arguments that would hide something are quoted; systemd expansions are pointed out', () => {
      const text2 = seed.replace('ExecStart=nmcli dev modify ens5 +ipv4.routes "192.168.1.0/24 172.18.0.1"',
        'ExecStart=/usr/bin/logger -t %n " padded " "" "tab\\there" $HOME');
      assert.deepEqual(block(preview(text2), 'ExecStart ('), [
        'ExecStart (unit line 7, file line 29), as systemd splits it:',
        '  argv[0] /usr/bin/logger',
        '  argv[1] -t',
        '  argv[2] %n   (systemd expands %-specifiers and $variables here)',
        '  argv[3] " padded "',
        '  argv[4] ""',
        '  argv[5] "tab\\there"',
        '  argv[6] $HOME   (systemd expands %-specifiers and $variables here)',
      ]);
    });
  });

  describe('files', () => {
    const keyfile = [
      '[connection]', 'id=storage', 'type=ethernet', 'interface-name=ens6', '',
      '[ipv4]', 'method=manual', 'address1=192.168.50.10/24', 'route1=10.20.0.0/16,192.168.50.1', 'route2=10.30.0.0/16,192.168.50.1,20',
      'route2_options=table=200,onlink=true', '',
      '[ipv6]', 'method=manual', 'route-metric=300', 'route1=fd00:20::/48,fd00:50::1', '',
    ].join('\n');
    const text = machineConfig({
      name: '99-worker-storage-network',
      files: [
        {
          path: '/etc/NetworkManager/system-connections/storage.nmconnection',
          mode: '0600',
          overwrite: true,
          source: `data:text/plain;charset=utf-8;base64,${Buffer.from(keyfile).toString('base64')}`,
        },
        { path: '/etc/motd', mode: 420, text: 'Routes are managed by MachineConfig.' },
        { path: '/usr/local/bin/tool', source: 'https://example.com/tool' },
      ],
    });

    it('a NetworkManager keyfile from a base64 data: URL: decoded, mode in octal, the routes NetworkManager adds', () => {
      const shown = preview(text, { filePath: '/etc/NetworkManager/system-connections/storage.nmconnection' });
      // The finding stands at the base64 group that encodes the first byte of 10.20.0.0/16.
      const payload = Buffer.from(keyfile).toString('base64');
      const line = text.split('\n')[16];
      const routeColumn = line.indexOf(payload) + Math.floor(keyfile.indexOf('10.20.0.0/16') / 3) * 4 + 1;
      assert.equal(shown, [
        'Problems checked for any supported OpenShift release on OVNKubernetes.',
        '',
        'MachineConfig 99-worker-storage-network (line 1), role worker',
        '',
        '== file /etc/NetworkManager/system-connections/storage.nmconnection (line 13) ==',
        'mode:  0600',
        'contents: data: URL, base64, decoded below',
        '',
        '----- contents, as the node has them -----',
        ...keyfile.split('\n').slice(0, -1),
        '----- end of contents -----',
        '',
        'Routes NetworkManager should add from it:',
        '  $ ip route show',
        '  10.20.0.0/16 via 192.168.50.1 dev ens6 proto static metric 100',
        '  $ ip route show table 200',
        '  10.30.0.0/16 via 192.168.50.1 dev ens6 proto static metric 20 onlink',
        '  $ ip -6 route show',
        '  fd00:20::/48 via fd00:50::1 dev ens6 proto static metric 300 pref medium',
        '  (metric 100 where the route gives none: NetworkManager\'s default for an ethernet device)',
        '  (metric 300 where the route gives none: route-metric= in [ipv6])',
        '',
        'Problems in this file (1):',
        `  17:${routeColumn} hint route-ovn-egress Pods on OVN-Kubernetes use host routes only with gatewayConfig.routingViaHost: true; the node always does.`,
        '',
        'Elsewhere in the file: 24:21 error file-source.',
        '',
      ].join('\n'));
    });

    it('a percent-encoded text without a final newline, a decimal mode, a source that is not a data: URL', () => {
      const shown = preview(text);
      assert.deepEqual(block(shown, '== file /etc/motd'), [
        '== file /etc/motd (line 18) ==',
        'mode:  0644 (written 420)',
        'contents: data: URL, percent-encoded, decoded below',
      ]);
      assert.ok(shown.includes('----- contents, as the node has them -----\nRoutes are managed by MachineConfig.\n\\ No newline at end of file\n----- end of contents -----\n'));
      assert.deepEqual(block(shown, '== file /usr/local/bin/tool'), [
        '== file /usr/local/bin/tool (line 22) ==',
        'mode:  0644 (no mode: Ignition\'s default)',
        'contents: a https: URL — not previewed (only data: URLs are shown)',
      ]);
      assert.ok(!shown.includes('Elsewhere'), 'every finding lies in a file shown');
    });

    it('routes NetworkManager refuses are listed with the reason the rules give', () => {
      const cases = fixture('cases/keyfile-routes.yaml');
      const shown = preview(cases, { filePath: '/etc/NetworkManager/system-connections/ens5.nmconnection' });
      assert.deepEqual(block(shown, 'Routes NetworkManager should add from it:'), [
        'Routes NetworkManager should add from it:',
        '  $ ip route show',
        '  192.168.1.0/24 via 172.18.0.1 dev ens5 proto static metric 100',
        '  192.168.5.0/24 via 172.18.0.1 dev ens5 proto static metric 100',
        '  (metric 100 where the route gives none: NetworkManager\'s default for an ethernet device)',
        '  not added: 192.168.2.0/33,172.18.0.1 — route-cidr: Prefix "33" is not a number from 0 to 32: write the network\'s prefix length.',
        '  not added: fd00:1::/64,172.18.0.1 — route-family: fd00:1::/64 is an IPv6 destination in ipv4.routes; IPv6 routes belong in ipv6.routes.',
        '  not added: 192.168.4.0/24,224.0.0.1 — route-gateway: Next hop 224.0.0.1 is a multicast address: use a router\'s unicast address.',
        '  not added: fd00:2::/64,172.18.0.1 — route-family: Next hop 172.18.0.1 is IPv4 but the route is in ipv6.routes: use a next hop of the route\'s family.',
      ]);
    });
  });

  describe('a file with YAML errors', () => {
    const text = [
      machineConfig({
        name: '99-worker-a',
        role: null,
        units: [{
          name: 'a.service',
          enabled: true,
          strip: true,
          contents: ['[Service]', 'Type=oneshot', 'ExecStart=/usr/bin/nmcli dev modify br-ex +ipv4.routes "10.1.0.0/16 10.0.0.1 50"', '[Install]', 'WantedBy=multi-user.target'],
        }],
      }) + '---',
      // A document whose flow sequence does not close.
      machineConfigHead({ name: '99-worker-b', role: null }) + 'spec:',
      '  config:',
      '    systemd:',
      '      units: [ {name: b.service',
      '        contents: x }',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: other',
      '',
    ].join('\n');

    it('previews what parses and says what does not', () => {
      const shown = preview(text);
      assert.ok(shown.startsWith([
        'Problems checked for any supported OpenShift release on OVNKubernetes.',
        '',
        'MachineConfig 99-worker-a (document 1, line 1)',
        '',
        '== unit a.service (line 11) ==',
      ].join('\n')), shown);
      assert.ok(shown.includes('\nWantedBy=multi-user.target\n\\ No newline at end of file\n----- end of contents -----\n'), 'strip chomping: no final newline');
      assert.ok(shown.includes('\n  10.1.0.0/16 via 10.0.0.1 dev br-ex proto static metric 50\n'));
      assert.ok(shown.endsWith([
        '',
        'Document 2 (line 20) does not parse: Implicit keys need to be on a single line (line 27:23) — fix the YAML to preview it.',
        '',
        'Document 3 (line 30) is a ConfigMap, not a MachineConfig or an NMState document: nothing to preview.',
        '',
        'Elsewhere in the file: 3:1 error mc-role-label, 27:23 error yaml-syntax, 29:1 error yaml-syntax.',
        '',
      ].join('\n')), shown);
    });

    it('the unit asked for in a document that does not parse: not found, and why', () => {
      const shown = preview(text, { unitName: 'b.service' });
      assert.ok(shown.includes('\nDocument 2 (line 20) does not parse: '), shown);
      assert.ok(shown.includes('\nNo unit named b.service in this file. Units here: a.service.\n'), shown);
    });

    it('a file that holds no MachineConfig and no NMState document says so', () => {
      assert.equal(preview('apiVersion: v1\nkind: ConfigMap\n'), 'Problems checked for any supported OpenShift release on OVNKubernetes.\n\nNo MachineConfig or NMState document in this file: nothing to preview.\n');
    });
  });

  describe('selection by offset', () => {
    const text = machineConfig({
      name: '99-worker-two',
      files: [{ path: '/etc/motd', text: 'hello\n' }],
      units: [
        { name: 'one.service', enabled: true, contents: ['[Service]', 'ExecStart=/usr/bin/true one'] },
        { name: 'two.service', contents: ['[Service]', 'ExecStart=/usr/bin/true two'] },
      ],
    });
    const parsed = lintText(text, DEFAULT_SETTINGS).parsed;
    const units = (shown: string) => shown.split('\n').filter((l) => l.startsWith('== ')).map((l) => l.replace(/ \(line \d+\) ==$/, ''));

    it('the unit or file whose entry holds the offset, from the start of its `- ` line to its last character', () => {
      assert.deepEqual(units(preview(text, { offset: text.indexOf('true two') })), ['== unit two.service']);
      assert.deepEqual(units(preview(text, { offset: text.indexOf('        - name: two.service') })), ['== unit two.service']);
      assert.deepEqual(units(preview(text, { offset: text.indexOf('enabled: true') })), ['== unit one.service']);
      assert.deepEqual(units(preview(text, { offset: text.indexOf('hello') })), ['== file /etc/motd']);
      assert.deepEqual(units(preview(text, { offset: text.indexOf('99-worker-two') })), ['== unit one.service', '== unit two.service', '== file /etc/motd']);
      assert.deepEqual(units(preview(text, { offset: text.indexOf('    systemd:') })), ['== unit one.service', '== unit two.service', '== file /etc/motd']);
    });

    it('targets: every unit and file with its entry range; targetAt agrees with the preview', () => {
      const targets = previewTargets(parsed);
      assert.deepEqual(targets.map((t) => `${t.kind} ${t.name} ${text.slice(t.start, t.end).split('\n')[0]}`), [
        'unit one.service         - name: one.service',
        'unit two.service         - name: two.service',
        'file /etc/motd         - path: /etc/motd',
      ]);
      assert.equal(targetAt(parsed, text.indexOf('true one'))?.name, 'one.service');
      assert.equal(targetAt(parsed, text.indexOf('kind:')), undefined);
    });
  });

  describe('ip route lines (routes/ipRoute.ts)', () => {
    const routes = (value: string, property = 'ipv4.routes') => {
      const text = seed.replace('+ipv4.routes "192.168.1.0/24 172.18.0.1"', `+${property} "${value}"`);
      return routesOf(lintText(text, DEFAULT_SETTINGS).parsed.documents[0].machineConfig!);
    };
    const line = (value: string, property?: string) => routes(value, property).map((r) => `${ipRouteCommand(r)}: ${ipRouteLine(r, 'ens5')}`);

    it('as iproute2 prints them', () => {
      assert.deepEqual(line('192.168.1.0/24 172.18.0.1'), ['ip route show: 192.168.1.0/24 via 172.18.0.1 dev ens5 proto static metric 100']);
      assert.deepEqual(line('192.168.1.5/24 172.18.0.1 50'), ['ip route show: 192.168.1.0/24 via 172.18.0.1 dev ens5 proto static metric 50']);
      assert.deepEqual(line('10.0.0.9 172.18.0.1'), ['ip route show: 10.0.0.9 via 172.18.0.1 dev ens5 proto static metric 100']);
      assert.deepEqual(line('0.0.0.0/0 172.18.0.1 table=200'), ['ip route show table 200: default via 172.18.0.1 dev ens5 proto static metric 100']);
      assert.deepEqual(line('192.168.2.0/24'), ['ip route show: 192.168.2.0/24 dev ens5 proto static scope link metric 100']);
      assert.deepEqual(line('192.168.3.0/24 10.9.9.1 mtu=1400 lock-mtu=true onlink=true src=10.0.0.5'),
        ['ip route show: 192.168.3.0/24 via 10.9.9.1 dev ens5 proto static src 10.0.0.5 metric 100 onlink mtu lock 1400']);
      assert.deepEqual(line('2001:DB8:0:0::/64 fd00::1, ::/0 fd00::1 10', 'ipv6.routes'), [
        'ip -6 route show: 2001:db8::/64 via fd00::1 dev ens5 proto static metric 100 pref medium',
        'ip -6 route show: default via fd00::1 dev ens5 proto static metric 10 pref medium',
      ]);
    });
  });
});
