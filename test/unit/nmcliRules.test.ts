import * as assert from 'node:assert/strict';
import { EmbeddedText } from '../../server/src/core/text/embeddedText';
import { splitExecCommand } from '../../server/src/core/formats/execCommand';
import { lintText } from '../../server/src/core/analysis/lint';
import { parseNmcli } from '../../server/src/core/formats/nmcli';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import { machineConfig as build, orderedUnit } from '../support/machineConfig';

function nmcli(line: string) {
  const command = parseNmcli(splitExecCommand(EmbeddedText.verbatim(line, 0)).argv);
  assert.ok(command, `${line} is read as nmcli`);
  return command;
}

/** A MachineConfig with one unit ordered the way an expert orders it, running `execs`. */
function machineConfig(execs: string[]): string {
  return build({ name: '99-worker-test', units: [orderedUnit(execs.map((e) => `ExecStart=${e}`))] });
}

function findings(text: string, settings: Partial<Settings> = {}): string[] {
  return lintText(text, { ...DEFAULT_SETTINGS, ...settings }).problems.map((p) => `${p.code} ${JSON.stringify(text.slice(p.start, p.end))}`);
}

describe('nmcli command and route words, as nmcli reads them', () => {
  it('keeps the program, the object and verb words as written, and --temporary', () => {
    const dev = nmcli('/usr/bin/nmcli -w 10 d mod ens5 +ipv4.routes "10.0.0.0/8 10.1.1.1"');
    assert.deepEqual([dev.program.value, dev.objectWord.value, dev.verbWord.value, dev.temporary], ['/usr/bin/nmcli', 'd', 'mod', false]);
    const con = nmcli('nmcli connection modify --temporary id "br ex" +ipv4.routes "10.0.0.0/8"');
    assert.deepEqual([con.object, con.target?.value, con.temporary], ['connection', 'br ex', true]);
  });

  it('classifies every word: next hop, metric, attributes, and what nmcli refuses', () => {
    const [route] = nmcli('nmcli dev mod br-ex +ipv4.routes "10.1.0.0/16 10.0.0.1 100 mtu=1400 200 10.0.0.2 onlink via"').routes;
    assert.equal(route.gateway?.value, '10.0.0.1');
    assert.equal(route.metric?.value, '100');
    assert.deepEqual(route.attributes.map((a) => `${a.name.value}=${a.value.value}`), ['mtu=1400']);
    assert.deepEqual(route.issues.map((i) => `${i.kind} ${i.word.value}`), [
      'metric-late 200', 'next-hop-late 10.0.0.2', 'bare-attribute onlink', 'ip-route-keyword via',
    ]);
  });

  it('takes the argument of an ip-route keyword with it, so it is not read as a next hop or metric', () => {
    const [route] = nmcli('nmcli dev mod br-ex +ipv4.routes "10.1.0.0/16 via 10.0.0.1 dev br-ex table 7"').routes;
    assert.equal(route.gateway?.value, '10.0.0.1');
    assert.equal(route.metric, undefined);
    assert.deepEqual(route.issues.map((i) => `${i.word.value} ${i.argument?.value ?? ''}`.trim()), ['via', 'dev br-ex', 'table 7']);
  });

  it('a second next hop and a second metric are noted (nmcli keeps the last)', () => {
    const [route] = nmcli('nmcli dev mod br-ex +ipv4.routes "10.1.0.0/16 10.0.0.1 10.0.0.2 5 6"').routes;
    assert.deepEqual(route.issues.map((i) => `${i.kind} ${i.word.value}`), ['next-hop-again 10.0.0.2', 'metric-again 6']);
  });

  it('stops at a lone ; (systemd runs what follows as the next command)', () => {
    const command = nmcli('/usr/bin/nmcli con mod br-ex +ipv4.routes "10.1.0.0/16 10.0.0.1" ; /usr/bin/logger done');
    assert.deepEqual(command.properties.map((p) => p.token.value), ['+ipv4.routes']);
    assert.equal(command.routes.length, 1);
  });

  it('a removal by index has no routes; a removal by value has', () => {
    assert.equal(nmcli('nmcli con mod br-ex -ipv4.routes "0, 2"').routes.length, 0);
    assert.equal(nmcli('nmcli con mod br-ex -ipv4.routes "10.0.0.0/8"').routes.length, 1);
  });
});

describe('rules that depend on the settings', () => {
  const seedLike = machineConfig(['/usr/bin/nmcli dev modify ens5 +ipv4.routes "100.64.3.0/24 10.0.0.1, 169.254.100.0/24 10.0.0.1, 169.254.169.3 10.0.0.1"']);

  it('OVN-Kubernetes (default): the NIC, the OVN subnets of 4.17+, the egress info', () => {
    assert.deepEqual(findings(seedLike), [
      'nmcli-device-runtime "dev modify"',
      'nmcli-ovn-port "ens5"',
      'route-overlaps-ovn "100.64.3.0/24"',
      'route-ovn-egress "100.64.3.0/24"',
      'route-overlaps-ovn "169.254.100.0/24"',
      'route-overlaps-ovn "169.254.169.3"',
    ]);
  });

  it('the release does not decide the masquerade subnet (an upgraded cluster keeps 169.254.169.0/29); the setting does', () => {
    const ovn = (settings: Partial<Settings>) => findings(seedLike, settings).filter((f) => f.startsWith('route-overlaps-ovn'));
    assert.deepEqual(ovn({ openshiftVersion: '4.16' }), ovn({ openshiftVersion: '4.19' }));
    assert.deepEqual(ovn({ ovnMasqueradeSubnet: '169.254.169.0/29' }), ['route-overlaps-ovn "100.64.3.0/24"', 'route-overlaps-ovn "169.254.169.3"']);
    assert.deepEqual(ovn({ ovnMasqueradeSubnet: '169.254.0.0/17' }), ['route-overlaps-ovn "100.64.3.0/24"', 'route-overlaps-ovn "169.254.100.0/24"']);
  });

  it('OpenShift SDN: no OVN-Kubernetes findings at all', () => {
    const text = machineConfig(['/usr/bin/nmcli dev modify ens5 +ipv4.routes "100.64.3.0/24 10.0.0.1, 0.0.0.0/0 10.0.0.254"']);
    const sdn = findings(text, { networkType: 'OpenShiftSDN' });
    assert.deepEqual(sdn, ['nmcli-device-runtime "dev modify"', 'route-default "0.0.0.0/0"']);
    const message = lintText(text, { ...DEFAULT_SETTINGS, networkType: 'OpenShiftSDN' }).problems.find((p) => p.code === 'route-default')?.message;
    assert.ok(message && !message.includes('OVN'), message);
  });

  it('the cluster, service and machine networks come from the settings', () => {
    const text = machineConfig(['/usr/bin/nmcli con mod br-ex +ipv4.routes "10.200.5.0/24 192.168.0.1, 10.128.5.0/24 192.168.0.1, 192.168.7.0/24 192.168.0.1, 172.30.1.0/24 192.168.0.1"']);
    const custom = { clusterNetwork: ['10.200.0.0/16'], serviceNetwork: ['172.31.0.0/16'], machineNetwork: ['192.168.0.0/16'] };
    assert.deepEqual(findings(text, custom).filter((f) => f.startsWith('route-overlaps')), [
      'route-overlaps-cluster "10.200.5.0/24"',
      'route-overlaps-machine "192.168.7.0/24"',
    ]);
    assert.deepEqual(findings(text).filter((f) => f.startsWith('route-overlaps')), [
      'route-overlaps-cluster "10.128.5.0/24"',
      'route-overlaps-cluster "172.30.1.0/24"',
    ]);
  });

  it('a keyfile route without a prefix is a /24 to NetworkManager, and judged as one', () => {
    const keyfile = [
      '    storage:',
      '      files:',
      '        - path: /etc/NetworkManager/system-connections/ens6.nmconnection',
      '          mode: 0600',
      '          contents:',
      '            source: data:,%5Bipv4%5D%0Aroute1%3D10.128.7.0%2C192.168.0.1%0A',
    ].join('\n');
    const text = machineConfig([]).replace('    systemd:', `${keyfile}\n    systemd:`);
    assert.deepEqual(findings(text).filter((f) => f.startsWith('route-overlaps')), ['route-overlaps-cluster "10.128.7.0"']);
  });
});
