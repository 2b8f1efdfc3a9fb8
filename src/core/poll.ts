export interface PollDelayOptions {
  /** First wait after creating the report. @default 1000 */
  intervalMs: number;
  /** Longest wait between two status checks. @default 8_000 */
  maxIntervalMs: number;
  /**
   * Growth per check. @default 1.6: with 1 s and 8 s, the smallest that keeps any ten
   * consecutive waits at 60 s or more (1.5 gave 59.8 s, so 11 checks in a minute when no
   * jitter was drawn); jitter only lengthens waits, so the bound holds whatever it draws.
   */
  multiplier?: number;
  /** Extra share of the wait drawn at random, so parallel jobs do not poll in step. @default 0.2 */
  jitter?: number;
  random?: () => number;
}

/**
 * Wait before status check number `pollIndex` (from 0). Grows from `intervalMs` to
 * `maxIntervalMs`: short reports are seen done quickly, long ones cost few requests of
 * the tenant's 50-per-minute budget. Jitter only lengthens, so `intervalMs` stays the
 * floor (never more than one check per interval) and `maxIntervalMs` the ceiling.
 */
export function nextPollDelay(pollIndex: number, options: PollDelayOptions): number {
  const {
    intervalMs,
    maxIntervalMs,
    multiplier = 1.6,
    jitter = 0.2,
    random = Math.random,
  } = options;
  const base = Math.min(maxIntervalMs, intervalMs * multiplier ** pollIndex);
  return Math.round(Math.min(maxIntervalMs, base * (1 + jitter * random())));
}
