/** Debounced, per-document scheduling of validation work, on the server's clock. */
import { SYSTEM_CLOCK, type Clock, type TimerHandle } from './clock';

/**
 * How long one analysis may run before the server turns to other messages: a huge file is
 * analysed a slice at a time (IncrementalLinter's budget) and requests are answered in
 * between. Its diagnostics are published once after the first slice, so the first answer
 * comes within a second even after reading a 10 MB file, and again when complete (not
 * after every slice: each publish carries all of the file's findings). A file done within
 * one slice is published once.
 */
export const ANALYSIS_SLICE_MS = 250;

/** The budget of one analysis slice that starts now: IncrementalLinter.lint's third argument. */
export function sliceBudget(clock: Clock, sliceMs = ANALYSIS_SLICE_MS): { until: number; now: () => number } {
  return { until: clock.now() + sliceMs, now: () => clock.now() };
}

export class Scheduler {
  private readonly timers = new Map<string, TimerHandle>();
  private disposed = false;

  /**
   * @param run the work for one URI; it checks for itself whether its result is still
   *   current before publishing (the document may change while it awaits).
   * @param onError where a failed run is reported.
   * @param clock whose time the delays are (tests give a ManualClock).
   */
  constructor(
    private readonly run: (uri: string) => unknown,
    private readonly onError: (uri: string, error: unknown) => void,
    private readonly clock: Clock = SYSTEM_CLOCK,
  ) {}

  /** (Re)starts the timer for `uri` (0: the next turn of the event loop); an earlier pending run for it is dropped. */
  schedule(uri: string, delayMs: number): void {
    if (this.disposed) return;
    this.cancel(uri);
    const timer = this.clock.setTimeout(() => {
      this.timers.delete(uri);
      try {
        Promise.resolve(this.run(uri)).catch((error: unknown) => this.onError(uri, error));
      } catch (error) {
        this.onError(uri, error);
      }
    }, Math.max(0, delayMs));
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) {
      this.clock.clearTimeout(timer);
      this.timers.delete(uri);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) this.clock.clearTimeout(timer);
    this.timers.clear();
  }
}
