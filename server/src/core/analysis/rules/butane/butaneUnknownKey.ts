import { isMap, isSeq, type Node } from 'yaml';
import { butaneKind } from '../../../kinds/butane/kind';
import { butaneVersion, isOpenshiftButane, type ButaneModel } from '../../../kinds/butane/model';
import { MACHINECONFIG_ENVELOPE_KEYS, openshiftKeys, specOfVersion, type ButaneKeyPlace } from '../../../kinds/butane/spec';
import { keyRange } from '../../../kinds/machineconfig/model';
import type { Fix } from '../../../text/problem';
import { closestWord } from '../../../text/suggest';
import { renameKeyEdit } from '../../../text/yamlEdits';
import { keyedPairs, mapAt, pairOf, seqAt } from '../../../text/yamlDocuments';
import type { Finding, Rule } from '../rule';

/**
 * Keys the openshift variant's schema does not read, at the top and in metadata, openshift,
 * storage.files[] and systemd.units[]. Butane does not decode strictly: it reports each as
 * "unused key" (a warning, fatal only with --strict) and drops it, so what it says never
 * reaches the node.
 */
export const butaneUnknownKey: Rule = {
  id: 'butane-unknown-key',
  check({ kind, model, report }) {
    if (kind !== butaneKind) return;
    const butane = model as ButaneModel;
    if (!isOpenshiftButane(butane)) return;
    const spec = specOfVersion(butaneVersion(butane));
    const minor = spec?.minor;
    const version = spec?.version;
    const root = butane.root;
    check(root, 'top', '', minor, version, report);
    check(pairOf(root, 'metadata')?.value, 'metadata', 'metadata.', minor, version, report);
    check(pairOf(root, 'openshift')?.value, 'openshift', 'openshift.', minor, version, report);
    eachItem(seqAt(mapAt(root, 'storage'), 'files'), (file) => check(file, 'file', 'storage.files[].', minor, version, report));
    eachItem(seqAt(mapAt(root, 'systemd'), 'units'), (unit) => check(unit, 'unit', 'systemd.units[].', minor, version, report));
  },
};

function check(node: Node | null | undefined, place: ButaneKeyPlace, prefix: string, minor: number | undefined, version: string | undefined, report: (f: Finding) => void): void {
  if (!isMap(node)) return;
  const known = openshiftKeys(place, minor);
  const newer = openshiftKeys(place, undefined);
  for (const pair of keyedPairs(node)) {
    const key = String(pair.key.value);
    if (known.includes(key) || (place === 'top' && MACHINECONFIG_ENVELOPE_KEYS.includes(key))) continue;
    const later = newer.includes(key);
    const suggestion = later ? undefined : closestWord(key, known);
    const rename = suggestion ? renameKeyEdit(node, pair, suggestion) : undefined;
    // Renaming makes the value take effect: the user should confirm.
    const fixes: Fix[] = rename ? [{ title: `Rename to ${suggestion}`, edits: [rename], safe: false }] : [];
    report({
      severity: 'warning',
      message: later
        ? `Spec ${version} lacks ${prefix}${key}, so butane drops it${advice(key)}`
        : `butane drops ${prefix}${key}, unknown to its openshift spec: ${suggestion ? `did you mean ${suggestion}?` : 'remove or rename it.'}`,
      range: keyRange(pair),
      data: { key, ...(suggestion ? { suggestion } : {}) },
      fixes,
    });
  }
}

/** Where a key of a newer spec leads (top-level kernel_arguments and grub are refused there too). */
function advice(key: string): string {
  if (key === 'kernel_arguments') return ': list the arguments under openshift.kernel_arguments.';
  if (key === 'contents_local') return ': use version 4.14.0 or later, or contents.';
  return '.';
}

function eachItem(seq: ReturnType<typeof seqAt>, fn: (item: Node) => void): void {
  if (isSeq(seq)) for (const item of seq.items) fn(item as Node);
}
