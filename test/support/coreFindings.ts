/**
 * What the core finds in a text, placed as the server places it (its TextDocument's
 * positions): the state a protocol or extension test waits for when the text is not the seed.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalLinter, type SliceBudget } from '../../server/src/core/analysis/incremental';
import { lintText } from '../../server/src/core/analysis/lint';
import type { Problem } from '../../server/src/core/text/problem';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import type { PlacedFinding } from './seed';

export function placeProblems(text: string, problems: readonly Problem[]): PlacedFinding[] {
  const document = TextDocument.create('file:///placed.yaml', 'yaml', 1, text);
  return problems.map((p) => ({ code: p.code, range: { start: document.positionAt(p.start), end: document.positionAt(Math.max(p.start, p.end)) } }));
}

/** Everything the core finds in `text`: the state of a complete publish. */
export function coreFindings(text: string, settings: Settings = DEFAULT_SETTINGS): PlacedFinding[] {
  return placeProblems(text, lintText(text, settings).problems);
}

/** What the server has after its first slice of `text` with `budget`: the state of the first, partial publish. */
export function firstSliceFindings(text: string, budget: SliceBudget, settings: Settings = DEFAULT_SETTINGS): { findings: PlacedFinding[]; pending: number } {
  const result = new IncrementalLinter().lint(text, settings, budget);
  return { findings: placeProblems(text, result.problems), pending: result.pending ?? 0 };
}
