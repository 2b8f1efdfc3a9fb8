import { backoffDelay } from "../core/backoff.ts";
import { delay } from "../core/delay.ts";
import { LuccaReportError } from "../core/errors.ts";

/**
 * Another run moved the branch between our read and our write: give up once `attempts`
 * writes have been tried, else wait a little (0.5 s, 1 s, … 8 s, jittered so that runs
 * racing each other spread out) before the caller redoes its commit on the new tip.
 */
export async function afterBranchMoved(options: {
  what: string;
  branch: string;
  attempt: number;
  attempts: number;
  signal: AbortSignal;
  random?: (() => number) | undefined;
}): Promise<void> {
  if (options.attempt >= options.attempts) {
    throw new LuccaReportError(
      `Cannot ${options.what} to ${options.branch}: the branch moved on every one of ${options.attempt} attempts; re-run the job`,
    );
  }
  await delay(
    backoffDelay(options.attempt - 1, {
      initialMs: 500,
      maxMs: 8000,
      jitter: 0.5,
      random: options.random,
    }),
    options.signal,
  );
}
