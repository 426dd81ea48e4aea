/**
 * The editor in Butane configs: the hovers of a MachineConfig inside units, keyfiles and on
 * route addresses; Butane's own keys from its openshift reference (kinds/butane/schema.ts);
 * completion of Butane keys and values at the caret.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncrementalLinter } from '../../server/src/core/analysis/incremental';
import { parseText, type ParsedText } from '../../server/src/core/analysis/lint';
import { completionsAt } from '../../server/src/core/ide/completion';
import { computeHover } from '../../server/src/core/ide/hover';
import { BUTANE_OPENSHIFT, butaneKeyAt, butaneKeysAt, OPENSHIFT_SPEC_VERSIONS } from '../../server/src/core/kinds/butane/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import { offsetOf } from '../support/yamlHelpers';

const ROOT = path.resolve(__dirname, '../../..');
const SEED_BU = fs.readFileSync(path.join(ROOT, 'examples', 'seed-route.bu'), 'utf8');

const KEYFILE_BU = `variant: openshift
version: 4.14.0
metadata:
  name: 99-worker-keyfile-route
  labels:
    machineconfiguration.openshift.io/role: worker
storage:
  files:
    - path: /etc/NetworkManager/system-connections/ens224.nmconnection
      mode: 0600
      contents:
        inline: |
          [connection]
          id=ens224
          type=ethernet
          interface-name=ens224

          [ipv4]
          method=manual
          address1=172.18.0.10/24
          route1=192.168.1.0/24,172.18.0.1,100
    - path: /etc/example
      mode: 644
      contents:
        inline: hello
`;

function hover(text: string, needle: string, plus = 1, parsed: ParsedText = parseText(text), nth = 0): { element: string; markdown: string } {
  const found = computeHover(parsed, offsetOf(text, needle, nth) + plus, DEFAULT_SETTINGS);
  assert.ok(found, `a hover at ${JSON.stringify(needle)}`);
  return { element: text.slice(found.start, found.end), markdown: found.markdown };
}

/** The labels offered at `§` of `marked`. */
function complete(marked: string, settings: Settings = DEFAULT_SETTINGS, knownRoles: string[] = []): { label: string; insertText: string; detail?: string }[] {
  const offset = marked.indexOf('§');
  const text = marked.replace('§', '');
  return completionsAt(parseText(text), offset, settings, { knownRoles }).items;
}

describe('Butane configs in the editor', function () {
  describe('the hovers of a MachineConfig inside units, keyfiles and on routes', function () {
    it('a route destination in a unit: its netmask and its ip route line on the device nmcli names', function () {
      const { element, markdown } = hover(SEED_BU, '192.168.1.0/24');
      assert.equal(element, '192.168.1.0/24');
      assert.match(markdown, /\*\*Netmask:\*\* `255\.255\.255\.0`/);
      assert.match(markdown, /192\.168\.1\.0\/24 via 172\.18\.0\.1 dev ens5 proto static metric 100/);
    });

    it('an nmcli word and a unit directive, as in a MachineConfig', function () {
      assert.match(hover(SEED_BU, 'nmcli dev').markdown, /NetworkManager's command line/);
      const type = hover(SEED_BU, 'Type=oneshot', 7);
      assert.equal(type.element, 'oneshot');
      assert.match(type.markdown, /`oneshot` ◀ here/);
    });

    it('an inline keyfile: its keys, its route and an address in it', function () {
      const key = hover(KEYFILE_BU, 'method=manual');
      assert.equal(key.element, 'method');
      const route = hover(KEYFILE_BU, '192.168.1.0/24');
      assert.equal(route.element, '192.168.1.0/24');
      assert.match(route.markdown, /192\.168\.1\.0\/24 via 172\.18\.0\.1 dev ens224 proto static metric 100/);
      const address = hover(KEYFILE_BU, '172.18.0.10/24', 2);
      assert.match(address.markdown, /255\.255\.255\.0/);
    });

    it('after an edit above it, the incremental parse rebuilds the Butane model where it now is', function () {
      const linter = new IncrementalLinter();
      const text = `${SEED_BU}---\n${KEYFILE_BU}`;
      linter.lint(text, DEFAULT_SETTINGS);
      const edited = text.replace('name: worker-custom-route-configuration', 'name: worker-custom-route-configuration-renamed');
      const parsed = linter.lint(edited, DEFAULT_SETTINGS).parsed;
      const route = hover(edited, '192.168.1.0/24', 1, parsed, 1);
      assert.equal(route.element, '192.168.1.0/24');
      assert.match(route.markdown, /dev ens224 /);
    });
  });

  describe('Butane keys', function () {
    it('a key: its line of the openshift reference; required, since and refused say so', function () {
      const version = hover(SEED_BU, 'version:');
      assert.equal(version.element, 'version');
      assert.match(version.markdown, /^\*\*`version` — string\*\*\n\nThe openshift spec version/);
      assert.match(version.markdown, /Required: butane refuses the config without it/);
      const enabled = hover(SEED_BU, 'enabled:');
      assert.match(enabled.markdown, /^\*\*`systemd\.units\[\]\.enabled` — boolean\*\*/);
      const refused = 'variant: openshift\nversion: 4.16.0\nstorage:\n  links:\n    - path: /x\n';
      assert.match(hover(refused, 'links').markdown, /⚠ The openshift variant refuses it: the Machine Config Operator cannot apply it/);
      const local = 'variant: openshift\nversion: 4.16.0\nsystemd:\n  units:\n    - name: a.service\n      contents_local: a.service\n';
      assert.match(hover(local, 'contents_local').markdown, /Since openshift spec 4\.14\.0/);
    });

    it('values: the Ignition spec a version compiles to, what an octal or decimal mode grants', function () {
      assert.match(hover(SEED_BU, '4.16.0').markdown, /Compiles to a MachineConfig with Ignition spec `3\.4\.0`/);
      assert.match(hover(KEYFILE_BU, '0600').markdown, /`0600` is octal \(384 in decimal\): `rw-------`/);
      assert.match(hover(KEYFILE_BU, 'mode: 644', 7).markdown, /⚠ `644` is decimal, which is `01204` in octal/);
    });

    it('the table by path: list items share their list\'s keys; labels are free but for the role', function () {
      assert.equal(butaneKeyAt(['storage', 'files', 0, 'contents', 'inline'])?.type, 'string');
      assert.equal(butaneKeyAt(['systemd', 'units', 3, 'dropins', 0, 'contents_local'])?.since, '4.14.0');
      assert.equal(butaneKeyAt(['metadata', 'labels', 'machineconfiguration.openshift.io/role'])?.required, true);
      assert.equal(butaneKeyAt(['metadata', 'labels', 'app'] ), undefined);
      assert.equal(butaneKeyAt(['storage', 'files', 'path']), undefined, 'a list holds items, not keys');
      assert.equal(butaneKeyAt(['spec']), undefined);
      assert.ok(butaneKeyAt(['storage', 'files', 0, 'append'])?.refused);
      assert.deepEqual(Object.keys(butaneKeysAt(['openshift'])!), ['kernel_type', 'kernel_arguments', 'extensions', 'fips']);
      assert.equal(butaneKeysAt(['storage', 'files']), undefined);
      assert.deepEqual(Object.keys(BUTANE_OPENSHIFT.keys!).slice(0, 3), ['variant', 'version', 'metadata']);
      assert.deepEqual(OPENSHIFT_SPEC_VERSIONS.find((v) => v.version === '4.19.0'), { version: '4.19.0', ignition: '3.5.0' });
    });
  });

  describe('completion', function () {
    const head = 'variant: openshift\nversion: 4.16.0\n';

    it('keys at the caret\'s level, those written left out, refused ones never offered', function () {
      assert.deepEqual(complete(`${head}§\n`).map((i) => i.label), ['metadata', 'ignition', 'storage', 'systemd', 'passwd', 'boot_device', 'openshift']);
      const file = complete(`${head}storage:\n  files:\n    - path: /x\n      §\n`);
      assert.deepEqual(file.map((i) => i.label), ['overwrite', 'contents', 'mode', 'user', 'group']);
      assert.equal(file.find((i) => i.label === 'mode')?.insertText, 'mode: ${1|0644,0600,0755,0700|}');
      const storage = complete(`${head}storage:\n  §\n`).map((i) => i.label);
      assert.ok(storage.includes('files') && storage.includes('trees') && !storage.includes('links') && !storage.includes('directories'), storage.join());
      const contents = complete(`${head}storage:\n  files:\n    - path: /x\n      contents:\n        §\n`);
      assert.equal(contents.find((i) => i.label === 'inline')?.insertText, 'inline: |\n          $0');
      assert.ok(!contents.some((i) => i.label === 'http_headers'));
    });

    it('values: the variant, versions fitted to the target release, booleans, roles', function () {
      assert.deepEqual(complete('variant: §\nversion: 4.16.0\n').map((i) => i.label), ['openshift']);
      const versions = complete('variant: openshift\nversion: §\n').map((i) => i.label);
      assert.equal(versions[0], '4.18.0', 'without a target release, the newest spec every supported release accepts first');
      assert.equal(versions.length, OPENSHIFT_SPEC_VERSIONS.length);
      const forTarget = complete('variant: openshift\nversion: §\n', { ...DEFAULT_SETTINGS, openshiftVersion: '4.14' });
      assert.deepEqual(forTarget.map((i) => i.label).slice(0, 2), ['4.14.0', '4.13.0']);
      assert.match(forTarget[0].detail ?? '', /Ignition 3\.4\.0/);
      assert.deepEqual(complete(`${head}systemd:\n  units:\n    - name: a.service\n      enabled: §\n`).map((i) => i.label), ['true', 'false']);
      assert.deepEqual(complete(`${head}metadata:\n  labels:\n    machineconfiguration.openshift.io/role: §\n`, DEFAULT_SETTINGS, ['infra']).map((i) => i.label), ['worker', 'master', 'infra']);
      assert.deepEqual(complete(`${head}openshift:\n  kernel_type: §\n`).map((i) => i.label), ['default', 'realtime']);
    });

    it('inside a unit\'s contents: the unit\'s sections and directives, as in a MachineConfig', function () {
      const labels = complete(`${head}systemd:\n  units:\n    - name: a.service\n      contents: |\n        [Service]\n        §\n`).map((i) => i.label);
      assert.ok(labels.includes('RemainAfterExit') && labels.includes('[Install]'), labels.slice(0, 5).join());
    });

    it('other YAML gets nothing, a MachineConfig still gets its own keys', function () {
      assert.deepEqual(complete('variant: something\nversion: 1\n§\n'), []);
      const mc = complete('apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\n§\n').map((i) => i.label);
      assert.ok(mc.includes('spec') && !mc.includes('systemd'), mc.join());
    });
  });
});
