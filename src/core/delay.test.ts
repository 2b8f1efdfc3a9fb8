import { getEventListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { delay, MAX_TIMER_MS, timerMs } from "./delay.ts";

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** What a promise has come to so far: its value, its error, or "pending". */
function track(promise: Promise<unknown>) {
  const state: { outcome: "pending" | "resolved" | "rejected"; value?: unknown } = {
    outcome: "pending",
  };
  promise.then(
    (value) => Object.assign(state, { outcome: "resolved", value }),
    (value) => Object.assign(state, { outcome: "rejected", value }),
  );
  return state;
}

describe("timerMs", () => {
  it("holds the longest wait a timer can", () => {
    expect(MAX_TIMER_MS).toBe(2_147_483_647);
  });

  it("makes a wait whole, not negative and at most MAX_TIMER_MS", () => {
    expect(timerMs(Number.NaN)).toBe(0);
    expect(timerMs(-5)).toBe(0);
    expect(timerMs(0)).toBe(0);
    expect(timerMs(0.2)).toBe(1);
    expect(timerMs(1)).toBe(1);
    expect(timerMs(1.5)).toBe(2);
    expect(timerMs(MAX_TIMER_MS)).toBe(MAX_TIMER_MS);
    expect(timerMs(MAX_TIMER_MS + 1)).toBe(MAX_TIMER_MS);
    expect(timerMs(Number.POSITIVE_INFINITY)).toBe(MAX_TIMER_MS);
  });
});

describe("delay", () => {
  it("resolves after the wait, not before, and lets go of the signal", async () => {
    const signal = new AbortController().signal;
    const wait = track(delay(1000, signal));
    await vi.advanceTimersByTimeAsync(999);
    expect(wait.outcome).toBe("pending");
    expect(getEventListeners(signal, "abort")).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(wait).toEqual({ outcome: "resolved", value: undefined });
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  it("clamps a longer wait than a timer holds instead of firing at once", async () => {
    const wait = track(delay(MAX_TIMER_MS * 4));
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS - 1);
    expect(wait.outcome).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    expect(wait.outcome).toBe("resolved");
  });

  it("rejects at once with the reason of a signal already aborted, setting no timer", async () => {
    const reason = new Error("stopped before");
    const wait = track(delay(1000, AbortSignal.abort(reason)));
    await vi.advanceTimersByTimeAsync(0);
    expect(wait).toEqual({ outcome: "rejected", value: reason });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects with the reason as soon as the signal aborts, clearing its timer and listener", async () => {
    const controller = new AbortController();
    const wait = track(delay(1000, controller.signal));
    await vi.advanceTimersByTimeAsync(400);
    const reason = new Error("stopped during");
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(wait).toEqual({ outcome: "rejected", value: reason });
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
