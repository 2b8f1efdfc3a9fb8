import { delay } from "./delay.ts";
import { type DownloadOptions, type DownloadResult, downloadReport } from "./download-report.ts";
import { LuccaRejectedError } from "./errors.ts";
import type { FileSink } from "./file-sink.ts";
import type { JobEventListener } from "./job-events.ts";
import type { LuccaClient } from "./lucca-client.ts";
import { nextPollDelay, type PollDelayOptions } from "./poll.ts";
import { isPendingRefusal } from "./status-words.ts";

/**
 * The fallback when the status endpoint does not exist: the download itself is the status
 * signal. A refusal (400, 404, 409, 423, 425) means "still generating"; a 2xx is the file.
 * A report that failed cannot be told from one still pending, so the deadline ends that.
 */
export async function downloadWhenReady(
  options: DownloadOptions,
  deps: {
    client: LuccaClient;
    sink: FileSink;
    signal: AbortSignal;
    now: () => number;
    poll: PollDelayOptions;
    onEvent: JobEventListener;
  },
): Promise<{ download: DownloadResult; polls: number }> {
  const started = deps.now();
  let announced = false;
  // One "downloading" line, not one per check.
  const onEvent: JobEventListener = (event) => {
    if (event.type === "downloading") {
      if (announced) return;
      announced = true;
    }
    deps.onEvent(event);
  };
  for (let polls = 0; ; polls++) {
    try {
      const download = await downloadReport(options, { ...deps, onEvent });
      deps.onEvent({
        type: "status",
        reportId: options.reportId,
        status: "done",
        changed: true,
        polls,
        elapsedMs: deps.now() - started,
        nextCheckMs: undefined,
      });
      return { download, polls };
    } catch (error) {
      // Stryker disable next-line ConditionalExpression: equivalent
      // `!(error instanceof LuccaRejectedError)` -> false: no other error carries a pending-refusal
      // status (a NetworkError's is 408, 429 or 5xx).
      if (!(error instanceof LuccaRejectedError) || !isPendingRefusal(error.status)) throw error;
      const nextCheckMs = nextPollDelay(polls, deps.poll);
      deps.onEvent({
        type: "status",
        reportId: options.reportId,
        status: "pending",
        changed: polls === 0,
        polls,
        elapsedMs: deps.now() - started,
        nextCheckMs,
      });
      await delay(nextCheckMs, deps.signal);
    }
  }
}
