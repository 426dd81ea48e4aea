/**
 * The findings that depend on what the file cannot say: the target release (unset by
 * default: any supported release), the OVN masquerade subnet, the network type, and the
 * MachineConfigPools beyond the file. Each with its message, flagged and not flagged.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InitializeParams } from 'vscode-languageserver/node';
import { applyEdits } from '../../server/src/core/text/edits';
import { IncrementalLinter } from '../../server/src/core/analysis/incremental';
import { lintText } from '../../server/src/core/analysis/lint';
import type { Problem } from '../../server/src/core/text/problem';
import { RULES } from '../../server/src/core/analysis/rules';
import type { PoolFacts } from '../../server/src/core/analysis/rules/rule';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import { WorkspaceRoles } from '../../server/src/lsp/workspaceRoles';

const settings = (extra: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, rules: {}, ...extra });

function config(body: string, role = 'worker', name = '99-worker-routes'): string {
  return `apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  name: ${name}\n  labels:\n    machineconfiguration.openshift.io/role: ${role}\n${body}`;
}

const withVersion = (version: string) => config(`spec:\n  config:\n    ignition:\n      version: ${version}\n`);

function unitConfig(service: string, dropin?: string): string {
  const indent = (text: string, n: number) => text.split('\n').map((l) => (l ? ' '.repeat(n) + l : l)).join('\n');
  return config(`spec:\n  config:\n    ignition:\n      version: 3.4.0\n    systemd:\n      units:\n        - name: r.service\n          enabled: true\n          contents: |\n${indent(service, 12)}` +
    (dropin ? `          dropins:\n            - name: 10-r.conf\n              contents: |\n${indent(dropin, 16)}` : ''));
}

function only(text: string, code: string, extra: Partial<Settings> = {}, workspace?: PoolFacts): Problem[] {
  const result = lintText(text, settings(extra), RULES, workspace);
  assert.deepEqual(result.failures, []);
  return result.problems.filter((p) => p.code === code);
}

const described = (text: string, problems: Problem[]) => problems.map((p) => `${p.severity} ${text.slice(p.start, p.end)}: ${p.message}`);

describe('the release setting, unset by default (any supported release)', () => {
  it('3.5.0 is information there: it needs 4.19; 3.4.0 is what every release takes', () => {
    const text = withVersion('3.5.0');
    assert.deepEqual(described(text, only(text, 'ign-version')), [
      'info 3.5.0: Ignition 3.5.0 needs OpenShift 4.19 or later: use 3.4.0, or set mcroutes.openshiftVersion.',
    ]);
    assert.equal(only(text, 'ign-version')[0].data?.replacement, '3.4.0');
    assert.deepEqual(only(withVersion('3.4.0'), 'ign-version'), []);
  });

  it('a configured release keeps its verdicts: 4.19 takes 3.5.0, 4.16 rejects it (warning)', () => {
    const text = withVersion('3.5.0');
    assert.deepEqual(only(text, 'ign-version', { openshiftVersion: '4.19' }), []);
    assert.deepEqual(described(text, only(text, 'ign-version', { openshiftVersion: '4.16' })), [
      'warning 3.5.0: OpenShift 4.16 rejects Ignition 3.5.0 and the pool degrades: use 3.4.0, or change mcroutes.openshiftVersion.',
    ]);
  });

  it('a spec no release accepts stays a warning; a missing version asks for 3.4.0, never 3.5.0', () => {
    const text = withVersion('3.6.0');
    assert.deepEqual(described(text, only(text, 'ign-version')), [
      'warning 3.6.0: No OpenShift release accepts Ignition 3.6.0: use 3.4.0.',
    ]);
    const missing = config('spec:\n  config:\n    storage: {}\n');
    assert.match(only(missing, 'ign-version')[0].message, /add ignition: version: 3\.4\.0\.$/);
  });
});

describe('route-overlaps-ovn and the masquerade subnet (mcroutes.ovnMasqueradeSubnet)', () => {
  const routes = unitConfig([
    '[Unit]', 'Wants=network-online.target', 'After=network-online.target ovs-configuration.service',
    '[Service]', 'Type=oneshot', 'RemainAfterExit=yes',
    'ExecStart=/usr/bin/nmcli con mod br-ex +ipv4.routes "169.254.100.0/24 10.0.0.1, 169.254.169.3 10.0.0.1"',
    'ExecStart=/usr/bin/nmcli con mod br-ex +ipv6.routes "fd69::100 fd00::1, fd69::6 fd00::1"',
    '[Install]', 'WantedBy=multi-user.target', '',
  ].join('\n'));
  const verdicts = (extra: Partial<Settings> = {}) => only(routes, 'route-overlaps-ovn', extra).map((p) => `${p.severity} ${routes.slice(p.start, p.end)}`);

  it('unset: the /29 (and /125) is an error on every cluster, the rest of the /17 (and /112) a question', () => {
    assert.deepEqual(verdicts(), ['info 169.254.100.0/24', 'error 169.254.169.3', 'info fd69::100', 'error fd69::6']);
    const info = only(routes, 'route-overlaps-ovn')[0];
    assert.equal(info.message, "169.254.100.0/24 lies in 169.254.0.0/17, which may be OVN's masquerade subnet: set mcroutes.ovnMasqueradeSubnet.");
  });

  it('the release never decides it: a cluster upgraded to 4.19 may keep the /29', () => {
    assert.deepEqual(verdicts({ openshiftVersion: '4.19' }), verdicts());
    assert.deepEqual(verdicts({ openshiftVersion: '4.16' }), verdicts());
  });

  it('the setting decides, for its family and (for a default value) for the other one too', () => {
    // fd69::/125 lies inside fd69::/112; 169.254.169.0/29 lies outside 169.254.0.0/17.
    assert.deepEqual(verdicts({ ovnMasqueradeSubnet: '169.254.0.0/17' }), ['error 169.254.100.0/24', 'error fd69::100', 'error fd69::6']);
    assert.deepEqual(verdicts({ ovnMasqueradeSubnet: '169.254.169.0/29' }), ['error 169.254.169.3', 'error fd69::6']);
    // A value of its own says nothing about IPv6, which keeps the unset verdicts.
    assert.deepEqual(verdicts({ ovnMasqueradeSubnet: '169.254.96.0/20' }), ['error 169.254.100.0/24', 'info fd69::100', 'error fd69::6']);
    // The error names the subnet of the setting, not the /29 every cluster has.
    assert.match(only(routes, 'route-overlaps-ovn', { ovnMasqueradeSubnet: '169.254.0.0/17' })[0].message, /lies in 169\.254\.0\.0\/17, a subnet OVN-Kubernetes uses internally/);
  });
});

describe('settings-network-type: OpenShift SDN with a release that has none', () => {
  const two = `${withVersion('3.4.0')}---\n${withVersion('3.4.0').replace('99-worker-routes', '99-worker-more')}`;

  it('said once per file, at the first MachineConfig\'s kind, in full and incremental analysis alike', () => {
    const sdn = { networkType: 'OpenShiftSDN' as const, openshiftVersion: '4.17' };
    const found = only(two, 'settings-network-type', sdn);
    assert.deepEqual(described(two, found), [
      'info kind: OpenShift 4.17 has no OpenShift SDN: set mcroutes.networkType to OVNKubernetes, or the release you run.',
    ]);
    assert.equal(found[0].start, two.indexOf('kind'));
    const incremental = new IncrementalLinter().lint(two, settings(sdn)).problems.filter((p) => p.code === 'settings-network-type');
    assert.deepEqual(incremental, found);
  });

  it('not for 4.16, an unset release, or OVN-Kubernetes', () => {
    assert.deepEqual(only(two, 'settings-network-type', { networkType: 'OpenShiftSDN', openshiftVersion: '4.16' }), []);
    assert.deepEqual(only(two, 'settings-network-type', { networkType: 'OpenShiftSDN' }), []);
    assert.deepEqual(only(two, 'settings-network-type', { openshiftVersion: '4.19' }), []);
  });
});

describe('unit-oneshot-restart', () => {
  const oneshot = (restart: string) => unitConfig(`[Unit]\nDescription=r\n[Service]\nType=oneshot\nRemainAfterExit=yes\n${restart}\nExecStart=/usr/bin/true\n[Install]\nWantedBy=multi-user.target\n`);

  it('Restart=on-failure is refused by systemd 239 (4.12 and older): an error only when the release says so', () => {
    const text = oneshot('Restart=on-failure');
    assert.deepEqual(described(text, only(text, 'unit-oneshot-restart', { openshiftVersion: '4.12' })), [
      'error Restart=on-failure: OpenShift 4.12 runs systemd 239, which refuses a Type=oneshot unit with Restart=on-failure: remove Restart=.',
    ]);
    assert.deepEqual(only(text, 'unit-oneshot-restart', { openshiftVersion: '4.13' }), []);
    assert.deepEqual(only(text, 'unit-oneshot-restart'), []);
  });

  it('Restart=always is refused by every systemd, whatever the release; on-failure is offered only where the release takes it', () => {
    const text = oneshot('Restart=always');
    for (const openshiftVersion of [undefined, '4.12']) {
      assert.deepEqual(described(text, only(text, 'unit-oneshot-restart', openshiftVersion ? { openshiftVersion } : {})), [
        'error Restart=always: systemd refuses a Type=oneshot unit with Restart=always, so it never runs: remove Restart=.',
      ], openshiftVersion);
    }
    assert.deepEqual(described(text, only(text, 'unit-oneshot-restart', { openshiftVersion: '4.19' })), [
      'error Restart=always: systemd refuses a Type=oneshot unit with Restart=always, so it never runs: use on-failure or remove Restart=.',
    ]);
  });

  it('Restart=no, a dropin resetting Restart=, and a Type=simple service are not flagged', () => {
    assert.deepEqual(only(oneshot('Restart=no'), 'unit-oneshot-restart', { openshiftVersion: '4.12' }), []);
    const reset = unitConfig('[Service]\nType=oneshot\nRemainAfterExit=yes\nRestart=on-failure\nExecStart=/usr/bin/true\n[Install]\nWantedBy=multi-user.target\n', '[Service]\nRestart=\n');
    assert.deepEqual(only(reset, 'unit-oneshot-restart', { openshiftVersion: '4.12' }), []);
    const simple = unitConfig('[Service]\nType=simple\nRestart=on-failure\nExecStart=/usr/bin/sleep infinity\n[Install]\nWantedBy=multi-user.target\n');
    assert.deepEqual(only(simple, 'unit-oneshot-restart', { openshiftVersion: '4.12' }), []);
  });
});

describe('mc-os-image-url: the digest of a pull spec', () => {
  it('a sha256 digest that is not 64 lower-case hex characters is an error that says what is wrong', () => {
    const short = config('spec:\n  osImageURL: quay.io/x/rhcos@sha256:abc123\n');
    assert.deepEqual(described(short, only(short, 'mc-os-image-url')), [
      'error quay.io/x/rhcos@sha256:abc123: The osImageURL digest must be 64 lower-case hex characters and this one has 6: copy it whole.',
    ]);
    const junk = config(`spec:\n  osImageURL: quay.io/x/rhcos@sha256:${'g'.repeat(64)}\n`);
    assert.match(only(junk, 'mc-os-image-url')[0].message, /this one has characters that are not hex/);
  });

  it('a full digest gets only the usual warning', () => {
    const full = config(`spec:\n  osImageURL: quay.io/x/rhcos@sha256:${'a1'.repeat(32)}\n`);
    assert.deepEqual(only(full, 'mc-os-image-url').map((p) => p.severity), ['warning']);
  });
});

describe('ign-unknown-key: masked for mask', () => {
  it('says did you mean mask, and the rename keeps the intent (not applied by fix-all)', () => {
    const text = config('spec:\n  config:\n    ignition:\n      version: 3.4.0\n    systemd:\n      units:\n        - name: chronyd.service\n          masked: true\n');
    const [problem] = only(text, 'ign-unknown-key');
    assert.equal(problem.message, 'Ignition 3 silently ignores the unknown key systemd.units[0].masked: did you mean mask?');
    assert.deepEqual(problem.fixes?.map((f) => `${f.title} ${f.safe}`), ['Rename to mask false', 'Remove masked false']);
    const renamed = applyEdits(text, problem.fixes![0].edits);
    assert.match(renamed, /\n {10}mask: true\n$/);
    assert.deepEqual(only(renamed, 'ign-unknown-key'), []);
  });
});

describe('mc-role-label and the MachineConfigPools in view', () => {
  const infra = withVersion('3.4.0').replace('role: worker', 'role: infra').replace('99-worker-routes', '99-infra-routes');
  const pools = (...roles: string[]): PoolFacts => ({ pools: roles.length, poolRoles: new Set(roles) });

  it('no pool in view: a question (info), since pools usually live on the cluster', () => {
    assert.deepEqual(described(infra, only(infra, 'mc-role-label')), [
      'info infra: Role "infra" needs a pool that selects it, and none is in view: check the cluster has one.',
    ]);
  });

  it('pools in the workspace that all leave the role out: a warning; one that selects it: nothing', () => {
    assert.deepEqual(described(infra, only(infra, 'mc-role-label', {}, pools('gpu'))), [
      'warning infra: No pool in view selects role "infra", so this config reaches no node: add the role to a pool\'s selector.',
    ]);
    assert.deepEqual(only(infra, 'mc-role-label', {}, pools('gpu', 'infra')), []);
    assert.deepEqual(only(infra, 'mc-role-label', {}, pools()), only(infra, 'mc-role-label'));
  });

  it('the default pools and a missing label are not affected by pools in view', () => {
    assert.deepEqual(only(withVersion('3.4.0'), 'mc-role-label', {}, pools('gpu')), []);
    const unlabelled = withVersion('3.4.0').replace('  labels:\n    machineconfiguration.openshift.io/role: worker\n', '');
    assert.deepEqual(only(unlabelled, 'mc-role-label', {}, pools('gpu')).map((p) => p.severity), ['error']);
  });

  it('the incremental linter settles the same way, and a workspace change re-analyses nothing', () => {
    const linter = new IncrementalLinter();
    for (const workspace of [undefined, pools('gpu'), pools('infra'), undefined]) {
      const full = lintText(infra, settings(), RULES, workspace).problems;
      assert.deepEqual(linter.lint(infra, settings(), undefined, workspace).problems, full);
    }
  });

  it('a file reports its own pools, even one that holds no MachineConfig', () => {
    const pool = 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfigPool\nmetadata:\n  name: infra\nspec:\n  machineConfigSelector:\n    matchLabels:\n      machineconfiguration.openshift.io/role: infra\n';
    const { pools: own, problems } = lintText(pool, settings());
    // Its only finding is about the pool itself: a custom pool that leaves out worker.
    assert.deepEqual(problems.map((p) => p.code), ['pool-selector']);
    assert.equal(own.pools, 1);
    assert.deepEqual([...own.poolRoles], ['infra']);
    assert.deepEqual(new IncrementalLinter().lint(pool, settings()).pools.pools, 1);
  });
});

describe('the server\'s workspace index: MachineConfigPools beyond the current document', () => {
  const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined };
  const poolText = (role: string) => `apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfigPool\nmetadata:\n  name: ${role}\nspec:\n  machineConfigSelector:\n    matchLabels:\n      machineconfiguration.openshift.io/role: ${role}\n`;
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'mcroutes-pools-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('saved pools count until their document is open; an open document counts as last analysed; closing gives the saved one back', async () => {
    const file = path.join(root, 'pool.yaml');
    writeFileSync(file, poolText('gpu'));
    const index = new WorkspaceRoles(quiet);
    index.setRoots({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'w' }] } as unknown as InitializeParams);
    let changed = 0;
    index.onPoolsChanged(() => changed++);
    await index.refresh();
    assert.equal(changed, 1, 'the first scan found a pool');
    const roles = (facts: PoolFacts) => `${facts.pools} ${[...facts.poolRoles].join(',')}`;
    const mc = 'file:///elsewhere/mc.yaml';
    assert.equal(roles(index.poolsBeyond([mc], mc)), '1 gpu');
    const uri = pathToFileURL(file).href;
    assert.equal(index.notePools(uri, { pools: 1, poolRoles: new Set(['gpu']) }), false, 'the same as saved');
    assert.equal(index.notePools(uri, { pools: 1, poolRoles: new Set(['infra']) }), true, 'edited');
    assert.equal(roles(index.poolsBeyond([mc, uri], mc)), '1 infra');
    assert.equal(roles(index.poolsBeyond([mc, uri], uri)), '0 ', 'not its own');
    assert.equal(index.forget(uri), true);
    assert.equal(roles(index.poolsBeyond([mc], mc)), '1 gpu');
  });
});
