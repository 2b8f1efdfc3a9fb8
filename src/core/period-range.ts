import { InvalidInputError } from "./errors.ts";
import { type Period, type PeriodInput, resolvePeriod } from "./period.ts";

/** Most months one range may hold: three years of monthly archives. */
export const MAX_MONTHS = 36;

const RANGE = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/;
const LAST = /^last-(\d+)-months?$/;

/** True when `period` names several months (`2025-01..2025-12`, `last-12-months`). */
export function isPeriodRange(period: string | undefined): boolean {
  return period !== undefined && (RANGE.test(period) || LAST.test(period));
}

/**
 * Every period the input names, oldest first: one for a single period, one per month for
 * `YYYY-MM..YYYY-MM` (both ends included) or `last-N-months` (the N complete months before
 * the current one in `timezone`). At most MAX_MONTHS months.
 */
export function resolvePeriods(input: PeriodInput): Period[] {
  const label = input.labels?.period ?? "--period";
  const period = input.period;
  if (!isPeriodRange(period)) return [resolvePeriod(input)];
  if (input.start !== undefined || input.end !== undefined) {
    // Let the single-period rules word the conflict.
    return [resolvePeriod({ ...input, period: "previous-month" })];
  }
  const months = monthsOf(period as string, input, label);
  if (months.length > MAX_MONTHS) {
    throw new InvalidInputError(
      `${label}: "${period}" spans ${months.length} months; at most ${MAX_MONTHS} months may be fetched in one step`,
    );
  }
  return months.map((month) => resolvePeriod({ ...input, period: month }));
}

function monthsOf(period: string, input: PeriodInput, label: string): string[] {
  const range = RANGE.exec(period);
  if (range) {
    const [from, to] = [
      Number(range[1]) * 12 + Number(range[2]) - 1,
      Number(range[3]) * 12 + Number(range[4]) - 1,
    ];
    const bad = [range[2], range[4]].filter((m) => Number(m) < 1 || Number(m) > 12);
    if (bad.length > 0) {
      throw new InvalidInputError(`${label}: "${period}" names a month that does not exist`);
    }
    if (from > to) {
      throw new InvalidInputError(
        `${label}: "${period}" starts after it ends; write oldest..newest`,
      );
    }
    return span(from, Math.min(to, from + MAX_MONTHS));
  }
  const count = Number(LAST.exec(period)?.[1]);
  if (!(count >= 1)) {
    throw new InvalidInputError(`${label}: "${period}" must name at least one month`);
  }
  const previous = resolvePeriod({ ...input, period: "previous-month" }).startsOn as string;
  const last = Number(previous.slice(0, 4)) * 12 + Number(previous.slice(5, 7)) - 1;
  return span(last - Math.min(count, MAX_MONTHS + 1) + 1, last);
}

function span(from: number, to: number): string[] {
  const months: string[] = [];
  for (let index = from; index <= to; index++) {
    const year = Math.floor(index / 12);
    months.push(`${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`);
  }
  return months;
}
