import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../server/src/core/text/edits';
import { lintText } from '../../server/src/core/analysis/lint';
import type { Problem } from '../../server/src/core/text/problem';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';

const seed = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/seed-route.yaml'), 'utf8');
const INDENT = '             ';

function only(text: string, code: string, settings: Settings = DEFAULT_SETTINGS): Problem {
  const found = lintText(text, settings).problems.filter((p) => p.code === code);
  assert.equal(found.length, 1, `one ${code} finding`);
  return found[0];
}

/** Applies the one fix of the one `code` finding; checks its safety and that the finding is gone. */
function fixed(text: string, code: string, safe: boolean): string {
  const problem = only(text, code);
  assert.equal(problem.fixes?.length, 1, `${code} offers one fix`);
  const fix = problem.fixes![0];
  assert.equal(fix.safe, safe, `${code}: "${fix.title}" is ${safe ? 'safe' : 'not safe'}`);
  const result = applyEdits(text, fix.edits);
  assert.ok(!lintText(result, DEFAULT_SETTINGS).problems.some((p) => p.code === code), `${code} is gone after the fix`);
  return result;
}

/** `text` with `insert` added right before the first occurrence of `before`. */
function insertedBefore(text: string, before: string, insert: string): string {
  const at = text.indexOf(before);
  assert.ok(at >= 0, `${JSON.stringify(before)} is in the text`);
  return text.slice(0, at) + insert + text.slice(at);
}

describe('quick fixes of the unit, nmcli and route rules, byte for byte on the seed', () => {
  it('unit-network-online adds Wants= on its own line before After=, with the block indentation', () => {
    assert.equal(fixed(seed, 'unit-network-online', true),
      insertedBefore(seed, `${INDENT}After=network-online.target\n`, `${INDENT}Wants=network-online.target\n`));
  });

  it('unit-oneshot-remain adds RemainAfterExit=yes on the line after Type=oneshot', () => {
    assert.equal(fixed(seed, 'unit-oneshot-remain', true),
      insertedBefore(seed, `${INDENT}ExecStart=`, `${INDENT}RemainAfterExit=yes\n`));
  });

  it('unit-ovn-ordering adds ovs-configuration.service to the After= line, not a second After= (the seed with its route on br-ex)', () => {
    const text = seed.replace('dev modify ens5 ', 'dev modify br-ex ');
    assert.equal(fixed(text, 'unit-ovn-ordering', true),
      text.replace('After=network-online.target\n', 'After=network-online.target ovs-configuration.service\n'));
  });

  it('unit-ovn-ordering adds an After= line after the last line of [Unit] when there is none', () => {
    const text = seed.replace('dev modify ens5 ', 'dev modify br-ex ').replace(`${INDENT}After=network-online.target\n`, '');
    assert.equal(fixed(text, 'unit-ovn-ordering', true),
      text.replace('Description=nmcli-dev-modify\n', `Description=nmcli-dev-modify\n${INDENT}After=ovs-configuration.service\n`));
  });

  it('unit-ovn-ordering extends the last line of a continued After=', () => {
    const text = seed.replace('dev modify ens5 ', 'dev modify br-ex ')
      .replace('After=network-online.target\n', `After=network-online.target \\\n${INDENT}  NetworkManager-wait-online.service\n`);
    assert.equal(fixed(text, 'unit-ovn-ordering', true),
      text.replace('  NetworkManager-wait-online.service\n', '  NetworkManager-wait-online.service ovs-configuration.service\n'));
  });

  it('unit-network-online adds the target to the unit\'s Wants= line when it has one', () => {
    const text = insertedBefore(seed, `${INDENT}After=`, `${INDENT}Wants=NetworkManager-wait-online.service\n`);
    assert.equal(fixed(text, 'unit-network-online', true),
      text.replace('Wants=NetworkManager-wait-online.service\n', 'Wants=NetworkManager-wait-online.service network-online.target\n'));
  });

  it('unit-exec-shell writes /usr/bin/nmcli for the bare nmcli and touches nothing else', () => {
    const problem = only(seed, 'unit-exec-shell');
    assert.deepEqual(problem.fixes?.[0].edits.map((e) => seed.slice(e.start, e.end)), ['nmcli']);
    assert.equal(fixed(seed, 'unit-exec-shell', true), seed.replace('ExecStart=nmcli dev', 'ExecStart=/usr/bin/nmcli dev'));
  });

  it('nmcli-ovn-port puts the route on br-ex, ordered after configure-ovs builds it, and says the fix is not safe', () => {
    const problem = only(seed, 'nmcli-ovn-port');
    assert.deepEqual(problem.fixes?.[0].edits.map((e) => seed.slice(e.start, e.end)), ['ens5', '']);
    assert.equal(fixed(seed, 'nmcli-ovn-port', false), seed.replace('dev modify ens5 ', 'dev modify br-ex ')
      .replace('After=network-online.target\n', 'After=network-online.target ovs-configuration.service\n'));
    const ordered = seed.replace('After=network-online.target', 'After=network-online.target ovs-configuration.service');
    assert.equal(fixed(ordered, 'nmcli-ovn-port', false), ordered.replace('dev modify ens5 ', 'dev modify br-ex '), 'no second After= when ordered');
  });

  it('route-host-bits writes the network address over exactly the 14 characters', () => {
    const text = seed.replace('192.168.1.0/24', '192.168.1.5/24');
    assert.equal(fixed(text, 'route-host-bits', true), seed);
  });

  it('unit-install-missing appends [Install] with WantedBy= after the last line of the unit', () => {
    const text = seed.replace(`${INDENT}[Install]\n${INDENT}WantedBy=multi-user.target\n`, '');
    const expected = text.replace('172.18.0.1"\n', `172.18.0.1"\n\n${INDENT}[Install]\n${INDENT}WantedBy=multi-user.target\n`);
    assert.equal(fixed(text, 'unit-install-missing', true), expected);
  });

  it('unit-install-missing adds WantedBy= under an [Install] that links the unit nowhere', () => {
    const text = seed.replace(`${INDENT}WantedBy=multi-user.target\n`, '');
    assert.equal(only(text, 'unit-install-missing').end - only(text, 'unit-install-missing').start, '[Install]'.length);
    assert.equal(fixed(text, 'unit-install-missing', true), seed);
  });

  it('unit-install-missing adds WantedBy= on a line of its own after an empty WantedBy= (which may reset the list)', () => {
    const text = seed.replace(`${INDENT}WantedBy=multi-user.target\n`, `${INDENT}WantedBy=\n`);
    assert.equal(fixed(text, 'unit-install-missing', true), text.replace(`${INDENT}WantedBy=\n`, `${INDENT}WantedBy=\n${INDENT}WantedBy=multi-user.target\n`));
  });

  it('route-replaces-all writes + before the property (not safe: it changes what the command does)', () => {
    const text = seed.replace('+ipv4.routes', 'ipv4.routes');
    assert.equal(fixed(text, 'route-replaces-all', false), seed);
  });

  it('every safe fix of the seed applied together leaves the unit an expert would write', () => {
    const problems = lintText(seed, DEFAULT_SETTINGS).problems.filter((p) => p.code.startsWith('unit-'));
    const edits = problems.flatMap((p) => (p.fixes ?? []).filter((f) => f.safe).flatMap((f) => f.edits));
    const result = applyEdits(seed, edits);
    const unit = result.slice(result.indexOf('[Unit]'), result.indexOf('enabled:'));
    assert.equal(unit, [
      '[Unit]',
      `${INDENT}Description=nmcli-dev-modify`,
      `${INDENT}Wants=network-online.target`,
      `${INDENT}After=network-online.target`,
      '',
      `${INDENT}[Service]`,
      `${INDENT}Type=oneshot`,
      `${INDENT}RemainAfterExit=yes`,
      `${INDENT}ExecStart=/usr/bin/nmcli dev modify ens5 +ipv4.routes "192.168.1.0/24 172.18.0.1"`,
      `${INDENT}[Install]`,
      `${INDENT}WantedBy=multi-user.target`,
      '        ',
    ].join('\n'));
    const codes: string[] = lintText(result, DEFAULT_SETTINGS).problems.map((p) => p.code);
    for (const code of ['unit-network-online', 'unit-oneshot-remain', 'unit-ovn-ordering', 'unit-exec-shell']) {
      assert.ok(!codes.includes(code), `${code} is fixed`);
    }
  });
});

describe('quick fixes in a double-quoted unit keep the escapes', () => {
  const quoted = (contents: string) => seed.replace(/ {6}- contents: \|\n[\s\S]*?\n(?= {8}enabled:)/, `      - contents: "${contents}"\n`);

  it('unit-network-online writes Wants=…\\n before After=', () => {
    const text = quoted('[Unit]\\nAfter=network-online.target\\n[Service]\\nType=oneshot\\nRemainAfterExit=yes\\nExecStart=/usr/bin/true\\n[Install]\\nWantedBy=multi-user.target\\n');
    assert.equal(fixed(text, 'unit-network-online', true),
      text.replace('[Unit]\\nAfter=', '[Unit]\\nWants=network-online.target\\nAfter='));
  });

  it('unit-install-missing appends \\n[Install]\\nWantedBy=…\\n at the end of the string', () => {
    const text = quoted('[Service]\\nType=oneshot\\nRemainAfterExit=yes\\nExecStart=/usr/bin/true\\n');
    assert.equal(fixed(text, 'unit-install-missing', true),
      text.replace('/usr/bin/true\\n"', '/usr/bin/true\\n\\n[Install]\\nWantedBy=multi-user.target\\n"'));
  });

  it('unit-ovn-ordering extends After= inside the string, or writes After=…\\n after the last line of [Unit]', () => {
    const service = '[Service]\\nType=oneshot\\nRemainAfterExit=yes\\nExecStart=/usr/bin/nmcli dev modify br-ex +ipv4.routes \\"192.168.1.0/24 172.18.0.1\\"\\n[Install]\\nWantedBy=multi-user.target\\n';
    const ordered = quoted(`[Unit]\\nWants=network-online.target\\nAfter=network-online.target\\n${service}`);
    assert.equal(fixed(ordered, 'unit-ovn-ordering', true), ordered.replace('After=network-online.target\\n', 'After=network-online.target ovs-configuration.service\\n'));
    const unordered = quoted(`[Unit]\\nDescription=routes\\n${service}`);
    assert.equal(fixed(unordered, 'unit-ovn-ordering', true), unordered.replace('Description=routes\\n', 'Description=routes\\nAfter=ovs-configuration.service\\n'));
  });

  it('unit-oneshot-remain on the last line without a final break', () => {
    const text = quoted('[Service]\\nExecStart=/usr/bin/true\\nType=oneshot');
    assert.equal(fixed(text, 'unit-oneshot-remain', true),
      text.replace('Type=oneshot"', 'Type=oneshot\\nRemainAfterExit=yes\\n"'));
  });
});

describe('no fix where the characters cannot be edited exactly', () => {
  it('a single-quoted unit (lines folded from blank lines) gets its findings but no insertion', () => {
    const unit = ['[Unit]', 'After=network-online.target', '[Service]', 'Type=oneshot', 'ExecStart=/usr/bin/true'];
    const text = seed.replace(/ {6}- contents: \|\n[\s\S]*?\n(?= {8}enabled:)/, `      - contents: '${unit.join('\n\n          ')}'\n`);
    const findings = lintText(text, DEFAULT_SETTINGS).problems.filter((p) => p.code === 'unit-network-online' || p.code === 'unit-oneshot-remain');
    assert.deepEqual(findings.map((p) => p.code), ['unit-network-online', 'unit-oneshot-remain']);
    for (const p of findings) assert.equal(p.fixes, undefined, `${p.code} offers no fix in a single-quoted scalar`);
  });
});
