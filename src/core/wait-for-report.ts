import { delay } from "./delay.ts";
import { LuccaRejectedError } from "./errors.ts";
import type { JobEventListener } from "./job-events.ts";
import { checksWithoutHistory, type ExpectedWindow, learnedPollDelay } from "./learned-poll.ts";
import type { LuccaClient } from "./lucca-client.ts";
import { nextPollDelay, type PollDelayOptions } from "./poll.ts";
import { isKnownStatus, type Report } from "./schemas.ts";
import { isFailureStatus, isStatusEndpointMissing } from "./status-words.ts";

export interface WaitResult {
  report: Report;
  polls: number;
  /**
   * When the report was done, estimated as halfway between the last check that saw it
   * pending and the first that saw it finished (ms after `initial` was created or resumed);
   * null when the status endpoint was missing.
   */
  generationMs: number | null;
  /** Status checks today's schedule would have made to see it finished as soon. */
  checksWithoutHistory: number;
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
    /** From the template's last generation times: polling then waits and checks around it. */
    expected?: ExpectedWindow | undefined;
    /** The job's deadline (epoch ms by `now`): no wait before the window takes much of it. */
    deadlineAt?: number | undefined;
  },
): Promise<WaitResult> {
  const started = deps.now();
  let report = initial;
  // Stryker disable next-line StringLiteral: equivalent
  // No status equals any other text either, so the first check is always a change.
  let previous = "";
  let polls = 0;
  const checksMs: number[] = [];
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
    const elapsedMs = deps.now() - started;
    const nextCheckMs = finished
      ? undefined
      : deps.expected
        ? learnedPollDelay(
            deps.expected,
            checksMs,
            elapsedMs,
            deps.poll,
            deps.deadlineAt === undefined ? undefined : deps.deadlineAt - deps.now(),
          )
        : nextPollDelay(polls, deps.poll);
    deps.onEvent({
      type: "status",
      reportId: report.id,
      status: report.status,
      changed: report.status !== previous,
      polls,
      elapsedMs,
      nextCheckMs,
      expectedMs: deps.expected?.expectedMs,
    });
    previous = report.status;
    if (nextCheckMs === undefined) {
      const seenAt = checksMs.at(-1) ?? 0;
      return {
        report,
        polls,
        generationMs: (seenAt + (checksMs.at(-2) ?? 0)) / 2,
        checksWithoutHistory: polls === 0 ? 0 : checksWithoutHistory(seenAt, deps.poll),
      };
    }
    await delay(nextCheckMs, deps.signal);
    try {
      report = await deps.client.getReport(report.id);
    } catch (error) {
      if (error instanceof LuccaRejectedError && isStatusEndpointMissing(error.status)) {
        return {
          report,
          polls,
          generationMs: null,
          checksWithoutHistory: 0,
          statusUnavailable: { status: error.status },
        };
      }
      throw error;
    }
    checksMs.push(deps.now() - started);
    polls++;
  }
}
