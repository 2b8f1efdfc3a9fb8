import { describe, expect, it } from "vitest";
import { UnusableAnswerError } from "./errors.ts";
import type { ReportJobResult } from "./report-job.ts";
import { type ReportSpec, runReports } from "./run-reports.ts";

const specs: ReportSpec[] = ["a", "b", "c", "d", "e"].map((templateId) => ({
  templateId,
  period: { startsOn: "2026-01-01", endsOn: "2026-01-31" },
}));

const resultFor = (spec: ReportSpec) => ({ reportId: `r-${spec.templateId}` }) as ReportJobResult;

/** runOne stand-ins that finish when the test says, so the order of events is the test's. */
function controlled() {
  const started: string[] = [];
  const signals = new Map<string, AbortSignal>();
  const finish = new Map<string, { resolve: () => void; reject: (error: unknown) => void }>();
  let inFlight = 0;
  let most = 0;
  const runOne = (spec: ReportSpec, signal: AbortSignal, created: (id: string) => void) => {
    const name = spec.templateId ?? `report ${spec.reportId}`;
    started.push(name);
    signals.set(name, signal);
    inFlight++;
    most = Math.max(most, inFlight);
    created(`first-${name}`);
    return new Promise<ReportJobResult>((resolve, reject) => {
      finish.set(name, {
        resolve: () => {
          inFlight--;
          resolve(resultFor(spec));
        },
        reject: (error) => {
          inFlight--;
          created(`last-${name}`);
          reject(error);
        },
      });
    });
  };
  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { runOne, started, signals, finish, settle, most: () => most };
}

describe("runReports", () => {
  it("runs `concurrency` at a time, starting the next as one ends, outcomes in the order given", async () => {
    const c = controlled();
    const promise = runReports({
      reports: specs,
      concurrency: 2,
      failFast: false,
      signal: new AbortController().signal,
      runOne: c.runOne,
    });
    await c.settle();
    expect(c.started).toEqual(["a", "b"]);
    c.finish.get("b")?.resolve();
    await c.settle();
    expect(c.started).toEqual(["a", "b", "c"]);
    const failure = new Error("c failed");
    c.finish.get("c")?.reject(failure);
    await c.settle();
    expect(c.started).toEqual(["a", "b", "c", "d"]);
    for (const id of ["a", "d"]) c.finish.get(id)?.resolve();
    await c.settle();
    c.finish.get("e")?.resolve();
    const outcomes = await promise;
    expect(c.most()).toBe(2);
    expect(outcomes).toEqual([
      { spec: specs[0], status: "done", result: { reportId: "r-a" } },
      { spec: specs[1], status: "done", result: { reportId: "r-b" } },
      { spec: specs[2], status: "failed", error: failure, reportId: "last-c" },
      { spec: specs[3], status: "done", result: { reportId: "r-d" } },
      { spec: specs[4], status: "done", result: { reportId: "r-e" } },
    ]);
    expect([...c.signals.values()].every((signal) => !signal.aborted)).toBe(true);
  });

  it("says no report id for a failure before Lucca gave one", async () => {
    const failure = new Error("refused");
    const outcomes = await runReports({
      reports: specs.slice(0, 1),
      concurrency: 3,
      failFast: false,
      signal: new AbortController().signal,
      runOne: async () => {
        throw failure;
      },
    });
    expect(outcomes).toEqual([
      { spec: specs[0], status: "failed", error: failure, reportId: undefined },
    ]);
  });

  it("keeps the id of a resumed report that fails, to resume it again", async () => {
    const failure = new Error("cut");
    const resume = {
      templateId: undefined,
      period: { startsOn: null, endsOn: null },
      reportId: "77",
    };
    const outcomes = await runReports({
      reports: [resume],
      concurrency: 3,
      failFast: false,
      signal: new AbortController().signal,
      runOne: async () => {
        throw failure;
      },
    });
    expect(outcomes).toEqual([{ spec: resume, status: "failed", error: failure, reportId: "77" }]);
  });

  it("fails a report given an id another report already has, and keeps its own last id", async () => {
    const outcomes = await runReports({
      reports: specs.slice(0, 3),
      concurrency: 1,
      failFast: false,
      signal: new AbortController().signal,
      runOne: async (spec, _signal, created) => {
        // b was regenerated once: its first id is its own, its second is a's.
        if (spec.templateId === "b") created("own-b");
        created(spec.templateId === "c" ? "r-c" : "r-a");
        return resultFor(spec);
      },
    });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["done", "failed", "done"]);
    const failed = outcomes[1];
    expect(failed?.status === "failed" && failed.reportId).toBe("own-b");
    expect(failed?.status === "failed" && failed.error).toEqual(
      new UnusableAnswerError(
        "Lucca gave this report the id r-a, which another report of this run already has; it is not downloaded, so that it cannot replace the other's file",
      ),
    );
  });

  it("with fail-fast, stops the others with the failure and starts no more", async () => {
    const c = controlled();
    const promise = runReports({
      reports: specs,
      concurrency: 2,
      failFast: true,
      signal: new AbortController().signal,
      runOne: c.runOne,
    });
    await c.settle();
    const failure = new Error("a failed");
    c.finish.get("a")?.reject(failure);
    await c.settle();
    expect(c.signals.get("b")?.aborted).toBe(true);
    expect(c.signals.get("b")?.reason).toBe(failure);
    c.finish.get("b")?.reject(c.signals.get("b")?.reason);
    const outcomes = await promise;
    expect(c.started).toEqual(["a", "b"]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      "failed",
      "failed",
      "skipped",
      "skipped",
      "skipped",
    ]);
    expect(outcomes[2]).toEqual({ spec: specs[2], status: "skipped" });
  });

  it("starts no more once cancelled from outside, and passes the cancellation on", async () => {
    const c = controlled();
    const outside = new AbortController();
    const promise = runReports({
      reports: specs,
      concurrency: 1,
      failFast: false,
      signal: outside.signal,
      runOne: c.runOne,
    });
    await c.settle();
    outside.abort(new Error("SIGINT"));
    expect(c.signals.get("a")?.aborted).toBe(true);
    c.finish.get("a")?.resolve();
    const outcomes = await promise;
    expect(c.started).toEqual(["a"]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      "done",
      "skipped",
      "skipped",
      "skipped",
      "skipped",
    ]);
  });

  it("runs one at a time when told less than one, and never more workers than reports", async () => {
    for (const [concurrency, expected] of [
      [0, 1],
      [-2, 1],
      [9, 5],
    ] as const) {
      const c = controlled();
      const promise = runReports({
        reports: specs,
        concurrency,
        failFast: false,
        signal: new AbortController().signal,
        runOne: c.runOne,
      });
      await c.settle();
      expect(c.started).toHaveLength(expected);
      for (let i = 0; i < specs.length; i++) {
        for (const [id, f] of c.finish) {
          c.finish.delete(id);
          f.resolve();
        }
        await c.settle();
      }
      const outcomes = await promise;
      expect(c.started).toEqual(["a", "b", "c", "d", "e"]);
      expect(outcomes.every((outcome) => outcome.status === "done")).toBe(true);
    }
  });

  it("returns at once for no reports", async () => {
    let calls = 0;
    const outcomes = await runReports({
      reports: [],
      concurrency: 3,
      failFast: false,
      signal: new AbortController().signal,
      runOne: async () => {
        calls++;
        return {} as ReportJobResult;
      },
    });
    expect(outcomes).toEqual([]);
    expect(calls).toBe(0);
  });
});
