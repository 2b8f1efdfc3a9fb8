import { delay } from "./delay.ts";
import { LuccaRejectedError } from "./errors.ts";
import type { JobEventListener } from "./job-events.ts";
import type { LuccaClient } from "./lucca-client.ts";
import { nextPollDelay, type PollDelayOptions } from "./poll.ts";
import { isKnownStatus, type Report } from "./schemas.ts";
import { isFailureStatus, isStatusEndpointMissing } from "./status-words.ts";

export interface WaitResult {
  report: Report;
  polls: number;
  /** The status endpoint answered 404 or 405: the caller falls back to the download. */
  statusUnavailable?: { status: number };
}

/**
 * Polls a report until it leaves "pending" (done or error). An unknown status counts as
 * still running: Lucca may add states, and the overall deadline still bounds the wait.
 */
export async function waitForReport(
  initial: Report,
  deps: {
    client: LuccaClient;
    signal: AbortSignal;
    now: () => number;
    poll: PollDelayOptions;
    onEvent: JobEventListener;
  },
): Promise<WaitResult> {
  const started = deps.now();
  let report = initial;
  let previous = "";
  let polls = 0;
  const warned = new Set<string>();
  for (;;) {
    if (report.status !== "error" && isFailureStatus(report.status)) {
      deps.onEvent({
        type: "warning",
        message: `Lucca reported status "${report.status}" for report ${report.id}; treating it as "error"`,
      });
      report = { ...report, status: "error" };
    }
    const finished = report.status === "done" || report.status === "error";
    if (!isKnownStatus(report.status) && !warned.has(report.status)) {
      warned.add(report.status);
      deps.onEvent({
        type: "warning",
        message: `Lucca reported an unknown status "${report.status}" for report ${report.id}; treating it as still running`,
      });
    }
    const nextCheckMs = finished ? undefined : nextPollDelay(polls, deps.poll);
    deps.onEvent({
      type: "status",
      reportId: report.id,
      status: report.status,
      changed: report.status !== previous,
      polls,
      elapsedMs: deps.now() - started,
      nextCheckMs,
    });
    previous = report.status;
    if (nextCheckMs === undefined) return { report, polls };
    await delay(nextCheckMs, deps.signal);
    try {
      report = await deps.client.getReport(report.id);
    } catch (error) {
      if (error instanceof LuccaRejectedError && isStatusEndpointMissing(error.status)) {
        return { report, polls, statusUnavailable: { status: error.status } };
      }
      throw error;
    }
    polls++;
  }
}
