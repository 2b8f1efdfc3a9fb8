import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NetworkError, UnusableAnswerError } from "./errors.ts";
import {
  isTransientStatus,
  RATE_LIMIT_BACKOFF,
  type RetryInfo,
  retry,
  retryDelay,
  TransientFailure,
} from "./retry.ts";

// The exact messages, fields and boundaries of the retry loop, on a fake clock.
const base = {
  method: "GET",
  url: "https://acme.ilucca.net/x",
  backoff: { initialMs: 1000, maxMs: 8000, random: () => 0 },
};
const signal = () => new AbortController().signal;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

async function settle<T>(promise: Promise<T>): Promise<T | Error> {
  const settled = promise.catch((error: unknown) => error as Error);
  await vi.runAllTimersAsync();
  return settled;
}

describe("retry's last error", () => {
  it("is a NetworkError naming the call, the attempts and the failure, with its status", async () => {
    const failure = new TransientFailure("GET … answered 503: busy", { status: 503 });
    const error = await settle(
      retry(() => Promise.reject(failure), { ...base, maxRetries: 2, signal: signal() }),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      message: "GET https://acme.ilucca.net/x failed after 3 attempt(s): GET … answered 503: busy",
      method: "GET",
      url: "https://acme.ilucca.net/x",
      status: 503,
      attempts: 3,
    });
    expect((error as Error).cause).toBe(failure);
  });

  it("is an UnusableAnswerError for an answer that could not be used, with its cause", async () => {
    const failure = new TransientFailure("not JSON", { unusable: true, status: 200 });
    const error = await settle(
      retry(() => Promise.reject(failure), { ...base, maxRetries: 0, signal: signal() }),
    );
    expect(error).toBeInstanceOf(UnusableAnswerError);
    expect((error as Error).message).toBe(
      "GET https://acme.ilucca.net/x failed after 1 attempt(s): not JSON",
    );
    expect((error as Error).cause).toBe(failure);
  });

  it("is a NetworkError when unusable is not said", () => {
    expect(new TransientFailure("x").unusable).toBe(false);
    expect(new TransientFailure("x", { unusable: false }).unusable).toBe(false);
  });
});

describe("retry's attempts", () => {
  it("passes each attempt its index, and tells each retry", async () => {
    const indexes: number[] = [];
    const infos: RetryInfo[] = [];
    const result = await settle(
      retry(
        async (index) => {
          indexes.push(index);
          if (index === 0) throw new TransientFailure("reset");
          if (index === 1) throw new TransientFailure("busy", { status: 502 });
          return "ok";
        },
        { ...base, maxRetries: 2, signal: signal(), onRetry: (info) => infos.push(info) },
      ),
    );
    expect(result).toBe("ok");
    expect(indexes).toEqual([0, 1, 2]);
    expect(infos).toEqual([
      { attempt: 1, delayMs: 1000, reason: "reset", status: undefined },
      { attempt: 2, delayMs: 2000, reason: "busy", status: 502 },
    ]);
  });

  it("makes one attempt with maxRetries 0", async () => {
    let calls = 0;
    const error = await settle(
      retry(
        async () => {
          calls++;
          throw new TransientFailure("reset");
        },
        { ...base, maxRetries: 0, signal: signal() },
      ),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(calls).toBe(1);
  });

  it.each([-1, 1.5, Number.NaN])("refuses maxRetries %s before any attempt", async (maxRetries) => {
    let calls = 0;
    const attempt = async () => {
      calls++;
      return 1;
    };
    await expect(retry(attempt, { ...base, maxRetries, signal: signal() })).rejects.toThrow(
      new RangeError(
        `Cannot retry as maxRetries is not a whole number >= 0: current value is ${maxRetries}`,
      ),
    );
    expect(calls).toBe(0);
  });

  it("waits each delay in full before the next attempt", async () => {
    let calls = 0;
    const promise = retry(
      async () => {
        calls++;
        throw new TransientFailure("reset");
      },
      { ...base, maxRetries: 1, signal: signal() },
    ).catch(() => "failed");
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    expect(await promise).toBe("failed");
  });
});

describe("retry and the deadline", () => {
  const throttled = (retryAfterMs: number, status?: number) =>
    new TransientFailure("throttled", {
      retryAfterMs,
      ...(status === undefined ? {} : { status }),
    });

  it("waits for a Retry-After that ends exactly at the deadline", async () => {
    let calls = 0;
    const result = await settle(
      retry(
        async () => {
          if (calls++ === 0) throw throttled(60_000, 429);
          return "ok";
        },
        { ...base, maxRetries: 1, signal: signal(), now: () => 1_000, deadlineAt: 61_000 },
      ),
    );
    expect(result).toBe("ok");
  });

  it("fails at once for one that ends a millisecond past it, naming the time left", async () => {
    const onRetry = vi.fn();
    const failure = throttled(60_001, 429);
    const error = await settle(
      retry(() => Promise.reject(failure), {
        ...base,
        maxRetries: 3,
        signal: signal(),
        now: () => 1_000,
        deadlineAt: 61_000,
        onRetry,
      }),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      message:
        "GET https://acme.ilucca.net/x answered 429 with Retry-After: 1m 00s, which reaches past the overall deadline (1m 00s left); not waiting for it. Try again later.",
      method: "GET",
      url: "https://acme.ilucca.net/x",
      status: 429,
      attempts: 1,
    });
    expect((error as Error).cause).toBe(failure);
    expect(onRetry).not.toHaveBeenCalled();
  });

  it("leaves out a status it does not have, and never counts time left below zero", async () => {
    const error = await settle(
      retry(() => Promise.reject(throttled(2_000)), {
        ...base,
        maxRetries: 3,
        signal: signal(),
        now: () => 10_000,
        deadlineAt: 9_000,
      }),
    );
    expect((error as Error).message).toBe(
      "GET https://acme.ilucca.net/x answered with Retry-After: 2.0s, which reaches past the overall deadline (0ms left); not waiting for it. Try again later.",
    );
  });

  it("reads the clock from Date.now when not given one", async () => {
    vi.setSystemTime(50_000);
    const error = await settle(
      retry(() => Promise.reject(throttled(1_001)), {
        ...base,
        maxRetries: 1,
        signal: signal(),
        deadlineAt: 51_000,
      }),
    );
    expect((error as Error).message).toMatch(/reaches past the overall deadline \(1\.0s left\)/);
  });

  it("ignores the deadline for a backoff without Retry-After, and when none is set", async () => {
    let calls = 0;
    const result = await settle(
      retry(
        async () => {
          calls++;
          if (calls === 1) throw new TransientFailure("busy", { status: 503 });
          if (calls === 2) throw throttled(10_000, 429);
          return "ok";
        },
        { ...base, maxRetries: 2, signal: signal(), now: () => 0, deadlineAt: 1 },
      ),
    );
    // The second failure's Retry-After passes the deadline: it fails there, after 2 attempts.
    expect(result).toMatchObject({ attempts: 2 });
    calls = 0;
    const free = await settle(
      retry(
        async () => {
          if (calls++ === 0) throw throttled(10_000, 429);
          return "ok";
        },
        { ...base, maxRetries: 1, signal: signal(), now: () => 0 },
      ),
    );
    expect(free).toBe("ok");
  });
});

describe("retryDelay", () => {
  const backoff = { initialMs: 100, maxMs: 1_000, random: () => 0.5 };

  it("is the backoff for a failure without Retry-After", () => {
    const failure = new TransientFailure("busy", { status: 503 });
    // 100 * 2^attempt, capped at 1000, less half the 20 % jitter.
    expect([0, 1, 4].map((attempt) => retryDelay(attempt, failure, backoff))).toEqual([
      90, 180, 900,
    ]);
  });

  it("is Lucca's rate-limit backoff for a 429 without Retry-After, with the same randomness", () => {
    const failure = new TransientFailure("throttled", { status: 429 });
    // 5 s * 2^attempt, capped at 30 s, less half the 5 % jitter.
    expect([0, 1, 3].map((attempt) => retryDelay(attempt, failure, backoff))).toEqual([
      4875, 9750, 29250,
    ]);
    expect(RATE_LIMIT_BACKOFF).toEqual({ initialMs: 5_000, maxMs: 30_000, jitter: 0.05 });
  });

  it("is the longer of Retry-After and the backoff when Retry-After is given", () => {
    const asked = (retryAfterMs: number, status = 429) =>
      retryDelay(1, new TransientFailure("x", { status, retryAfterMs }), backoff);
    expect(asked(7_000)).toBe(7_000);
    expect(asked(50)).toBe(180);
    expect(asked(0, 503)).toBe(180);
  });
});

describe("isTransientStatus at its edges", () => {
  it("is true from 500 up and for 408 and 429 only below", () => {
    expect([407, 409, 428, 430, 499].some(isTransientStatus)).toBe(false);
    expect([408, 429, 500, 501, 600].every(isTransientStatus)).toBe(true);
  });
});

describe("retry when the job ends during an attempt", () => {
  it.each([
    ["a transient failure on the last attempt", new TransientFailure("socket closed")],
    ["any other error", new RangeError("bad")],
  ])("gives the job's reason, not %s", async (_label, failure) => {
    const job = new AbortController();
    const reason = new Error("cancelled");
    const attempt = async () => {
      job.abort(reason);
      throw failure;
    };
    await expect(retry(attempt, { ...base, maxRetries: 0, signal: job.signal })).rejects.toBe(
      reason,
    );
  });
});
