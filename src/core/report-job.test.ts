import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "../../simulator/server.ts";
import { nodeFileSink } from "../node/node-file-sink.ts";
import { nodeSha256 } from "../node/node-hash.ts";
import type { FetchLike } from "./http.ts";
import type { JobEvent } from "./job-events.ts";
import { checksWithoutHistory } from "./learned-poll.ts";
import { createLuccaClient } from "./lucca-client.ts";
import { type ReportJobOptions, runReportJob } from "./report-job.ts";

const KEY = "test-key-report-job-9c3e";
const JANUARY = { startsOn: "2026-01-01", endsOn: "2026-01-31" };
const START = 1_000_000;
let sim: Simulator | undefined;
let dir: string;
/** The one clock of the simulator (report status) and the job: moved 2 s per pending check. */
let clock: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "report-job-"));
  clock = START;
});
afterEach(async () => {
  vi.useRealTimers();
  await sim?.close();
  sim = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function simulator(options: SimulatorOptions = {}) {
  sim = await startSimulator({
    apiKey: KEY,
    generationMs: 5000,
    rows: 12,
    now: () => clock,
    ...options,
  });
  return sim;
}

interface Run {
  options?: Partial<ReportJobOptions>;
  fetch?: FetchLike;
  signal?: AbortSignal;
  onEvent?: (event: JobEvent) => void;
}

async function run(
  s: Simulator,
  { options = {}, signal, onEvent, fetch = globalThis.fetch }: Run = {},
) {
  const events: JobEvent[] = [];
  const deadlines: (number | undefined)[] = [];
  const signals: AbortSignal[] = [];
  const outcome = await runReportJob(
    {
      templateId: "42",
      period: JANUARY,
      format: "csv",
      timeoutMs: 60_000,
      poll: { intervalMs: 1, maxIntervalMs: 2, jitter: 0 },
      requestTimeoutMs: 5000,
      generationAttempts: 2,
      ...options,
    },
    {
      createClient: (jobSignal, deadlineAt) => {
        deadlines.push(deadlineAt);
        signals.push(jobSignal);
        return createLuccaClient({
          baseUrl: new URL(s.url),
          apiKey: KEY,
          fetch,
          signal: jobSignal,
          requestTimeoutMs: 5000,
          maxRetries: 0,
          now: () => clock,
          deadlineAt,
          onWarning: (message) => events.push({ type: "warning", message }),
        });
      },
      sink: nodeFileSink({ baseDir: dir, roots: [dir], label: "--output" }),
      signal,
      now: () => clock,
      onEvent: (event) => {
        events.push(event);
        if (event.type === "status" && event.nextCheckMs !== undefined) clock += 2000;
        onEvent?.(event);
      },
      createHasher: nodeSha256,
    },
  ).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error: error as Error & Record<string, unknown> }),
  );
  return { ...outcome, events, deadlines, signals };
}

const posts = (s: Simulator) => s.requests.filter((r) => r.method === "POST");

describe("runReportJob", () => {
  it("creates the report, waits for it and downloads it, and says all it did", async () => {
    const s = await simulator();
    const { result, events, deadlines } = await run(s);
    const id = result?.reportId as string;
    expect(s.reports.get(id)).toMatchObject({ templateId: "42", ...JANUARY });
    expect(deadlines).toEqual([START + 60_000]);
    expect(result).toMatchObject({
      reportId: id,
      templateId: "42",
      ...JANUARY,
      rangeSent: { ...JANUARY, convention: "inclusive" },
      status: "done",
      format: "csv",
      path: join(dir, "reports/42_2026-01-01_2026-01-31.csv"),
      rows: 12,
      attempts: 1,
      // Checks at 2, 4 and 6 s; the report was done at 5 s.
      polls: 3,
      durationMs: 6000,
      polling: { expectedMs: null, generationMs: 5000, requestsSaved: 0 },
    });
    expect(result?.bytes).toBe(result?.stats.bytes);
    expect(result?.columns).toBe(result?.stats.columns);
    expect(result?.columns).toBeGreaterThan(1);
    expect(result?.sha256).toBe(result?.stats.sha256);
    expect(result?.stats.preview).toHaveLength(10);
    expect(events.slice(0, 2)).toEqual([
      {
        type: "creating",
        templateId: "42",
        ...JANUARY,
        sent: { ...JANUARY, convention: "inclusive" },
        attempt: 1,
      },
      { type: "created", reportId: id, attempt: 1 },
    ]);
    expect(events.map((event) => event.type)).toEqual([
      "creating",
      "created",
      "status",
      "status",
      "status",
      "status",
      "downloading",
      "downloaded",
    ]);
  });

  it("sends the day after the period with the exclusive convention, and names the file after the period", async () => {
    const s = await simulator();
    const { result, events } = await run(s, {
      options: { endDateConvention: "exclusive", previewRows: 3 },
    });
    const sent = { startsOn: "2026-01-01", endsOn: "2026-02-01" };
    expect(s.reports.get(result?.reportId as string)).toMatchObject(sent);
    expect(result).toMatchObject({
      ...JANUARY,
      rangeSent: { ...sent, convention: "exclusive" },
      path: join(dir, "reports/42_2026-01-01_2026-01-31.csv"),
    });
    expect(result?.stats.preview).toHaveLength(3);
    expect(events[0]).toEqual({
      type: "creating",
      templateId: "42",
      ...JANUARY,
      sent: { ...sent, convention: "exclusive" },
      attempt: 1,
    });
  });

  it("creates the report again when Lucca ends it in error", async () => {
    const s = await simulator({ outcomes: ["error", "done"] });
    const { result, events } = await run(s);
    expect(posts(s)).toHaveLength(2);
    const [first, second] = [...s.reports.keys()];
    expect(result).toMatchObject({ reportId: second, attempts: 2, polls: 6 });
    expect(events.filter((event) => event.type !== "status")).toEqual([
      expect.objectContaining({ type: "creating", attempt: 1 }),
      { type: "created", reportId: first, attempt: 1 },
      { type: "regenerating", failedReportId: first, attempt: 2, maxAttempts: 2 },
      expect.objectContaining({ type: "creating", attempt: 2 }),
      { type: "created", reportId: second, attempt: 2 },
      expect.objectContaining({ type: "downloading" }),
      expect.objectContaining({ type: "downloaded" }),
    ]);
  });

  it.each([1, 2])("gives up after %i attempt(s) that all end in error", async (attempts) => {
    const s = await simulator({ outcomes: ["error"] });
    const { error } = await run(s, { options: { generationAttempts: attempts } });
    const last = [...s.reports.keys()].at(-1);
    expect(posts(s)).toHaveLength(attempts);
    expect(error?.name).toBe("ReportFailedError");
    expect(error?.message).toBe(
      `Lucca could not generate report ${last} (status "error") after ${attempts} attempt(s). ` +
        "Try again later; if it keeps failing, contact Lucca support with the report id.",
    );
    expect(error).toMatchObject({ reportId: last, attempts });
  });

  it("polls from the remembered generation times and counts the checks saved", async () => {
    const s = await simulator();
    // Times of a few ms keep the learned waits short; this test's clock moves 2 s a check.
    const { result } = await run(s, { options: { generationHistoryMs: [40, 50, 60] } });
    expect(result?.polls).toBe(3);
    // Today's schedule (1 ms growing to 2 ms) would have checked 3001 times until 6 s.
    expect(checksWithoutHistory(6000, { intervalMs: 1, maxIntervalMs: 2 })).toBe(3001);
    expect(result?.polling).toEqual({ expectedMs: 50, generationMs: 5000, requestsSaved: 2998 });
  });

  it("resumes an existing report: its own template and dates, no creation, nothing to remember", async () => {
    const s = await simulator();
    const first = await run(s, { options: { endDateConvention: "exclusive" } });
    const id = first.result?.reportId as string;
    const { result, events } = await run(s, {
      options: {
        reportId: id,
        templateId: undefined,
        period: { startsOn: null, endsOn: null },
        endDateConvention: "exclusive",
        generationHistoryMs: [4000, 5000, 6000],
      },
    });
    expect(posts(s)).toHaveLength(1);
    expect(events[0]).toEqual({ type: "resuming", reportId: id });
    expect(result).toMatchObject({
      reportId: id,
      templateId: "42",
      ...JANUARY,
      rangeSent: { startsOn: "2026-01-01", endsOn: "2026-02-01", convention: "exclusive" },
      attempts: 1,
      polls: 0,
      polling: { expectedMs: null, generationMs: null, requestsSaved: 0 },
    });
  });

  it("creates a resumed report again when it ended in error, and remembers the new one's time", async () => {
    const s = await simulator({ outcomes: ["error", "done"] });
    const failed = await run(s, { options: { generationAttempts: 1 } });
    expect(failed.error?.name).toBe("ReportFailedError");
    const [first] = [...s.reports.keys()];
    const { result, events } = await run(s, {
      options: { reportId: first, templateId: undefined, period: { startsOn: null, endsOn: null } },
    });
    const second = [...s.reports.keys()][1];
    expect(events).toContainEqual({
      type: "regenerating",
      failedReportId: first,
      attempt: 2,
      maxAttempts: 2,
    });
    expect(result).toMatchObject({
      reportId: second,
      templateId: "42",
      ...JANUARY,
      attempts: 2,
      polling: { generationMs: 5000 },
    });
  });

  it("cannot create again a resumed report whose template Lucca does not say", async () => {
    const s = await simulator({ outcomes: ["error"] });
    const failed = await run(s, { options: { generationAttempts: 1 } });
    const id = failed.error?.reportId as string;
    // Lucca's report objects may come without templateId; the simulator's always carry it.
    const withoutTemplate: FetchLike = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method !== "GET" || !response.ok || !/\/reports\/\d+$/.test(String(input))) {
        return response;
      }
      const { templateId: _, ...report } = (await response.json()) as Record<string, unknown>;
      return Response.json(report);
    };
    const { error } = await run(s, {
      options: { reportId: id, templateId: undefined, generationAttempts: 3 },
      fetch: withoutTemplate,
    });
    expect(posts(s)).toHaveLength(1);
    expect(error?.message).toBe(
      `Lucca could not generate report ${id} (status "error") after 1 attempt(s). ` +
        "Try again later; if it keeps failing, contact Lucca support with the report id.",
    );
  });

  it("names the report created last when the deadline passes after a regeneration", async () => {
    const s = await simulator({ outcomes: ["error", "done"], rateLimit: false });
    const { error } = await run(s, {
      options: { timeoutMs: 300, poll: { intervalMs: 20, maxIntervalMs: 20, jitter: 0 } },
      onEvent: (event) => {
        // The second report never gets older on this clock: it stays pending.
        if (event.type === "status" && event.reportId !== first()) clock -= 2000;
      },
    });
    const second = [...s.reports.keys()][1];
    expect(error?.message).toBe(
      `Report ${second} was not ready and downloaded within 300ms. It may still finish.`,
    );
    expect(error?.reportId).toBe(second);

    function first() {
      return [...s.reports.keys()][0];
    }
  });

  it("passes on any other refusal of a resumed report's status", async () => {
    const s = await simulator({ generationMs: 0 });
    const first = await run(s);
    const id = first.result?.reportId as string;
    s.set({ failures: [{ status: 403, count: 1, on: "status" }] });
    const { error } = await run(s, { options: { reportId: id, templateId: undefined } });
    expect(error?.name).toBe("LuccaRejectedError");
    expect(error?.status).toBe(403);
    expect(s.requests.filter((r) => r.path.endsWith("/download-csv"))).toHaveLength(1);
  });

  it("resumes without a status endpoint: the download is the signal, the file named by id", async () => {
    const s = await simulator({ statusEndpoint: 404 });
    const client = createLuccaClient({
      baseUrl: new URL(s.url),
      apiKey: KEY,
      fetch,
      signal: new AbortController().signal,
      requestTimeoutMs: 5000,
      maxRetries: 0,
    });
    const { id } = await client.createReport({ templateId: "42", ...JANUARY });
    const { result, events } = await run(s, { options: { reportId: id, templateId: undefined } });
    expect(result).toMatchObject({
      reportId: id,
      templateId: undefined,
      startsOn: null,
      endsOn: null,
      path: join(dir, `reports/report-${id}.csv`),
      // Refused at 0, 2 and 4 s; downloaded at 6 s.
      polls: 3,
      polling: { expectedMs: null, generationMs: null, requestsSaved: 0 },
    });
    expect(events.filter((event) => event.type === "warning")).toEqual([
      {
        type: "warning",
        message: `The status endpoint answered 404; using the download endpoint as the status signal for report ${id} (a refusal means still generating)`,
      },
    ]);
  });

  it("falls back to the download when the status endpoint answers 405 after creating", async () => {
    const s = await simulator({ statusEndpoint: 405 });
    const { result, events } = await run(s, { options: { generationHistoryMs: [50] } });
    const id = result?.reportId as string;
    expect(result).toMatchObject({
      templateId: "42",
      ...JANUARY,
      path: join(dir, "reports/42_2026-01-01_2026-01-31.csv"),
      polls: 2,
      polling: { expectedMs: 50, generationMs: null },
    });
    expect(events).toContainEqual({
      type: "warning",
      message: `The status endpoint answered 405; using the download endpoint as the status signal for report ${id} (a refusal means still generating)`,
    });
  });

  it("writes where it is told, a path or a function of the report id and extension", async () => {
    const s = await simulator({ generationMs: 0 });
    const asked: unknown[] = [];
    const named = await run(s, {
      options: {
        format: "excel",
        outputPath: (facts) => {
          asked.push(facts);
          return `out/${facts.reportId}.${facts.extension}`;
        },
      },
    });
    const id = named.result?.reportId;
    expect(asked).toEqual([{ reportId: id, extension: "xls" }]);
    expect(named.result).toMatchObject({
      format: "excel",
      path: join(dir, `out/${id}.xls`),
      rows: null,
      columns: null,
    });
    const fixed = await run(s, { options: { outputPath: "fixed.csv" } });
    expect(fixed.result?.path).toBe(join(dir, "fixed.csv"));
  });

  it("cuts a download that stalls for the request timeout", async () => {
    const s = await simulator({ generationMs: 0, stallDownloads: true });
    const { error } = await run(s, { options: { requestTimeoutMs: 50 } });
    expect(error?.message).toMatch(/failed after 1 attempt\(s\): no data received for 50 ms$/);
  });

  it("says which report to resume when the deadline passes while it generates", async () => {
    const s = await simulator({ generationMs: 3_600_000, rateLimit: false });
    const { error } = await run(s, {
      options: { timeoutMs: 300, poll: { intervalMs: 20, maxIntervalMs: 20, jitter: 0 } },
    });
    const id = [...s.reports.keys()][0];
    expect(error?.name).toBe("ReportTimeoutError");
    expect(error?.message).toBe(
      `Report ${id} was not ready and downloaded within 300ms. It may still finish.`,
    );
    expect(error?.reportId).toBe(id);
  });

  it("says no report was created when the deadline passes before", async () => {
    const s = await simulator({ slowMs: 5000 });
    const { error } = await run(s, { options: { timeoutMs: 200 } });
    expect(error?.name).toBe("ReportTimeoutError");
    expect(error?.message).toBe("No report could be created within 200ms.");
    expect(error?.reportId).toBeUndefined();
  });

  it("leaves no deadline behind once done", async () => {
    const s = await simulator({ generationMs: 0 });
    // Only timers are faked: a report done at once needs no wait, the sockets stay real.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { result, signals } = await run(s, { options: { timeoutMs: 1000 } });
    expect(result?.status).toBe("done");
    vi.advanceTimersByTime(5000);
    expect(signals[0]?.aborted).toBe(false);
  });

  it("passes a cancellation from outside on as it is", async () => {
    const s = await simulator();
    const outside = new AbortController();
    const reason = new Error("SIGTERM");
    const { error } = await run(s, {
      signal: outside.signal,
      onEvent: (event) => {
        if (event.type === "created") outside.abort(reason);
      },
    });
    expect(error).toBe(reason);
  });
});
