import * as assert from 'node:assert/strict';
import { parseDataUrl } from '../../server/src/core/formats/dataUrl';
import { EmbeddedText } from '../../server/src/core/text/embeddedText';
import { lintText } from '../../server/src/core/analysis/lint';
import { buildMachineConfig, routesOf } from '../../server/src/core/kinds/machineconfig/model';
import { nmcliCommandsOf } from '../../server/src/core/kinds/machineconfig/nmcliCommands';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { hasExpansion, interpreterOf, isShellScript, parseShellScript } from '../../server/src/core/formats/shellScript';
import { parseYamlDocuments } from '../../server/src/core/text/yamlDocuments';
import { embeddedTextOfScalar } from '../../server/src/core/text/yamlScalar';
import { machineConfig as build, orderedUnit } from '../support/machineConfig';
import { scalarAt } from '../support/yamlHelpers';

/** The simple commands of a script, as the words each runs. */
function commands(script: string): string[][] {
  return parseShellScript(EmbeddedText.verbatim(script, 0)).map((c) => c.argv.map((w) => w.value));
}

/** A MachineConfig writing one file with percent-encoded contents. */
function machineConfig(path: string, contents: string, mode = '0755'): string {
  return build({ name: '99-worker-script', files: [{ path, mode, text: contents }] });
}

function modelOf(text: string) {
  const [document] = parseYamlDocuments(text);
  const mc = buildMachineConfig(document, text);
  assert.ok(mc, 'a MachineConfig');
  return mc;
}

describe('shell scripts: which files', () => {
  it('a #! line naming a shell, a .sh name, or a place under dispatcher.d', () => {
    assert.ok(isShellScript('/usr/local/bin/routes', '#!/bin/bash\nnmcli …'));
    assert.ok(isShellScript('/usr/local/bin/routes', '#!/usr/bin/env sh\n'));
    assert.ok(isShellScript('/usr/local/bin/routes', '#! /bin/sh -e\n'));
    assert.ok(isShellScript('/usr/local/bin/routes.sh', 'nmcli …\n'));
    assert.ok(isShellScript('/etc/NetworkManager/dispatcher.d/30-routes', 'nmcli …\n'));
    assert.ok(isShellScript('/etc/NetworkManager/dispatcher.d/pre-up.d/10-routes', 'nmcli …\n'));
  });

  it('not another interpreter, whatever the path; not other files', () => {
    assert.equal(interpreterOf('#!/usr/bin/python3\n'), 'python3');
    assert.ok(!isShellScript('/usr/local/bin/routes.sh', '#!/usr/bin/python3\n'));
    assert.ok(!isShellScript('/etc/NetworkManager/dispatcher.d/40-routes', '#!/usr/bin/perl\n'));
    assert.ok(!isShellScript('/etc/motd', 'nmcli con mod br-ex ipv4.routes 10.0.0.0/8\n'));
    assert.ok(!isShellScript('/etc/NetworkManager/dispatcher.d/', ''));
    assert.ok(!isShellScript(undefined, 'nmcli …\n'));
  });
});

describe('shell scripts: simple commands', () => {
  it('skips comments and joins backslash-newline continuations', () => {
    assert.deepEqual(commands('# a comment\nnmcli con mod br-ex \\\n  +ipv4.routes "10.0.0.0/8 10.1.0.1" # trailing\n'), [
      ['nmcli', 'con', 'mod', 'br-ex', '+ipv4.routes', '10.0.0.0/8 10.1.0.1'],
    ]);
  });

  it('splits on unquoted ; & && || | ( ) and newlines, not on quoted ones', () => {
    assert.deepEqual(commands('a 1; b 2 && c 3 || d 4 | e 5 & f 6\n(g 7)\nh "x; y && z"'), [
      ['a', '1'], ['b', '2'], ['c', '3'], ['d', '4'], ['e', '5'], ['f', '6'], ['g', '7'], ['h', 'x; y && z'],
    ]);
  });

  it('removes quotes and applies backslash escapes as the shell does', () => {
    assert.deepEqual(commands(`echo 'a "b"' "c \\"d\\" \\x" e\\ f ''`), [['echo', 'a "b"', 'c "d" \\x', 'e f', '']]);
  });

  it('strips reserved words, assignments and sudo, exec, env, command, nohup with their options', () => {
    assert.deepEqual(commands('if ! A=1 B="2 3" sudo -u root -E env -i C=4 exec -a name nmcli dev; then nohup command -p nmcli con; fi'), [
      ['nmcli', 'dev'], ['nmcli', 'con'], ['fi'],
    ]);
  });

  it('leaves out redirections and their targets, keeps substitutions inside one word', () => {
    assert.deepEqual(commands('nmcli con mod x >/dev/null 2>&1 </dev/null &>>/tmp/log\nD=$(ip route | awk \'{print $1}\') nmcli a "$(b; c)" `d | e` ${F:-g}'), [
      ['nmcli', 'con', 'mod', 'x'],
      ['nmcli', 'a', '$(b; c)', '`d | e`', '${F:-g}'],
    ]);
  });

  it('does not read a here-document as commands', () => {
    assert.deepEqual(commands('cat <<EOF >/tmp/x\nnmcli con mod br-ex ipv4.routes 10.0.0.5/8\nEOF\ncat <<-\'END\'\n\tnmcli dev mod ens5\n\tEND\nnext 1\n'), [
      ['cat'], ['cat'], ['next', '1'],
    ]);
  });

  it('maps every word to the file, through escapes and continuations', () => {
    const script = 'nmcli con mod br-ex \\\n +ipv4.routes "10.0.0.5/8 10.1.0.1"\n';
    const [command] = parseShellScript(EmbeddedText.verbatim(script, 100));
    const value = command.argv[5];
    assert.equal(value.value, '10.0.0.5/8 10.1.0.1');
    const range = value.rangeOf(0, 10);
    assert.equal(script.slice(range.start - 100, range.end - 100), '10.0.0.5/8');
  });

  it('$VAR, ${VAR}, $(…) and backquotes are expansions', () => {
    assert.ok(hasExpansion('$DEST'));
    assert.ok(hasExpansion('10.0.0.0/8 ${GW}'));
    assert.ok(hasExpansion('`cat x`'));
    assert.ok(!hasExpansion('10.0.0.0/8 10.1.0.1'));
  });

  it('never throws on unterminated quotes or substitutions', () => {
    assert.deepEqual(commands('echo "open\nnmcli'), [['echo', 'open\nnmcli']]);
    assert.deepEqual(commands("echo 'x"), [['echo', 'x']]);
    assert.deepEqual(commands('echo $(a'), [['echo', '$(a']]);
  });
});

describe('shell scripts in the model', () => {
  const script = '#!/bin/bash\nnmcli con mod br-ex +ipv4.routes "192.168.1.5/24 172.18.0.1"\n' +
    'nmcli con mod br-ex +ipv4.routes "$DEST $GW"\nnmcli dev mod "${IFACE}" +ipv4.routes "192.168.2.0/24 172.18.0.1"\necho nmcli\n';
  const text = machineConfig('/usr/local/bin/routes.sh', script);

  it('scriptCommands: every simple command, nmcli read where it is one', () => {
    const mc = modelOf(text);
    const file = mc.files[0];
    assert.equal(file.scriptCommands?.length, 4);
    assert.deepEqual(file.scriptCommands?.map((c) => c.nmcli?.object), ['connection', 'connection', 'device', undefined]);
  });

  it('nmcliCommandsOf gives the commands of scripts with their origin; routesOf their routes without expansions', () => {
    const mc = modelOf(text);
    const uses = nmcliCommandsOf(mc);
    assert.deepEqual(uses.map((u) => u.origin), ['script', 'script', 'script']);
    assert.equal(uses[0].origin === 'script' && uses[0].file, mc.files[0]);
    assert.deepEqual(routesOf(mc).map((r) => r.destination.value), ['192.168.1.5/24', '192.168.2.0/24']);
  });

  it('a finding in a percent-encoded script underlines the encoded characters; no text fix through %2F', () => {
    const problems = lintText(text, DEFAULT_SETTINGS).problems;
    const hostBits = problems.find((p) => p.code === 'route-host-bits');
    assert.ok(hostBits);
    assert.equal(text.slice(hostBits.start, hostBits.end), '192.168.1.5%2F24');
    assert.equal(hostBits.fixes, undefined);
    // `$DEST`, `${IFACE}`: nothing about them.
    assert.ok(!problems.some((p) => p.code === 'route-cidr' || p.code === 'route-gateway' || p.code === 'iface-name'), JSON.stringify(problems.map((p) => p.code)));
  });

  it('where the data URL holds the destination verbatim, the host-bits fix edits it and the finding goes', () => {
    // `/` needs no escape in a data URL: written as is, the characters are the file's own.
    const source = 'data:,nmcli%20con%20mod%20br-ex%20%2Bipv4.routes%20192.168.1.5/24%0A';
    const verbatim = machineConfig('/usr/local/bin/routes.sh', '').replace(/source: .*$/m, `source: ${source}`);
    const hostBits = lintText(verbatim, DEFAULT_SETTINGS).problems.find((p) => p.code === 'route-host-bits');
    assert.ok(hostBits?.fixes?.[0]);
    const [edit] = hostBits.fixes[0].edits;
    const fixed = verbatim.slice(0, edit.start) + edit.newText + verbatim.slice(edit.end);
    assert.match(fixed, /%20192\.168\.1\.0\/24%0A/);
    assert.ok(!lintText(fixed, DEFAULT_SETTINGS).problems.some((p) => p.code === 'route-host-bits'));
  });

  it('nmcli-device-runtime says the script, not the unit, re-applies the route', () => {
    const hint = lintText(text, DEFAULT_SETTINGS).problems.find((p) => p.code === 'nmcli-device-runtime');
    assert.ok(hint);
    assert.doesNotMatch(hint.message, /unit/);
    const underBrEx = machineConfig('/usr/local/bin/routes.sh', '#!/bin/bash\nnmcli dev mod ens5 +ipv4.routes "192.168.2.0/24 172.18.0.1"\n');
    const known = lintText(underBrEx, { ...DEFAULT_SETTINGS, brExInterface: 'ens5' }).problems.find((p) => p.code === 'nmcli-device-runtime');
    assert.match(known?.message ?? '', /until this script runs again\.$/);
  });

  it('a base64 script is read too; a word maps to the base64 groups where it starts (at most 8 characters)', () => {
    const script = '#!/bin/sh\nnmcli con mod br-ex +ipv4.routes "192.168.1.5/24 172.18.0.1"\n';
    const b64 = Buffer.from(script).toString('base64');
    const yaml = `contents:\n  source: data:;base64,${b64}\n`;
    const url = parseDataUrl(embeddedTextOfScalar(scalarAt(yaml, ['contents', 'source']), yaml));
    const [command] = parseShellScript(url!.decoded!).filter((c) => c.argv[0]?.value === 'nmcli');
    const range = command.argv[5].rangeOf();
    const first = script.indexOf('192.168.1.5/24 ');
    const last = script.indexOf('172.18.0.1"') + '172.18.0.1'.length - 1;
    assert.equal(yaml.slice(range.start, range.end), b64.slice(Math.floor(first / 3) * 4, Math.floor(last / 3) * 4 + 4).slice(0, 8));
    // The word still knows its whole extent: a position in its last group is inside it.
    assert.ok(command.argv[5].covers(yaml.indexOf(b64) + Math.floor(last / 3) * 4));
  });

  it('routes with $VAR in a unit are not judged either (systemd substitutes them)', () => {
    const routes = orderedUnit(['Environment=GW=172.18.0.1', 'ExecStart=/usr/bin/nmcli con mod br-ex +ipv4.routes "192.168.3.0/24 ${GW}"']);
    const unit = build({ name: '99-worker-unit-vars', units: [routes] });
    const codes = lintText(unit, DEFAULT_SETTINGS).problems.map((p) => p.code);
    assert.ok(!codes.includes('route-gateway'), codes.join(' '));
  });
});
