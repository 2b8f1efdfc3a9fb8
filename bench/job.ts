import { createLuccaClient } from "../src/core/lucca-client.ts";
import { type ReportJobResult, runReportJob } from "../src/core/report-job.ts";
import { nodeSha256 } from "../src/node/node-hash.ts";
import { nullSink } from "./null-sink.ts";

/** One report job of the core, in this process, against a simulator; the file is dropped. */
export function benchJob(
  sim: { url: string; apiKey: string },
  options: { maxIntervalMs: number; maxRetries: number; intervalMs?: number },
): Promise<ReportJobResult> {
  return runReportJob(
    {
      templateId: "42",
      period: { startsOn: null, endsOn: null },
      format: "csv",
      timeoutMs: 15 * 60_000,
      poll: { intervalMs: options.intervalMs ?? 1000, maxIntervalMs: options.maxIntervalMs },
      requestTimeoutMs: 30_000,
      generationAttempts: 2,
    },
    {
      createClient: (signal) =>
        createLuccaClient({
          baseUrl: new URL(sim.url),
          apiKey: sim.apiKey,
          fetch,
          signal,
          requestTimeoutMs: 30_000,
          maxRetries: options.maxRetries,
        }),
      sink: nullSink(),
      createHasher: nodeSha256,
    },
  );
}
