import { formatDuration } from "../core/duration.ts";
import { LuccaReportError } from "../core/errors.ts";
import type { Git } from "./git.ts";
import { GitStoppedError } from "./git-process.ts";

/** A commit phase with no time left is not started: it is the run's timeout (exit 5). */
export function refuseWithoutTimeLeft(timeoutMs: number | undefined): void {
  if (timeoutMs !== undefined && timeoutMs <= 0) {
    throw new GitStoppedError(
      "The commit was not started (timeout): the report used all of the run's time limit. Raise timeout.",
      { command: "push", timedOut: true },
    );
  }
}

/**
 * Runs a commit phase on `git`, whose signal ends at the run's time limit. A wait between
 * pushes ended by that limit rejects with the signal's DOMException; it is told as the
 * timeout it is. The job's own cancellation passes as it is.
 */
export async function withinTimeLimit<T>(
  git: Git,
  jobSignal: AbortSignal | undefined,
  phase: () => Promise<T>,
): Promise<T> {
  try {
    return await phase();
  } catch (error) {
    if (git.signal.aborted && !jobSignal?.aborted && !(error instanceof LuccaReportError)) {
      throw new GitStoppedError(
        `The commit was stopped (timeout): the run's time limit of ${formatDuration(git.limitMs)} was reached while waiting to push again. Raise timeout.`,
        { command: "push", timedOut: true, cause: error },
      );
    }
    throw error;
  }
}
