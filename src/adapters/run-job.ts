import type { FileSink } from "../core/file-sink.ts";
import type { FetchLike } from "../core/http.ts";
import type { JobEventListener } from "../core/job-events.ts";
import { createLuccaClient } from "../core/lucca-client.ts";
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
      outputPath: settings.outputPath,
      timeoutMs: settings.timeoutMs,
      poll: { intervalMs: settings.pollIntervalMs, maxIntervalMs: settings.maxPollIntervalMs },
      requestTimeoutMs: settings.requestTimeoutMs,
      generationAttempts: settings.generationAttempts,
      previewRows: env.previewRows,
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
        }),
      sink: env.sink,
      signal: env.signal,
      now: env.now,
      onEvent: env.onEvent,
      createHasher: nodeSha256,
    },
  );
}
