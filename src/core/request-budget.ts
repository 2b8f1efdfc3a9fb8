import { delay } from "./delay.ts";
import type { FetchLike } from "./http.ts";
import { parseRetryAfter } from "./retry-after.ts";

const IN_FLIGHT_RECHECK_MS = 50;

export interface RequestBudgetOptions {
  /** Requests allowed in any window. @default 20 */
  requests: number;
  /** Lucca counts its 50 requests per minute. Tests scale it down. @default 60_000 */
  windowMs?: number;
  /** Pause after a 429 that names no Retry-After. @default 5_000 */
  pauseMs?: number;
  now?: () => number;
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told each wait for a slot before it starts, so a log can say why nothing happens. */
  onWait?: (ms: number) => void;
}

/** One budget for every request of a step: create, status and download alike. */
export interface RequestBudget {
  /**
   * Waits for a slot, first come first served; rejects with the signal's reason. Call the
   * function it returns when the request is answered: the slot frees a window after that.
   */
  take(signal: AbortSignal): Promise<() => void>;
  /** Someone else is spending the tenant's budget: nobody sends for `ms`. */
  pause(ms: number): void;
  /** When each slot was granted, for peak measurements. */
  readonly granted: readonly number[];
}

/**
 * A token bucket over a sliding window: each token comes back `windowMs` after its request
 * was answered (a request still in flight keeps its token), so however late a request
 * reaches Lucca, no window of that length there ever holds more than `requests` requests
 * (a bucket refilled at a steady rate would allow nearly twice that across a boundary).
 */
export function createRequestBudget(options: RequestBudgetOptions): RequestBudget {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const wait = options.wait ?? delay;
  const granted: number[] = [];
  /** Slots still counted: in flight (undefined) or answered at a time. */
  let recent: { answeredAt: number | undefined }[] = [];
  let pausedUntil = 0;
  let queue: Promise<void> = Promise.resolve();

  const nextSlotIn = (at: number): number => {
    // Stryker disable next-line MethodExpression: equivalent
    // Without the filter, a freed slot sorts before those still counted, and a negative wait is
    // raised to 0 by Math.max.
    recent = recent.filter(
      // Stryker disable next-line ConditionalExpression, EqualityOperator: equivalent
      // -> true or `>=`: as without the filter above.
      (slot) => slot.answeredAt === undefined || slot.answeredAt + windowMs > at,
    );
    let full = 0;
    if (recent.length >= options.requests) {
      // The slot that must free for one to be under the limit again; in flight, look again soon.
      const frees = recent
        .map((slot) =>
          slot.answeredAt === undefined ? at + IN_FLIGHT_RECHECK_MS : slot.answeredAt + windowMs,
        )
        .sort((a, b) => a - b)[recent.length - options.requests] as number;
      full = frees - at;
    }
    return Math.max(full, pausedUntil - at, 0);
  };

  const takeInTurn = async (signal: AbortSignal) => {
    for (;;) {
      signal.throwIfAborted();
      const ms = nextSlotIn(now());
      if (ms === 0) break;
      options.onWait?.(ms);
      await wait(ms, signal);
    }
    const slot: { answeredAt: number | undefined } = { answeredAt: undefined };
    recent.push(slot);
    granted.push(now());
    return () => {
      slot.answeredAt ??= now();
    };
  };

  return {
    take(signal) {
      const turn = queue.then(() => takeInTurn(signal));
      // One caller giving up must not stop the ones behind it.
      queue = turn.then(
        () => {},
        () => {},
      );
      return turn;
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
    },
    granted,
  };
}

/**
 * The step's one door to the network: every request waits for the shared budget, and a
 * 429 pauses the whole step, not only the request that got it.
 */
export function budgetedFetch(
  fetch: FetchLike,
  budget: RequestBudget,
  options: { pauseMs?: number; now?: () => number } = {},
): FetchLike {
  const now = options.now ?? Date.now;
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.status === 429) {
      budget.pause(
        parseRetryAfter(response.headers.get("retry-after"), now()) ?? options.pauseMs ?? 5_000,
      );
    }
    return response;
  };
}

/** The most timestamps found in any window of `windowMs`. */
export function peakPerWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[first] as number) + windowMs <= (sorted[last] as number)) first++;
    peak = Math.max(peak, last - first + 1);
  }
  return peak;
}
