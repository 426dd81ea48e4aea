/** `mcroutes render` in the bundled command line, dist/cli.js: the unit preview on stdout. */
import * as assert from 'node:assert/strict';
import { assertCliBuilt, runCli } from '../support/cli';
import { nmstateMachineConfig } from '../support/machineConfig';
import { SEED as SEED_TEXT, SEED_RELATIVE as SEED } from '../support/seed';
import { SEED_PREVIEW } from '../support/seedPreview';

const run = (args: string[], input?: string) => runCli(args, { input });

describe('mcroutes render', function () {
  this.timeout(20000);

  before(assertCliBuilt);

  it('prints the seed preview, the same text the editor shows, and exits 0 though the seed has an error finding', () => {
    const { status, stdout, stderr } = run(['render', SEED]);
    assert.equal(stderr, '');
    assert.equal(stdout, SEED_PREVIEW);
    assert.equal(status, 0);
  });

  it('--unit NAME (and --unit=NAME) and stdin give the same text', () => {
    assert.equal(run(['render', SEED, '--unit', 'nmcli-dev-modify.service']).stdout, SEED_PREVIEW);
    assert.equal(run(['render', '--unit=nmcli-dev-modify.service', SEED]).stdout, SEED_PREVIEW);
    assert.equal(run(['render', '-'], SEED_TEXT).stdout, SEED_PREVIEW);
  });

  it('--network-type follows the settings', () => {
    const { stdout, status } = run(['render', SEED, '--network-type', 'OpenShiftSDN']);
    assert.equal(status, 0);
    assert.match(stdout, /^Problems checked for any supported OpenShift release on OpenShiftSDN\.\n/);
    assert.match(run(['render', SEED, '--openshift-version', '4.16']).stdout, /^Problems checked for OpenShift 4\.16 on OVNKubernetes\.\n/);
    assert.ok(!stdout.includes('nmcli-ovn-port'));
  });

  it('takes the cluster ranges as lint and new do', () => {
    const { stdout, status } = run(['render', SEED, '--machine-network', '192.168.0.0/16']);
    assert.equal(status, 0);
    assert.match(stdout, /^ {2}29:60 warning route-overlaps-machine 192\.168\.1\.0\/24 lies in the machine network 192\.168\.0\.0\/16/m);
    assert.match(run(['render', SEED, '--network-type', 'Calico']).stderr, /^mcroutes: --network-type must be "OVNKubernetes" or "OpenShiftSDN"; got "Calico"\.\n/);
  });

  it('a unit that is not there: the preview says so and the exit status is 2', () => {
    const { status, stdout } = run(['render', SEED, '--unit', 'nope.service']);
    assert.equal(status, 2);
    assert.match(stdout, /^No unit named nope\.service in this file\. Units here: nmcli-dev-modify\.service\.$/m);
  });

  it('an NMState policy: the nodes it reaches, the ip route lines nmstate produces, its findings; --policy NAME picks it', () => {
    const { status, stdout, stderr } = run(['render', 'examples/nncp-route.yaml']);
    assert.equal(stderr, '');
    assert.equal(status, 0);
    assert.ok(stdout.includes([
      'NodeNetworkConfigurationPolicy ens6-static-routes (line 3)',
      'nodes: every worker node (node-role.kubernetes.io/worker)',
      '',
      'Routes nmstate should add:',
      '  $ ip route show',
      '  192.168.50.0/24 via 172.18.0.1 dev ens6 proto static metric 150',
      '  192.168.60.0/24 via 172.18.0.1 dev ens6 proto static metric 150',
      '',
    ].join('\n')), stdout);
    assert.match(stdout, /^ {2}17:24 \w+ route-host-bits 192\.168\.60\.5\/24 has host bits set/m);
    assert.equal(run(['render', 'examples/nncp-route.yaml', '--policy', 'ens6-static-routes']).stdout, stdout);
    const missing = run(['render', 'examples/nncp-route.yaml', '--policy', 'nope']);
    assert.equal(missing.status, 2);
    assert.match(missing.stdout, /^No NMState document named nope in this file\. NMState documents here: ens6-static-routes\.$/m);
  });

  it('a MachineConfig\'s nmstate file (base64): the routes of the state, for the nodes of the pool', () => {
    const state = 'routes:\n  config:\n    - destination: 198.51.100.0/24\n      next-hop-address: 192.0.2.1\n      next-hop-interface: br-ex\n      metric: 150\n';
    const text = nmstateMachineConfig(state);
    const { status, stdout } = run(['render', '-'], text);
    assert.equal(status, 0);
    assert.ok(stdout.includes('\nnodes: every node of the worker pool, at boot (nmstate-configuration.service)\n\nRoutes nmstate should add from it:\n  $ ip route show\n  198.51.100.0/24 via 192.0.2.1 dev br-ex proto static metric 150\n'), stdout);
  });

  it('usage errors and unreadable files exit 2 with a reason on stderr; --help exits 0', () => {
    for (const args of [['render'], ['render', SEED, SEED], ['render', SEED, '--bogus'], ['render', SEED, '--unit'],
      ['render', SEED, '--unit', 'a', '--file', 'b'], ['render', SEED, '--file', 'a', '--policy', 'b'], ['render', SEED, '--network-type', 'Calico']]) {
      const { status, stderr, stdout } = run(args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /^mcroutes: .+\nusage: mcroutes render FILE/, args.join(' '));
      assert.equal(stdout, '');
    }
    const missing = run(['render', 'no/such.yaml']);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'mcroutes: cannot read no/such.yaml: no such file or directory\n');
    const help = run(['render', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^usage: mcroutes render FILE \[--unit NAME \| --file PATH \| --policy NAME\]/);
    assert.match(run(['--help']).stdout, /^  render FILE \[--unit NAME \| --file PATH \| --policy NAME\]$/m);
  });
});
