/**
 * The server's time. Two things read it: the debounce of edits (Scheduler) and the slices
 * of a long analysis (IncrementalLinter's budget). In use it is the system clock. Protocol
 * tests inject a ManualClock through `initializationOptions.testClock` (server.ts), so what
 * they assert about debouncing and slicing holds however fast or busy the machine is.
 */

/** Something a timer may be cancelled by. */
export type TimerHandle = { readonly timer: unknown };

export interface Clock {
  /** Milliseconds, on any origin; only differences are used. */
  now(): number;
  /** Runs `run` after `ms` milliseconds of this clock. */
  setTimeout(run: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => ({ timer: setTimeout(run, ms) }),
  clearTimeout: (handle) => clearTimeout(handle.timer as NodeJS.Timeout),
};

/**
 * A request for tests only, answered only by a server started with a test clock: moves its
 * ManualClock forward by `ms` and runs the timers that are then due.
 */
export const ADVANCE_CLOCK_METHOD = 'mcroutes/test/advanceClock';

export interface AdvanceClockParams {
  ms: number;
}

/**
 * A test hook: a clock whose time moves only when it is told to, never by itself.
 * - `advance(ms)` moves it and runs the timers due by then, in the order they fall due.
 * - Every reading of `now()` moves it by `tickMs` (default 0). An analysis slice reads the
 *   clock after each YAML document it has analysed, so a `tickMs` above the slice length
 *   (ANALYSIS_SLICE_MS) makes every slice exactly one document long.
 * A timer of delay 0 is "the next turn", not a time: it runs on the event loop as with the
 * system clock (a newly opened document is analysed at once, the next slice follows).
 */
export class ManualClock implements Clock {
  private time = 0;
  private sequence = 0;
  private readonly timers = new Map<TimerHandle, { due: number; order: number; run: () => void }>();

  constructor(private readonly tickMs = 0) {}

  now(): number {
    const time = this.time;
    this.time += this.tickMs;
    return time;
  }

  setTimeout(run: () => void, ms: number): TimerHandle {
    if (!(ms > 0)) return SYSTEM_CLOCK.setTimeout(run, 0);
    const handle: TimerHandle = { timer: undefined };
    this.timers.set(handle, { due: this.time + ms, order: this.sequence++, run });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    if (this.timers.delete(handle)) return;
    SYSTEM_CLOCK.clearTimeout(handle);
  }

  /** Moves the time forward by `ms` and runs each timer due by then (those they set, too). */
  advance(ms: number): void {
    const target = this.time + Math.max(0, ms);
    for (;;) {
      let next: [TimerHandle, { due: number; order: number; run: () => void }] | undefined;
      for (const entry of this.timers) {
        if (entry[1].due > target) continue;
        if (!next || entry[1].due < next[1].due || (entry[1].due === next[1].due && entry[1].order < next[1].order)) next = entry;
      }
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = Math.max(this.time, next[1].due);
      next[1].run();
    }
    this.time = Math.max(this.time, target);
  }

  /** How many timers of a positive delay wait for the clock to move. */
  get waiting(): number {
    return this.timers.size;
  }
}
