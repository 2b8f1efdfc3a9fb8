/**
 * The poll history as a run uses it, against the simulator over loopback HTTP: a history
 * longer than the run's timeout still gets status checks, and a run that times out after
 * waiting as its history said forgets that history, so the next run polls as without one.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { ReportTimeoutError } from "../core/errors.ts";
import { historyKey, readHistory, rememberGeneration } from "./poll-history.ts";
import { runReportsFromSettings } from "./run-reports.ts";
import { CLI_LABELS, parseSettings } from "./settings.ts";

const KEY = "history-key-3f9a02";
const STATUS = /^\/timmi-timesheet\/api\/reports\/[^/]+$/;
let sim: Simulator | undefined;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "run-reports-history-"));
});
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function run(s: Simulator, historyPath: string, timeout: string) {
  const settings = parseSettings(
    {
      domain: s.url,
      apiKey: KEY,
      templateId: "42",
      period: "2026-10",
      timeout,
      pollInterval: "20ms",
      maxPollInterval: "50ms",
    },
    CLI_LABELS,
    new Date("2026-11-15T12:00:00Z"),
  );
  const [outcome] = await runReportsFromSettings(settings, {
    fetch: globalThis.fetch,
    output: { baseDir: dir, roots: [dir], label: "--output" },
    signal: new AbortController().signal,
    onEvent: () => {},
    pollHistoryPath: historyPath,
  });
  // The one report's result, or its failure thrown.
  if (outcome?.status === "done") return outcome.result;
  throw outcome?.status === "failed" ? outcome.error : new Error(`not run: ${outcome?.status}`);
}

describe("a history longer than the timeout", () => {
  it("still checks the status, times out, forgets the history; the next run polls without it", async () => {
    // Generation takes a minute here: the 600 ms timeout passes first, whatever the checks.
    sim = await startSimulator({ apiKey: KEY, generationMs: 60_000, rows: 3 });
    const path = join(dir, "poll-history.json");
    const key = historyKey(new URL(sim.url).host, "42");
    // One generation of 30 minutes remembered.
    expect(await rememberGeneration(path, key, 30 * 60_000)).toBeUndefined();
    const other = historyKey(new URL(sim.url).host, "43");
    expect(await rememberGeneration(path, other, 5000)).toBeUndefined();

    const error = await run(sim, path, "600ms").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ReportTimeoutError);
    const checks = sim.requests.filter((r) => r.method === "GET" && STATUS.test(r.path));
    expect(checks.length).toBeGreaterThan(0);
    expect(await readHistory(path, key)).toEqual([]);
    expect(await readHistory(path, other)).toEqual([5000]);

    sim.set({ generationMs: 30 });
    const next = await run(sim, path, "10s");
    expect(next.polling.expectedMs).toBeNull();
    expect(await readHistory(path, key)).toHaveLength(1);
  });

  it("keeps the history when the run timed out without one", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 60_000, rows: 3 });
    const path = join(dir, "poll-history.json");
    const other = historyKey(new URL(sim.url).host, "43");
    expect(await rememberGeneration(path, other, 5000)).toBeUndefined();
    await expect(run(sim, path, "300ms")).rejects.toBeInstanceOf(ReportTimeoutError);
    expect(await readHistory(path, other)).toEqual([5000]);
  });
});
