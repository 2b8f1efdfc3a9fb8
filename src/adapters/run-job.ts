import type { FetchLike } from "../core/http.ts";
import type { JobEventListener } from "../core/job-events.ts";
import { createLuccaClient } from "../core/lucca-client.ts";
import { DEFAULT_OUTPUT_DIR } from "../core/report-file-name.ts";
import { type ReportJobResult, runReportJob } from "../core/report-job.ts";
import { nodeFileSink, STALE_PART_MS } from "./node-file-sink.ts";
import { nodeSha256 } from "./node-hash.ts";
import { resolveOutputDirectory, resolveOutputTarget, type TargetPolicy } from "./output-target.ts";
import type { Settings } from "./settings.ts";

export interface JobEnvironment {
  fetch: FetchLike;
  /** Where the report may be written; checked before the first request. */
  output: TargetPolicy;
  signal: AbortSignal;
  onEvent: JobEventListener;
  previewRows?: number;
  now?: () => number;
}

/** Runs the report job described by validated settings; shared by the CLI and the action. */
export async function runJobFromSettings(
  settings: Settings,
  env: JobEnvironment,
): Promise<ReportJobResult> {
  // A place the report cannot go is found now, not after Lucca generated it.
  if (settings.outputPath !== undefined) await resolveOutputTarget(settings.outputPath, env.output);
  else await resolveOutputDirectory(DEFAULT_OUTPUT_DIR, env.output);
  const sink = nodeFileSink(env.output, {
    staleAfterMs: Math.max(STALE_PART_MS, 2 * settings.requestTimeoutMs),
  });
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
      sink,
      signal: env.signal,
      now: env.now,
      onEvent: env.onEvent,
      createHasher: nodeSha256,
    },
  );
}
