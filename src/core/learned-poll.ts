import { nextPollDelay, type PollDelayOptions } from "./poll.ts";

/** When a template's report is expected to be ready, from its last generation times. */
export interface ExpectedWindow {
  /** The median of the remembered times. */
  expectedMs: number;
  /** Dense checking runs from `fromMs` to `toMs` after creation. */
  fromMs: number;
  toMs: number;
}

/** Remembered generation times kept per template; older ones are dropped. */
export const HISTORY_LENGTH = 10;
/** Lucca's tenant budget is 50 a minute; a job never takes more than a fifth of it. */
export const MAX_CHECKS_PER_WINDOW = 10;
export const BUDGET_WINDOW_MS = 60_000;
const MIN_GAP_MS = 1000;
/** The dense part never checks faster than the budget allows on average over a long window. */
const MAX_DENSE_GAP_MS = BUDGET_WINDOW_MS / MAX_CHECKS_PER_WINDOW;
/** Times beyond a day are not generation times of a report anyone waits for. */
const MAX_REMEMBERED_MS = 24 * 3_600_000;

/** The usable remembered times: finite, positive, under a day, the last HISTORY_LENGTH. */
export function usableHistory(historyMs: readonly unknown[]): number[] {
  return historyMs
    .filter(
      (ms): ms is number =>
        typeof ms === "number" && Number.isFinite(ms) && ms > 0 && ms <= MAX_REMEMBERED_MS,
    )
    .slice(-HISTORY_LENGTH);
}

/**
 * The window to check densely: the span of the remembered times, widened by 5% of the median
 * (at least a second) on each side, since the next run is rarely exactly like a past one.
 * Undefined without history.
 */
export function expectedWindow(historyMs: readonly number[]): ExpectedWindow | undefined {
  const times = usableHistory(historyMs).sort((a, b) => a - b);
  if (times.length === 0) return undefined;
  const middle = times.length >> 1;
  const expectedMs =
    times.length % 2 === 1
      ? (times[middle] as number)
      : ((times[middle - 1] as number) + (times[middle] as number)) / 2;
  const margin = Math.max(MIN_GAP_MS, 0.05 * expectedMs);
  return {
    expectedMs,
    fromMs: Math.max(0, (times[0] as number) - margin),
    toMs: (times.at(-1) as number) + margin,
  };
}

/**
 * Share of the time left before the deadline that a wait before the expected window may
 * take. Without it, a history longer than this run's `timeout` (one slow generation, then a
 * shorter timeout) puts the first check past the deadline: the run fails without a single
 * check, saves nothing, and fails the same way every time after. A quarter still gets to a
 * well-fitting window in a handful of checks (each takes a quarter of what is left), and
 * leaves most of the time for checking when the history was wrong.
 */
export const WAIT_SHARE_OF_TIME_LEFT = 0.25;

/**
 * Wait before the next status check, for a template with history. `checksMs` are the times of
 * the checks made so far and `nowMs` the time now, both in ms after the report was created;
 * `timeLeftMs` is what is left of the job's deadline.
 * - Before the window: one wait to the planned first check (most of the expected time; see
 *   below where), but never more than WAIT_SHARE_OF_TIME_LEFT of the time left (nor less
 *   than today's schedule would wait): a run whose timeout is shorter than its history still
 *   checks, early, and gets closer to the window with each check.
 * - In the window: every tenth of it (between `intervalMs` and 6 s) until it closes.
 * - Once the window has passed (the report is later than its history): today's schedule,
 *   jitter included, as if there had been no history.
 * Whatever the window, no 60 s holds more than 10 checks and no two are less than
 * `intervalMs` apart.
 */
export function learnedPollDelay(
  window: ExpectedWindow,
  checksMs: readonly number[],
  nowMs: number,
  poll: PollDelayOptions,
  timeLeftMs: number = Number.POSITIVE_INFINITY,
): number {
  const last = checksMs.at(-1);
  const gap = (window.toMs - window.fromMs) / 10;
  let at: number;
  if (last === undefined || last < window.fromMs) {
    const planned = Math.max(plannedFirstCheck(window, gap, poll), poll.intervalMs);
    const usual = nextPollDelay(checksMs.length, { ...poll, jitter: 0 });
    at = Math.min(planned, nowMs + Math.max(WAIT_SHARE_OF_TIME_LEFT * timeLeftMs, usual));
  } else if (last < window.toMs) {
    at = last + Math.min(MAX_DENSE_GAP_MS, Math.max(poll.intervalMs, gap));
  } else {
    at = last + nextPollDelay(checksMs.length, poll);
  }
  if (last !== undefined) at = Math.max(at, last + poll.intervalMs);
  const tenthBack = checksMs[checksMs.length - MAX_CHECKS_PER_WINDOW];
  if (tenthBack !== undefined) at = Math.max(at, tenthBack + BUDGET_WINDOW_MS);
  return Math.max(0, Math.round(at - nowMs));
}

/**
 * A window narrower than ten poll intervals costs little latency to start late in, so the
 * first check comes just past the expected time and usually is the only one; a wider window
 * is entered halfway between its opening and the expected time.
 */
function plannedFirstCheck(
  window: ExpectedWindow,
  gap: number,
  poll: Pick<PollDelayOptions, "intervalMs">,
): number {
  return gap < poll.intervalMs
    ? window.expectedMs + 0.3 * (window.toMs - window.expectedMs)
    : window.expectedMs - 0.5 * (window.expectedMs - window.fromMs);
}

/**
 * Status checks today's schedule (no history, no jitter) would have made to see a report that
 * was first seen done at `seenAtMs`: the baseline for "requests saved".
 */
export function checksWithoutHistory(
  seenAtMs: number,
  poll: Pick<PollDelayOptions, "intervalMs" | "maxIntervalMs" | "multiplier">,
): number {
  let at = 0;
  let checks = 0;
  while (at < seenAtMs) {
    at += nextPollDelay(checks, { ...poll, jitter: 0 });
    checks++;
  }
  return Math.max(1, checks);
}
