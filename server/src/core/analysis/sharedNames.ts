/**
 * Whether a file's documents can have findings across files at all, kept up to date per
 * document chunk so that a keystroke need not merge every config of the file again.
 *
 * Every finding across files of a file (workspaceIndex.ts findingsIn) needs one of: a part
 * (unit, drop-in, file) that one of its documents and another document write (mc-overridden:
 * the winner has another name, so is another document), a destination that one of its
 * documents and another document route (route-duplicate: within one document the document's
 * own rule reports it), or a MachineConfigPool of the file (pool-selector). The other
 * document may be in the file or beyond it. Roles and pools are left out here, so the test
 * is wider than the rules: when no name is shared and the file has no pool, there is no
 * finding; otherwise the findings are computed.
 */
import type { DocumentFacts } from './workspaceIndex';

/** What one chunk's documents contribute: each document's part and destination names (once per document), and its pools. */
export interface SharedNames {
  names: readonly string[];
  pools: number;
}

/** The names of `documents` that another document could share (positions left out). */
export function sharedNamesOf(documents: readonly DocumentFacts[]): SharedNames {
  const names: string[] = [];
  let pools = 0;
  for (const facts of documents) {
    if (facts.kind === 'MachineConfigPool') {
      pools++;
      continue;
    }
    // Once per document: a document that writes a part twice shares it with nobody.
    const own = new Set<string>();
    if (facts.kind === 'MachineConfig') {
      for (const unit of facts.units) {
        own.add(`unit\0${unit.name}`);
        for (const dropin of unit.dropins) own.add(`dropin\0${unit.name}/${dropin.name}`);
      }
      for (const file of facts.files) own.add(`file\0${file.path}`);
    }
    for (const route of facts.routes) own.add(`route\0${route.destination}`);
    for (const name of own) names.push(name);
  }
  return { names, pools };
}

/** How many documents of the file have each name, over the contributions added and not yet removed, and which of them the other files have. */
export class SharedNameCounts {
  private readonly counts = new Map<string, number>();
  /** Names that two documents or more have. */
  private shared = 0;
  private pools = 0;
  /** The names of the other files' documents (setBeyond), and how many of the file's names they have. */
  private beyond: ReadonlySet<string> = new Set();
  private sharedBeyond = 0;

  /** The names the documents of the other files have (their pools do not matter: pool-selector is for the file's own). */
  setBeyond(names: ReadonlySet<string>): void {
    this.beyond = names;
    this.sharedBeyond = 0;
    if (names.size > 0) for (const name of this.counts.keys()) if (names.has(name)) this.sharedBeyond++;
  }

  add({ names, pools }: SharedNames): void {
    this.pools += pools;
    for (const name of names) {
      const count = (this.counts.get(name) ?? 0) + 1;
      this.counts.set(name, count);
      if (count === 2) this.shared++;
      if (count === 1 && this.beyond.has(name)) this.sharedBeyond++;
    }
  }

  remove({ names, pools }: SharedNames): void {
    this.pools -= pools;
    for (const name of names) {
      const count = (this.counts.get(name) ?? 0) - 1;
      if (count <= 0) this.counts.delete(name);
      else this.counts.set(name, count);
      if (count === 1) this.shared--;
      if (count === 0 && this.beyond.has(name)) this.sharedBeyond--;
    }
  }

  /** False when no finding across files is possible for the file's documents (those added). */
  get mayHaveFindings(): boolean {
    return this.shared > 0 || this.pools > 0 || this.sharedBeyond > 0;
  }
}
