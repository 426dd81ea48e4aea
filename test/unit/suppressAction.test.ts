/**
 * "Suppress RULE on this line" (core/ide/suppress.ts): where the comment goes in each place
 * a finding can be — a YAML line, a unit, a keyfile, a script, a route file or an nmstate
 * file in a literal block, a data URL, a continued line — and that the finding is gone after
 * it while every other finding stays. Where the comment would not be one, no action.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText, parseText } from '../../server/src/core/analysis/lint';
import { RULES } from '../../server/src/core/analysis/rules';
import { findSuppressions } from '../../server/src/core/analysis/suppressions';
import { factsOfParsed } from '../../server/src/core/analysis/workspaceIndex';
import { suppressionFix } from '../../server/src/core/ide/suppress';
import { applyEdits } from '../../server/src/core/text/edits';
import type { Problem } from '../../server/src/core/text/problem';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import { machineConfig } from '../support/machineConfig';

const fixtures = path.resolve(__dirname, '../../../test/fixtures');
const seed = fs.readFileSync(path.join(fixtures, 'seed-route.yaml'), 'utf8');

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;
const signature = (text: string, p: Problem) => `${p.code} ${lineOf(text, p.start)} ${text.slice(p.start, p.end)} ${p.message}`;

/** The finding of `code` whose text starts with `at` (the first when several). */
function finding(text: string, code: string, at: string, settings: Settings = DEFAULT_SETTINGS): Problem {
  const found = lintText(text, settings).problems.find((p) => p.code === code && text.slice(p.start).startsWith(at));
  assert.ok(found, `a ${code} finding at ${JSON.stringify(at)}`);
  return found;
}

/**
 * Applies the suppression of the finding; checks that every finding of its rule on its
 * line is gone, no other finding is (each other one is still there, one line further down)
 * and no unused suppression appears. Returns the new text.
 */
function suppressed(text: string, code: string, at: string, settings: Settings = DEFAULT_SETTINGS): string {
  const result = lintText(text, settings);
  const problem = finding(text, code, at, settings);
  const fix = suppressionFix(result.parsed, problem);
  assert.ok(fix, `${code} at ${JSON.stringify(at)} can be suppressed`);
  assert.equal(fix.title, `Suppress ${code} on this line`);
  assert.equal(fix.safe, false, 'a suppression is never applied by fix-all');
  const after = applyEdits(text, fix.edits);
  const line = lineOf(text, problem.start);
  const added = after.split('\n').length - text.split('\n').length;
  const expected = result.problems
    .filter((p) => !(p.code === code && lineOf(text, p.start) === line))
    .map((p) => signature(text, p).replace(/^(\S+) (\d+)/, (_, c: string, l: string) => `${c} ${Number(l) >= lineOf(text, fix.edits[0].start) ? Number(l) + added : Number(l)}`));
  const remaining = lintText(after, settings).problems.map((p) => signature(after, p));
  assert.deepEqual(remaining.sort(), expected.sort());
  return after;
}

/** The line the suppression added, and the line under it. */
function around(after: string, comment: string): [string, string] {
  const lines = after.split('\n');
  const at = lines.findIndex((l) => l.trim() === comment);
  assert.ok(at >= 0, `a line ${JSON.stringify(comment)}:\n${after}`);
  return [lines[at], lines[at + 1]];
}

function notOffered(text: string, code: string, at: string, settings: Settings = DEFAULT_SETTINGS): void {
  const result = lintText(text, settings);
  assert.equal(suppressionFix(result.parsed, finding(text, code, at, settings)), undefined, `no suppression for ${code} at ${JSON.stringify(at)}`);
}

const BUTANE = `variant: openshift
version: 4.16.0
metadata:
  name: 99-worker-routes
  labels:
    machineconfiguration.openshift.io/role: worker
storage:
  files:
    - path: /etc/NetworkManager/system-connections/ens6.nmconnection
      mode: 0600
      contents:
        inline: |
          [connection]
          id=ens6
          type=ethernet
          interface-name=ens6
          [ipv4]
          method=manual
          address1=192.168.50.10/24
          route1=192.168.60.0/33,192.168.50.1
    - path: /usr/local/bin/routes.sh
      mode: 0755
      contents:
        inline: |
          #!/bin/bash
          nmcli con mod br-ex +ipv4.routes "192.168.10.5/24 172.18.0.1"
          nmcli con mod br-ex \\
            +ipv4.routes "192.168.12.0/33 172.18.0.1"
          echo "two
          lines"; nmcli con mod br-ex +ipv4.routes "192.168.13.5/24 172.18.0.1"
          cat > /tmp/x <<EOT
          hello
          EOT
          nmcli con mod br-ex +ipv4.routes "192.168.14.0/24 224.0.0.1"
    - path: /etc/sysconfig/network-scripts/route-ens6
      mode: 0644
      contents:
        inline: |
          192.168.70.0/33 via 192.168.50.1 dev ens6
    - path: /etc/nmstate/routes.yml
      mode: 0644
      contents:
        inline: |
          routes:
            config:
              - destination: 192.168.80.5/24
                next-hop-address: 192.168.50.1
                next-hop-interface: ens6
`;

describe('Suppress RULE on this line', () => {
  it('a YAML line: the comment above it, with its indentation', () => {
    const after = suppressed(seed, 'ign-unknown-key', 'networkd');
    assert.deepEqual(around(after, '# mcroutes-disable-next-line ign-unknown-key'), ['    # mcroutes-disable-next-line ign-unknown-key', '    networkd: {}']);
  });

  it('a line of the unit in `contents: |`: a unit comment inside the block, indented like the line', () => {
    const after = suppressed(seed, 'unit-network-online', 'After=');
    assert.deepEqual(around(after, '# mcroutes-disable-next-line unit-network-online'),
      ['             # mcroutes-disable-next-line unit-network-online', '             After=network-online.target']);
  });

  it('a second rule on a line that has a suppression above it: its id is added to that comment', () => {
    const once = suppressed(seed, 'unit-exec-shell', 'nmcli dev');
    const twice = suppressed(once, 'nmcli-ovn-port', 'ens5');
    assert.equal(twice.split('\n').length, once.split('\n').length, 'no second comment line');
    assert.match(twice, /\n {13}# mcroutes-disable-next-line unit-exec-shell, nmcli-ovn-port\n {13}ExecStart=nmcli dev modify ens5/);
  });

  it('Butane `inline: |` keyfile, route file and nmstate file: a comment line of each', () => {
    const keyfile = suppressed(BUTANE, 'route-cidr', '33,');
    assert.deepEqual(around(keyfile, '# mcroutes-disable-next-line route-cidr'), ['          # mcroutes-disable-next-line route-cidr', '          route1=192.168.60.0/33,192.168.50.1']);
    const routeFile = suppressed(BUTANE, 'route-cidr', '33 via');
    assert.deepEqual(around(routeFile, '# mcroutes-disable-next-line route-cidr'), ['          # mcroutes-disable-next-line route-cidr', '          192.168.70.0/33 via 192.168.50.1 dev ens6']);
    const nmstate = suppressed(BUTANE, 'route-host-bits', '192.168.80.5/24');
    assert.deepEqual(around(nmstate, '# mcroutes-disable-next-line route-host-bits'),
      ['              # mcroutes-disable-next-line route-host-bits', '              - destination: 192.168.80.5/24']);
  });

  it('a Butane script: above a command line, above the first of continued lines, never inside a quoted string', () => {
    const first = suppressed(BUTANE, 'route-host-bits', '192.168.10.5/24');
    assert.deepEqual(around(first, '# mcroutes-disable-next-line route-host-bits'),
      ['          # mcroutes-disable-next-line route-host-bits', '          nmcli con mod br-ex +ipv4.routes "192.168.10.5/24 172.18.0.1"']);
    const continued = suppressed(BUTANE, 'route-cidr', '33 172');
    assert.deepEqual(around(continued, '# mcroutes-disable-next-line route-cidr'), ['          # mcroutes-disable-next-line route-cidr', '          nmcli con mod br-ex \\']);
    suppressed(BUTANE, 'route-gateway', '224.0.0.1');
    // The line starts inside echo's quoted string: a `#` line there would be printed, not skipped.
    notOffered(BUTANE, 'route-host-bits', '192.168.13.5/24');
  });

  it('a continued unit directive: the comment above its first line (between the lines it would change the directive)', () => {
    const text = seed.replace('ExecStart=nmcli dev modify ens5 +ipv4.routes', 'ExecStart=/usr/bin/nmcli dev modify br-ex \\\n               +ipv4.routes')
      .replace('192.168.1.0/24', '192.168.1.5/24');
    const after = suppressed(text, 'route-host-bits', '192.168.1.5/24');
    const lines = after.split('\n');
    const at = lines.findIndex((l) => l.includes('# mcroutes-disable-next-line route-host-bits'));
    assert.deepEqual(lines.slice(at, at + 3), [
      '             # mcroutes-disable-next-line route-host-bits',
      '             ExecStart=/usr/bin/nmcli dev modify br-ex \\',
      '               +ipv4.routes "192.168.1.5/24 172.18.0.1"',
    ]);
  });

  it('a finding inside a percent-encoded or base64 data URL: a YAML comment above the source: line', () => {
    const scripts = fs.readFileSync(path.join(fixtures, 'cases', 'script-routes.yaml'), 'utf8');
    const percent = around(suppressed(scripts, 'route-cidr', '33'), '# mcroutes-disable-next-line route-cidr');
    assert.equal(percent[0], '            # mcroutes-disable-next-line route-cidr');
    assert.ok(percent[1].startsWith('            source: data:,%23!%2Fbin%2Fbash'), percent[1]);
    const base64 = around(suppressed(scripts, 'route-host-bits', 'MTkyLjE2'), '# mcroutes-disable-next-line route-host-bits');
    assert.equal(base64[0], '            # mcroutes-disable-next-line route-host-bits');
    assert.ok(base64[1].startsWith('            source: data:text/plain;charset=utf-8;base64,'), base64[1]);
  });

  it('a unit in a double-quoted scalar: above its first line when the lines are continued with \\, else not offered', () => {
    const quoted = (contents: string) => seed.replace(/ {6}- contents: \|\n[\s\S]*?\n(?= {8}enabled:)/, `      - contents: "${contents}"\n`);
    const escaped = quoted('[Unit]\\nAfter=network-online.target\\n\\\n          [Service]\\nType=oneshot\\nRemainAfterExit=yes\\n\\\n          ExecStart=/usr/bin/nmcli dev modify br-ex +ipv4.routes \\"192.168.1.5/24 172.18.0.1\\"\\n');
    const after = suppressed(escaped, 'route-host-bits', '192.168.1.5/24');
    assert.deepEqual(around(after, '# mcroutes-disable-next-line route-host-bits'), ['      # mcroutes-disable-next-line route-host-bits', '      - contents: "[Unit]\\nAfter=network-online.target\\n\\']);
    // Folded: the second line of the value is joined to the first with a space; a `#` line there would be text of the unit.
    const folded = quoted('[Unit]\\nAfter=network-online.target\\n[Service]\\nType=oneshot\\nRemainAfterExit=yes\\nExecStart=/usr/bin/nmcli dev modify br-ex\n          +ipv4.routes \\"192.168.1.5/24 172.18.0.1\\"\\n');
    notOffered(folded, 'route-host-bits', '192.168.1.5/24');
  });

  it('not for the unused-suppression finding itself, nor in YAML that does not parse', () => {
    const text = fs.readFileSync(path.join(fixtures, 'cases', 'suppressions.yaml'), 'utf8');
    const result = lintText(text, DEFAULT_SETTINGS);
    const unused = result.problems.filter((p) => p.code === 'unused-suppression');
    assert.ok(unused.length > 0);
    for (const p of unused) assert.equal(suppressionFix(result.parsed, p), undefined);
    const tabs = fs.readFileSync(path.join(fixtures, 'cases', 'yaml-tabs.yaml'), 'utf8');
    const broken = lintText(tabs, DEFAULT_SETTINGS);
    const syntax = broken.problems.find((p) => p.code === 'yaml-syntax');
    assert.ok(syntax);
    assert.equal(suppressionFix(broken.parsed, syntax), undefined);
  });

  it('keeps a file\'s CRLF line ends', () => {
    const crlf = seed.replace(/\n/g, '\r\n');
    const result = lintText(crlf, DEFAULT_SETTINGS);
    const fix = suppressionFix(result.parsed, finding(crlf, 'unit-network-online', 'After='));
    assert.equal(fix?.edits[0].newText, '             # mcroutes-disable-next-line unit-network-online\r\n');
    assert.ok(!lintText(applyEdits(crlf, fix!.edits), DEFAULT_SETTINGS).problems.some((p) => p.code === 'unit-network-online' || p.code === 'unused-suppression'));
  });
});

describe('the lines a suppression covers', () => {
  it('the next line, and the lines a backslash at the end of it continues onto', () => {
    const text = [
      '# mcroutes-disable-next-line route-cidr',
      'ExecStart=/usr/bin/nmcli con mod br-ex \\',
      '  +ipv4.routes "10.0.0.0/33 10.0.0.1" \\\r',
      '  ipv4.route-metric 10',
      'ExecStart=/usr/bin/true',
      '# mcroutes-disable-next-line',
      'Type=oneshot',
    ].join('\n');
    assert.deepEqual(findSuppressions(text).map((s) => [s.line, s.covers]), [[0, 3], [5, 1]]);
  });
});

describe('Suppress RULE on this line, on every finding of every fixture', () => {
  // A message that names another line ("already defined on line 44") names it one further down.
  const unplaced = (message: string) => message.replace(/\bline \d+/g, 'line N');
  const files = ['seed-route.yaml', ...fs.readdirSync(path.join(fixtures, 'cases')).filter((f) => f.endsWith('.yaml')).sort().map((f) => `cases/${f}`)];
  for (const file of files) {
    it(`${file}: each suppression silences its rule on its line and nothing else`, function () {
      this.timeout(20000);
      const text = fs.readFileSync(path.join(fixtures, file), 'utf8');
      const result = lintText(text, DEFAULT_SETTINGS);
      for (const problem of result.problems) {
        const fix = suppressionFix(result.parsed, problem);
        if (!fix) {
          // Only where no comment can be one: the finding about a suppression, YAML that does not parse.
          assert.ok(problem.code === 'unused-suppression' || problem.code === 'yaml-syntax', `${file}: ${problem.code} at line ${lineOf(text, problem.start) + 1} can be suppressed`);
          continue;
        }
        const after = applyEdits(text, fix.edits);
        const line = lineOf(text, problem.start);
        const added = after.split('\n').length - text.split('\n').length;
        const moved = (l: number) => (l >= lineOf(text, fix.edits[0].start) ? l + added : l);
        const expected = result.problems.filter((p) => !(p.code === problem.code && lineOf(text, p.start) === line))
          .map((p) => `${p.code} ${moved(lineOf(text, p.start))} ${unplaced(p.message)}`).sort();
        const found = lintText(after, DEFAULT_SETTINGS).problems.map((p) => `${p.code} ${lineOf(after, p.start)} ${unplaced(p.message)}`).sort();
        assert.deepEqual(found, expected, `${file}: ${fix.title} at line ${line + 1}`);
      }
    });
  }
});

describe('suppressions of findings across files', () => {
  const UNIT = ['[Unit]', 'Wants=network-online.target', 'After=network-online.target', '[Service]', 'Type=oneshot', 'RemainAfterExit=yes',
    'ExecStart=/usr/bin/nmcli connection modify ens3 +ipv4.routes "10.1.0.0/16 192.168.1.1"', '[Install]', 'WantedBy=multi-user.target'];
  const config = (name: string) => machineConfig({ name, role: 'worker', units: [{ name: 'static-routes.service', enabled: true, contents: UNIT }] });
  const winner = { file: 'b.yaml', index: factsOfParsed(parseText(config('99-worker-b'))) };
  const lint = (text: string) => lintText(text, DEFAULT_SETTINGS, RULES, { pools: 0, poolRoles: new Set(), files: [winner] });

  it('mc-overridden from another file is suppressed in the file it is published in, and the suppression is used', () => {
    const text = config('99-worker-a');
    const result = lint(text);
    const overridden = result.problems.find((p) => p.code === 'mc-overridden');
    assert.ok(overridden);
    const fix = suppressionFix(result.parsed, overridden);
    assert.ok(fix);
    const after = applyEdits(text, fix.edits);
    const codes = lint(after).problems.map((p) => p.code);
    assert.ok(!codes.includes('mc-overridden') && !codes.includes('unused-suppression'), codes.join(' '));
    // Alone, the file does not know the winner: the suppression is unused, and its removal is not a safe fix.
    const alone = lintText(after, DEFAULT_SETTINGS).problems.filter((p) => p.code === 'unused-suppression');
    assert.deepEqual(alone.map((p) => [p.message, p.fixes?.[0].safe]), [['mc-overridden does not fire on the next line: this suppression is unused; remove it.', false]]);
  });
});
