import type { FileSink } from "../core/file-sink.ts";
import type { FetchLike } from "../core/http.ts";
import type { JobEventListener } from "../core/job-events.ts";
import { createLuccaClient } from "../core/lucca-client.ts";
import { expandPath } from "../core/output-template.ts";
import { type ReportJobResult, runReportJob } from "../core/report-job.ts";
import { nodeSha256 } from "./node-hash.ts";
import type { Settings } from "./settings.ts";

export interface JobEnvironment {
  fetch: FetchLike;
  sink: FileSink;
  signal: AbortSignal;
  onEvent: JobEventListener;
  previewRows?: number;
  now?: () => number;
  /** The step's shared request budget, when several reports run at once. */
  takeSlot?: (signal: AbortSignal) => Promise<() => void>;
}

/** Runs the report job described by validated settings; shared by the CLI and the action. */
export function runJobFromSettings(
  settings: Settings,
  env: JobEnvironment,
): Promise<ReportJobResult> {
  return runReportJob(
    {
      templateId: settings.templateId,
      period: settings.period,
      reportId: settings.reportId,
      format: settings.format,
      outputPath: outputTarget(settings.outputPath, settings),
      timeoutMs: settings.timeoutMs,
      poll: { intervalMs: settings.pollIntervalMs, maxIntervalMs: settings.maxPollIntervalMs },
      requestTimeoutMs: settings.requestTimeoutMs,
      generationAttempts: settings.generationAttempts,
      previewRows: env.previewRows,
    },
    {
      createClient: (signal) =>
        createLuccaClient({
          baseUrl: settings.baseUrl,
          apiKey: settings.apiKey,
          fetch: env.fetch,
          signal,
          requestTimeoutMs: settings.requestTimeoutMs,
          maxRetries: settings.maxRetries,
          now: env.now,
          onRetry: (info) => env.onEvent({ type: "retrying", ...info }),
          takeSlot: env.takeSlot,
        }),
      sink: env.sink,
      signal: env.signal,
      now: env.now,
      onEvent: env.onEvent,
      createHasher: nodeSha256,
    },
  );
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
