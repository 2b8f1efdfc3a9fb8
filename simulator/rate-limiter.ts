import type { RateLimit } from "./options.ts";

/**
 * A sliding-window log of the requests that got through. Rejected requests take no slot,
 * so a client that waits as told by Retry-After always gets in.
 */
export class RateLimiter {
  #accepted: number[] = [];

  /** Takes a slot and returns 0, or returns the milliseconds until a slot frees. */
  take(now: number, limit: RateLimit): number {
    const log = this.#accepted;
    let expired = 0;
    while (expired < log.length && (log[expired] ?? 0) + limit.windowMs <= now) expired++;
    if (expired > 0) log.splice(0, expired);
    if (log.length < limit.requests) {
      log.push(now);
      return 0;
    }
    // The limit may have been lowered since: enough entries must expire to get below it.
    const freeing = log[log.length - limit.requests] ?? now;
    return Math.max(1, freeing + limit.windowMs - now);
  }

  /** Slots still free at `now`, without taking one. */
  remaining(now: number, limit: RateLimit): number {
    return limit.requests - this.#accepted.filter((at) => at + limit.windowMs > now).length;
  }

  reset(): void {
    this.#accepted = [];
  }
}
