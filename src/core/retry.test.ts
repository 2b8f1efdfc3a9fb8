import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { delay } from "./delay.ts";
import { NetworkError, UnusableAnswerError } from "./errors.ts";
import { createLuccaClient } from "./lucca-client.ts";
import { isTransientStatus, retry, TransientFailure } from "./retry.ts";

const base = {
  method: "GET",
  url: "https://acme.ilucca.net/x",
  backoff: { initialMs: 1000, maxMs: 8000, random: () => 0 },
};

describe("retry", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("retries transient failures with growing waits, then succeeds", async () => {
    const waits: number[] = [];
    let calls = 0;
    const promise = retry(
      async () => {
        calls++;
        if (calls < 3) throw new TransientFailure("503", { status: 503 });
        return "ok";
      },
      {
        ...base,
        maxRetries: 5,
        signal: new AbortController().signal,
        onRetry: (info) => waits.push(info.delayMs),
      },
    );
    await vi.runAllTimersAsync();
    await expect(promise).resolves.toBe("ok");
    expect(calls).toBe(3);
    expect(waits).toEqual([1000, 2000]);
  });

  it("waits at least what Retry-After asks", async () => {
    const waits: number[] = [];
    let calls = 0;
    const promise = retry(
      async () => {
        if (calls++ === 0) throw new TransientFailure("429", { status: 429, retryAfterMs: 7000 });
        return calls;
      },
      {
        ...base,
        maxRetries: 1,
        signal: new AbortController().signal,
        onRetry: (info) => waits.push(info.delayMs),
      },
    );
    await vi.advanceTimersByTimeAsync(6999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(promise).resolves.toBe(2);
    expect(waits).toEqual([7000]);
  });

  it("gives up after maxRetries with a NetworkError that keeps the cause", async () => {
    const failure = new TransientFailure("reset");
    const promise = retry(async () => Promise.reject(failure), {
      ...base,
      maxRetries: 2,
      signal: new AbortController().signal,
    });
    const assertion = expect(promise).rejects.toSatisfy(
      (error) => error instanceof NetworkError && error.attempts === 3 && error.cause === failure,
    );
    await vi.runAllTimersAsync();
    await assertion;
  });

  it("does not retry other errors", async () => {
    let calls = 0;
    const promise = retry(
      async () => {
        calls++;
        throw new RangeError("bad");
      },
      { ...base, maxRetries: 5, signal: new AbortController().signal },
    );
    await expect(promise).rejects.toBeInstanceOf(RangeError);
    expect(calls).toBe(1);
  });

  it("stops waiting as soon as the signal aborts", async () => {
    const controller = new AbortController();
    const reason = new Error("cancelled");
    const promise = retry(async () => Promise.reject(new TransientFailure("503")), {
      ...base,
      maxRetries: 5,
      signal: controller.signal,
    });
    const assertion = expect(promise).rejects.toBe(reason);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(reason);
    await assertion;
  });

  it("does not start when the signal is already aborted", async () => {
    const controller = new AbortController();
    const reason = new Error("cancelled before");
    controller.abort(reason);
    let calls = 0;
    const promise = retry(
      async () => {
        calls++;
        return 1;
      },
      { ...base, maxRetries: 5, signal: controller.signal },
    );
    await expect(promise).rejects.toBe(reason);
    expect(calls).toBe(0);
  });

  it("gives the abort reason, not the attempt's failure, when the attempt was cancelled", async () => {
    const controller = new AbortController();
    const reason = new Error("interrupted");
    let calls = 0;
    const promise = retry(
      async () => {
        calls++;
        controller.abort(reason);
        throw new TransientFailure("socket closed");
      },
      { ...base, maxRetries: 5, signal: controller.signal },
    );
    await expect(promise).rejects.toBe(reason);
    expect(calls).toBe(1);
  });

  it("a TransientFailure is named and keeps its cause, status and Retry-After", () => {
    const cause = new TypeError("fetch failed");
    const failure = new TransientFailure("down", { cause, status: 503, retryAfterMs: 2000 });
    expect(failure).toMatchObject({ name: "TransientFailure", status: 503, retryAfterMs: 2000 });
    expect(failure.cause).toBe(cause);
    expect(String(failure)).toBe("TransientFailure: down");
  });

  it("rejects a negative maxRetries up front", async () => {
    await expect(
      retry(async () => 1, { ...base, maxRetries: -1, signal: new AbortController().signal }),
    ).rejects.toThrow(/maxRetries/);
  });
});

describe("isTransientStatus", () => {
  it("retries 408, 429 and 5xx only", () => {
    expect([408, 429, 500, 502, 503, 504].every(isTransientStatus)).toBe(true);
    expect([400, 401, 403, 404, 405, 409, 413].some(isTransientStatus)).toBe(false);
  });
});

describe("delay", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("resolves after the time and rejects on abort", async () => {
    const done = vi.fn();
    void delay(1000).then(done);
    await vi.advanceTimersByTimeAsync(999);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toHaveBeenCalled();

    const controller = new AbortController();
    const waiting = delay(60_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("waits a timer can hold (finding 9)", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("a Retry-After past the deadline fails at once, naming it", async () => {
    let calls = 0;
    const promise = retry(
      async () => {
        calls++;
        throw new TransientFailure("503", { status: 503, retryAfterMs: 315_360_000_000 });
      },
      {
        ...base,
        maxRetries: 5,
        signal: new AbortController().signal,
        now: () => 1_000,
        deadlineAt: 1_000 + 15 * 60_000,
      },
    );
    await expect(promise).rejects.toThrow(
      /answered 503 with Retry-After: 87600h 00m, which reaches past the overall deadline \(15m 00s left\)/,
    );
    await expect(promise).rejects.toBeInstanceOf(NetworkError);
    expect(calls).toBe(1);
  });

  it("a Retry-After within the deadline is honoured", async () => {
    let calls = 0;
    const promise = retry(
      async () => {
        calls++;
        if (calls === 1) throw new TransientFailure("429", { status: 429, retryAfterMs: 60_000 });
        return "ok";
      },
      {
        ...base,
        maxRetries: 1,
        signal: new AbortController().signal,
        deadlineAt: Date.now() + 120_000,
      },
    );
    await vi.advanceTimersByTimeAsync(59_999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(promise).resolves.toBe("ok");
  });

  it("delay clamps a wait past what a timer holds instead of firing at once", async () => {
    let done = false;
    void delay(10 * 365 * 24 * 3600 * 1000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(2 ** 31 - 1);
    expect(done).toBe(true);
  });
});

describe("unusable answers", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("are retried, then end as an UnusableAnswerError", async () => {
    let calls = 0;
    const promise = retry(
      async () => {
        calls++;
        throw new TransientFailure("Lucca sent an HTML page", { unusable: true });
      },
      { ...base, maxRetries: 2, signal: new AbortController().signal },
    );
    const settled = promise.catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    const error = await settled;
    expect(error).toBeInstanceOf(UnusableAnswerError);
    expect((error as Error).message).toMatch(
      /failed after 3 attempt\(s\): Lucca sent an HTML page/,
    );
    expect(calls).toBe(3);
  });
});

describe("the Lucca client's production retry defaults", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  // The README: "exponential backoff (0.5 s, 1 s, 2 s, … capped at 30 s)". The client is
  // built with no backoff option, as the CLI and the action build it.
  it("waits 0.5 s, 1 s, 2 s, … capped at 30 s between retries of a 503", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0); // no jitter: the nominal schedule
    const waits: number[] = [];
    let requests = 0;
    const client = createLuccaClient({
      baseUrl: new URL("https://acme.ilucca.net"),
      apiKey: "k",
      fetch: async () => {
        requests++;
        return new Response("busy", { status: 503 });
      },
      signal: new AbortController().signal,
      requestTimeoutMs: 30_000,
      maxRetries: 9,
      onRetry: (info) => waits.push(info.delayMs),
    });
    const failed = client.getReport("7").catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    expect(await failed).toBeInstanceOf(NetworkError);
    expect(requests).toBe(10);
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });
});
