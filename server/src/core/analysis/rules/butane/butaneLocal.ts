import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { butaneKind } from '../../../kinds/butane/kind';
import { butaneVersion, isOpenshiftButane, type ButaneModel } from '../../../kinds/butane/model';
import { specOfVersion } from '../../../kinds/butane/spec';
import { mapAt, pairOf, rangeOfNode, seqAt } from '../../../text/yamlDocuments';
import { quoted } from '../../../text/quote';
import type { Finding, Rule } from '../rule';

/**
 * `contents.local`, `contents_local` and `storage.trees[].local` name files that butane reads
 * at compile time, relative to `--files-dir` (base/util/file.go ReadLocalFile; without the
 * option butane refuses: "local file paths are relative to a files directory that must be
 * specified with -d/--files-dir"). Their text is not in the file, so nothing in it is checked.
 */
export const butaneLocal: Rule = {
  id: 'butane-local',
  check({ kind, model, report }) {
    if (kind !== butaneKind) return;
    const butane = model as ButaneModel;
    if (!isOpenshiftButane(butane)) return;
    const storage = mapAt(butane.root, 'storage');
    for (const file of maps(seqAt(storage, 'files'))) say(pairOf(mapAt(file, 'contents'), 'local')?.value, 'file', report);
    for (const tree of maps(seqAt(storage, 'trees'))) say(pairOf(tree, 'local')?.value, 'tree', report);
    // Before 4.14.0 units have no contents_local: butane-unknown-key says it is dropped.
    if ((specOfVersion(butaneVersion(butane))?.minor ?? Infinity) < 14) return;
    for (const unit of maps(seqAt(mapAt(butane.root, 'systemd'), 'units'))) {
      say(pairOf(unit, 'contents_local')?.value, 'unit', report);
      for (const dropin of maps(seqAt(unit, 'dropins'))) say(pairOf(dropin, 'contents_local')?.value, 'drop-in', report);
    }
  },
};

function say(node: Node | null | undefined, what: 'file' | 'tree' | 'unit' | 'drop-in', report: (f: Finding) => void): void {
  if (!isScalar(node) || typeof node.value !== 'string' || node.value === '') return;
  const path = node.value;
  const content = what === 'tree' ? 'directory tree' : what === 'file' ? 'file' : `${what}'s text`;
  report({
    severity: 'info',
    message: `butane reads ${quoted(path)} at compile time, so this ${content} cannot be checked here.`,
    range: rangeOfNode(node),
    data: { path },
  });
}

function maps(seq: ReturnType<typeof seqAt>): YAMLMap[] {
  return isSeq(seq) ? seq.items.filter((item): item is YAMLMap => isMap(item)) : [];
}
