/**
 * The request budget as a run of several reports shares it, against the simulator over
 * loopback HTTP with Lucca's window scaled down: the log hears why the step waits, and each
 * report tells how long it waited for the budget apart from its own time.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { runReportsFromSettings } from "./run-reports.ts";
import { CLI_LABELS, parseSettings } from "./settings.ts";

const KEY = "budget-key-77c1";
let sim: Simulator | undefined;
let dir: string | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("several reports under a small budget", () => {
  it("says when it waits for the budget, and counts each report's wait", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 0, rows: 3 });
    dir = await mkdtemp(join(tmpdir(), "run-reports-budget-"));
    const settings = parseSettings(
      {
        domain: sim.url,
        apiKey: KEY,
        templateId: "42",
        period: "2026-08..2026-10",
        pollInterval: "20ms",
        requestsPerMinute: "2",
        concurrency: "3",
      },
      CLI_LABELS,
      new Date("2026-11-15T12:00:00Z"),
    );
    const notices: string[] = [];
    const outcomes = await runReportsFromSettings(settings, {
      fetch: globalThis.fetch,
      output: { baseDir: dir, roots: [dir], label: "--output" },
      signal: new AbortController().signal,
      onEvent: () => {},
      // Lucca's minute as 1.5 s: waits of a second or more are announced.
      windowMs: 1500,
      onBudgetWait: (line) => notices.push(line),
    });
    expect(outcomes.map((o) => (o.status === "failed" ? String(o.error) : o.status))).toEqual([
      "done",
      "done",
      "done",
    ]);
    expect(notices.length).toBeGreaterThanOrEqual(1);
    expect(notices[0]).toMatch(/^Waiting for the request budget \(2\/min\): next slot in /);
    const queued = outcomes.map((outcome) =>
      outcome.status === "done" ? (outcome.result.queuedMs ?? -1) : -1,
    );
    // Every report was counted; somebody waited, and no wait exceeds the report's own time.
    expect(queued.every((ms) => ms >= 0)).toBe(true);
    expect(Math.max(...queued)).toBeGreaterThan(0);
    for (const outcome of outcomes) {
      if (outcome.status === "done") {
        expect(outcome.result.queuedMs).toBeLessThanOrEqual(outcome.result.durationMs + 50);
      }
    }
  });
});
