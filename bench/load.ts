// Load on one tenant: 20 jobs at once against a simulator enforcing Lucca's 50 requests
// per minute, compared with jobs run one after another.

import { startSimulator } from "../simulator/server.ts";
import { type Figure, round } from "./figures.ts";
import { benchJob } from "./job.ts";

const JOBS = 20;
const SEQUENTIAL_SAMPLE = 4;
const GENERATION_MS = 3000;

async function runJobs(count: number, parallel: boolean) {
  const sim = await startSimulator({
    generationMs: GENERATION_MS,
    rows: 100,
    rateLimit: { requests: 50, windowMs: 60_000 },
  });
  const job = () => benchJob(sim, { maxIntervalMs: 8000, maxRetries: 5 });
  const started = performance.now();
  let failed = 0;
  try {
    if (parallel) {
      const outcomes = await Promise.allSettled(Array.from({ length: count }, job));
      failed = outcomes.filter((outcome) => outcome.status === "rejected").length;
    } else {
      for (let i = 0; i < count; i++) await job().catch(() => failed++);
    }
    return {
      ms: performance.now() - started,
      failed,
      requests: sim.requests.length,
      limited: sim.requests.filter((request) => request.status === 429).length,
    };
  } finally {
    await sim.close();
  }
}

export async function loadFigures(): Promise<Figure[]> {
  const together = await runJobs(JOBS, true);
  const oneByOne = await runJobs(SEQUENTIAL_SAMPLE, false);
  const sequentialMs = (oneByOne.ms / SEQUENTIAL_SAMPLE) * JOBS;
  return [
    {
      name: `load: ${JOBS} jobs at once on one tenant (50 requests/min), jobs that failed`,
      value: together.failed,
      unit: "jobs",
      reference: `${together.requests} requests in all, ${together.limited} answered 429 (each retried after Retry-After)`,
      target: "0",
      met: together.failed === 0,
    },
    {
      name: `load: time for ${JOBS} jobs at once / ${JOBS} jobs one after another`,
      value: round(together.ms / sequentialMs),
      unit: "ratio",
      reference: `at once ${round(together.ms / 1000, 1)} s; one after another ${round(sequentialMs / 1000, 1)} s (${SEQUENTIAL_SAMPLE} run, times ${JOBS / SEQUENTIAL_SAMPLE})`,
      target: "count",
      met: true,
    },
  ];
}
