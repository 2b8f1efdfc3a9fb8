import { type BackoffOptions, backoffDelay } from "./backoff.ts";
import { delay } from "./delay.ts";
import { formatDuration } from "./duration.ts";
import { NetworkError, UnusableAnswerError } from "./errors.ts";

/**
 * Thrown by one attempt when the failure is worth another try: a network error, a cut
 * body, 408, 429 or 5xx. Internal to the retry loop; callers see NetworkError once
 * retries run out.
 */
export class TransientFailure extends Error {
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  /** The server answered, with something that is not usable (a page instead of the file). */
  readonly unusable: boolean;
  constructor(
    message: string,
    options: { status?: number; retryAfterMs?: number; cause?: unknown; unusable?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "TransientFailure";
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.unusable = options.unusable ?? false;
  }
}

/** Statuses that say "try again later" rather than "this request is wrong". */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export interface RetryOptions {
  /** Retries after the first attempt. @default 5 */
  maxRetries: number;
  backoff: BackoffOptions;
  signal: AbortSignal;
  /** What is being tried, for the final error: "GET https://…/reports/12". */
  method: string;
  url: string;
  onRetry?: (info: RetryInfo) => void;
  /**
   * When the whole job must be over (epoch ms). A Retry-After reaching past it fails at
   * once: waiting would only end in a timeout, without the server's reason.
   */
  deadlineAt?: number | undefined;
  /** @default Date.now */
  now?: (() => number) | undefined;
}

export interface RetryInfo {
  attempt: number;
  delayMs: number;
  reason: string;
  status: number | undefined;
}

/**
 * A 429 without Retry-After: Lucca counts its 50 requests over 60 s, so the wait starts at
 * 5 s and doubles to 30 s; five retries then span at least 90 s, past the window, whatever
 * the jitter (5 + 10 + 20 + 30 + 30 = 95 s, at most 5% less).
 */
export const RATE_LIMIT_BACKOFF: BackoffOptions = { initialMs: 5_000, maxMs: 30_000, jitter: 0.05 };

/** The wait before the next attempt: Retry-After when the server gave one, else backoff. */
export function retryDelay(attempt: number, failure: TransientFailure, backoff: BackoffOptions) {
  const throttled = failure.status === 429 && failure.retryAfterMs === undefined;
  const computed = Math.max(
    backoffDelay(attempt, backoff),
    throttled ? backoffDelay(attempt, { ...RATE_LIMIT_BACKOFF, random: backoff.random }) : 0,
  );
  return failure.retryAfterMs === undefined ? computed : Math.max(failure.retryAfterMs, computed);
}

/**
 * Runs `attempt` until it succeeds, throws something other than TransientFailure, or
 * `maxRetries` retries have failed. Waits are cancelled by `signal`.
 */
export async function retry<T>(
  attempt: (index: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  if (!Number.isInteger(options.maxRetries) || options.maxRetries < 0) {
    throw new RangeError(
      `Cannot retry as maxRetries is not a whole number >= 0: current value is ${options.maxRetries}`,
    );
  }
  for (let index = 0; ; index++) {
    options.signal.throwIfAborted();
    try {
      return await attempt(index);
    } catch (error) {
      if (options.signal.aborted) throw options.signal.reason;
      if (!(error instanceof TransientFailure)) throw error;
      if (index >= options.maxRetries) {
        if (error.unusable) {
          throw new UnusableAnswerError(
            `${options.method} ${options.url} failed after ${index + 1} attempt(s): ${error.message}`,
            { cause: error },
          );
        }
        throw new NetworkError(
          `${options.method} ${options.url} failed after ${index + 1} attempt(s): ${error.message}`,
          {
            method: options.method,
            url: options.url,
            status: error.status,
            attempts: index + 1,
            cause: error,
          },
        );
      }
      const delayMs = retryDelay(index, error, options.backoff);
      const now = options.now ?? Date.now;
      if (
        error.retryAfterMs !== undefined &&
        options.deadlineAt !== undefined &&
        now() + error.retryAfterMs > options.deadlineAt
      ) {
        throw new NetworkError(
          `${options.method} ${options.url} answered${error.status === undefined ? "" : ` ${error.status}`} with Retry-After: ${formatDuration(error.retryAfterMs)}, which reaches past the overall deadline (${formatDuration(Math.max(0, options.deadlineAt - now()))} left); not waiting for it. Try again later.`,
          {
            method: options.method,
            url: options.url,
            status: error.status,
            attempts: index + 1,
            cause: error,
          },
        );
      }
      options.onRetry?.({
        attempt: index + 1,
        delayMs,
        reason: error.message,
        status: error.status,
      });
      await delay(delayMs, options.signal);
    }
  }
}
