/**
 * The MachineConfig ⇄ Butane translation (kinds/butane/translate.ts): MachineConfig → Butane
 * → MachineConfig gives back the same model for every MachineConfig of the fixtures and for
 * random wizard configs; Butane → MachineConfig → Butane for the seed written as Butane; and
 * what cannot be translated is said, never dropped.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lintText, parseText } from '../../server/src/core/analysis/lint';
import { generateConfig } from '../../server/src/core/ide/generate';
import { butaneToMachineConfig, machineConfigToButane } from '../../server/src/core/kinds/butane/translate';
import { butaneVersionOfIgnition, ignitionVersionOfButane } from '../../server/src/core/kinds/butane/versions';
import type { MachineConfigModel } from '../../server/src/core/kinds/machineconfig/model';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { mapAt, scalarAt } from '../../server/src/core/text/yamlDocuments';
import { randomCase } from '../support/randomAnswers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const SETTINGS = { ...DEFAULT_SETTINGS, rules: {} };
const read = (file: string) => fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');

/** What the round trip must keep of a MachineConfig: its envelope, units, files, and the findings on them. */
function modelOf(text: string): unknown {
  const result = lintText(text, SETTINGS);
  const mcs = result.parsed.documents.map((d) => d.machineConfig).filter((mc): mc is MachineConfigModel => mc !== undefined);
  assert.equal(mcs.length, 1, `one MachineConfig in:\n${text}`);
  const mc = mcs[0];
  const codesIn = (node: { range?: [number, number, number] | null }) => result.problems
    .filter((p) => node.range && p.start >= node.range[0] && p.end <= node.range[2])
    .map((p) => p.code).sort();
  const labels = mapAt(mc.metadata, 'labels');
  const version = scalarAt(mc.ignition, 'version')?.value;
  return {
    name: scalarAt(mc.metadata, 'name')?.value,
    role: scalarAt(labels, 'machineconfiguration.openshift.io/role')?.value,
    ignitionVersion: version === undefined ? undefined : String(version),
    units: mc.units.map((unit) => ({
      name: unit.name?.value,
      enabled: (scalarAt(unit.node, 'enabled') ?? scalarAt(unit.node, 'enable'))?.value,
      mask: scalarAt(unit.node, 'mask')?.value,
      contents: unit.contents?.text.value,
      dropins: unit.dropins.map((d) => ({ name: d.name?.value, contents: d.contents?.text.value })),
      findings: codesIn(unit.node),
    })),
    files: mc.files.map((file) => ({
      path: file.pathValue,
      mode: file.mode?.value,
      text: file.text?.value,
      // Only data: URLs of text are decoded (and re-encoded); any other source stays as written.
      source: file.text ? undefined : file.source?.value,
      findings: codesIn(file.node),
    })),
  };
}

/** The Ignition version the round trip gives: that of the Butane version chosen for it. */
function viaButane(model: unknown): unknown {
  const m = model as { ignitionVersion?: string };
  const expected = ignitionVersionOfButane(butaneVersionOfIgnition(m.ignitionVersion ?? '').version);
  return { ...m, ignitionVersion: expected };
}

/** Each MachineConfig document of a file that parses, as its own text. */
function machineConfigDocuments(text: string): string[] {
  const texts: string[] = [];
  const problems = lintText(text, SETTINGS).problems;
  for (const analysed of parseText(text).documents) {
    if (!analysed.machineConfig || analysed.document.errors.length > 0) continue;
    // Butane syntax pasted into a MachineConfig (ign-butane-syntax) is Butane already: the way back compiles it.
    if (problems.some((p) => p.code === 'ign-butane-syntax' && analysed.document.range[0] <= p.start && p.start <= analysed.document.range[2])) continue;
    const range = analysed.document.contents?.range;
    if (range) texts.push(text.slice(range[0], range[2]));
  }
  return texts;
}

function roundTrip(text: string, where: string): void {
  const butane = machineConfigToButane(text);
  assert.equal(butane.translated, 1, `${where}: translated\n${butane.notes.join('\n')}`);
  for (const note of butane.notes) assert.ok(butane.text.includes(`# ${note}`), `${where}: the note is a comment in the output: ${note}`);
  const back = butaneToMachineConfig(butane.text);
  assert.equal(back.translated, 1, `${where}: back\n${back.notes.join('\n')}\n${butane.text}`);
  assert.deepEqual(back.notes, [], `${where}: the way back says nothing\n${butane.text}`);
  assert.deepEqual(modelOf(back.text), viaButane(modelOf(text)), `${where}\n--- Butane:\n${butane.text}\n--- back:\n${back.text}`);
}

describe('butane translation: MachineConfig → Butane → MachineConfig', function () {
  this.timeout(60_000);

  it('gives back the same model for every MachineConfig of the fixtures and the seed', function () {
    const files = [
      ...fs.readdirSync(path.join(FIXTURES, 'cases')).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(FIXTURES, 'cases', f)),
      path.join(FIXTURES, 'seed-route.yaml'),
    ];
    let documents = 0;
    for (const file of files) {
      machineConfigDocuments(read(file)).forEach((text, i) => {
        roundTrip(text, `${path.basename(file)} MachineConfig ${i + 1}`);
        documents++;
      });
    }
    assert.ok(documents >= 50, `${documents} MachineConfigs`);
  });

  it('gives back the same model for 200 random wizard configs (nmcli units and keyfiles)', function () {
    let done = 0;
    for (let seed = 1; done < 200; seed++) {
      const { answers } = randomCase(seed);
      if (answers.method === 'nmstate') continue;
      const [mc] = machineConfigDocuments(generateConfig(answers));
      roundTrip(mc, `seed ${seed}`);
      done++;
    }
  });
});

describe('butane translation: Butane → MachineConfig → Butane', function () {
  it('gives back examples/seed-route.bu (its comment aside), and the MachineConfig has the seed\'s unit', function () {
    const butane = read(path.join(ROOT, 'examples', 'seed-route.bu'));
    const mc = butaneToMachineConfig(butane);
    assert.deepEqual(mc.notes, []);
    assert.match(mc.text, /^apiVersion: machineconfiguration\.openshift\.io\/v1\nkind: MachineConfig\n/);
    assert.match(mc.text, /ignition:\n {6}version: 3\.4\.0\n/);
    const back = machineConfigToButane(mc.text, { preferredVersion: '4.16.0' });
    assert.deepEqual(back.notes, []);
    const withoutComments = butane.split('\n').filter((line) => !line.startsWith('#')).join('\n');
    assert.deepEqual(parseAllDocuments(back.text)[0].toJS(), parseAllDocuments(withoutComments)[0].toJS());
    assert.equal(back.text, withoutComments);
  });

  it('writes inline contents as a percent-encoded data URL, openshift fields as spec fields, and modes in octal on the way back', function () {
    const butane = [
      'variant: openshift', 'version: 4.19.0',
      'metadata:', '  name: 99-worker-x', '  labels:', '    machineconfiguration.openshift.io/role: worker',
      'storage:', '  files:', '    - path: /etc/x.conf', '      mode: 0600', '      contents:', '        inline: |', '          a=1 b', '',
      'openshift:', '  kernel_arguments: [loglevel=7]', '  fips: true', '  kernel_type: realtime', '  extensions: [usbguard]', '',
    ].join('\n');
    const mc = butaneToMachineConfig(butane);
    assert.deepEqual(mc.notes, []);
    const object = parseAllDocuments(mc.text)[0].toJS();
    assert.equal(object.spec.config.ignition.version, '3.5.0');
    assert.deepEqual(object.spec.config.storage.files[0], { path: '/etc/x.conf', mode: 384, contents: { source: 'data:,a%3D1%20b%0A' } });
    assert.deepEqual(Object.keys(object.spec), ['config', 'extensions', 'fips', 'kernelArguments', 'kernelType']);
    assert.deepEqual(object.spec.kernelArguments, ['loglevel=7']);
    assert.equal(object.spec.kernelType, 'realtime');
    const back = machineConfigToButane(mc.text);
    assert.match(back.text, /mode: 0600\n/);
    assert.match(back.text, /inline: \|\n {10}a=1 b\n/);
    assert.match(back.text, /kernel_arguments:\n {4}- loglevel=7\n/);
  });
});

describe('butane translation: Butane\'s snake_case keys are Ignition\'s camelCase keys', function () {
  it('renames partition sizes, mount options and passwd keys both ways (a /var partition as in the OpenShift docs)', function () {
    const butane = [
      'variant: openshift', 'version: 4.16.0',
      'metadata:', '  name: 98-var-partition', '  labels:', '    machineconfiguration.openshift.io/role: worker',
      'storage:', '  disks:', '    - device: /dev/nvme0n1', '      wipe_table: false', '      partitions:',
      '        - label: var', '          start_mib: 25000', '          size_mib: 0', '          type_guid: 0FC63DAF-8483-4772-8E79-3D69D8477DE4',
      '  filesystems:', '    - device: /dev/disk/by-partlabel/var', '      path: /var', '      format: xfs', '      mount_options: [defaults, prjquota]', '      with_mount_unit: true',
      'passwd:', '  users:', '    - name: core', '      ssh_authorized_keys: [ssh-ed25519 AAAA]', '',
    ].join('\n');
    const mc = butaneToMachineConfig(butane);
    assert.equal(mc.notes.length, 1);
    assert.match(mc.notes[0], /with_mount_unit/);
    const config = parseAllDocuments(mc.text)[0].toJS().spec.config;
    assert.deepEqual(config.storage.disks[0], {
      device: '/dev/nvme0n1', wipeTable: false,
      partitions: [{ label: 'var', startMiB: 25000, sizeMiB: 0, typeGuid: '0FC63DAF-8483-4772-8E79-3D69D8477DE4' }],
    });
    assert.deepEqual(config.storage.filesystems[0], { device: '/dev/disk/by-partlabel/var', path: '/var', format: 'xfs', mountOptions: ['defaults', 'prjquota'] });
    assert.deepEqual(config.passwd.users[0], { name: 'core', sshAuthorizedKeys: ['ssh-ed25519 AAAA'] });
    const back = parseAllDocuments(machineConfigToButane(mc.text).text)[0].toJS();
    assert.deepEqual(back.storage.disks[0].partitions[0], { label: 'var', start_mib: 25000, size_mib: 0, type_guid: '0FC63DAF-8483-4772-8E79-3D69D8477DE4' });
    assert.deepEqual(back.storage.filesystems[0].mount_options, ['defaults', 'prjquota']);
    assert.deepEqual(back.passwd.users[0], { name: 'core', ssh_authorized_keys: ['ssh-ed25519 AAAA'] });
  });
});

describe('butane translation: what cannot be translated is said', function () {
  it('networkd, osImageURL, a compressed source, Ignition 2.2.0 and a file system name: a note each, also as a comment', function () {
    const mc = [
      'apiVersion: machineconfiguration.openshift.io/v1', 'kind: MachineConfig',
      'metadata:', '  name: x', '  labels:', '    machineconfiguration.openshift.io/role: worker',
      'spec:', '  osImageURL: ""', '  config:', '    ignition:', '      version: 2.2.0', '    networkd: {}',
      '    storage:', '      files:',
      '        - path: /etc/a', '          filesystem: root', '          contents:', '            source: data:;base64,H4sIAAAAAAAA', '            compression: gzip',
      '',
    ].join('\n');
    const result = machineConfigToButane(mc);
    assert.equal(result.notes.length, 5, result.notes.join('\n'));
    for (const [pattern, note] of [[/Ignition 2\.2\.0/, 0], [/^networkd/, 1], [/filesystem root/, 2], [/gzip-compressed data kept as contents\.source/, 3], [/spec\.osImageURL/, 4]] as const) {
      assert.match(result.notes[note], pattern);
      assert.ok(result.text.includes(`# ${result.notes[note]}\n`));
    }
    assert.match(result.text, /source: data:;base64,H4sIAAAAAAAA\n\s+compression: gzip/);
  });

  it('contents.local, storage.trees and a document that is not Butane: notes, and the rest translated', function () {
    const butane = [
      'variant: openshift', 'version: 4.16.0', 'metadata:', '  name: x', '  labels:', '    machineconfiguration.openshift.io/role: worker',
      'storage:', '  trees:', '    - local: tree', '  files:', '    - path: /etc/a', '      contents:', '        local: a.conf',
      '---', 'kind: ConfigMap', '',
    ].join('\n');
    const result = butaneToMachineConfig(butane);
    assert.equal(result.translated, 1);
    assert.deepEqual(result.notes.map((n) => n.replace(/:.*/s, '')), ['document 1', 'document 1', 'document 2']);
    assert.match(result.notes[0], /storage\.trees/);
    assert.match(result.notes[1], /contents\.local a\.conf/);
    assert.match(result.notes[2], /a ConfigMap is not a Butane config/);
  });

  it('never throws: YAML that does not parse, an alias bomb, scalars where maps belong', function () {
    const inputs = [
      'variant: openshift\nversion: 4.16.0\nstorage: [\n',
      'variant: openshift\nversion: 4.16.0\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n',
      'variant: openshift\nversion: 7\nmetadata: 3\nstorage: {files: [1, {contents: 2}, {contents: {inline: 3}}]}\nsystemd: {units: "x"}\nopenshift: []\n',
      'kind: MachineConfig\nspec: {config: {storage: {files: [{contents: {source: 5}}, {append: [1]}]}, systemd: {units: [1]}}}\n',
      'kind: MachineConfig\nspec: 4\n',
      '',
    ];
    for (const input of inputs) {
      const there = butaneToMachineConfig(input);
      const back = machineConfigToButane(input);
      assert.ok(typeof there.text === 'string' && typeof back.text === 'string');
    }
  });
});
