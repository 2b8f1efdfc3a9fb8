import { describe, expect, it } from "vitest";
import { budgetedFetch, createRequestBudget, peakPerWindow } from "./request-budget.ts";

const never = new AbortController().signal;

/**
 * A clock that only moves when the budget waits: every wait is recorded and taken at once,
 * so the budget's arithmetic shows in exact numbers. `onWait` may act mid-wait.
 */
function virtualClock(onWait: (ms: number, waits: number[]) => void = () => {}) {
  const clock = { t: 0, waits: [] as number[] };
  return Object.assign(clock, {
    now: () => clock.t,
    wait: async (ms: number, signal: AbortSignal) => {
      signal.throwIfAborted();
      clock.waits.push(ms);
      clock.t += ms;
      onWait(ms, clock.waits);
    },
  });
}

describe("createRequestBudget on a virtual clock", () => {
  it("frees a slot a minute after its answer by default, not a millisecond sooner", async () => {
    const clock = virtualClock();
    const budget = createRequestBudget({ requests: 1, now: clock.now, wait: clock.wait });
    (await budget.take(never))();
    await budget.take(never);
    expect(clock.waits).toEqual([60_000]);
    expect(budget.granted).toEqual([0, 60_000]);
  });

  it("looks again every 50 ms while the slot's request is in flight", async () => {
    let answer: () => void = () => {};
    const clock = virtualClock((_ms, waits) => {
      if (waits.length === 3) answer();
    });
    const budget = createRequestBudget({
      requests: 1,
      windowMs: 1000,
      now: clock.now,
      wait: clock.wait,
    });
    answer = await budget.take(never);
    await budget.take(never);
    // Answered at 150: the slot frees at 1150.
    expect(clock.waits).toEqual([50, 50, 50, 1000]);
    expect(budget.granted).toEqual([0, 1150]);
  });

  it("waits for the earliest slot to free, whatever order the slots were taken in", async () => {
    const clock = virtualClock();
    const budget = createRequestBudget({
      requests: 2,
      windowMs: 9000,
      now: clock.now,
      wait: clock.wait,
    });
    const first = await budget.take(never);
    const second = await budget.take(never);
    second(); // at 0: frees at 9000
    clock.t = 1000;
    first(); // at 1000: frees at 10000
    await budget.take(never);
    expect(clock.waits).toEqual([8000]);
    expect(budget.granted).toEqual([0, 0, 9000]);
  });

  it("counts a slot from its first answer only", async () => {
    const clock = virtualClock();
    const budget = createRequestBudget({
      requests: 1,
      windowMs: 1000,
      now: clock.now,
      wait: clock.wait,
    });
    const answered = await budget.take(never);
    clock.t = 100;
    answered();
    clock.t = 900;
    answered();
    await budget.take(never);
    expect(clock.waits).toEqual([200]);
  });

  it("keeps the longest of several pauses, and counts a pause from when it was asked", async () => {
    const clock = virtualClock();
    const budget = createRequestBudget({ requests: 5, now: clock.now, wait: clock.wait });
    clock.t = 100;
    budget.pause(5000);
    budget.pause(1000);
    await budget.take(never);
    expect(clock.waits).toEqual([5000]);
    expect(budget.granted).toEqual([5100]);
  });

  it("refuses a caller whose signal has aborted even when a slot is free", async () => {
    const clock = virtualClock();
    const budget = createRequestBudget({ requests: 5, now: clock.now, wait: clock.wait });
    const reason = new Error("cancelled");
    await expect(budget.take(AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(budget.granted).toEqual([]);
    await budget.take(never);
    expect(budget.granted).toEqual([0]);
  });

  it("serves callers first come, first served", async () => {
    const clock = virtualClock();
    const budget = createRequestBudget({
      requests: 1,
      windowMs: 1000,
      now: clock.now,
      wait: clock.wait,
    });
    const order: string[] = [];
    const takes = ["a", "b", "c"].map((name) =>
      budget.take(never).then((answered) => {
        order.push(name);
        answered();
      }),
    );
    await Promise.all(takes);
    expect(order).toEqual(["a", "b", "c"]);
    expect(budget.granted).toEqual([0, 1000, 2000]);
  });
});

describe("budgetedFetch", () => {
  const answer =
    (status: number, headers: Record<string, string> = {}) =>
    async () =>
      new Response("", { status, headers });

  async function pauseAfter(
    response: () => Promise<Response>,
    options?: Parameters<typeof budgetedFetch>[2],
  ): Promise<number[]> {
    const clock = virtualClock();
    clock.t = 1000;
    const budget = createRequestBudget({ requests: 5, now: clock.now, wait: clock.wait });
    const fetch = budgetedFetch(response, budget, options);
    const got = await fetch("http://x/");
    expect(got.status).toBe((await response()).status);
    await budget.take(never);
    return clock.waits;
  }

  it("pauses the step for the Retry-After of a 429 only", async () => {
    expect(await pauseAfter(answer(429, { "retry-after": "3" }))).toEqual([3000]);
    expect(await pauseAfter(answer(503, { "retry-after": "3" }))).toEqual([]);
    expect(await pauseAfter(answer(200, { "retry-after": "3" }))).toEqual([]);
  });

  it("pauses five seconds for a 429 without Retry-After, or the pause it is given", async () => {
    expect(await pauseAfter(answer(429))).toEqual([5000]);
    expect(await pauseAfter(answer(429), { pauseMs: 2000 })).toEqual([2000]);
    expect(await pauseAfter(answer(429, { "retry-after": "later" }), { pauseMs: 2000 })).toEqual([
      2000,
    ]);
  });

  it("reads a Retry-After date against its own clock", async () => {
    const at = Date.parse("2026-11-28T10:00:00Z");
    const waits = await pauseAfter(
      answer(429, { "retry-after": "Sat, 28 Nov 2026 10:00:04 GMT" }),
      { now: () => at },
    );
    expect(waits).toEqual([4000]);
  });
});

describe("peakPerWindow", () => {
  it("sorts the times before it counts, without changing them", () => {
    const times = [0, 2000, 1000, 1500];
    expect(peakPerWindow(times, 1000)).toBe(2);
    expect(times).toEqual([0, 2000, 1000, 1500]);
    // Sorted as text, 10000 would come before 9000.
    expect(peakPerWindow([9000, 10_000, 9500], 600)).toBe(2);
  });
});
