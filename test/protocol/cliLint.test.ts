/** `mcroutes lint` of the bundled dist/cli.js: formats, inputs, config files, thresholds, --fix. */
import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULE_IDS } from '../../server/src/core/text/problem';
import { cliTempDir, lintSummary as summary, runCli, type CliOptions } from '../support/cli';
import { lintLine, REPO_ROOT, SEED as SEED_TEXT, seedFindings } from '../support/seed';

const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';

const run = (cwd: string, args: string[], extra: CliOptions = {}) => runCli(args, { cwd, ...extra });

/** The seed's findings without hints, default settings (no error: nmcli-ovn-port asks whether ens5 is br-ex's NIC). */
const SEED_FINDINGS = seedFindings({ hints: false }).map(lintLine);

describe('mcroutes lint', function () {
  this.timeout(30000);
  const tempRoot = cliTempDir('mcroutes-lint-');
  let root: string;
  before(() => (root = tempRoot()));
  let n = 0;
  /** A fresh directory under root holding the given files (paths relative to it). */
  function tree(files: Record<string, string | Buffer>): string {
    const dir = path.join(root, `t${n++}`);
    mkdirSync(dir);
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    }
    return dir;
  }


  describe('formats', function () {
    it('text: one line per finding, hints hidden unless --hints, no colour on a pipe, a count on stderr', function () {
      const dir = tree({ 'seed.yaml': SEED_TEXT });
      const plain = run(dir, ['lint', 'seed.yaml'], { env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '1' } });
      assert.equal(plain.status, 0);
      assert.deepEqual(summary(plain.stdout), SEED_FINDINGS);
      assert.ok(!plain.stdout.includes('\x1b['), 'no escape codes when stdout is not a terminal');
      assert.ok(plain.stdout.startsWith('seed.yaml:17:5 warning ign-unknown-key networkd is an Ignition 2.x section'), plain.stdout);
      assert.equal(plain.stderr, '1 file checked\n');
      const withHints = run(dir, ['lint', '--hints', 'seed.yaml']);
      assert.deepEqual(summary(withHints.stdout).filter((l) => l.includes(' hint ')), ['29:30 hint nmcli-device-runtime', '29:60 hint route-ovn-egress']);
      // With the NIC under br-ex known, the question is an error, and the exit status says so.
      const known = run(dir, ['lint', '--br-ex-interface', 'ens5', 'seed.yaml']);
      assert.equal(known.status, 1);
      assert.ok(summary(known.stdout).includes('29:41 error nmcli-ovn-port'), known.stdout);
    });

    it('json: an array of {file, line, column, endLine, endColumn, severity, code, message} and nothing on stderr', function () {
      const dir = tree({ 'seed.yaml': SEED_TEXT });
      const { status, stdout, stderr } = run(dir, ['lint', '--format', 'json', 'seed.yaml']);
      assert.equal(status, 0);
      assert.equal(stderr, '');
      const findings = JSON.parse(stdout) as Record<string, unknown>[];
      assert.deepEqual(findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.code}`), SEED_FINDINGS);
      assert.deepEqual(Object.keys(findings[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
      assert.deepEqual(findings[0], {
        file: 'seed.yaml', line: 17, column: 5, endLine: 17, endColumn: 13, severity: 'warning', code: 'ign-unknown-key',
        message: findings[0].message,
      });
      // The question sits exactly under ens5 (29:41–29:45).
      const port = findings.find((f) => f.code === 'nmcli-ovn-port')!;
      assert.deepEqual([port.line, port.column, port.endLine, port.endColumn], [29, 41, 29, 45]);
      const empty = run(tree({ 'cm.yaml': CONFIGMAP }), ['lint', '--format=json', 'cm.yaml']);
      assert.deepEqual(empty, { status: 0, stdout: '[]\n', stderr: '' });
    });

    it('sarif: valid against the SARIF 2.1.0 schema; every rule with its help from docs/rules.md; results with regions', function () {
      const dir = tree({ 'configs/seed.yaml': SEED_TEXT, 'configs/caf\u00e9 route.yaml': SEED_TEXT.replace('ens5', 'br-ex') });
      const { status, stdout, stderr } = run(dir, ['lint', '--format', 'sarif', '--br-ex-interface', 'ens5', 'configs']);
      assert.equal(status, 1);
      assert.equal(stderr, '');
      const log = JSON.parse(stdout) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'));
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      const validate = ajv.compile<any>(schema); // eslint-disable-line @typescript-eslint/no-explicit-any
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.equal(log.version, '2.1.0');
      const run0 = log.runs[0];
      assert.equal(run0.columnKind, 'utf16CodeUnits');
      const driver = run0.tool.driver;
      assert.equal(driver.name, 'mcroutes');
      assert.match(driver.version, /^\d+\.\d+\.\d+/);
      assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), [...RULE_IDS]);
      const rulesMd = readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');
      for (const rule of driver.rules) {
        assert.ok(rule.shortDescription.text.length > 10, rule.id);
        assert.ok(rule.help.markdown.startsWith(`## ${rule.id}\n`), rule.id);
        assert.ok(rulesMd.includes(rule.help.markdown), `${rule.id}: help is the docs/rules.md section`);
        assert.ok(!rule.help.text.includes('**'), rule.id);
      }
      const cidr = driver.rules.find((r: { id: string }) => r.id === 'route-cidr');
      assert.match(cidr.shortDescription.text, /^A route destination in ipv4\.routes/);
      const results = run0.results as { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[];
      const port = results.filter((r) => r.ruleId === 'nmcli-ovn-port');
      assert.equal(port.length, 1, 'only the ens5 copy has the port error');
      assert.equal(port[0].level, 'error');
      assert.equal(driver.rules[port[0].ruleIndex].id, 'nmcli-ovn-port');
      assert.deepEqual(port[0].locations[0].physicalLocation, {
        artifactLocation: { uri: 'configs/seed.yaml' },
        region: { startLine: 29, startColumn: 41, endLine: 29, endColumn: 45 },
      });
      assert.ok(results.some((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'configs/caf%C3%A9%20route.yaml'));
      assert.deepEqual([...new Set(results.map((r) => r.level))].sort(), ['error', 'note', 'warning']);
    });
  });

  describe('inputs', function () {
    /** The files of a run's findings, in the order they are reported. */
    const filesOf = (stdout: string): string[] => [...new Set(stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0]))];

    it('a directory: *.yaml and *.yml recursively, node_modules and .git skipped, other YAML counted as skipped', function () {
      const dir = tree({
        'a/one.yaml': SEED_TEXT,
        'a/b/two.yml': SEED_TEXT,
        'a/b/notes.txt': SEED_TEXT,
        'cm.yaml': CONFIGMAP,
        'node_modules/pkg/three.yaml': SEED_TEXT,
        '.git/four.yaml': SEED_TEXT,
      });
      const { status, stdout, stderr } = run(dir, ['lint', '.']);
      assert.equal(status, 0);
      assert.deepEqual(filesOf(stdout), ['a/b/two.yml', 'a/one.yaml']);
      assert.equal(stderr, '3 files checked, 1 skipped (not a MachineConfig)\n');
    });

    it('a directory: Butane configs (*.bu) are read beside the YAML; a glob picks them by name', function () {
      const butane = readFileSync(path.join(REPO_ROOT, 'examples', 'seed-route.bu'), 'utf8');
      const dir = tree({
        'configs/route.bu': butane,
        'configs/seed.yaml': SEED_TEXT,
        'configs/notes.txt': butane,
      });
      const { status, stdout, stderr } = run(dir, ['lint', 'configs']);
      assert.equal(status, 0, stderr);
      assert.deepEqual(filesOf(stdout), ['configs/route.bu', 'configs/seed.yaml']);
      assert.ok(stdout.includes('configs/route.bu:16:9 warning unit-network-online '), stdout);
      assert.equal(stderr, '2 files checked\n');
      assert.deepEqual(filesOf(run(dir, ['lint', 'configs/*.bu']).stdout), ['configs/route.bu']);
    });

    it('globs: *, ** and ? matched by mcroutes itself; a glob matching nothing is exit 2', function () {
      const dir = tree({ 'x/r1.yaml': SEED_TEXT, 'x/y/r2.yaml': SEED_TEXT, 'x/y/r22.yaml': SEED_TEXT, 'x/y/z/r3.yml': SEED_TEXT });
      const files = (args: string[]): string[] => filesOf(run(dir, ['lint', ...args]).stdout).sort();
      assert.deepEqual(files(['x/*.yaml']), ['x/r1.yaml']);
      assert.deepEqual(files(['x/**/*.yaml']), ['x/r1.yaml', 'x/y/r2.yaml', 'x/y/r22.yaml']);
      assert.deepEqual(files(['**/r?.y*ml']), ['x/r1.yaml', 'x/y/r2.yaml', 'x/y/z/r3.yml']);
      assert.deepEqual(files(['x/y/r2?.yaml', 'x/y/r2.yaml']), ['x/y/r2.yaml', 'x/y/r22.yaml']);
      assert.deepEqual(run(dir, ['lint', 'x/**/*.json']), { status: 2, stdout: '', stderr: 'mcroutes: no file matches x/**/*.json\n' });
    });

    it('globs: braces {a,b} and classes [ab], in the order of a sorted walk; node_modules skipped below the fixed part only', function () {
      const dir = tree({
        'a.yaml': SEED_TEXT,
        'b.yaml': SEED_TEXT,
        'c.yaml': SEED_TEXT,
        'x/r1.yaml': SEED_TEXT,
        'x/y/r2.yml': SEED_TEXT,
        'y/r3.yaml': SEED_TEXT,
        'y/node_modules/r4.yaml': SEED_TEXT,
        'node_modules/pkg/r5.yaml': SEED_TEXT,
      });
      const files = (args: string[]): string[] => filesOf(run(dir, ['lint', ...args]).stdout);
      assert.deepEqual(files(['{c,a}.yaml']), ['a.yaml', 'c.yaml']);
      assert.deepEqual(files(['[ab].yaml']), ['a.yaml', 'b.yaml']);
      assert.deepEqual(files(['[!ab].yaml']), ['c.yaml']);
      assert.deepEqual(files(['{x,y}/**/*.{yaml,yml}']), ['x/r1.yaml', 'x/y/r2.yml', 'y/r3.yaml']);
      assert.deepEqual(files(['x/{r1,y/r[0-9]}.{yaml,yml}', 'x/r1.yaml']), ['x/r1.yaml', 'x/y/r2.yml'], 'each file once');
      assert.deepEqual(files(['node_modules/*/r?.yaml']), ['node_modules/pkg/r5.yaml'], 'named in the fixed part, node_modules is searched');
      assert.deepEqual(run(dir, ['lint', '{d,e}.yaml']), { status: 2, stdout: '', stderr: 'mcroutes: no file matches {d,e}.yaml\n' });
      assert.deepEqual(run(dir, ['lint', '[de].yaml']), { status: 2, stdout: '', stderr: 'mcroutes: no file matches [de].yaml\n' });
    });

    it('stdin: - reads the text, shown as -', function () {
      const { status, stdout, stderr } = run(root, ['lint', '-'], { input: SEED_TEXT });
      assert.equal(status, 0);
      assert.deepEqual(summary(stdout), SEED_FINDINGS);
      assert.ok(stdout.startsWith('-:17:5 warning ign-unknown-key '), stdout);
      assert.equal(stderr, '1 file checked\n');
      assert.deepEqual(run(root, ['lint', '-'], { input: CONFIGMAP }), { status: 0, stdout: '', stderr: '1 file checked, 1 skipped (not a MachineConfig)\n' });
    });
  });

  describe('settings', function () {
    it('a .mcroutes.json found upward from each file; flags override it', function () {
      const dir = tree({
        '.mcroutes.json': JSON.stringify({ rules: { 'nmcli-ovn-port': 'off', 'unit-network-online': 'error' } }),
        'deep/er/seed.yaml': SEED_TEXT,
      });
      const outside = tree({ 'seed.yaml': SEED_TEXT });
      const configured = run(dir, ['lint', 'deep/er/seed.yaml', path.join(outside, 'seed.yaml')]);
      const lines = configured.stdout.split('\n').filter(Boolean);
      assert.ok(lines.some((l) => l.startsWith('deep/er/seed.yaml:25:14 error unit-network-online ')), configured.stdout);
      assert.ok(!lines.some((l) => l.startsWith('deep/er/seed.yaml') && l.includes('nmcli-ovn-port')), 'off by the config file');
      assert.ok(lines.some((l) => l.includes(`${path.join(outside, 'seed.yaml')}:29:41 info nmcli-ovn-port `)), 'a file outside it keeps the defaults');
      const overridden = run(dir, ['lint', '--rule', 'unit-network-online=warning', '--rule=nmcli-ovn-port=off', 'deep/er/seed.yaml']);
      assert.equal(overridden.status, 0, overridden.stdout);
      assert.ok(overridden.stdout.includes(' warning unit-network-online '), overridden.stdout);
    });

    it('a .mcroutes.yaml with networkType; --network-type overrides it', function () {
      const dir = tree({ '.mcroutes.yaml': 'networkType: OpenShiftSDN\n', 'seed.yaml': SEED_TEXT });
      const sdn = run(dir, ['lint', 'seed.yaml']);
      assert.equal(sdn.status, 0, 'no br-ex port error on OpenShift SDN');
      assert.ok(!sdn.stdout.includes('nmcli-ovn-port'));
      assert.deepEqual(summary(sdn.stdout), seedFindings({ hints: false, networkType: 'OpenShiftSDN' }).map(lintLine));
      const ovn = run(dir, ['lint', '--network-type', 'OVNKubernetes', 'seed.yaml']);
      assert.equal(ovn.status, 0);
      assert.ok(ovn.stdout.includes(' info nmcli-ovn-port '));
    });

    it('cluster ranges as comma lists: a route into the service network is found', function () {
      const dir = tree({ 'seed.yaml': SEED_TEXT.replace('ens5', 'br-ex') });
      const before = run(dir, ['lint', '--format', 'json', 'seed.yaml']);
      assert.ok(!before.stdout.includes('route-overlaps-cluster'));
      const after = run(dir, ['lint', '--format', 'json', '--service-network', '172.30.0.0/16, 192.168.0.0/16', '--cluster-network=10.128.0.0/14', '--machine-network', '10.0.0.0/16', '--openshift-version', '4.18', 'seed.yaml']);
      assert.ok((JSON.parse(after.stdout) as { code: string }[]).some((f) => f.code === 'route-overlaps-cluster'), after.stdout);
    });

    it('an invalid value in a config file or a flag: a clear message and exit 2', function () {
      const dir = tree({ '.mcroutes.json': '{"networkType": "Calico"}', 'seed.yaml': SEED_TEXT });
      const bad = run(dir, ['lint', 'seed.yaml']);
      assert.equal(bad.status, 2);
      assert.equal(bad.stdout, '');
      assert.match(bad.stderr, /^mcroutes: .*\.mcroutes\.json: networkType: "Calico" is not OVNKubernetes or OpenShiftSDN\.\n/);
      const unknownKey = run(tree({ '.mcroutes.json': '{"mcroutes.networkType": "OpenShiftSDN"}', 's.yaml': SEED_TEXT }), ['lint', 's.yaml']);
      assert.equal(unknownKey.status, 2);
      assert.match(unknownKey.stderr, /unknown key "mcroutes\.networkType"; the keys are openshiftVersion, networkType/);
      const notJson = run(tree({ '.mcroutes.json': '{networkType', 's.yaml': SEED_TEXT }), ['lint', 's.yaml']);
      assert.equal(notJson.status, 2);
      assert.match(notJson.stderr, /\.mcroutes\.json: cannot be read: /);
      const flag = run(root, ['lint', '--network-type', 'Calico', '-'], { input: SEED_TEXT });
      assert.equal(flag.status, 2);
      assert.match(flag.stderr, /^mcroutes: invalid option: --network-type: "Calico" is not OVNKubernetes or OpenShiftSDN\.\n/);
      const rule = run(root, ['lint', '--rule', 'no-such-rule=off', '-'], { input: SEED_TEXT });
      assert.equal(rule.status, 2);
      assert.match(rule.stderr, /^mcroutes: invalid option: --rule: there is no rule "no-such-rule"\.\n/);
      const level = run(root, ['lint', '--rule', 'route-default=loud', '-'], { input: SEED_TEXT });
      assert.equal(level.status, 2);
      assert.match(level.stderr, /^mcroutes: invalid option: --rule: "loud" is not a level for route-default\.\n/);
      const cidr = run(root, ['lint', '--cluster-network', '10.128.0.0/14,10.300.0.0/33', '-'], { input: SEED_TEXT });
      assert.equal(cidr.status, 2);
      assert.match(cidr.stderr, /^mcroutes: invalid option: --cluster-network: "10\.300\.0\.0\/33" is not a CIDR\.\n/);
      const twice = run(root, ['lint', '--network-type', 'OVNKubernetes', '--network-type', 'OpenShiftSDN', '-'], { input: SEED_TEXT });
      assert.equal(twice.status, 2);
      assert.match(twice.stderr, /^mcroutes: --network-type is given 2 times; give it once\n/);
    });
  });

  describe('exit status', function () {
    it('--max-warnings N: 1 only when the warnings exceed N (infos never count)', function () {
      const dir = tree({ 'seed.yaml': SEED_TEXT });
      const base = ['lint', '--rule', 'nmcli-ovn-port=off', 'seed.yaml'];
      assert.equal(run(dir, base).status, 0);
      assert.equal(run(dir, [...base, '--max-warnings', '2']).status, 0);
      const over = run(dir, [...base, '--max-warnings', '1']);
      assert.equal(over.status, 1);
      assert.equal(over.stderr, '1 file checked\nmcroutes: 2 warnings, more than --max-warnings 1\n');
      assert.equal(run(dir, [...base, '--max-warnings=0', '--format', 'json']).status, 1);
    });

    it('2 for usage errors, with the lint usage on stderr', function () {
      for (const args of [['--format', 'xml', '-'], ['--max-warnings', 'many', '-'], ['--max-warnings'], ['--strict', '-'], [], ['--rule', 'route-default', '-']]) {
        const { status, stdout, stderr } = run(root, ['lint', ...args], { input: '' });
        assert.equal(status, 2, args.join(' '));
        assert.equal(stdout, '');
        assert.match(stderr, /^mcroutes: .+\nusage: mcroutes lint/, args.join(' '));
      }
    });

    it('2 for a binary file (NUL bytes), a missing file and --fix on stdin; the other files are still linted', function () {
      const dir = tree({ 'junk.yaml': Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x00, 0xff, 0x00]), 'seed.yaml': SEED_TEXT });
      const { status, stdout, stderr } = run(dir, ['lint', 'junk.yaml', 'missing.yaml', 'seed.yaml']);
      assert.equal(status, 2);
      assert.equal(stderr, 'mcroutes: cannot read missing.yaml: no such file or directory\nmcroutes: junk.yaml is not a text file\n1 file checked\n');
      assert.deepEqual(summary(stdout), SEED_FINDINGS);
      assert.deepEqual(run(dir, ['lint', '--fix', '-'], { input: SEED_TEXT }), { status: 2, stdout: '', stderr: 'mcroutes: --fix cannot rewrite stdin; give the file instead\n' });
    });

    it('--help for each command and --version', function () {
      const lint = run(root, ['lint', '--help']);
      assert.equal(lint.status, 0);
      assert.match(lint.stdout, /^usage: mcroutes lint /);
      assert.match(lint.stdout, /--max-warnings N/);
      assert.match(lint.stdout, /\.mcroutes\.json/);
      assert.match(run(root, ['render', '--help']).stdout, /^usage: mcroutes render /);
      assert.match(run(root, ['new', '--help']).stdout, /^usage: mcroutes new /);
      assert.match(run(root, ['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
    });
  });

  describe('--fix', function () {
    it('applies the safe fixes in place, says what it fixed, keeps every other byte, and what remains is reported', function () {
      const dir = tree({ 'seed.yaml': SEED_TEXT, 'clean.yaml': CONFIGMAP });
      const file = path.join(dir, 'seed.yaml');
      const inodeBefore = statSync(file).ino;
      const cleanStat = statSync(path.join(dir, 'clean.yaml'));
      const { status, stdout, stderr } = run(dir, ['lint', '--fix', 'seed.yaml', 'clean.yaml']);
      assert.equal(stderr, 'mcroutes: fixed 5 problems in seed.yaml: ign-unknown-key (Remove networkd), '
        + 'unit-network-online (Add Wants=network-online.target), unit-oneshot-remain (Add RemainAfterExit=yes), unit-exec-shell (Use /usr/bin/nmcli), '
        + 'mc-os-image-url (Remove osImageURL)\n2 files checked, 1 skipped (not a MachineConfig)\n');
      const fixed = readFileSync(file, 'utf8');
      let expected = SEED_TEXT;
      const once = (from: string, to: string): void => {
        assert.equal(expected.split(from).length, 2, `exactly one ${JSON.stringify(from)} in the seed`);
        expected = expected.replace(from, to);
      };
      once('    networkd: {}\n', '');
      once('             After=network-online.target\n', '             Wants=network-online.target\n             After=network-online.target\n');
      once('             ExecStart=nmcli ', '             RemainAfterExit=yes\n             ExecStart=/usr/bin/nmcli ');
      once('  osImageURL: ""\n', '');
      assert.equal(fixed, expected);
      // What remains is the one finding no safe fix resolves: whether ens5 is the port of br-ex.
      assert.equal(status, 0);
      assert.deepEqual(stdout.split('\n').filter(Boolean).map((l) => l.split(' ').slice(0, 3).join(' ')), ['seed.yaml:30:50 info nmcli-ovn-port']);
      // Written by rename: a new inode; the file that did not change was not touched.
      assert.notEqual(statSync(file).ino, inodeBefore);
      const cleanAfter = statSync(path.join(dir, 'clean.yaml'));
      assert.equal(cleanAfter.ino, cleanStat.ino);
      assert.equal(cleanAfter.mtimeMs, cleanStat.mtimeMs);
      assert.deepEqual(readdirSync(dir).sort(), ['clean.yaml', 'seed.yaml'], 'no temporary file left');
      // The result lints clean for the rules it fixed, and a second --fix changes nothing.
      const again = run(dir, ['lint', '--fix', '--hints', '--format', 'json', 'seed.yaml']);
      assert.equal(again.stderr, '');
      const codes = (JSON.parse(again.stdout) as { code: string }[]).map((f) => f.code);
      for (const code of ['ign-unknown-key', 'unit-network-online', 'unit-oneshot-remain', 'unit-exec-shell', 'mc-os-image-url']) {
        assert.ok(!codes.includes(code), `${code} remains: ${codes.join(' ')}`);
      }
      assert.equal(readFileSync(file, 'utf8'), expected);
    });

    it('a fix that adds to a unit directive extends it: the seed on br-ex gets one After= line, [Install] after RemainAfterExit=', function () {
      const endsInType = SEED_TEXT.replace('             Type=oneshot\n', '').replace('             [Install]\n             WantedBy=multi-user.target\n', '             Type=oneshot\n');
      const dir = tree({ 'seed.yaml': SEED_TEXT, 'oneshot.yaml': endsInType });
      const { stderr } = run(dir, ['lint', '--fix', '--br-ex-interface', 'ens5', 'seed.yaml', 'oneshot.yaml']);
      assert.match(stderr, /^mcroutes: fixed 6 problems in seed\.yaml: .*unit-ovn-ordering \(Add After=ovs-configuration\.service\)/);
      const unit = (file: string) => {
        const text = readFileSync(path.join(dir, file), 'utf8');
        return text.slice(text.indexOf('[Unit]'), text.indexOf('        enabled:')).split('\n').map((l) => l.trim()).filter(Boolean);
      };
      assert.deepEqual(unit('seed.yaml'), ['[Unit]', 'Description=nmcli-dev-modify', 'Wants=network-online.target', 'After=network-online.target ovs-configuration.service',
        '[Service]', 'Type=oneshot', 'RemainAfterExit=yes', 'ExecStart=/usr/bin/nmcli dev modify ens5 +ipv4.routes "192.168.1.0/24 172.18.0.1"', '[Install]', 'WantedBy=multi-user.target']);
      assert.deepEqual(unit('oneshot.yaml').slice(-5), ['ExecStart=/usr/bin/nmcli dev modify ens5 +ipv4.routes "192.168.1.0/24 172.18.0.1"', 'Type=oneshot', 'RemainAfterExit=yes', '[Install]', 'WantedBy=multi-user.target']);
      assert.doesNotMatch(stderr, /unit-unknown-directive/);
    });

    it('keeps the file mode', function () {
      const dir = tree({ 'seed.yaml': SEED_TEXT });
      const file = path.join(dir, 'seed.yaml');
      chmodSync(file, 0o640);
      run(dir, ['lint', '--fix', 'seed.yaml']);
      assert.equal(statSync(file).mode & 0o777, 0o640);
      assert.notEqual(readFileSync(file, 'utf8'), SEED_TEXT);
    });

    it('a read-only directory: a clear error, exit 2, the original intact and no temporary file', function () {
      const dir = tree({ 'seed.yaml': SEED_TEXT });
      chmodSync(root, 0o755);
      chmodSync(dir, 0o555);
      try {
        // root ignores directory permissions: run as nobody then.
        const asNobody: CliOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
        const { status, stderr } = run(dir, ['lint', '--fix', 'seed.yaml'], asNobody);
        assert.equal(status, 2);
        assert.match(stderr, /^mcroutes: cannot write seed\.yaml: permission denied; it was left as it was\n/);
        assert.equal(readFileSync(path.join(dir, 'seed.yaml'), 'utf8'), SEED_TEXT);
        assert.deepEqual(readdirSync(dir), ['seed.yaml']);
      } finally {
        chmodSync(dir, 0o755);
      }
    });
  });
});
