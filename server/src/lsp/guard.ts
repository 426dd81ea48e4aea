/** Every handler goes through here: an exception becomes a log line, never a crash. */

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * Wraps a handler so a throw or a rejected promise is logged with its stack and the
 * `fallback` value (if any) is answered instead.
 */
export function guard<A extends unknown[], R>(
  log: Logger,
  name: string,
  handler: (...args: A) => R,
  fallback?: (...args: A) => Awaited<R>,
): (...args: A) => R {
  const recover = (args: A, error: unknown): Awaited<R> => {
    log.error(`mcroutes: ${name} failed: ${describeError(error)}`);
    if (!fallback) return undefined as Awaited<R>;
    try {
      return fallback(...args);
    } catch (inner) {
      log.error(`mcroutes: ${name} fallback failed: ${describeError(inner)}`);
      return undefined as Awaited<R>;
    }
  };
  return (...args: A): R => {
    try {
      const result = handler(...args);
      if (isThenable(result)) {
        return Promise.resolve(result).catch((error: unknown) => recover(args, error)) as R;
      }
      return result;
    } catch (error) {
      return recover(args, error) as R;
    }
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
