import { afterEach, describe, expect, it, vi } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { NetworkError } from "./errors.ts";
import { createLuccaClient } from "./lucca-client.ts";
import { retry, TransientFailure } from "./retry.ts";

const DEFAULT_BACKOFF = { initialMs: 500, maxMs: 30_000 };

describe("429 without Retry-After", () => {
  afterEach(() => vi.useRealTimers());

  it("waits from 5 s, growing, the retries spanning at least 90 s with the defaults", async () => {
    vi.useFakeTimers();
    const waits: number[] = [];
    let calls = 0;
    const promise = retry(
      async () => {
        calls++;
        throw new TransientFailure("429", { status: 429 });
      },
      {
        method: "GET",
        url: "https://acme.ilucca.net/x",
        maxRetries: 5,
        // The largest jitter: every wait as short as it can be.
        backoff: { ...DEFAULT_BACKOFF, random: () => 0.999_999 },
        signal: new AbortController().signal,
        onRetry: (info) => waits.push(info.delayMs),
      },
    );
    const outcome = expect(promise).rejects.toBeInstanceOf(NetworkError);
    await vi.runAllTimersAsync();
    await outcome;
    expect(calls).toBe(6);
    expect(waits[0]).toBeGreaterThanOrEqual(4750);
    for (let i = 1; i < waits.length; i++) {
      expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1] as number);
    }
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(90_000);
  });

  it("keeps the short backoff for other transient failures", async () => {
    vi.useFakeTimers();
    const waits: number[] = [];
    const promise = retry(
      async () => {
        throw new TransientFailure("503", { status: 503 });
      },
      {
        method: "GET",
        url: "https://acme.ilucca.net/x",
        maxRetries: 2,
        backoff: { ...DEFAULT_BACKOFF, random: () => 0 },
        signal: new AbortController().signal,
        onRetry: (info) => waits.push(info.delayMs),
      },
    );
    const outcome = expect(promise).rejects.toBeInstanceOf(NetworkError);
    await vi.runAllTimersAsync();
    await outcome;
    expect(waits).toEqual([500, 1000]);
  });

  describe("against the simulator (fake clock for timers; real HTTP on loopback)", () => {
    let sim: Simulator | undefined;
    afterEach(async () => {
      vi.useRealTimers();
      await sim?.close();
    });

    it("survives a 20 s stretch of 429 without Retry-After with the default settings", async () => {
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
      sim = await startSimulator({
        apiKey: "k-429-0123456789",
        now: () => Date.now(),
        throttleUntil: Date.now() + 20_000,
        retryAfterHeader: false,
      });
      let inFlight = 0;
      const counted: typeof fetch = async (input, init) => {
        inFlight++;
        try {
          return await fetch(input, init);
        } finally {
          inFlight--;
        }
      };
      const waits: number[] = [];
      const client = createLuccaClient({
        baseUrl: new URL(sim.url),
        apiKey: "k-429-0123456789",
        fetch: counted,
        signal: new AbortController().signal,
        requestTimeoutMs: 30_000,
        maxRetries: 5,
        onRetry: (info) => waits.push(info.delayMs),
      });
      let settled = false;
      const created = client
        .createReport({ templateId: "42", startsOn: null, endsOn: null })
        .finally(() => {
          settled = true;
        });
      // Let real I/O finish before moving the clock: only the retry waits are skipped.
      while (!settled) {
        await new Promise((resolve) => setImmediate(resolve));
        if (inFlight === 0 && !settled) await vi.advanceTimersToNextTimerAsync();
      }
      await expect(created).resolves.toMatchObject({ id: "1001" });
      const statuses = sim.requests.map((r) => r.status);
      expect(statuses.at(-1)).toBe(201);
      expect(statuses.slice(0, -1).every((status) => status === 429)).toBe(true);
      expect(waits.length).toBeGreaterThanOrEqual(2);
      expect(waits[0]).toBeGreaterThanOrEqual(4750);
    });
  });
});
