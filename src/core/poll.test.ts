import { afterEach, describe, expect, it, vi } from "vitest";
import { nextPollDelay } from "./poll.ts";

const poll = { intervalMs: 1000, maxIntervalMs: 8000 };

describe("nextPollDelay", () => {
  afterEach(() => vi.restoreAllMocks());

  it("grows by 1.6 a check and adds up to a fifth drawn at random, by default", () => {
    const half = () => 0.5;
    expect([0, 1, 2, 3, 4].map((index) => nextPollDelay(index, { ...poll, random: half }))).toEqual(
      [1100, 1760, 2816, 4506, 7209],
    );
  });

  it("draws its jitter from Math.random unless given a source", () => {
    vi.spyOn(Math, "random").mockReturnValue(0.25);
    expect(nextPollDelay(0, poll)).toBe(1050);
  });

  it("takes the growth and jitter it is given", () => {
    const options = { ...poll, multiplier: 2, jitter: 0.5, random: () => 0.5 };
    expect([0, 1, 2].map((index) => nextPollDelay(index, options))).toEqual([1250, 2500, 5000]);
    expect(nextPollDelay(1, { ...poll, jitter: 0, random: () => 0.9 })).toBe(1600);
  });

  it("caps the wait at the longest interval, before and after the jitter", () => {
    // 1000 * 1.6^5 = 10486 is past the cap before any jitter.
    expect(nextPollDelay(5, { ...poll, random: () => 0 })).toBe(8000);
    expect(nextPollDelay(5, { ...poll, random: () => 0.9 })).toBe(8000);
    // 7000 is under the cap; 7000 * 1.18 = 8260 is not.
    expect(nextPollDelay(0, { intervalMs: 7000, maxIntervalMs: 8000, random: () => 0.9 })).toBe(
      8000,
    );
    // Exactly at the cap stays there.
    expect(nextPollDelay(0, { intervalMs: 8000, maxIntervalMs: 8000, random: () => 0 })).toBe(8000);
  });

  it("rounds to whole milliseconds", () => {
    // 1000 * 1.6^3 = 4096 * 1.02 = 4177.92
    expect(nextPollDelay(3, { ...poll, random: () => 0.1 })).toBe(4178);
    // 1000 * 1.6 = 1600 * 1.0002 = 1600.32
    expect(nextPollDelay(1, { ...poll, random: () => 0.001 })).toBe(1600);
  });
});
