export interface BackoffOptions {
  /** First delay, in milliseconds. */
  initialMs: number;
  /** No delay is ever longer than this. */
  maxMs: number;
  /** Growth per attempt. @default 2 */
  multiplier?: number;
  /** Share of the delay drawn at random, 0..1, so that parallel jobs spread out. @default 0.2 */
  jitter?: number;
  /** Source of randomness in [0, 1). @default Math.random */
  random?: () => number;
}

/** Delay before attempt `attempt + 1` (attempt counts from 0): exponential, capped, jittered. */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const { initialMs, maxMs, multiplier = 2, jitter = 0.2, random = Math.random } = options;
  const exponential = Math.min(maxMs, initialMs * multiplier ** attempt);
  // Jitter only shortens the delay, so the cap stays a true upper bound.
  return Math.round(exponential * (1 - jitter * random()));
}
