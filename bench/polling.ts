// Polling: how soon a finished report is seen, and what it costs of the tenant's budget.
// The schedules are evaluated in simulated time (the pure nextPollDelay over many random
// generation times), then confirmed in real time against the simulator for 2 s reports.

import { startSimulator } from "../simulator/server.ts";
import { parseDuration } from "../src/core/duration.ts";
import { expectedWindow, learnedPollDelay } from "../src/core/learned-poll.ts";
import { nextPollDelay } from "../src/core/poll.ts";
import { DEFAULTS } from "../src/node/settings.ts";
import { type Figure, median, round, seededRandom } from "./figures.ts";
import { benchJob } from "./job.ts";

const RUNS = 400;
const FIXED_MS = 10_000;
/** The shortest fixed period within 10 status requests per minute. */
const BUDGET_MS = 6_000;
const intervalMs = parseDuration(DEFAULTS.pollInterval, "poll-interval");
const maxIntervalMs = parseDuration(DEFAULTS.maxPollInterval, "max-poll-interval");

/** Check times (ms after creation) of our poller until `doneAt` is seen. */
function ourChecks(doneAt: number, random: () => number): number[] {
  const checks: number[] = [];
  let at = 0;
  for (let index = 0; checks.at(-1) === undefined || (checks.at(-1) as number) < doneAt; index++) {
    at += nextPollDelay(index, { intervalMs, maxIntervalMs, random });
    checks.push(at);
  }
  return checks;
}

/** Latency of a poller checking every `periodMs` from creation. */
function fixedLatency(doneAt: number, periodMs: number): number {
  return Math.ceil(doneAt / periodMs) * periodMs - doneAt;
}

function maxInWindow(checks: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < checks.length; i++) {
    while ((checks[i] as number) - (checks[j] as number) >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

export async function pollingFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const random = seededRandom(42);
  let worstWindow = 0;
  let shortestGap = Number.POSITIVE_INFINITY;
  for (const seconds of [2, 20, 60]) {
    const ours: number[] = [];
    const fixed: number[] = [];
    const budget: number[] = [];
    const requests: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Generation times vary around the nominal one, so no poller gets lucky with the phase.
      const doneAt = seconds * 1000 * (0.75 + 0.5 * random());
      const checks = ourChecks(doneAt, random);
      ours.push((checks.at(-1) as number) - doneAt);
      fixed.push(fixedLatency(doneAt, FIXED_MS));
      budget.push(fixedLatency(doneAt, BUDGET_MS));
      requests.push(checks.length);
      worstWindow = Math.max(worstWindow, maxInWindow(checks, 60_000));
      for (let i = 1; i < checks.length; i++)
        shortestGap = Math.min(shortestGap, (checks[i] as number) - (checks[i - 1] as number));
    }
    const ratio = median(ours) / median(fixed);
    // Without history no poller can beat the fixed one by much at 20 s and more within 10
    // requests a minute (see the bound row): the target there is not to be worse.
    const limit = seconds < 20 ? 0.2 : 1.0;
    figures.push({
      name: `polling ${seconds}s without history: median detection latency, ours / fixed 10 s poller (simulated time)`,
      value: round(ratio),
      unit: "ratio",
      reference: `fixed 10 s poller median ${round(median(fixed) / 1000, 1)} s; ours ${round(median(ours) / 1000, 1)} s; ${RUNS} runs`,
      target: `<= ${limit}`,
      met: ratio <= limit,
    });
    if (seconds >= 20)
      figures.push({
        name: `polling ${seconds}s: bound, a fixed 6 s poller (all of a 10-per-minute budget) / fixed 10 s poller`,
        value: round(median(budget) / median(fixed)),
        unit: "ratio",
        reference: `fixed 6 s poller median ${round(median(budget) / 1000, 1)} s, same ${RUNS} generation times; the retired 0.5x target lies below this bound`,
        target: "count",
        met: true,
      });
    figures.push({
      name: `polling ${seconds}s: median status requests per report`,
      value: median(requests),
      unit: "requests",
      reference: `fixed 10 s poller: ${Math.ceil((seconds * 1000) / FIXED_MS)}`,
      target: "count",
      met: true,
    });
  }
  figures.push(...learnedFigures());
  figures.push({
    name: "polling: most status requests in any 60 s window (simulated, all runs)",
    value: worstWindow,
    unit: "requests",
    reference: "Lucca allows 50 per minute for the whole tenant",
    target: "<= 10",
    met: worstWindow <= 10,
  });
  figures.push({
    name: "polling: shortest gap between two status requests (simulated, all runs)",
    value: round(shortestGap / 1000),
    unit: "s",
    reference: "one request per second",
    target: ">= 1",
    met: shortestGap >= 1000,
  });
  figures.push(await realTimeConfirmation());
  return figures;
}

/** Run-to-run variation of one template's generation time (the history's model; see docs/behaviour.md). */
const TEMPLATE_VARIATION = 0.05;
const HISTORY_RUNS = 5;
/** Latency with history, as a share of the fixed poller's, where the bound allows it. */
const LEARNED_TARGET = 0.35;
/** Where it does not, how far above the bound the schedule may be. */
const BOUND_MARGIN = 0.05;

/**
 * Polling with history, in simulated time: each of the 400 generation times (spread +-25%
 * around the nominal one) belongs to a template whose last 5 runs took it +-5% (uniform).
 */
function learnedFigures(): Figure[] {
  const figures: Figure[] = [];
  const random = seededRandom(4242);
  const poll = { intervalMs, maxIntervalMs };
  let worstWindow = 0;
  for (const seconds of [20, 60, 600]) {
    const ours: number[] = [];
    const fixed: number[] = [];
    const requests: number[] = [];
    const fixedRequests: number[] = [];
    const bound: number[] = [];
    // The densest checking the budget allows across the run-to-run spread (2 x 5% of the
    // time): ten checks in it, never closer than 1 s, never more than 10 in 60 s.
    const boundGapMs = Math.min(
      BUDGET_MS,
      Math.max(1000, (2 * TEMPLATE_VARIATION * seconds * 1000) / 10),
    );
    for (let run = 0; run < RUNS; run++) {
      const doneAt = seconds * 1000 * (0.75 + 0.5 * random());
      const history = Array.from(
        { length: HISTORY_RUNS },
        () => doneAt * (1 + TEMPLATE_VARIATION * (2 * random() - 1)),
      );
      const window = expectedWindow(history);
      if (!window) throw new Error("no window from a history");
      const checks: number[] = [];
      let now = 0;
      while (checks.length === 0 || (checks.at(-1) as number) < doneAt) {
        now += learnedPollDelay(window, checks, now, poll);
        checks.push(now);
      }
      ours.push((checks.at(-1) as number) - doneAt);
      requests.push(checks.length);
      fixed.push(fixedLatency(doneAt, FIXED_MS));
      fixedRequests.push(Math.ceil(doneAt / FIXED_MS));
      bound.push(fixedLatency(doneAt, boundGapMs));
      worstWindow = Math.max(worstWindow, maxInWindow(checks, 60_000));
    }
    const name = seconds >= 60 ? `${seconds / 60} min` : `${seconds}s`;
    const latency = median(ours) / median(fixed);
    const cost = median(requests) / median(fixedRequests);
    const boundRatio = median(bound) / median(fixed);
    // A target below the bound is one no schedule can meet (10 min: the bound is 0.68x):
    // there the target is to reach the bound, within 5 %.
    const atBound = boundRatio * (1 + BOUND_MARGIN) > LEARNED_TARGET;
    const limit = atBound ? boundRatio * (1 + BOUND_MARGIN) : LEARNED_TARGET;
    figures.push(
      {
        name: `polling ${name} with history: median detection latency, ours / fixed 10 s poller (simulated time)`,
        value: round(latency),
        unit: "ratio",
        reference: `fixed 10 s poller median ${round(median(fixed) / 1000, 1)} s; ours ${round(median(ours) / 1000, 2)} s; ${RUNS} runs, each template's last ${HISTORY_RUNS} runs within +-${TEMPLATE_VARIATION * 100}%`,
        target: atBound
          ? `<= ${round(limit)} (the bound row + ${BOUND_MARGIN * 100} %)`
          : `<= ${LEARNED_TARGET}`,
        met: latency <= limit,
      },
      {
        name: `polling ${name} with history: bound, checks every ${round(boundGapMs / 1000, 1)} s across the spread / fixed 10 s poller`,
        value: round(boundRatio),
        unit: "ratio",
        reference: `no schedule within 10 checks a minute does better when a template's runs vary +-${TEMPLATE_VARIATION * 100}%: the spread is ${round(2 * TEMPLATE_VARIATION * seconds)} s, so at best ${round(boundGapMs / 1000, 1)} s between checks (10 a minute, never closer than 1 s)`,
        target: "count",
        met: true,
      },
      {
        name: `polling ${name} with history: median status requests, ours / fixed 10 s poller`,
        value: round(cost),
        unit: "ratio",
        reference: `ours ${median(requests)}; fixed 10 s poller ${median(fixedRequests)}`,
        target: "<= 0.6",
        met: cost <= 0.6,
      },
    );
  }
  figures.push({
    name: "polling with history: most status requests in any 60 s window (simulated, all runs)",
    value: worstWindow,
    unit: "requests",
    reference: "Lucca allows 50 per minute for the whole tenant",
    target: "<= 10",
    met: worstWindow <= 10,
  });
  return figures;
}

/** Real HTTP, real timers: the latency the simulator sees for 2 s reports. */
async function realTimeConfirmation(): Promise<Figure> {
  const latencies: number[] = [];
  const sim = await startSimulator({ generationMs: 2000, rows: 10, rateLimit: false });
  try {
    for (let run = 0; run < 5; run++) {
      const result = await benchJob(sim, { intervalMs, maxIntervalMs, maxRetries: 0 });
      const report = sim.reports.get(result.reportId);
      const download = sim.requests.find((r) =>
        r.path.endsWith(`/${result.reportId}/download-csv`),
      );
      if (report && download) latencies.push(download.at - report.finishedAt);
    }
  } finally {
    await sim.close();
  }
  const value = median(latencies) / 1000;
  return {
    name: "polling 2s: median detection latency, real time against the simulator",
    value: round(value),
    unit: "s",
    reference: "a fixed 10 s poller would see a 2 s report after 8 s",
    target: "<= 4",
    met: value <= 4,
  };
}
