import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  checksWithoutHistory,
  expectedWindow,
  learnedPollDelay,
  usableHistory,
  WAIT_SHARE_OF_TIME_LEFT,
} from "./learned-poll.ts";
import type { LuccaClient } from "./lucca-client.ts";
import { nextPollDelay } from "./poll.ts";
import type { Report } from "./schemas.ts";
import { waitForReport } from "./wait-for-report.ts";

const poll = { intervalMs: 1000, maxIntervalMs: 8000 };

/** Check times (ms after creation) the learned schedule makes for a report done at `doneAt`. */
function checksFor(history: number[], doneAt: number): number[] {
  const window = expectedWindow(history);
  if (!window) throw new Error("no window");
  const checks: number[] = [];
  let now = 0;
  while (checks.length === 0 || (checks.at(-1) as number) < doneAt) {
    now += learnedPollDelay(window, checks, now, poll);
    checks.push(now);
  }
  return checks;
}

function mostIn60s(checks: number[]): number {
  let most = 0;
  for (let i = 0, j = 0; i < checks.length; i++) {
    while ((checks[i] as number) - (checks[j] as number) >= 60_000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe("expectedWindow", () => {
  it("is the span of the history around its median, widened by 5% (at least a second)", () => {
    expect(expectedWindow([20_000, 22_000, 18_000])).toEqual({
      expectedMs: 20_000,
      fromMs: 17_000,
      toMs: 23_000,
    });
    expect(expectedWindow([600_000, 620_000])).toEqual({
      expectedMs: 610_000,
      fromMs: 569_500,
      toMs: 650_500,
    });
  });

  it("ignores what cannot be a generation time, and keeps the last ten", () => {
    expect(expectedWindow([])).toBeUndefined();
    expect(expectedWindow([Number.NaN, -5, 0, 2 * 86_400_000])).toBeUndefined();
    expect(usableHistory(["7", null, 5000, Infinity, 6000])).toEqual([5000, 6000]);
    expect(usableHistory(Array.from({ length: 15 }, (_, i) => (i + 1) * 1000))).toHaveLength(10);
  });
});

describe("expectedWindow edges", () => {
  it("keeps a time of exactly a day and drops one past it", () => {
    expect(usableHistory([86_400_000, 86_400_001, 1])).toEqual([86_400_000, 1]);
  });

  it("keeps the last ten times, in the order remembered", () => {
    const fifteen = Array.from({ length: 15 }, (_, i) => (i + 1) * 1000);
    expect(usableHistory(fifteen)).toEqual(fifteen.slice(5));
  });

  it("widens by a second when 5% of the median is less, and never opens before creation", () => {
    expect(expectedWindow([5000])).toEqual({ expectedMs: 5000, fromMs: 4000, toMs: 6000 });
    expect(expectedWindow([500])).toEqual({ expectedMs: 500, fromMs: 0, toMs: 1500 });
  });

  it("takes the middle of an odd history and the mean of the middle two of an even one", () => {
    expect(expectedWindow([40_000, 10_000, 30_000, 20_000])?.expectedMs).toBe(25_000);
    expect(expectedWindow([50_000, 10_000, 40_000, 30_000, 20_000])?.expectedMs).toBe(30_000);
    // Sorted as numbers, not as text ("10000" < "20000" < "9000").
    expect(expectedWindow([20_000, 9000, 10_000])).toEqual({
      expectedMs: 10_000,
      fromMs: 8000,
      toMs: 21_000,
    });
  });
});

describe("learnedPollDelay edges", () => {
  it("treats a window exactly ten intervals wide as wide", () => {
    const window = { expectedMs: 5000, fromMs: 0, toMs: 10_000 };
    expect(learnedPollDelay(window, [], 0, poll)).toBe(2500);
  });

  it("checks no faster than every 6 s inside a wide window", () => {
    const window = { expectedMs: 600_000, fromMs: 500_000, toMs: 700_000 };
    expect(learnedPollDelay(window, [550_000], 550_000, poll)).toBe(6000);
    expect(learnedPollDelay(window, [550_000], 551_500, poll)).toBe(4500);
  });

  it("keeps checks an interval apart even when the longest interval is shorter", () => {
    const window = { expectedMs: 5000, fromMs: 4000, toMs: 6000 };
    expect(learnedPollDelay(window, [7000], 7000, { intervalMs: 3000, maxIntervalMs: 2000 })).toBe(
      3000,
    );
  });

  it("asks at once when the planned time has passed", () => {
    const window = { expectedMs: 60_000, fromMs: 50_000, toMs: 70_000 };
    expect(learnedPollDelay(window, [], 100_000, poll)).toBe(0);
  });

  it("waits for the tenth check back to be a minute old, and only then", () => {
    const window = { expectedMs: 600_000, fromMs: 500_000, toMs: 700_000 };
    const nine = Array.from({ length: 9 }, (_, i) => 500_000 + i * 1000);
    expect(learnedPollDelay(window, nine, 508_000, poll)).toBe(6000);
  });
});

describe("checksWithoutHistory edges", () => {
  it("counts a check made exactly when the report was seen done, and at least one", () => {
    // Today's schedule checks at 1000, 2600, 5160, 9256 ms.
    expect(checksWithoutHistory(2600, poll)).toBe(2);
    expect(checksWithoutHistory(2601, poll)).toBe(3);
    expect(checksWithoutHistory(0, poll)).toBe(1);
    expect(checksWithoutHistory(9256, poll)).toBe(4);
  });

  it("follows the growth it is given, without jitter", () => {
    // 1000, 3000, 7000 ms.
    expect(checksWithoutHistory(7000, { ...poll, multiplier: 2 })).toBe(3);
  });
});

describe("learnedPollDelay", () => {
  it("enters a wide window halfway to the expected time, then checks every tenth of it", () => {
    const window = { expectedMs: 60_000, fromMs: 50_000, toMs: 70_000 };
    expect(learnedPollDelay(window, [], 0, poll)).toBe(55_000);
    expect(learnedPollDelay(window, [], 10_000, poll)).toBe(45_000);
    expect(learnedPollDelay(window, [50_000], 50_000, poll)).toBe(2000);
    const narrow = { expectedMs: 5000, fromMs: 4500, toMs: 5500 };
    expect(learnedPollDelay(narrow, [4500], 4500, poll)).toBe(1000);
  });

  it("checks a window narrower than ten poll intervals first just past the expected time", () => {
    const narrow = { expectedMs: 5000, fromMs: 4500, toMs: 5500 };
    expect(learnedPollDelay(narrow, [], 0, poll)).toBe(5150);
  });

  it("never checks before the first poll interval", () => {
    expect(learnedPollDelay({ expectedMs: 200, fromMs: 0, toMs: 1200 }, [], 0, poll)).toBe(1000);
  });

  it("resumes today's schedule, jitter included, once the window has passed", () => {
    const window = { expectedMs: 60_000, fromMs: 50_000, toMs: 70_000 };
    const plain = { ...poll, jitter: 0 };
    // Two checks made: the third wait of today's schedule, 1000 × 1.6².
    expect(learnedPollDelay(window, [57_500, 70_000], 70_000, plain)).toBe(2560);
    const drawn = { ...poll, jitter: 0.2, random: () => 0.5 };
    expect(learnedPollDelay(window, [57_500, 70_000], 70_000, drawn)).toBe(2816);
    const many = [50_000, 52_000, 54_000, 56_000, 58_000, 60_000, 62_000, 70_000];
    expect(learnedPollDelay(window, many, 70_000, plain)).toBe(8000);
  });

  it("holds ten checks in any 60 s, even for a dense window", () => {
    const window = { expectedMs: 600_000, fromMs: 500_000, toMs: 700_000 };
    // Ten checks a second apart: the eleventh waits until the first is 60 s old.
    const checks = Array.from({ length: 10 }, (_, i) => 500_000 + i * 1000);
    expect(learnedPollDelay(window, checks, 509_000, poll)).toBe(51_000);
    for (const doneAt of [15_000, 400_000, 650_000, 900_000]) {
      const made = checksFor([doneAt * 0.9, doneAt, doneAt * 1.1], doneAt * 1.3);
      expect(mostIn60s(made)).toBeLessThanOrEqual(10);
    }
  });

  it("needs fewer checks than today's schedule when the history is right", () => {
    const made = checksFor([58_000, 60_000, 62_000], 61_000);
    expect(made[0]).toBe(57_500);
    expect(made.length).toBeLessThan(checksWithoutHistory(made.at(-1) as number, poll));
    expect(checksWithoutHistory(61_000, poll)).toBe(11);
  });
});

describe("learnedPollDelay within the time left", () => {
  const halfHour = expectedWindow([1_800_000]) as NonNullable<ReturnType<typeof expectedWindow>>;

  it("waits a quarter of the time left at most, where the history would wait past the deadline", () => {
    expect(WAIT_SHARE_OF_TIME_LEFT).toBe(0.25);
    expect(learnedPollDelay(halfHour, [], 0, poll)).toBe(1_755_000);
    expect(learnedPollDelay(halfHour, [], 0, poll, 300_000)).toBe(75_000);
    expect(learnedPollDelay(halfHour, [], 10_000, poll, 290_000)).toBe(72_500);
  });

  it("then gets closer a quarter of what is left at a time, never denser than today's schedule", () => {
    expect(learnedPollDelay(halfHour, [75_000], 75_000, poll, 225_000)).toBe(56_250);
    // Nearly out of time: today's wait after eight checks (8 s), not a quarter of 6 s.
    const eight = [75_000, 131_250, 173_438, 205_078, 228_809, 246_606, 259_955, 294_000];
    expect(learnedPollDelay(halfHour, eight, 294_000, poll, 6000)).toBe(8000);
  });

  it("keeps the planned first check when it comes before a quarter of the time left", () => {
    const minute = { expectedMs: 60_000, fromMs: 50_000, toMs: 70_000 };
    expect(learnedPollDelay(minute, [], 0, poll, 15 * 60_000)).toBe(55_000);
  });

  it("reaches a window the timeout leaves room for in a few checks, then checks it densely", () => {
    const tenMinutes = expectedWindow([600_000]) as NonNullable<ReturnType<typeof expectedWindow>>;
    const deadline = 15 * 60_000;
    const checks: number[] = [];
    let now = 0;
    while (now < 640_000) {
      now += learnedPollDelay(tenMinutes, checks, now, poll, deadline - now);
      checks.push(now);
    }
    const beforeWindow = checks.filter((at) => at < tenMinutes.fromMs);
    expect(beforeWindow).toEqual([225_000, 393_750, 520_313]);
    expect(checks[3]).toBe(585_000);
    expect(checks[4]).toBe(591_000);
  });
});

describe("waitForReport with history", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A stand-in for Lucca answering "pending" until `doneAt` (fake time): only the schedule is under test. */
  function clientDoneAt(doneAt: number, started: number) {
    const asked: number[] = [];
    const client = {
      getReport: async (id: string): Promise<Report> => {
        asked.push(Date.now() - started);
        return { id, status: Date.now() - started >= doneAt ? "done" : "pending" } as Report;
      },
    } as unknown as LuccaClient;
    return { client, asked };
  }

  it("waits most of the expected time, then checks densely, and reports the estimate", async () => {
    const started = Date.now();
    const { client, asked } = clientDoneAt(61_500, started);
    const promise = waitForReport({ id: "9", status: "pending" } as Report, {
      client,
      signal: new AbortController().signal,
      now: Date.now,
      poll,
      onEvent: () => {},
      expected: expectedWindow([58_000, 60_000, 62_000]),
    });
    await vi.runAllTimersAsync();
    const result = await promise;
    expect(asked).toEqual([57_500, 58_500, 59_500, 60_500, 61_500]);
    expect(result.report.status).toBe("done");
    expect(result.polls).toBe(5);
    expect(result.generationMs).toBe(61_000);
    expect(result.checksWithoutHistory).toBe(checksWithoutHistory(61_500, poll));
    expect(result.checksWithoutHistory).toBe(11);
  });

  it("checks early when the history is longer than the time left, until the deadline", async () => {
    const started = Date.now();
    const { client, asked } = clientDoneAt(Number.POSITIVE_INFINITY, started);
    const controller = new AbortController();
    const promise = waitForReport({ id: "9", status: "pending" } as Report, {
      client,
      signal: controller.signal,
      now: Date.now,
      poll: { ...poll, jitter: 0 },
      onEvent: () => {},
      expected: expectedWindow([1_800_000]),
      deadlineAt: started + 300_000,
    });
    const outcome = expect(promise).rejects.toThrow("deadline");
    await vi.advanceTimersByTimeAsync(300_000);
    controller.abort(new Error("deadline"));
    await outcome;
    expect(asked[0]).toBe(75_000);
    expect(asked.length).toBeGreaterThan(10);
    expect(asked.every((at) => at <= 300_000)).toBe(true);
    expect(asked.at(-1)).toBeGreaterThan(290_000);
  });

  it("goes back to today's schedule once the expected window has passed", async () => {
    const started = Date.now();
    const { client, asked } = clientDoneAt(80_000, started);
    const plain = { ...poll, jitter: 0 };
    const promise = waitForReport({ id: "9", status: "pending" } as Report, {
      client,
      signal: new AbortController().signal,
      now: Date.now,
      poll: plain,
      onEvent: () => {},
      // 57..63 s: narrow, so the first check comes just past the expected 60 s.
      expected: expectedWindow([60_000]),
      deadlineAt: started + 900_000,
    });
    await vi.runAllTimersAsync();
    await promise;
    expect(asked.slice(0, 4)).toEqual([60_900, 61_900, 62_900, 63_900]);
    // Past 63 s: today's waits after four, five and six checks (6.55 s, then 8 s).
    const after = asked.slice(3).map((at, i, all) => (i === 0 ? 0 : at - (all[i - 1] as number)));
    expect(after.slice(1)).toEqual([
      Math.round(nextPollDelay(4, plain)),
      nextPollDelay(5, plain),
      nextPollDelay(6, plain),
    ]);
    expect(after.slice(1)).toEqual([6554, 8000, 8000]);
  });

  it("keeps today's schedule without history", async () => {
    const started = Date.now();
    const { client, asked } = clientDoneAt(5000, started);
    const promise = waitForReport({ id: "9", status: "pending" } as Report, {
      client,
      signal: new AbortController().signal,
      now: Date.now,
      poll: { ...poll, jitter: 0 },
      onEvent: () => {},
    });
    await vi.runAllTimersAsync();
    await promise;
    expect(asked).toEqual([1000, 2600, 5160]);
  });

  it("stops waiting when cancelled", async () => {
    const { client } = clientDoneAt(600_000, Date.now());
    const controller = new AbortController();
    const promise = waitForReport({ id: "9", status: "pending" } as Report, {
      client,
      signal: controller.signal,
      now: Date.now,
      poll,
      onEvent: () => {},
      expected: expectedWindow([600_000]),
    });
    const outcome = expect(promise).rejects.toBeDefined();
    await vi.advanceTimersByTimeAsync(10_000);
    controller.abort(new Error("stop"));
    await outcome;
  });
});
