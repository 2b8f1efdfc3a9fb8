/** The longest wait a timer can hold (about 24.8 days); a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A wait fit for setTimeout: whole, not negative, at most MAX_TIMER_MS. */
export function timerMs(ms: number): number {
  // Stryker disable next-line EqualityOperator: `>=` is equivalent
  // 0 becomes Math.min(Math.ceil(0), MAX_TIMER_MS), still 0.
  if (!(ms > 0)) return 0;
  return Math.min(Math.ceil(ms), MAX_TIMER_MS);
}

/**
 * Resolves after `ms` (clamped to what a timer can hold), or rejects with the signal's
 * reason as soon as it aborts.
 */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, timerMs(ms));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
