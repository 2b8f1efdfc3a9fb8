import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff.ts";
import { nextPollDelay } from "./poll.ts";
import { parseRetryAfter } from "./retry-after.ts";

describe("backoffDelay", () => {
  it("doubles from the initial delay up to the cap", () => {
    const options = { initialMs: 1000, maxMs: 10_000, random: () => 0 };
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, options))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  it("only shortens with jitter, by at most the jitter share", () => {
    const options = { initialMs: 1000, maxMs: 10_000, jitter: 0.2, random: () => 0.999 };
    expect(backoffDelay(0, options)).toBe(800);
    expect(backoffDelay(10, options)).toBeLessThanOrEqual(10_000);
  });

  it("draws a fifth of the delay at random by default, rounded to the millisecond", () => {
    const options = { initialMs: 1000, maxMs: 10_000 };
    expect(backoffDelay(0, { ...options, random: () => 0.5 })).toBe(900);
    expect(backoffDelay(1, { ...options, random: () => 1 / 3 })).toBe(1867);
    expect(backoffDelay(0, { ...options, jitter: 0, random: () => 0.5 })).toBe(1000);
  });

  it("grows by the multiplier it is given", () => {
    const options = { initialMs: 100, maxMs: 10_000, multiplier: 3, random: () => 0 };
    expect([0, 1, 2].map((attempt) => backoffDelay(attempt, options))).toEqual([100, 300, 900]);
  });

  it("draws from Math.random when given no source", () => {
    for (let i = 0; i < 20; i++) {
      const value = backoffDelay(0, { initialMs: 1000, maxMs: 10_000 });
      expect(value).toBeGreaterThanOrEqual(800);
      expect(value).toBeLessThanOrEqual(1000);
    }
  });
});

describe("nextPollDelay", () => {
  const poll = { intervalMs: 1000, maxIntervalMs: 15_000 };

  it("starts at the interval and grows to the cap", () => {
    const delays = Array.from({ length: 10 }, (_, index) =>
      nextPollDelay(index, { ...poll, random: () => 0 }),
    );
    expect(delays.slice(0, 4)).toEqual([1000, 1600, 2560, 4096]);
    expect(delays.at(-1)).toBe(15_000);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
  });

  it("never goes below the interval nor above the cap, whatever the jitter", () => {
    for (const random of [() => 0, () => 0.5, () => 0.9999]) {
      for (let index = 0; index < 20; index++) {
        const value = nextPollDelay(index, { ...poll, random });
        expect(value).toBeGreaterThanOrEqual(1000);
        expect(value).toBeLessThanOrEqual(15_000);
      }
    }
  });

  /** The most status checks that fall in any 60 s window over `spanMs` of polling. */
  function mostChecksInAMinute(random: () => number, spanMs = 10 * 60_000): number {
    const at: number[] = [];
    for (let index = 0, t = 0; t < spanMs; index++) {
      t += nextPollDelay(index, { intervalMs: 1000, maxIntervalMs: 8000, random });
      at.push(t);
    }
    let most = 0;
    for (let first = 0; first < at.length; first++) {
      const start = at[first] as number;
      most = Math.max(most, at.filter((time) => time >= start && time < start + 60_000).length);
    }
    return most;
  }

  // README: "no job makes more than 10 status requests in any minute" at the defaults
  // (1 s growing to 8 s), checked over ten minutes of polling, not only the first one.
  it("keeps within Lucca's budget at the 1 s / 8 s defaults: at most 10 checks in any minute", () => {
    let seed = 1;
    const seeded = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    for (const random of [() => 0.5, () => 0.999, seeded]) {
      expect(mostChecksInAMinute(random)).toBeLessThanOrEqual(10);
    }
  });

  // With no jitter drawn the waits are the shortest the schedule allows: the bound must
  // hold there too (with growth x1.5 it did not: 11 checks in 59.8 s).
  it("keeps within the budget even when no jitter is drawn", () => {
    expect(mostChecksInAMinute(() => 0)).toBe(10);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-28T10:00:00Z");
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter("12", now)).toBe(12_000);
    expect(parseRetryAfter("1.5", now)).toBe(1500);
    expect(parseRetryAfter("1.25", now)).toBe(1250);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });
  it("reads an HTTP date relative to now", () => {
    expect(parseRetryAfter("Sat, 28 Nov 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Sat, 28 Nov 2026 09:00:00 GMT", now)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-3", now)).toBeUndefined();
    expect(parseRetryAfter("12abc", now)).toBeUndefined();
    expect(parseRetryAfter("1.", now)).toBeUndefined();
  });
});
