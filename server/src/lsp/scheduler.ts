/** Debounced, per-document scheduling of validation work. */

export const DEFAULT_DEBOUNCE_MS = 200;

export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private disposed = false;

  /**
   * @param run the work for one URI; it checks for itself whether its result is still
   *   current before publishing (the document may change while it awaits).
   * @param onError where a failed run is reported.
   */
  constructor(
    private readonly run: (uri: string) => unknown,
    readonly delayMs: number,
    private readonly onError: (uri: string, error: unknown) => void,
  ) {}

  /** (Re)starts the timer for `uri`; an earlier pending run for it is dropped. */
  schedule(uri: string, delayMs: number = this.delayMs): void {
    if (this.disposed) return;
    this.cancel(uri);
    const timer = setTimeout(() => {
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
      clearTimeout(timer);
      this.timers.delete(uri);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
