import * as assert from 'node:assert/strict';
import { EmbeddedText } from '../../server/src/core/text/embeddedText';
import { splitExecCommand } from '../../server/src/core/formats/execCommand';
import { parseNmcli } from '../../server/src/core/formats/nmcli';
import { directivesOf, parseUnitFile, valueHasWord } from '../../server/src/core/formats/unitFile';

/** A unit text placed at offset 100 of an imaginary file, so mapped ranges differ from value offsets. */
function unitAt(text: string): EmbeddedText {
  return EmbeddedText.verbatim(text, 100);
}

describe('systemd unit files', () => {
  it('reads sections and directives, skipping comments', () => {
    const unit = parseUnitFile(unitAt('# c\n[Unit]\nAfter = a.target b.target\n; c\n[Service]\nType=oneshot\n'));
    assert.deepEqual(unit.errors, []);
    assert.deepEqual(unit.sections.map((s) => s.name), ['Unit', 'Service']);
    const after = directivesOf(unit, 'Unit', 'After')[0];
    assert.equal(after.value.value, 'a.target b.target');
    assert.deepEqual(after.value.words().map((w) => w.rangeOf()), [{ start: 100 + 19, end: 100 + 27 }, { start: 100 + 28, end: 100 + 36 }]);
  });

  it('joins continuation lines with a space, as systemd does', () => {
    const source = '[Service]\nExecStart=/usr/bin/nmcli dev \\\n  modify br-ex\n';
    const unit = parseUnitFile(unitAt(source));
    const exec = directivesOf(unit, 'Service', 'ExecStart')[0];
    assert.equal(exec.value.value, '/usr/bin/nmcli dev  modify br-ex');
    const modify = exec.value.value.indexOf('modify');
    assert.deepEqual(exec.value.rangeOf(modify, modify + 6), { start: 100 + source.indexOf('modify'), end: 100 + source.indexOf('modify') + 6 });
    const joint = exec.value.value.indexOf('  ') + 1;
    assert.deepEqual(exec.value.rangeOf(joint, joint + 1), { start: 100 + source.indexOf('\\'), end: 100 + source.indexOf('\\') + 1 }, 'the space stands for the backslash');
  });

  it('reports a line outside a section, a key without =, an unterminated continuation', () => {
    const unit = parseUnitFile(unitAt('A=1\n[Unit]\nnonsense\nB=2 \\'));
    assert.deepEqual(unit.errors.map((e) => [e.at.value, e.at.rangeOf().start - 100]), [
      ['A=1', 0],
      ['nonsense', 11],
      ['\\', 24],
    ]);
  });
});

describe('ExecStart splitting and nmcli', () => {
  it('tells whether a value names a word exactly as words() splits it', () => {
    const unit = parseUnitFile(unitAt('[Unit]\nAfter=network-online.target\tovs-configuration.service\u00a0x.target\nBefore=\n'));
    const after = directivesOf(unit, 'Unit', 'After')[0];
    for (const word of ['network-online.target', 'ovs-configuration.service', 'x.target', 'online.target', 'ovs', 'x', 'service', '']) {
      assert.equal(valueHasWord(after, word), after.value.words().some((w) => w.value === word), word);
    }
    assert.equal(valueHasWord(directivesOf(unit, 'Unit', 'Before')[0], 'x.target'), false);
  });

  it('cuts key and value of a one-line assignment to the same ranges as of a continued one', () => {
    const unit = parseUnitFile(unitAt('[Service]\n  Type =  oneshot  \nEmpty=   \n'));
    const type = directivesOf(unit, 'Service', 'Type')[0];
    assert.equal(type.key.value, 'Type');
    assert.deepEqual(type.key.rangeOf(), { start: 100 + 12, end: 100 + 16 });
    assert.equal(type.value.value, 'oneshot');
    assert.deepEqual(type.value.rangeOf(), { start: 100 + 20, end: 100 + 27 });
    assert.equal(type.whole.value, 'Type =  oneshot');
    const empty = directivesOf(unit, 'Service', 'Empty')[0];
    assert.equal(empty.value.value, '');
    assert.deepEqual(empty.value.rangeOf(), { start: 100 + 36, end: 100 + 36 });
  });

  it('splits like systemd: quotes group, escapes decode, each argument maps to the file', () => {
    const value = unitAt('-/usr/bin/nmcli con mod "Wired connection 1" +ipv4.routes "10.0.0.0/8 10.1.1.1" x\\ty');
    const command = splitExecCommand(value);
    assert.equal(command.prefixes, '-');
    assert.deepEqual(command.argv.map((a) => a.value), ['/usr/bin/nmcli', 'con', 'mod', 'Wired connection 1', '+ipv4.routes', '10.0.0.0/8 10.1.1.1', 'x\ty']);
    assert.deepEqual(command.argv[3].rangeOf(), { start: 100 + 25, end: 100 + 43 });
    assert.deepEqual(command.argv[6].rangeOf(1, 2), { start: 100 + 81, end: 100 + 83 }, 'the tab came from \\t');
  });

  it('keeps plain words as slices and builds the rest: a lone trailing backslash, a quote mid-word', () => {
    const source = 'pre"a b"post x\\';
    const cmd = splitExecCommand(unitAt(source));
    assert.deepEqual(cmd.argv.map((w) => w.value), ['prea bpost', 'x\\']);
    assert.deepEqual(cmd.argv[0].rangeOf(), { start: 100, end: 100 + 12 });
    assert.deepEqual(cmd.argv[0].rangeOf(3, 6), { start: 100 + 4, end: 100 + 7 });
    assert.deepEqual(cmd.argv[1].rangeOf(), { start: 100 + 13, end: 100 + 15 });
  });

  it('reports an unclosed quote', () => {
    const command = splitExecCommand(unitAt('nmcli dev modify x +ipv4.routes "1.2.3.0/24'));
    assert.match(command.error?.message ?? '', /never closed/);
    assert.equal(command.error?.at.rangeOf().start, 100 + 32);
  });

  it('reads device and connection forms, options, selectors, and each route part', () => {
    const source = 'nmcli -w 5 d modify ens5 +ipv4.routes "192.168.1.0/24 172.18.0.1 50 table=3, 10.0.0.0/8"';
    const dev = parseNmcli(splitExecCommand(unitAt(source)).argv);
    assert.equal(dev?.object, 'device');
    assert.equal(dev?.target?.value, 'ens5');
    assert.deepEqual(dev?.routes.map((r) => [r.destination.value, r.gateway?.value, r.metric?.value, r.attributes.map((a) => a.whole.value)]), [
      ['192.168.1.0/24', '172.18.0.1', '50', ['table=3']],
      ['10.0.0.0/8', undefined, undefined, []],
    ]);
    assert.deepEqual(dev?.routes[1].destination.rangeOf(), { start: 100 + source.indexOf('10.0.0.0/8'), end: 100 + source.indexOf('10.0.0.0/8') + 10 });

    const con = parseNmcli(splitExecCommand(unitAt('/usr/bin/nmcli connection modify id "br ex" ipv6.routes "::/0 fe80::1"')).argv);
    assert.equal(con?.object, 'connection');
    assert.equal(con?.target?.value, 'br ex');
    assert.equal(con?.routes[0].propertyFamily, 6);
    assert.equal(con?.routes[0].property.operation, '');
  });

  it('is not fooled by other programs or other nmcli verbs', () => {
    assert.equal(parseNmcli(splitExecCommand(unitAt('/usr/bin/ip route add 10.0.0.0/8 via 10.1.1.1')).argv), undefined);
    assert.equal(parseNmcli(splitExecCommand(unitAt('nmcli con up br-ex')).argv), undefined);
  });
});
