/** `mcroutes new` from the bundled command line, dist/cli.js. */
import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/analysis/lint';
import { generateConfig, readBackRoutes } from '../../server/src/core/ide/generate';
import { butaneToMachineConfig, machineConfigToButane } from '../../server/src/core/kinds/butane/translate';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { assertCliBuilt, runCli } from '../support/cli';

const mcroutesNew = (...args: string[]) => runCli(['new', ...args]);

describe('mcroutes new', function () {
  this.timeout(20000);

  before(assertCliBuilt);

  it('prints the same YAML as the wizard\'s generateConfig, with the defaults (worker, nmcli unit, br-ex, Ignition 3.4.0 for any supported release), and nothing on stderr', function () {
    const { status, stdout, stderr } = mcroutesNew('--route', '192.168.1.0/24,172.18.0.1,100', '--route', 'fd00:1::/64,fd00::1', '--route', '192.168.2.0/24,,50');
    assert.equal(stderr, '');
    assert.equal(status, 0);
    assert.equal(stdout, generateConfig({
      role: 'worker', name: '99-worker-static-routes', method: 'nmcli-unit', interface: 'br-ex', ignitionVersion: '3.4.0', networkType: 'OVNKubernetes',
      routes: [{ destination: '192.168.1.0/24', gateway: '172.18.0.1', metric: 100 }, { destination: 'fd00:1::/64', gateway: 'fd00::1' }, { destination: '192.168.2.0/24', metric: 50 }],
    }));
    assert.deepEqual(lintText(stdout, DEFAULT_SETTINGS).problems.filter((p) => p.severity !== 'hint'), []);
  });

  it('every method, flags as --flag=value too; the Ignition spec follows --openshift-version', function () {
    const keyfile = mcroutesNew('--method=keyfile', '--interface=ens6', '--address=172.18.0.10/16', '--role=master', '--route=10.20.0.0/16,172.18.0.1', '--openshift-version=4.12');
    assert.equal(keyfile.status, 0, keyfile.stderr);
    assert.equal(keyfile.stderr, '');
    assert.match(keyfile.stdout, /version: 3\.2\.0/);
    assert.match(keyfile.stdout, /name: 99-master-static-routes/);
    assert.match(decodeURIComponent(keyfile.stdout), /\[ipv4\]\nmethod=manual\naddress1=172\.18\.0\.10\/16\nroute1=10\.20\.0\.0\/16,172\.18\.0\.1\n/);
    assert.deepEqual(readBackRoutes(keyfile.stdout), [{ destination: '10.20.0.0/16', gateway: '172.18.0.1' }]);
    assert.deepEqual(lintText(keyfile.stdout, { ...DEFAULT_SETTINGS, openshiftVersion: '4.12' }).problems.filter((p) => p.severity !== 'hint'), []);
    // DHCP: on OVN-Kubernetes the one question a DHCP keyfile draws (is ens6 the NIC under br-ex?) is said on stderr.
    const dhcp = mcroutesNew('--method', 'keyfile', '--interface', 'ens6', '--dhcp', '--route', '10.20.0.0/16,172.18.0.1');
    assert.equal(dhcp.status, 0, dhcp.stderr);
    assert.match(decodeURIComponent(dhcp.stdout), /\[ipv4\]\nmethod=auto\nnever-default=true\n/);
    assert.match(dhcp.stderr, /^mcroutes new: info: --dhcp: If ens6 is the NIC under br-ex, this DHCP profile loses its routes/);
    assert.equal(mcroutesNew('--method', 'keyfile', '--interface', 'ens6', '--dhcp', '--br-ex-interface', 'ens3', '--route', '10.20.0.0/16').stderr, '');
    // A custom role with its pool: the MachineConfigPool follows, and nothing is said about the role.
    const pool = mcroutesNew('--role', 'infra', '--with-pool', '--route', '192.168.1.0/24');
    assert.equal(pool.status, 0, pool.stderr);
    assert.equal(pool.stderr, '');
    assert.match(pool.stdout, /\n---\n# The infra pool: [^\n]*\n\napiVersion: machineconfiguration\.openshift\.io\/v1\nkind: MachineConfigPool\n/);
    assert.deepEqual(lintText(pool.stdout, DEFAULT_SETTINGS).problems.filter((p) => p.severity !== 'hint'), []);
    const policy = mcroutesNew('--method', 'nmstate', '--interface', 'ens6', '--name', 'edge-routes', '--route', 'fd00:2::/64,fd00::1,10');
    assert.equal(policy.status, 0, policy.stderr);
    assert.match(policy.stdout, /kind: NodeNetworkConfigurationPolicy\nmetadata:\n {2}name: edge-routes\n/);
    // The policy is read (its routes.config feed the route rules) and says nothing above a hint.
    assert.equal(lintText(policy.stdout, DEFAULT_SETTINGS).parsed.documents[0].kind?.id, 'nmstate');
    assert.deepEqual(lintText(policy.stdout, DEFAULT_SETTINGS).problems.filter((p) => p.severity !== 'hint'), []);
    const sdn = mcroutesNew('--network-type', 'OpenShiftSDN', '--interface', 'ens5', '--route', '192.168.1.0/24');
    assert.equal(sdn.status, 0, sdn.stderr);
    assert.doesNotMatch(sdn.stdout, /ovs-configuration/);
  });

  it('refuses what the wizard refuses, with the rule\'s reason and the suggestion, exit 2 and nothing on stdout', function () {
    const hostBits = mcroutesNew('--route', '192.168.1.5/24,172.18.0.1');
    assert.equal(hostBits.status, 2);
    assert.equal(hostBits.stdout, '');
    assert.equal(hostBits.stderr, 'mcroutes new: --route 192.168.1.5/24,172.18.0.1: 192.168.1.5/24 has host bits set: the network of this route is 192.168.1.0/24. (use 192.168.1.0/24)\n');
    const service = mcroutesNew('--route', '172.30.1.0/24');
    assert.equal(service.status, 2);
    assert.match(service.stderr, /^mcroutes new: --route 172\.30\.1\.0\/24: 172\.30\.1\.0\/24 lies in the service network/);
    const port = mcroutesNew('--interface', 'ens5', '--br-ex-interface', 'ens5', '--route', '192.168.1.0/24');
    assert.equal(port.status, 2);
    assert.match(port.stderr, /--interface ens5: ens5 is the NIC under br-ex, a port that carries no IP on OVN-Kubernetes: put the route on br-ex\. \(use br-ex\)\n$/);
    // A keyfile or an NMState policy is for a secondary NIC: br-ex is refused with the reason.
    const brExKeyfile = mcroutesNew('--method', 'keyfile', '--interface', 'br-ex', '--dhcp', '--route', '192.168.1.0/24');
    assert.equal(brExKeyfile.status, 2);
    assert.match(brExKeyfile.stderr, /^mcroutes new: --interface br-ex: br-ex is the OVS bridge configure-ovs builds and owns: a keyfile for it is not applied\./);
    const brExPolicy = mcroutesNew('--method', 'nmstate', '--interface', 'br-ex', '--route', '192.168.1.0/24');
    assert.equal(brExPolicy.status, 2);
    assert.match(brExPolicy.stderr, /^mcroutes new: --interface br-ex: The NMState Operator must not change br-ex/);
    const ovs = mcroutesNew('--method', 'nmstate', '--interface', 'br-int', '--route', '192.168.1.0/24');
    assert.match(ovs.stderr, /--interface br-int: br-int is an Open vSwitch interface the cluster network owns/);
    const family = mcroutesNew('--method', 'keyfile', '--interface', 'ens6', '--address', '10.0.5.10/24', '--route', 'fd00:1::/64');
    assert.equal(family.status, 2);
    assert.match(family.stderr, /--route fd00:1::\/64: The NIC gets no IPv6 address from this keyfile/);
    const network = mcroutesNew('--method', 'keyfile', '--interface', 'ens6', '--address', '10.0.5.0/24', '--route', '192.168.1.0/24');
    assert.match(network.stderr, /--address 10\.0\.5\.0\/24: 10\.0\.5\.0\/24 is the network address of its subnet/);
    for (const [args, pattern] of [
      [['--route', '192.168.1.0/24', '--name', 'My Routes'], /--name My Routes: metadata\.name "My Routes"/],
      [['--route', '192.168.1.0/24,fd00::1'], /--route 192\.168\.1\.0\/24,fd00::1: Next hop fd00::1 is IPv6/],
      [['--route', '192.168.1.0/24,,-5'], /--route 192\.168\.1\.0\/24,,-5: Metric "-5"/],
      [['--route', '192.168.1.0/24', '--ignition-version', '3.6.0'], /--ignition-version 3\.6\.0: No OpenShift release accepts Ignition 3\.6\.0: use 3\.4\.0\.\n$/],
      [['--route', '192.168.1.0/24', '--ignition-version', '3.6.0', '--openshift-version', '4.19'], /--ignition-version 3\.6\.0: OpenShift 4\.19 rejects Ignition 3\.6\.0 and the pool degrades: use 3\.5\.0, or change mcroutes\.openshiftVersion\.\n$/],
      [['--route', '192.168.1.0/24', '--role', 'Infra'], /--role Infra: "Infra" cannot name a MachineConfigPool/],
      [['--route', '10.0.5.0/24'], /lies in the machine network 10\.0\.0\.0\/16/],
    ] as [string[], RegExp][]) {
      const result = mcroutesNew(...args);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stdout, '', args.join(' '));
      assert.match(result.stderr, pattern);
    }
  });

  it('the cluster\'s ranges come from flags: a route into the default machine network passes with another one', function () {
    const result = mcroutesNew('--route', '10.0.5.0/24', '--machine-network', '192.168.0.0/16');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /\+ipv4\.routes "10\.0\.5\.0\/24"/);
  });

  it('advice is printed on stderr and the YAML still on stdout (a custom pool without its pool, a NIC that may be br-ex\'s)', function () {
    const infra = mcroutesNew('--role', 'infra', '--route', '192.168.1.0/24');
    assert.equal(infra.status, 0);
    assert.match(infra.stdout, /machineconfiguration\.openshift\.io\/role: infra/);
    assert.match(infra.stderr, /^mcroutes new: info: --role infra: Role "infra" needs a pool that selects it.*\nmcroutes new: --with-pool also prints the MachineConfigPool that selects infra\n$/);
    const nic = mcroutesNew('--interface', 'ens5', '--route', '192.168.1.0/24');
    assert.equal(nic.status, 0);
    assert.match(nic.stderr, /^mcroutes new: info: --interface ens5: If ens5 is the NIC under br-ex, the route belongs on br-ex/);
  });

  it('usage errors: no route, an unknown flag, a missing value, a flag twice, a bad setting, no interface for a keyfile', function () {
    for (const [args, pattern] of [
      [[], /give at least one --route/],
      [['--route', '192.168.1.0/24', '--colour'], /unknown option --colour/],
      [['--route'], /--route needs a value/],
      [['--route', '192.168.1.0/24', '--role', 'worker', '--role', 'master'], /--role is given 2 times/],
      [['--route', '192.168.1.0/24', '--network-type', 'Calico'], /--network-type: "Calico" is not OVNKubernetes or OpenShiftSDN\.\n$/],
      [['--route', '192.168.1.0/24', '--method', 'keyfile'], /--interface is needed for --method keyfile: name the secondary NIC/],
      [['--route', '192.168.1.0/24', '--method', 'nmstate'], /--interface is needed for --method nmstate/],
      [['--route', '192.168.1.0/24', '--method', 'keyfile', '--interface', 'ens6'], /--method keyfile needs the NIC's addressing, since the profile replaces the NIC's: --address ADDR\/PREFIX \(static, e\.g\. 10\.0\.5\.10\/24\) or --dhcp/],
      [['--route', '192.168.1.0/24', '--method', 'keyfile', '--interface', 'ens6', '--dhcp', '--address', '10.0.5.10/24'], /give --address or --dhcp, not both/],
      [['--route', '192.168.1.0/24', '--dhcp'], /--dhcp is for --method keyfile/],
      [['--route', '192.168.1.0/24', '--with-pool'], /--with-pool: Every cluster has the worker pool/],
      [['--route', '192.168.1.0/24', '--role', 'infra', '--method', 'nmstate', '--interface', 'ens6', '--with-pool'], /--with-pool: An NMState policy selects nodes by their node-role label/],
      [['--route', '192.168.1.0/24', '--method', 'ansible'], /--method ansible: use one of nmcli-unit, keyfile, nmstate/],
      [['--route', '1.2.3.0/24,1.1.1.1,1,2'], /write DEST\[,GATEWAY\[,METRIC\]\]/],
      [['stray'], /unexpected argument "stray"/],
    ] as [string[], RegExp][]) {
      const result = mcroutesNew(...args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, pattern);
      assert.equal(result.stdout, '');
    }
  });

  it('--help prints the usage and exits 0; `mcroutes --help` mentions new', function () {
    const help = mcroutesNew('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^usage: mcroutes new --route DEST\[,GATEWAY\[,METRIC\]\]/);
    const top = runCli(['--help']);
    assert.match(top.stdout, /\n {2}new --route/);
  });

  it('--format butane: the same config as a Butane config (through the MachineConfig → Butane translation), which lints with no warning or error', function () {
    for (const args of [
      ['--route', '192.168.1.0/24,172.18.0.1,100', '--route', 'fd00:1::/64,fd00::1', '--openshift-version', '4.16'],
      ['--method', 'keyfile', '--interface', 'ens6', '--address', '172.18.0.10/16', '--route', '10.20.0.0/16,172.18.0.1', '--openshift-version', '4.12'],
      ['--method', 'keyfile', '--interface', 'ens6', '--dhcp', '--route', '10.20.0.0/16,172.18.0.1', '--br-ex-interface', 'ens4'],
    ]) {
      const yaml = mcroutesNew(...args);
      const butane = mcroutesNew(...args, '--format', 'butane');
      assert.equal(butane.status, 0, butane.stderr);
      assert.equal(butane.stderr, yaml.stderr);
      assert.match(butane.stdout, /^# Static routes for the worker pool on .*\n# Compile it with: butane 99-worker-static-routes\.bu -o 99-worker-static-routes\.yaml\n\nvariant: openshift\n/);
      const expected = machineConfigToButane(yaml.stdout, { preferredVersion: args.includes('4.16') ? '4.16.0' : args.includes('4.12') ? '4.12.0' : undefined });
      assert.deepEqual(expected.notes, []);
      assert.equal(butane.stdout.replace(/^(# .*\n)+\n/, ''), expected.text.replace(/^(# .*\n)+\n/, ''));
      assert.deepEqual(lintText(butane.stdout, DEFAULT_SETTINGS).problems.filter((p) => p.severity === 'error' || p.severity === 'warning'), []);
      assert.deepEqual(readBackRoutes(butaneToMachineConfig(butane.stdout).text), readBackRoutes(yaml.stdout));
    }
    assert.match(mcroutesNew('--route', '10.20.0.0/16', '--format', 'butane', '--openshift-version', '4.16').stdout, /^version: 4\.16\.0$/m);
    assert.match(mcroutesNew('--route', '10.20.0.0/16', '--format', 'butane', '--openshift-version', '4.12').stdout, /^version: 4\.12\.0$/m);
    assert.match(mcroutesNew('--route', '10.20.0.0/16', '--format', 'butane').stdout, /^version: 4\.14\.0$/m);
  });

  it('--format butane refuses nmstate and --with-pool, and an unknown format', function () {
    const nmstate = mcroutesNew('--route', '10.20.0.0/16', '--method', 'nmstate', '--interface', 'ens6', '--format', 'butane');
    assert.equal(nmstate.status, 2);
    assert.match(nmstate.stderr, /^mcroutes new: --format butane writes a MachineConfig as Butane; an NMState policy has no Butane form/);
    assert.match(mcroutesNew('--route', '10.20.0.0/16', '--role', 'infra', '--with-pool', '--format', 'butane').stderr, /cannot hold the MachineConfigPool/);
    assert.match(mcroutesNew('--route', '10.20.0.0/16', '--format', 'json').stderr, /^mcroutes new: --format json: use one of yaml, butane\n/);
  });
});
