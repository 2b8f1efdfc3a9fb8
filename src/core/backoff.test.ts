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
});

describe("nextPollDelay", () => {
  const poll = { intervalMs: 1000, maxIntervalMs: 15_000 };

  it("starts at the interval and grows to the cap", () => {
    const delays = Array.from({ length: 10 }, (_, index) =>
      nextPollDelay(index, { ...poll, random: () => 0 }),
    );
    expect(delays.slice(0, 4)).toEqual([1000, 1500, 2250, 3375]);
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

  it("keeps within Lucca's budget: at most 10 checks in the first minute", () => {
    let elapsed = 0;
    let checks = 0;
    for (let index = 0; elapsed < 60_000; index++) {
      elapsed += nextPollDelay(index, { ...poll, random: () => 0 });
      if (elapsed < 60_000) checks++;
    }
    expect(checks).toBeLessThanOrEqual(10);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-28T10:00:00Z");
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("7", now)).toBe(7000);
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
  });
});
