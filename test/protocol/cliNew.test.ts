/** `mcroutes new` from the bundled command line, dist/cli.js. */
import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/lint';
import { generateConfig, readBackRoutes } from '../../server/src/core/generate';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
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
    const keyfile = mcroutesNew('--method=keyfile', '--interface=ens6', '--role=master', '--route=10.20.0.0/16,172.18.0.1', '--openshift-version=4.12');
    assert.equal(keyfile.status, 0, keyfile.stderr);
    assert.match(keyfile.stdout, /version: 3\.2\.0/);
    assert.match(keyfile.stdout, /name: 99-master-static-routes/);
    assert.deepEqual(readBackRoutes(keyfile.stdout), [{ destination: '10.20.0.0/16', gateway: '172.18.0.1' }]);
    const policy = mcroutesNew('--method', 'nmstate', '--name', 'edge-routes', '--route', 'fd00:2::/64,fd00::1,10');
    assert.equal(policy.status, 0, policy.stderr);
    assert.match(policy.stdout, /kind: NodeNetworkConfigurationPolicy\nmetadata:\n {2}name: edge-routes\n/);
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
    const port = mcroutesNew('--interface', 'ens5', '--route', '192.168.1.0/24');
    assert.equal(port.status, 2);
    assert.match(port.stderr, /--interface ens5: On OVN-Kubernetes the node's NIC ens5 is a port of the OVS bridge br-ex.*\(use br-ex\)\n$/);
    for (const [args, pattern] of [
      [['--route', '192.168.1.0/24', '--name', 'My Routes'], /--name My Routes: metadata\.name "My Routes"/],
      [['--route', '192.168.1.0/24,fd00::1'], /--route 192\.168\.1\.0\/24,fd00::1: Next hop fd00::1 is IPv6/],
      [['--route', '192.168.1.0/24,,-5'], /--route 192\.168\.1\.0\/24,,-5: Metric "-5"/],
      [['--route', '192.168.1.0/24', '--ignition-version', '3.6.0'], /--ignition-version 3\.6\.0: OpenShift 4\.19 accepts Ignition specs up to 3\.5\.0.*\(use 3\.5\.0\)/],
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

  it('advice is printed on stderr and the YAML still on stdout (a custom pool, a keyfile for br-ex)', function () {
    const infra = mcroutesNew('--role', 'infra', '--route', '192.168.1.0/24');
    assert.equal(infra.status, 0);
    assert.match(infra.stdout, /machineconfiguration\.openshift\.io\/role: infra/);
    assert.match(infra.stderr, /^mcroutes new: info: --role infra: Role "infra" applies only where a MachineConfigPool selects it/);
    const keyfile = mcroutesNew('--method', 'keyfile', '--interface', 'br-ex', '--route', '192.168.1.0/24');
    assert.equal(keyfile.status, 0);
    assert.match(keyfile.stderr, /configure-ovs owns br-ex/);
  });

  it('usage errors: no route, an unknown flag, a missing value, a flag twice, a bad setting, no interface for a keyfile', function () {
    for (const [args, pattern] of [
      [[], /give at least one --route/],
      [['--route', '192.168.1.0/24', '--colour'], /unknown option --colour/],
      [['--route'], /--route needs a value/],
      [['--route', '192.168.1.0/24', '--role', 'worker', '--role', 'master'], /--role is given 2 times/],
      [['--route', '192.168.1.0/24', '--network-type', 'Calico'], /--network-type must be "OVNKubernetes" or "OpenShiftSDN"; got "Calico"\.\n$/],
      [['--route', '192.168.1.0/24', '--method', 'keyfile'], /--interface is needed for a keyfile/],
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
});
