/**
 * How long the server waits after an edit before it analyses the document: long enough
 * that the keystrokes of a burst come together into one analysis, short enough that a
 * cheap document shows its squiggles as soon as the typing pauses. The wait follows what
 * the document's last analysis cost (ADAPTIVE_FACTOR times it, within MIN and MAX):
 * - a document analysed in under 10 ms waits MIN_DEBOUNCE_MS, and shows its findings
 *   within 50 ms of the last keystroke (yaml-language-server waits a fixed 200 ms);
 * - a costly one waits longer, so that continuous typing keeps at most about a third of
 *   the server's time on analyses of versions the next keystroke makes stale, and answers
 *   to hover and completion do not queue behind them; at most MAX_DEBOUNCE_MS.
 * Costs are read on the server's clock (clock.ts), so protocol tests on a ManualClock give
 * a document the cost they want (the clock's tick) and assert the wait by states.
 */

/** The shortest wait: key repeat and fast typing (about 30 ms apart) still come together. */
export const MIN_DEBOUNCE_MS = 30;
/** The longest wait, for documents whose analysis costs 100 ms or more. */
export const MAX_DEBOUNCE_MS = 300;
/** The wait is this many times the last analysis's cost. */
export const ADAPTIVE_FACTOR = 3;

/** The wait after an edit of a document whose last analysis cost `costMs` (unknown: the shortest). */
export function adaptiveDebounce(costMs: number | undefined): number {
  if (costMs === undefined || !Number.isFinite(costMs)) return MIN_DEBOUNCE_MS;
  return Math.min(MAX_DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, Math.round(ADAPTIVE_FACTOR * costMs)));
}

/** The wait after an edit for each open document: fixed (initializationOptions.debounceMs), else from its last analysis's cost. */
export class Debounce {
  /** Per document, what its latest analysis cost (the slices of a long one add up until it is complete). */
  private readonly costs = new Map<string, { version: number; ms: number; pending: boolean }>();

  constructor(private readonly fixedMs?: number) {}

  /** The wait after an edit of `uri`. */
  delayFor(uri: string): number {
    return this.fixedMs ?? adaptiveDebounce(this.costs.get(uri)?.ms);
  }

  /** `ms` spent analysing `version` of `uri`: all of it, or a slice, with more to come when `pending`. */
  analysed(uri: string, version: number, ms: number, pending = false): void {
    const before = this.costs.get(uri);
    const slices = before !== undefined && before.pending && before.version === version;
    this.costs.set(uri, { version, ms: slices ? before.ms + ms : ms, pending });
  }

  forget(uri: string): void {
    this.costs.delete(uri);
  }
}
