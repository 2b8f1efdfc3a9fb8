import type { FetchLike } from "../core/http.ts";
import type { JobEvent } from "../core/job-events.ts";
import { budgetedFetch, createRequestBudget, type RequestBudget } from "../core/request-budget.ts";
import { type ManyReportSpec, type ReportOutcome, runMany } from "../core/run-many.ts";
import type { TargetPolicy } from "./output-target.ts";
import { checkOutputTarget, runJobFromSettings } from "./run-job.ts";
import type { Settings } from "./settings.ts";

export interface ManyEnvironment {
  fetch: FetchLike;
  /** Where the reports may be written; every target is checked before the first request. */
  output: TargetPolicy;
  signal: AbortSignal;
  /** Every event, with the report it belongs to. */
  onEvent: (spec: ManyReportSpec, event: JobEvent) => void;
  previewRows?: number;
  now?: () => number;
  /** Lucca's window; tests scale it down together with the simulator's. @default 60_000 */
  windowMs?: number;
  /** The budget to share; a fresh one of settings.requestsPerMinute by default. */
  budget?: RequestBudget;
  /** Each template's last generation times (poll-history.ts), shared by every report. */
  pollHistoryPath?: string | undefined;
}

/** Every report of the step through one request budget; one outcome per report. */
export async function runManyFromSettings(
  settings: Settings,
  env: ManyEnvironment,
): Promise<ReportOutcome[]> {
  const each = settings.reports.map((spec) => settingsFor(settings, spec));
  for (const one of each) await checkOutputTarget(one, env.output);
  const budget =
    env.budget ??
    createRequestBudget({
      requests: settings.requestsPerMinute,
      windowMs: env.windowMs,
      now: env.now,
    });
  const fetch = budgetedFetch(env.fetch, budget, { now: env.now });
  return runMany({
    reports: settings.reports,
    concurrency: settings.concurrency,
    failFast: settings.failFast,
    signal: env.signal,
    runOne: (spec, signal, created) =>
      runJobFromSettings(settingsFor(settings, spec), {
        fetch,
        output: env.output,
        signal,
        now: env.now,
        previewRows: env.previewRows,
        pollHistoryPath: env.pollHistoryPath,
        takeSlot: (slotSignal) => budget.take(slotSignal),
        onEvent: (event) => {
          if (event.type === "created") created(event.reportId);
          env.onEvent(spec, event);
        },
      }),
  });
}

function settingsFor(settings: Settings, spec: ManyReportSpec): Settings {
  return { ...settings, templateId: spec.templateId, period: spec.period, reportId: undefined };
}
