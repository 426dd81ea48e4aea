/** `mcroutes render` in the bundled command line, dist/cli.js: the unit preview on stdout. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { butaneToMachineConfig } from '../../server/src/core/kinds/butane/translate';
import { assertCliBuilt, runCli } from '../support/cli';
import { machineConfig, nmstateMachineConfig, orderedUnit } from '../support/machineConfig';
import { REPO_ROOT, SEED as SEED_TEXT, SEED_RELATIVE as SEED } from '../support/seed';
import { seedPreview } from '../support/seedPreview';

const BUTANE_SEED = readFileSync(join(REPO_ROOT, 'examples', 'seed-route.bu'), 'utf8');
const run = (args: string[], input?: string) => runCli(args, { input });

describe('mcroutes render', function () {
  this.timeout(20000);

  before(assertCliBuilt);

  it('prints the seed preview, the same text the editor shows (titled with the path given), and exits 0 though the seed has an error finding', () => {
    const { status, stdout, stderr } = run(['render', SEED]);
    assert.equal(stderr, '');
    assert.equal(stdout, seedPreview(SEED));
    assert.equal(status, 0);
  });

  it('--unit NAME (and --unit=NAME) and stdin give the same text (stdin titled "standard input")', () => {
    assert.equal(run(['render', SEED, '--unit', 'nmcli-dev-modify.service']).stdout, seedPreview(SEED));
    assert.equal(run(['render', '--unit=nmcli-dev-modify.service', SEED]).stdout, seedPreview(SEED));
    assert.equal(run(['render', '-'], SEED_TEXT).stdout, seedPreview('standard input'));
  });

  it('--network-type follows the settings', () => {
    const { stdout, status } = run(['render', SEED, '--network-type', 'OpenShiftSDN']);
    assert.equal(status, 0);
    assert.match(stdout, /^Preview of .*\nProblems checked for any supported OpenShift release on OpenShiftSDN\.\n/);
    assert.match(run(['render', SEED, '--openshift-version', '4.16']).stdout, /^Preview of .*\nProblems checked for OpenShift 4\.16 on OVNKubernetes\.\n/);
    assert.ok(!stdout.includes('nmcli-ovn-port'));
  });

  it('takes the cluster ranges as lint and new do', () => {
    const { stdout, status } = run(['render', SEED, '--machine-network', '192.168.0.0/16']);
    assert.equal(status, 0);
    assert.match(stdout, /^ {2}29:60 warning route-overlaps-machine 192\.168\.1\.0\/24 lies in the machine network 192\.168\.0\.0\/16/m);
    assert.match(run(['render', SEED, '--network-type', 'Calico']).stderr, /^mcroutes: --network-type: "Calico" is not OVNKubernetes or OpenShiftSDN\.\n/);
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
    assert.match(help.stdout, /^usage: mcroutes render FILE \[--unit NAME \| --file PATH \| --policy NAME \| --to FORM\]/);
    assert.match(run(['--help']).stdout, /^  render FILE \[--unit NAME \| --file PATH \| --policy NAME \| --to FORM\]$/m);
  });

  describe('--to: the other form of a Butane config or a MachineConfig', function () {
    it('--to machineconfig prints the MachineConfig examples/seed-route.bu compiles to (the core\'s translation), nothing on stderr', () => {
      const { status, stdout, stderr } = run(['render', 'examples/seed-route.bu', '--to', 'machineconfig']);
      assert.equal(stderr, '');
      assert.equal(status, 0);
      assert.equal(stdout, butaneToMachineConfig(BUTANE_SEED).text);
      assert.match(stdout, /^apiVersion: machineconfiguration\.openshift\.io\/v1\nkind: MachineConfig\n/);
      assert.match(stdout, /^ {6}version: 3\.4\.0$/m);
      assert.ok(stdout.includes('            ExecStart=nmcli dev modify ens5 +ipv4.routes "192.168.1.0/24 172.18.0.1"\n'));
    });

    it('--to butane prints the seed MachineConfig as Butane; what has no Butane form is said on stderr and as comments; --openshift-version picks the version', () => {
      const { status, stdout, stderr } = run(['render', SEED, '--to', 'butane']);
      assert.equal(status, 0);
      assert.match(stdout, /^# no Butane openshift version compiles to Ignition 3\.1\.0; written as 4\.8\.0/);
      assert.match(stdout, /^variant: openshift\nversion: 4\.8\.0\n/m);
      assert.match(stderr, /^mcroutes: note: networkd \(Ignition 2: systemd-networkd units\) has no Butane form; left out/m);
      assert.match(stderr, /^mcroutes: note: spec\.osImageURL has no Butane form/m);
      const compiled = run(['render', 'examples/seed-route.bu', '--to', 'machineconfig']).stdout;
      const back = run(['render', '-', '--to', 'butane', '--openshift-version', '4.16'], compiled);
      assert.equal(back.stderr, '');
      assert.equal(back.stdout, BUTANE_SEED.split('\n').filter((l) => !l.startsWith('#')).join('\n'));
    });

    it('nothing to translate: exit 2 and the reason; an unknown form or --to with --unit: usage, exit 2', () => {
      const none = run(['render', 'examples/nncp-route.yaml', '--to', 'butane']);
      assert.equal(none.status, 2);
      assert.equal(none.stdout, '');
      assert.match(none.stderr, /^mcroutes: note: a NodeNetworkConfigurationPolicy is not a MachineConfig; left out\.$/m);
      const form = run(['render', SEED, '--to', 'ignition']);
      assert.equal(form.status, 2);
      assert.match(form.stderr, /^mcroutes: --to ignition: use one of machineconfig, butane\n/);
      assert.match(run(['render', SEED, '--to', 'butane', '--unit', 'x']).stderr, /^mcroutes: give one of --unit, --file, --policy and --to\n/);
    });
  });

  describe('--pool ROLE PATH...', () => {
    let dir: string;
    const routeUnit = (route: string): ReturnType<typeof orderedUnit> =>
      orderedUnit([`ExecStart=/usr/bin/nmcli connection modify br-ex +ipv4.routes "${route}"`], 'static-routes.service');

    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'mcroutes-pool-'));
      writeFileSync(join(dir, 'routes-b.yaml'), machineConfig({ name: '99-worker-b', units: [routeUnit('10.20.0.0/16 192.168.1.254')] }));
      writeFileSync(join(dir, 'routes-a.yaml'), machineConfig({ name: '99-worker-a', units: [routeUnit('10.10.0.0/16 192.168.1.1')] }));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('two configs for worker that both write static-routes.service: the later name wins, both listed with their origins', () => {
      const { status, stdout, stderr } = runCli(['render', '--pool', 'worker', '.'], { cwd: dir });
      assert.equal(stderr, '');
      assert.equal(status, 0);
      assert.ok(stdout.startsWith('Pool worker: what its nodes get from 2 MachineConfigs of 2 files, merged as rendered-worker-<hash>.\n'), stdout);
      assert.ok(stdout.includes([
        'MachineConfigs, in merge order:',
        '  1. 99-worker-a (routes-a.yaml:1), role worker',
        '  2. 99-worker-b (routes-b.yaml:1), role worker',
        '',
        '== unit static-routes.service ==',
        'path:  /etc/systemd/system/static-routes.service',
        'from:  99-worker-b (routes-b.yaml:13)',
        'overrides: the one in 99-worker-a (routes-a.yaml:13)',
      ].join('\n')), stdout);
      assert.match(stdout, /^Routes on every worker node, all sources together \(from unit static-routes\.service of 99-worker-b \(routes-b\.yaml:13\)\):\n {2}\$ ip route show\n {2}10\.20\.0\.0\/16 via 192\.168\.1\.254 /m);
      // Files given one by one read the same.
      assert.equal(runCli(['render', '--pool=worker', 'routes-b.yaml', 'routes-a.yaml'], { cwd: dir }).stdout, stdout);
    });

    it('usage errors and a role no file has: exit 2 with the reason', () => {
      const none = runCli(['render', '--pool', 'worker'], { cwd: dir });
      assert.equal(none.status, 2);
      assert.match(none.stderr, /^mcroutes: render --pool needs at least one FILE, DIR or GLOB\n/);
      assert.match(runCli(['render', '--pool', 'Not A Role', '.'], { cwd: dir }).stderr, /^mcroutes: --pool takes a role name such as worker or infra; got "Not A Role"\n/);
      assert.match(runCli(['render', '--pool', 'worker', '--unit', 'x', '.'], { cwd: dir }).stderr, /^mcroutes: --pool takes no --unit, --file, --policy or --to\n/);
      assert.match(runCli(['render', '--pool', 'worker', '-'], { cwd: dir }).stderr, /^mcroutes: render --pool reads files, not stdin\n/);
      const unknown = runCli(['render', '--pool', 'infra', '.'], { cwd: dir });
      assert.equal(unknown.status, 2);
      assert.match(unknown.stdout, /^Roles: infra — no MachineConfig or MachineConfigPool in these files has this role$/m);
      assert.equal(unknown.stderr, 'mcroutes: no MachineConfig or MachineConfigPool of these files has the role infra; roles here: worker\n');
      const missing = runCli(['render', '--pool', 'worker', 'nope.yaml', '.'], { cwd: dir });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /^mcroutes: cannot read nope\.yaml: no such file or directory\n/);
    });
  });
});
