import type { DocumentKind } from '../kinds/documentKind';
import { machineConfigKind } from '../kinds/machineconfig/kind';
import { nmstateKind } from '../kinds/nmstate/kind';
import { butaneKind } from '../kinds/butane/kind';
import type { YamlDocument } from '../text/yamlDocuments';

/**
 * The kinds of document the linter reads, in the order they are asked; anything else gets
 * silence. Butane first: `variant:` + `version:` is what butane reads a file by, so a
 * MachineConfig envelope pasted beside them is Butane's problem (butane-machineconfig-syntax).
 */
export const DOCUMENT_KINDS: readonly DocumentKind[] = [butaneKind, machineConfigKind, nmstateKind];

/** The first of `kinds` that recognises the document. */
export function kindOf(document: YamlDocument, kinds: readonly DocumentKind[]): DocumentKind | undefined {
  const root = document.contents;
  return kinds.find((kind) => kind.recognise(root));
}

/** Which kinds to read a text as (tests bring kinds of their own). */
export interface KindOptions {
  kinds?: readonly DocumentKind[];
}
