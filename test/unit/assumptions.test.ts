import * as assert from 'node:assert/strict';
import { parseText } from '../../server/src/core/analysis/lint';
import { readSettings } from '../../server/src/core/analysis/settings';
import { assumptionsOf, type Assumptions } from '../../server/src/core/ide/assumptions';
import { SEED, fixture } from '../support/seed';

const assume = (text: string, raw: unknown = {}) => assumptionsOf(parseText(text), readSettings(raw));

/** The status rows as the pop-up shows them: value – what it is. */
const rowLines = (a: Assumptions): string[] => a.rows.map((r) => `${r.text} – ${r.detail}`);

describe('assumptions: what the findings of a file assume about its cluster', function () {
  it('the seed with the default settings: OVN-Kubernetes, no release, the default ranges', function () {
    assert.deepEqual(assume(SEED), {
      reads: true,
      kinds: ['MachineConfig'],
      networkType: 'OVNKubernetes',
      clusterNetwork: ['10.128.0.0/14'],
      serviceNetwork: ['172.30.0.0/16'],
      machineNetwork: ['10.0.0.0/16'],
      declared: [],
      ignored: [],
      ignoredSettings: [],
      summary: 'The findings assume OVN-Kubernetes, any supported release, cluster network 10.128.0.0/14, service network 172.30.0.0/16, machine network 10.0.0.0/16.',
      rows: [
        { key: 'networkType', text: 'OVN-Kubernetes', detail: 'network type', setting: 'mcroutes.networkType', ignored: [] },
        { key: 'openshiftVersion', text: 'any release', detail: 'OpenShift release', setting: 'mcroutes.openshiftVersion', ignored: [] },
        { key: 'clusterNetwork', text: '10.128.0.0/14', detail: 'cluster network', setting: 'mcroutes.clusterNetwork', ignored: [] },
        { key: 'serviceNetwork', text: '172.30.0.0/16', detail: 'service network', setting: 'mcroutes.serviceNetwork', ignored: [] },
        { key: 'machineNetwork', text: '10.0.0.0/16', detail: 'machine network', setting: 'mcroutes.machineNetwork', ignored: [] },
      ],
    });
  });

  it('the settings as the findings use them: release, network type, br-ex, masquerade subnet', function () {
    const seen = assume(SEED, { openshiftVersion: '4.16', networkType: 'OpenShiftSDN', brExInterface: 'ens3', brExCustomizedByNmstate: true, ovnMasqueradeSubnet: '169.254.0.0/17', machineNetwork: [] });
    assert.deepEqual(rowLines(seen).slice(0, 2), ['OpenShift SDN – network type', '4.16 – OpenShift release']);
    assert.equal(seen.release, '4.16');
    assert.deepEqual(rowLines(seen).slice(2), ['10.128.0.0/14 – cluster network', '172.30.0.0/16 – service network', 'none – machine network',
      'ens3 – NIC under br-ex', 'by NMState – br-ex customized', '169.254.0.0/17 – OVN masquerade subnet']);
    assert.deepEqual([seen.brExInterface, seen.brExCustomizedByNmstate, seen.ovnMasqueradeSubnet], ['ens3', true, '169.254.0.0/17']);
  });

  it('a value left out is counted in the detail and named in the summary, the good entries shown', function () {
    const seen = assume(SEED, { clusterNetwork: ['10.128.0.0/14', '10.300.0.0/33'] });
    assert.deepEqual(seen.clusterNetwork, ['10.128.0.0/14']);
    assert.deepEqual(seen.ignored, ['mcroutes.clusterNetwork: "10.300.0.0/33" is not a CIDR; it is ignored.']);
    assert.deepEqual(seen.ignoredSettings, ['mcroutes.clusterNetwork']);
    assert.match(seen.summary, /"10\.300\.0\.0\/33" is not a CIDR; it is ignored\.$/);
    // One row per setting: the bad value on its own setting's row, in the pop-up's short lines.
    const cluster = seen.rows.find((r) => r.key === 'clusterNetwork')!;
    assert.deepEqual([cluster.text, cluster.ignored], ['10.128.0.0/14', ['mcroutes.clusterNetwork: "10.300.0.0/33" is not a CIDR; it is ignored.']]);
    assert.ok(seen.rows.filter((r) => r !== cluster).every((r) => r.ignored.length === 0));
  });

  it('the ranges an install-config declares replace the settings\' and say so', function () {
    const installConfig = fixture('cases/nmstate-hosts.yaml').split(/^---$/m).find((part) => part.includes('name: edge'))!;
    const seen = assume(installConfig);
    assert.deepEqual(seen.kinds, ['install-config']);
    assert.deepEqual(seen.clusterNetwork, ['10.132.0.0/14']);
    assert.deepEqual(seen.machineNetwork, ['10.10.0.0/24', '192.168.20.0/24']);
    assert.deepEqual(seen.declared, ['clusterNetwork', 'serviceNetwork', 'machineNetwork']);
    assert.deepEqual(rowLines(seen).slice(2), ['10.132.0.0/14 – cluster network (this file)', '172.31.0.0/16 – service network (this file)',
      '10.10.0.0/24, 192.168.20.0/24 – machine network (this file)']);
  });

  it('names each kind the file holds, once', function () {
    const policy = 'apiVersion: nmstate.io/v1\nkind: NodeNetworkConfigurationPolicy\nmetadata:\n  name: p\nspec:\n  desiredState:\n    routes:\n      config: []\n';
    const butane = 'variant: openshift\nversion: 4.16.0\nmetadata:\n  name: b\n  labels:\n    machineconfiguration.openshift.io/role: worker\n';
    assert.deepEqual(assume(`${SEED}\n---\n${policy}---\n${butane}---\n${SEED}`).kinds, ['MachineConfig', 'NodeNetworkConfigurationPolicy', 'Butane config']);
  });

  it('a file the linter does not read: reads is false', function () {
    assert.equal(assume('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n').reads, false);
    assert.equal(assume('').reads, false);
  });
});
