import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { budgetedFetch, createRequestBudget, peakPerWindow } from "./request-budget.ts";

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const never = new AbortController().signal;

describe("createRequestBudget", () => {
  it("grants `requests` slots per window, and the next a window after the first was answered", async () => {
    const budget = createRequestBudget({ requests: 3, windowMs: 60_000 });
    const grantedAt: number[] = [];
    const takes = Array.from({ length: 5 }, () =>
      budget.take(never).then((answered) => {
        grantedAt.push(Date.now());
        answered();
      }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(grantedAt).toEqual([0, 0, 0]);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(grantedAt).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(takes);
    expect(grantedAt).toEqual([0, 0, 0, 60_000, 60_000]);
    expect(peakPerWindow(budget.granted, 60_000)).toBe(3);
  });

  it("keeps a slot taken while its request is in flight", async () => {
    const budget = createRequestBudget({ requests: 1, windowMs: 1000 });
    const first = await budget.take(never);
    let second = false;
    void budget.take(never).then(() => {
      second = true;
    });
    await vi.advanceTimersByTimeAsync(5000);
    expect(second).toBe(false);
    first();
    await vi.advanceTimersByTimeAsync(999);
    expect(second).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(second).toBe(true);
  });

  it("pauses every caller after a 429, for its Retry-After", async () => {
    const budget = createRequestBudget({ requests: 50, windowMs: 60_000 });
    const fetch = budgetedFetch(
      async () => new Response("", { status: 429, headers: { "retry-after": "7" } }),
      budget,
    );
    (await budget.take(never))();
    await fetch("http://x/");
    let granted = false;
    void budget.take(never).then(() => {
      granted = true;
    });
    await vi.advanceTimersByTimeAsync(6999);
    expect(granted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toBe(true);
  });

  it("lets a cancelled caller leave the queue without blocking the others", async () => {
    const budget = createRequestBudget({ requests: 1, windowMs: 1000 });
    (await budget.take(never))();
    const leaving = new AbortController();
    const cancelled = budget.take(leaving.signal);
    const staying = budget.take(never);
    leaving.abort(new Error("gone"));
    await expect(cancelled).rejects.toThrow("gone");
    await vi.advanceTimersByTimeAsync(1000);
    await expect(staying).resolves.toBeTypeOf("function");
  });
});

describe("peakPerWindow", () => {
  it("counts the busiest window, ends excluded", () => {
    expect(peakPerWindow([0, 10, 999, 1000, 1500], 1000)).toBe(3);
    expect(peakPerWindow([], 1000)).toBe(0);
  });
});

describe("createRequestBudget onWait", () => {
  it("says how long the next slot is away before waiting for it, and nothing when none is needed", async () => {
    const waits: number[] = [];
    const budget = createRequestBudget({
      requests: 2,
      windowMs: 60_000,
      onWait: (ms) => waits.push(ms),
    });
    for (const answered of [await budget.take(never), await budget.take(never)]) answered();
    expect(waits).toEqual([]);
    const third = budget.take(never);
    await vi.advanceTimersByTimeAsync(0);
    expect(waits).toEqual([60_000]);
    await vi.advanceTimersByTimeAsync(60_000);
    await third;
    expect(waits).toEqual([60_000]);
  });
});
