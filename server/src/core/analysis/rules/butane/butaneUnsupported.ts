import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { butaneKind } from '../../../kinds/butane/kind';
import { butaneVersion, isOpenshiftButane, type ButaneModel } from '../../../kinds/butane/model';
import { specOfVersion } from '../../../kinds/butane/spec';
import { keyRange } from '../../../kinds/machineconfig/model';
import { keyedPairs, mapAt, pairOf, rangeOfNode, seqAt } from '../../../text/yamlDocuments';
import { quoted } from '../../../text/quote';
import type { Finding, Rule } from '../rule';

/**
 * What the openshift variant refuses after desugaring (config/openshift/v4_*\/translate.go:
 * fieldFilters, validateRHCOSSupport, validateMCOSupport), with Butane's own words. Disks,
 * RAID, filesystems, LUKS and boot_device are accepted. A file's special mode bits are
 * file-mode's (or butane-mode-decimal's) finding; a non-data contents.source is file-source's.
 */
export const butaneUnsupported: Rule = {
  id: 'butane-unsupported',
  check({ kind, model, report }) {
    if (kind !== butaneKind) return;
    const butane = model as ButaneModel;
    if (!isOpenshiftButane(butane)) return;
    // An unknown version is butane-version's finding; judge by the newest spec meanwhile.
    const minor = specOfVersion(butaneVersion(butane))?.minor ?? Infinity;
    // Butane's own words ("links are not supported in this spec version") are in docs/rules.md.
    const say = (pair: Pair<Scalar, Node | null>, advice: string) =>
      report({ severity: 'error', message: `Butane's openshift variant refuses ${String(pair.key.value)}: ${advice}`, range: keyRange(pair), data: { key: String(pair.key.value) } });
    const root = butane.root;
    const storage = mapAt(root, 'storage');
    const passwd = mapAt(root, 'passwd');
    const unmanaged = 'the Machine Config Operator does not manage it; remove it.';

    for (const [map, key] of [[storage, 'directories'], [storage, 'links'], [passwd, 'groups']] as const) {
      const pair = pairOf(map, key);
      if (pair) say(pair, key === 'directories' ? 'a file creates its parent directories; remove it.' : unmanaged);
    }
    if (minor >= 14) {
      const kargs = pairOf(root, 'kernel_arguments');
      if (kargs) say(kargs, 'list them under openshift.kernel_arguments.');
      // grub's user.cfg is written with append, which the MCO cannot manage.
      const grub = pairOf(root, 'grub');
      if (grub) say(grub, 'set GRUB passwords another way; remove it.');
    }
    for (const file of mapsOf(seqAt(storage, 'files'))) {
      const append = pairOf(file, 'append');
      if (append) say(append, 'write the whole file with contents.');
      const contents = mapAt(file, 'contents');
      const headers = pairOf(contents, 'http_headers');
      if (headers) say(headers, 'use inline contents or a data: source.');
      const compression = pairOf(contents, 'compression');
      if (minor <= 9 && compression && hasValue(compression.value)) {
        say(compression, 'use version 4.10.0 or later, or uncompressed contents.');
      }
    }
    for (const filesystem of mapsOf(seqAt(storage, 'filesystems'))) {
      const format = pairOf(filesystem, 'format');
      const value = isScalar(format?.value) ? format.value.value : undefined;
      if (value === 'btrfs' || (value === 'none' && minor >= 14)) {
        report({
          severity: 'error',
          message: `Butane's openshift variant refuses format ${value}: use ext4 or xfs.`,
          range: rangeOfNode(format!.value),
          data: { key: 'format' },
        });
      }
    }
    checkUsers(seqAt(passwd, 'users'), minor, report);
  },
};

/** passwd.users[] fields of Butane's schema (base v0_3 … v0_6). */
const USER_FIELDS = new Set(['gecos', 'groups', 'home_dir', 'no_create_home', 'no_log_init', 'no_user_group', 'password_hash',
  'primary_group', 'should_exist', 'shell', 'system', 'uid']);

function checkUsers(users: ReturnType<typeof seqAt>, minor: number, report: (f: Finding) => void): void {
  const allowed = new Set(['name', 'ssh_authorized_keys', 'ssh_authorized_keys_local', ...(minor >= 13 ? ['password_hash'] : [])]);
  for (const user of mapsOf(users)) {
    const name = pairOf(user, 'name');
    if (name && isScalar(name.value) && typeof name.value.value === 'string' && name.value.value !== 'core') {
      report({
        severity: 'error',
        message: `Butane's openshift variant refuses user ${quoted(name.value.value)}: use core.`,
        range: rangeOfNode(name.value),
        data: { key: 'name' },
      });
    }
    for (const pair of keyedPairs(user)) {
      const key = String(pair.key.value);
      // A key Butane does not know is dropped with a warning ("unused key"), not refused.
      if (allowed.has(key) || !USER_FIELDS.has(key)) continue;
      report({
        severity: 'error',
        message: `Butane's openshift variant refuses ${key} for a user: remove it.`,
        range: keyRange(pair),
        data: { key },
      });
    }
  }
}

function mapsOf(seq: ReturnType<typeof seqAt>): YAMLMap[] {
  return isSeq(seq) ? seq.items.filter((item): item is YAMLMap => isMap(item)) : [];
}

function hasValue(node: Node | null): boolean {
  return node !== null && !(isScalar(node) && (node.value === null || node.value === ''));
}
