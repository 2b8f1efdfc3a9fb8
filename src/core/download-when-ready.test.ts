import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "../../simulator/server.ts";
import { nodeFileSink } from "../node/node-file-sink.ts";
import { nodeSha256 } from "../node/node-hash.ts";
import { downloadWhenReady } from "./download-when-ready.ts";
import type { JobEvent } from "./job-events.ts";
import { createLuccaClient } from "./lucca-client.ts";

const KEY = "test-key-when-ready-4d2a";
let sim: Simulator | undefined;
let dir: string;
/** The one clock of the simulator (report status) and the job (elapsed times). */
let clock: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "when-ready-"));
  clock = 1_000_000;
});
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  await rm(dir, { recursive: true, force: true });
});

/**
 * A report still generating, the status endpoint missing; `readyAfter` pending refusals,
 * then the clock is moved past its generation so the next download succeeds.
 */
async function wait(readyAfter: number, options: SimulatorOptions = {}) {
  sim = await startSimulator({
    apiKey: KEY,
    generationMs: 60_000,
    rows: 20,
    statusEndpoint: 404,
    now: () => clock,
    ...options,
  });
  const signal = new AbortController().signal;
  const client = createLuccaClient({
    baseUrl: new URL(sim.url),
    apiKey: KEY,
    fetch,
    signal,
    requestTimeoutMs: 5000,
    maxRetries: 0,
  });
  const { id } = await client.createReport({ templateId: "42", startsOn: null, endsOn: null });
  const events: JobEvent[] = [];
  const result = await downloadWhenReady(
    {
      reportId: id,
      format: "csv",
      target: "report.csv",
      idleTimeoutMs: 5000,
      previewRows: 1,
      createHasher: nodeSha256,
    },
    {
      client,
      sink: nodeFileSink({ baseDir: dir, roots: [dir], label: "--output" }),
      signal,
      now: () => clock,
      poll: { intervalMs: 1, maxIntervalMs: 3, jitter: 0 },
      onEvent: (event) => {
        events.push(event);
        if (event.type === "status" && event.polls + 1 === readyAfter) clock += 60_000;
        else if (event.type === "status") clock += 100;
      },
    },
  ).then(
    (ready) => ({ ready, error: undefined }),
    (error: unknown) => ({ ready: undefined, error: error as Error }),
  );
  return { ...result, events, id, sim };
}

describe("downloadWhenReady", () => {
  it("takes each refusal as still generating, then tells the report done once", async () => {
    const { ready, events, id } = await wait(3);
    expect(ready?.polls).toBe(3);
    expect(ready?.download.path).toBe(join(dir, "report.csv"));
    const path = join(dir, "report.csv");
    expect(events).toEqual([
      { type: "downloading", reportId: id, format: "csv" },
      {
        type: "status",
        reportId: id,
        status: "pending",
        changed: true,
        polls: 0,
        elapsedMs: 0,
        nextCheckMs: 1,
      },
      {
        type: "status",
        reportId: id,
        status: "pending",
        changed: false,
        polls: 1,
        elapsedMs: 100,
        nextCheckMs: 2,
      },
      {
        type: "status",
        reportId: id,
        status: "pending",
        changed: false,
        polls: 2,
        elapsedMs: 200,
        nextCheckMs: 3,
      },
      { type: "downloaded", path, bytes: ready?.download.stats.bytes },
      {
        type: "status",
        reportId: id,
        status: "done",
        changed: true,
        polls: 3,
        elapsedMs: 60_200,
        nextCheckMs: undefined,
      },
    ]);
    expect(await readdir(dir)).toEqual(["report.csv"]);
  });

  it("downloads at once a report already done", async () => {
    const { ready, events } = await wait(0, { generationMs: 0 });
    expect(ready?.polls).toBe(0);
    expect(events.map((event) => event.type)).toEqual(["downloading", "downloaded", "status"]);
    expect(events.at(-1)).toMatchObject({ status: "done", polls: 0, elapsedMs: 0 });
  });

  it.each([400, 404, 409, 423, 425])("waits through a %i refusal", async (status) => {
    const { ready } = await wait(1, { pendingDownloadStatus: status });
    expect(ready?.polls).toBe(1);
  });

  it.each([403, 410, 422])('stops at a %i refusal, which is not "not yet"', async (status) => {
    const { error, events } = await wait(5, { pendingDownloadStatus: status });
    expect(error?.name).toBe("LuccaRejectedError");
    expect((error as Error & { status: number }).status).toBe(status);
    expect(events.map((event) => event.type)).toEqual(["downloading"]);
  });

  it("stops at a failure that is not a refusal", async () => {
    const { error, events } = await wait(5, {
      failures: [{ status: 503, count: 1, on: "download" }],
    });
    expect(error?.name).toBe("NetworkError");
    expect(events.map((event) => event.type)).toEqual(["downloading"]);
  });
});
