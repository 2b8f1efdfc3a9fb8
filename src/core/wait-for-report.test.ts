import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LuccaRejectedError } from "./errors.ts";
import type { JobEvent } from "./job-events.ts";
import type { LuccaClient } from "./lucca-client.ts";
import type { Report } from "./schemas.ts";
import { waitForReport } from "./wait-for-report.ts";

// The schedule and the statuses are under test, on a faked clock: a stand-in answers the
// status checks (fake timers cannot drive the simulator's sockets; the real client against
// the simulator is tested in test/cli/run.test.ts and test/api-variants.test.ts).
const poll = { intervalMs: 1000, maxIntervalMs: 8000, jitter: 0 };

/** Answers each status check with the next entry: a status word or an error to throw. */
function scripted(answers: (string | Error)[]) {
  const asked: { id: string; at: number }[] = [];
  const client = {
    getReport: async (id: string): Promise<Report> => {
      asked.push({ id, at: Date.now() });
      const answer = answers.shift();
      if (answer === undefined) throw new Error("no more answers");
      if (answer instanceof Error) throw answer;
      return { id, templateId: "42", status: answer, startsOn: null, endsOn: null };
    },
  } as unknown as LuccaClient;
  return { client, asked };
}

function rejected(status: number) {
  return new LuccaRejectedError(`HTTP ${status}`, {
    status,
    method: "GET",
    url: "https://example.test/reports/7",
    bodyExcerpt: "",
    hint: "",
  });
}

const pending = (id = "7"): Report => ({
  id,
  templateId: "42",
  status: "pending",
  startsOn: null,
  endsOn: null,
});

async function wait(initial: Report, answers: (string | Error)[]) {
  const { client, asked } = scripted(answers);
  const events: JobEvent[] = [];
  const started = Date.now();
  const promise = waitForReport(initial, {
    client,
    signal: new AbortController().signal,
    now: Date.now,
    poll,
    onEvent: (event) => events.push(event),
  });
  const outcome = promise.then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error }),
  );
  await vi.runAllTimersAsync();
  return { ...(await outcome), events, asked: asked.map((a) => a.at - started) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("waitForReport", () => {
  it("tells each check, whether the status changed and when the next comes", async () => {
    const { result, events, asked } = await wait(pending(), ["pending", "pending", "done"]);
    expect(asked).toEqual([1000, 2600, 5160]);
    expect(events).toEqual([
      {
        type: "status",
        reportId: "7",
        status: "pending",
        changed: true,
        polls: 0,
        elapsedMs: 0,
        nextCheckMs: 1000,
      },
      {
        type: "status",
        reportId: "7",
        status: "pending",
        changed: false,
        polls: 1,
        elapsedMs: 1000,
        nextCheckMs: 1600,
      },
      {
        type: "status",
        reportId: "7",
        status: "pending",
        changed: false,
        polls: 2,
        elapsedMs: 2600,
        nextCheckMs: 2560,
      },
      {
        type: "status",
        reportId: "7",
        status: "done",
        changed: true,
        polls: 3,
        elapsedMs: 5160,
        nextCheckMs: undefined,
      },
    ]);
    expect(result).toEqual({
      report: { ...pending(), status: "done" },
      polls: 3,
      // Halfway between the last check that saw it pending and the first that saw it done.
      generationMs: (2600 + 5160) / 2,
      checksWithoutHistory: 3,
    });
  });

  it("estimates from the creation when the first check sees it done", async () => {
    const { result } = await wait(pending(), ["done"]);
    expect(result).toEqual({
      report: { ...pending(), status: "done" },
      polls: 1,
      generationMs: 500,
      checksWithoutHistory: 1,
    });
  });

  it("makes no check for a report already finished", async () => {
    const done = { ...pending(), status: "done" };
    const { result, events, asked } = await wait(done, []);
    expect(asked).toEqual([]);
    expect(result).toEqual({ report: done, polls: 0, generationMs: 0, checksWithoutHistory: 0 });
    expect(events).toEqual([
      {
        type: "status",
        reportId: "7",
        status: "done",
        changed: true,
        polls: 0,
        elapsedMs: 0,
        nextCheckMs: undefined,
      },
    ]);
  });

  it('ends on "error" without a warning, and on other words of failure with one', async () => {
    const plain = await wait(pending(), ["error"]);
    expect(plain.result?.report.status).toBe("error");
    expect(plain.events.filter((event) => event.type === "warning")).toEqual([]);

    const worded = await wait(pending(), ["Failed"]);
    expect(worded.result?.report.status).toBe("error");
    expect(worded.result?.polls).toBe(1);
    expect(worded.events.filter((event) => event.type !== "status")).toEqual([
      {
        type: "warning",
        message: 'Lucca reported status "Failed" for report 7; treating it as "error"',
      },
    ]);
    expect(worded.events.at(-1)).toMatchObject({ status: "error", nextCheckMs: undefined });
  });

  it("keeps waiting through an unknown status, warning once per word", async () => {
    const { result, events, asked } = await wait(pending(), [
      "queued",
      "queued",
      "building",
      "done",
    ]);
    expect(asked).toHaveLength(4);
    expect(result?.report.status).toBe("done");
    expect(events.filter((event) => event.type === "warning")).toEqual([
      {
        type: "warning",
        message:
          'Lucca reported an unknown status "queued" for report 7; treating it as still running',
      },
      {
        type: "warning",
        message:
          'Lucca reported an unknown status "building" for report 7; treating it as still running',
      },
    ]);
    expect(
      events.flatMap((event) => (event.type === "status" ? [[event.status, event.changed]] : [])),
    ).toEqual([
      ["pending", true],
      ["queued", true],
      ["queued", false],
      ["building", true],
      ["done", true],
    ]);
  });

  it.each([404, 405])("stops polling when the status endpoint answers %i", async (status) => {
    const { result, asked } = await wait(pending(), ["pending", rejected(status)]);
    expect(asked).toEqual([1000, 2600]);
    expect(result).toEqual({
      report: { ...pending(), status: "pending" },
      polls: 1,
      generationMs: null,
      checksWithoutHistory: 0,
      statusUnavailable: { status },
    });
  });

  it("passes on any other refusal or failure", async () => {
    const refusal = rejected(403);
    expect((await wait(pending(), [refusal])).error).toBe(refusal);
    const failure = Object.assign(new Error("HTTP 404"), { status: 404 });
    expect((await wait(pending(), [failure])).error).toBe(failure);
  });

  it("stops at once when cancelled during a wait", async () => {
    const { client, asked } = scripted(["pending"]);
    const controller = new AbortController();
    const promise = waitForReport(pending(), {
      client,
      signal: controller.signal,
      now: Date.now,
      poll,
      onEvent: () => {},
    });
    const outcome = expect(promise).rejects.toThrow("cancelled");
    await vi.advanceTimersByTimeAsync(500);
    controller.abort(new Error("cancelled"));
    await outcome;
    expect(asked).toEqual([]);
  });
});
