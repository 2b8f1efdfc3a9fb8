// A 12-month backfill of 2 templates (24 reports) on one tenant enforcing Lucca's 50
// requests per minute: one step sharing a 20 requests/minute budget, against the same 24
// reports one after another, and against 24 independent jobs started at once (a matrix).
// Time runs 10x faster than Lucca's: the window is 6 s on both sides and generation and
// polling are scaled alike; times are reported in real-world seconds (x10).

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator } from "../simulator/server.ts";
import { peakPerWindow } from "../src/core/request-budget.ts";
import { runReportsFromSettings } from "../src/node/run-reports.ts";
import { CLI_LABELS, parseSettings } from "../src/node/settings.ts";
import { type Figure, round } from "./figures.ts";
import { benchJob } from "./job.ts";

const SCALE = 10;
const WINDOW_MS = 60_000 / SCALE;
const REPORTS = 24;

async function measure(run: (sim: Awaited<ReturnType<typeof startSimulator>>) => Promise<number>) {
  const sim = await startSimulator({
    generationMs: 3000 / SCALE,
    rows: 100,
    templates: ["42", "43"],
    rateLimit: { requests: 50, windowMs: WINDOW_MS },
  });
  const started = performance.now();
  try {
    const failed = await run(sim);
    const lucca = sim.requests.filter((request) => request.origin === "lucca");
    return {
      seconds: ((performance.now() - started) * SCALE) / 1000,
      failed,
      requests: lucca.length,
      peak: peakPerWindow(
        lucca.filter((r) => r.status !== 429).map((r) => r.at),
        WINDOW_MS,
      ),
      limited: lucca.filter((request) => request.status === 429).length,
    };
  } finally {
    await sim.close();
  }
}

const jobOptions = { intervalMs: 1000 / SCALE, maxIntervalMs: 8000 / SCALE, maxRetries: 8 };

export async function backfillFigures(): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), "lucca-bench-backfill-"));
  try {
    const step = (requestsPerMinute: string) =>
      measure(async (sim) => {
        const settings = parseSettings(
          {
            domain: sim.url,
            apiKey: sim.apiKey,
            templateId: "42,43",
            period: "2025-01..2025-12",
            pollInterval: `${jobOptions.intervalMs}ms`,
            maxPollInterval: `${jobOptions.maxIntervalMs}ms`,
            requestsPerMinute,
          },
          CLI_LABELS,
          new Date(),
        );
        const outcomes = await runReportsFromSettings(settings, {
          fetch,
          output: { baseDir: dir, roots: [dir], label: "--output" },
          signal: new AbortController().signal,
          onEvent: () => {},
          windowMs: WINDOW_MS,
        });
        return outcomes.filter((outcome) => outcome.status !== "done").length;
      });
    const shared = await step("20");
    const full = await step("50");
    const oneByOne = await measure(async (sim) => {
      let failed = 0;
      for (let i = 0; i < REPORTS; i++) await benchJob(sim, jobOptions).catch(() => failed++);
      return failed;
    });
    const matrix = await measure(async (sim) => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: REPORTS }, () => benchJob(sim, jobOptions)),
      );
      return outcomes.filter((outcome) => outcome.status === "rejected").length;
    });
    const describe = (m: typeof shared) =>
      `${round(m.seconds, 0)} s, peak ${m.peak} requests/min, ${m.limited} answered 429, ${m.failed} failed`;
    return [
      {
        name: "backfill: 2 templates x 12 months in one step (requests-per-minute 20), wall time",
        value: round(shared.seconds, 0),
        unit: "s",
        reference: `one step: ${describe(shared)}; one step at requests-per-minute 50: ${describe(full)}; one after another: ${describe(oneByOne)}; 24 jobs at once (matrix): ${describe(matrix)}. Time scaled 10x down (6 s window), shown in real-world seconds`,
        target: "no 429, peak <= 20/min",
        met: shared.limited === 0 && shared.peak <= 20 && shared.failed === 0,
      },
      {
        name: "backfill: peak requests in any minute, one step",
        value: shared.peak,
        unit: "requests",
        reference: `24 jobs at once peak at ${matrix.peak} (Lucca's limit: 50) and got ${matrix.limited} 429s`,
        target: "<= 20",
        met: shared.peak <= 20,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  console.log(JSON.stringify(await backfillFigures(), null, 2));
}
