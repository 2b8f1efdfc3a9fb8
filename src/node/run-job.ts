import { ReportTimeoutError } from "../core/errors.ts";
import type { FetchLike } from "../core/http.ts";
import type { JobEventListener } from "../core/job-events.ts";
import { createLuccaClient } from "../core/lucca-client.ts";
import { expandPath } from "../core/output-template.ts";
import { DEFAULT_OUTPUT_DIR } from "../core/report-file-name.ts";
import { type ReportJobResult, runReportJob } from "../core/report-job.ts";
import { nodeFileSink, STALE_PART_MS } from "./node-file-sink.ts";
import { nodeSha256 } from "./node-hash.ts";
import { resolveOutputDirectory, resolveOutputTarget, type TargetPolicy } from "./output-target.ts";
import { forgetTemplate, historyKey, readHistory, rememberGeneration } from "./poll-history.ts";
import type { Settings } from "./settings.ts";

export interface JobEnvironment {
  fetch: FetchLike;
  /** Where the report may be written; checked before the first request. */
  output: TargetPolicy;
  signal: AbortSignal;
  onEvent: JobEventListener;
  previewRows?: number;
  now?: () => number;
  /** The step's shared request budget, when several reports run at once. */
  takeSlot?: (signal: AbortSignal) => Promise<() => void>;
  /**
   * The file of each template's last generation times (poll-history.ts): read before polling,
   * updated after. Absent: no learning, today's schedule.
   */
  pollHistoryPath?: string | undefined;
}

/** Runs the report job described by validated settings; shared by the CLI and the action. */
export async function runJobFromSettings(
  settings: Settings,
  env: JobEnvironment,
): Promise<ReportJobResult> {
  // A place the report cannot go is found now, not after Lucca generated it.
  const target = await checkOutputTarget(settings, env.output);
  const sink = nodeFileSink(env.output, {
    staleAfterMs: Math.max(STALE_PART_MS, 2 * settings.requestTimeoutMs),
  });
  const key =
    env.pollHistoryPath && settings.templateId
      ? historyKey(settings.baseUrl.host, settings.templateId)
      : undefined;
  const history =
    key && env.pollHistoryPath && !settings.reportId
      ? await readHistory(env.pollHistoryPath, key)
      : [];
  const job = runReportJob(
    {
      templateId: settings.templateId,
      period: settings.period,
      reportId: settings.reportId,
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
          takeSlot: env.takeSlot,
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
  return result;
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
export async function checkOutputTarget(settings: Settings, policy: TargetPolicy) {
  const target = outputTarget(settings.outputPath, settings);
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
  settings: Settings,
): string | ((facts: { reportId: string; extension: string }) => string) | undefined {
  if (template === undefined || !template.includes("{")) return template;
  const templateId = settings.templateId ?? "report";
  return ({ reportId, extension }) =>
    expandPath(template, { templateId, period: settings.period, reportId, extension });
}
