import { formatDuration } from "../core/duration.ts";
import { ReportTimeoutError } from "../core/errors.ts";
import type { FetchLike } from "../core/http.ts";
import type { JobEvent, JobEventListener } from "../core/job-events.ts";
import { createLuccaClient } from "../core/lucca-client.ts";
import { expandPath } from "../core/output-template.ts";
import { DEFAULT_OUTPUT_DIR } from "../core/report-file-name.ts";
import { type ReportJobResult, runReportJob } from "../core/report-job.ts";
import { budgetedFetch, createRequestBudget, type RequestBudget } from "../core/request-budget.ts";
import { type ReportOutcome, type ReportSpec, runReports } from "../core/run-reports.ts";
import { nodeFileSink, STALE_PART_MS } from "./node-file-sink.ts";
import { nodeSha256 } from "./node-hash.ts";
import { resolveOutputDirectory, resolveOutputTarget, type TargetPolicy } from "./output-target.ts";
import { forgetTemplate, historyKey, readHistory, rememberGeneration } from "./poll-history.ts";
import type { Settings } from "./settings.ts";

/** The shortest gap between two "waiting for the request budget" lines. */
const BUDGET_NOTICE_MS = 10_000;

export interface ReportsEnvironment {
  fetch: FetchLike;
  /** Where the reports may be written; every target is checked before the first request. */
  output: TargetPolicy;
  signal: AbortSignal;
  /** Every event, with the report it belongs to. */
  onEvent: (spec: ReportSpec, event: JobEvent) => void;
  previewRows?: number;
  now?: () => number;
  /** Lucca's window; tests scale it down together with the simulator's. @default 60_000 */
  windowMs?: number;
  /** The budget to share; a fresh one of settings.requestsPerMinute by default. */
  budget?: RequestBudget;
  /**
   * A line worth logging when the step waits for the request budget (at most one every
   * BUDGET_NOTICE_MS, and only for waits of a second or more): otherwise the log goes silent.
   */
  onBudgetWait?: (line: string) => void;
  /**
   * The file of each template's last generation times (poll-history.ts): read before polling,
   * updated after, shared by every report. Absent: no learning, today's schedule.
   */
  pollHistoryPath?: string | undefined;
}

/**
 * Runs every report of the step (one or many, the same way) through one request budget;
 * one outcome per report, in the order asked for. Shared by the CLI and the action.
 */
export async function runReportsFromSettings(
  settings: Settings,
  env: ReportsEnvironment,
): Promise<ReportOutcome[]> {
  // A place a report cannot go is found now, not after Lucca generated it.
  const targets = new Map<ReportSpec, ReturnType<typeof outputTarget>>();
  for (const spec of settings.reports)
    targets.set(spec, await checkOutputTarget(settings, spec, env.output));
  let noticeAt = Number.NEGATIVE_INFINITY;
  const now = env.now ?? Date.now;
  const budget =
    env.budget ??
    createRequestBudget({
      requests: settings.requestsPerMinute,
      windowMs: env.windowMs,
      now: env.now,
      onWait: (ms) => {
        // A second of Lucca's minute (scaled with the window in tests) is worth a line.
        const worth = Math.min(1000, (env.windowMs ?? 60_000) / 60);
        if (ms < worth || now() - noticeAt < BUDGET_NOTICE_MS) return;
        noticeAt = now();
        env.onBudgetWait?.(
          `Waiting for the request budget (${settings.requestsPerMinute}/min): next slot in ${formatDuration(ms)}`,
        );
      },
    });
  const fetch = budgetedFetch(env.fetch, budget, { now: env.now });
  return runReports({
    reports: settings.reports,
    concurrency: settings.concurrency,
    failFast: settings.failFast,
    signal: env.signal,
    runOne: (spec, signal, created) =>
      runOne(settings, spec, targets.get(spec), {
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

interface OneEnvironment {
  fetch: FetchLike;
  output: TargetPolicy;
  signal: AbortSignal;
  onEvent: JobEventListener;
  previewRows: number | undefined;
  now: (() => number) | undefined;
  takeSlot: (signal: AbortSignal) => Promise<() => void>;
  pollHistoryPath: string | undefined;
}

/** The budget's door for one report, counting how long that report waited at it. */
function countingWaits(take: OneEnvironment["takeSlot"], now: () => number) {
  const counted = { queuedMs: 0 };
  const takeSlot = async (signal: AbortSignal) => {
    const from = now();
    const release = await take(signal);
    counted.queuedMs += now() - from;
    return release;
  };
  return { counted, takeSlot };
}

/** One report of the step, its target already checked. */
async function runOne(
  settings: Settings,
  spec: ReportSpec,
  target: ReturnType<typeof outputTarget>,
  env: OneEnvironment,
): Promise<ReportJobResult> {
  const sink = nodeFileSink(env.output, {
    staleAfterMs: Math.max(STALE_PART_MS, 2 * settings.requestTimeoutMs),
  });
  const key =
    env.pollHistoryPath && spec.templateId
      ? historyKey(settings.baseUrl.host, spec.templateId)
      : undefined;
  const history =
    key && env.pollHistoryPath && !spec.reportId ? await readHistory(env.pollHistoryPath, key) : [];
  const queue = countingWaits(env.takeSlot, env.now ?? Date.now);
  const job = runReportJob(
    {
      templateId: spec.templateId,
      period: spec.period,
      reportId: spec.reportId,
      format: settings.format,
      outputPath: target,
      timeoutMs: settings.timeoutMs,
      poll: { intervalMs: settings.pollIntervalMs, maxIntervalMs: settings.maxPollIntervalMs },
      requestTimeoutMs: settings.requestTimeoutMs,
      generationAttempts: settings.generationAttempts,
      previewRows: env.previewRows,
      endDateConvention: settings.endDateConvention,
      generationHistoryMs: history,
    },
    {
      createClient: (signal, deadlineAt) =>
        createLuccaClient({
          deadlineAt,
          baseUrl: settings.baseUrl,
          apiKey: settings.apiKey,
          fetch: env.fetch,
          signal,
          requestTimeoutMs: settings.requestTimeoutMs,
          maxRetries: settings.maxRetries,
          now: env.now,
          onRetry: (info) => env.onEvent({ type: "retrying", ...info }),
          onWarning: (message) => env.onEvent({ type: "warning", message }),
          takeSlot: queue.takeSlot,
        }),
      sink,
      signal: env.signal,
      now: env.now,
      onEvent: env.onEvent,
      createHasher: nodeSha256,
    },
  );
  const result = await forgettingOnTimeout(
    job,
    key && env.pollHistoryPath ? { path: env.pollHistoryPath, key, times: history } : undefined,
    env.onEvent,
  );
  const generationMs = result.polling.generationMs;
  if (key && env.pollHistoryPath && generationMs !== null) {
    const failed = await rememberGeneration(env.pollHistoryPath, key, generationMs);
    if (failed) {
      env.onEvent({
        type: "warning",
        message: `Could not remember this template's generation time in ${env.pollHistoryPath}: ${failed.message}`,
      });
    }
  }
  return { ...result, queuedMs: queue.counted.queuedMs };
}

/** The job, and on a timeout after waiting as the history said, that history forgotten. */
async function forgettingOnTimeout<T>(
  job: Promise<T>,
  history: { path: string; key: string; times: readonly number[] } | undefined,
  onEvent: JobEventListener,
): Promise<T> {
  try {
    return await job;
  } catch (error) {
    if (error instanceof ReportTimeoutError && history && history.times.length > 0) {
      const failed = await forgetTemplate(history.path, history.key);
      if (failed) {
        onEvent({
          type: "warning",
          message: `Could not forget this template's generation times in ${history.path}: ${failed.message}`,
        });
      }
    }
    throw error;
  }
}

/** Refuses a place the report cannot go, before any request; returns the job's target. */
export async function checkOutputTarget(
  settings: Settings,
  spec: ReportSpec,
  policy: TargetPolicy,
) {
  const target = outputTarget(settings.outputPath, spec);
  if (typeof target === "function") {
    await resolveOutputTarget(target({ reportId: "report-id", extension: "csv" }), policy);
  } else if (target !== undefined) await resolveOutputTarget(target, policy);
  else await resolveOutputDirectory(DEFAULT_OUTPUT_DIR, policy);
  return target;
}

/**
 * output-path as a template ({templateId}, {year}, {reportId}, ...); a path without
 * placeholders stays as written, and none keeps the job's default file name.
 */
function outputTarget(
  template: string | undefined,
  spec: ReportSpec,
): string | ((facts: { reportId: string; extension: string }) => string) | undefined {
  if (template === undefined || !template.includes("{")) return template;
  const templateId = spec.templateId ?? "report";
  return ({ reportId, extension }) =>
    expandPath(template, { templateId, period: spec.period, reportId, extension });
}
