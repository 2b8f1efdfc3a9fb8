import { InvalidInputError } from "./errors.ts";
import { dateReadings, NAMED_PERIODS, PERIOD_FORMS, suggestPeriod } from "./period-hints.ts";

/** Dates as Lucca takes them, YYYY-MM-DD, end included; both null = the template's default period. */
export interface Period {
  startsOn: string | null;
  endsOn: string | null;
}

export interface PeriodInput {
  start?: string | undefined;
  end?: string | undefined;
  period?: string | undefined;
  /** IANA zone in which "today" is taken for named periods. @default "UTC" */
  timezone?: string | undefined;
  now: Date;
  /** How the settings are named to the user; the CLI's flags by default. */
  labels?: { start: string; end: string; period: string; timezone: string };
}

const NAMED = NAMED_PERIODS;
const DAY_MS = 86_400_000;

/** True for a strict YYYY-MM-DD that exists on the calendar (2024-02-29 yes, 2026-02-30 no). */
export function isValidDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(utc(year, month - 1, day));
  return (
    // Stryker disable next-line ConditionalExpression: equivalent
    // A check -> true: within the regex's shape, the month check alone catches every overflow of
    // month or day, and year with day catches them too.
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * Explicit dates, a named period resolved in a time zone, or neither. Every problem is
 * collected into one InvalidInputError.
 */
export function resolvePeriod(input: PeriodInput): Period {
  const labels = input.labels ?? {
    start: "--start",
    end: "--end",
    period: "--period",
    timezone: "--timezone",
  };
  const issues: string[] = [];
  const { start, end, period } = input;
  const timezone = input.timezone ?? "UTC";

  if (period !== undefined && (start !== undefined || end !== undefined)) {
    issues.push(
      `${labels.period} cannot be combined with ${labels.start}/${labels.end}; give one or the other`,
    );
  }
  if ((start === undefined) !== (end === undefined)) {
    issues.push(
      `${labels.start} and ${labels.end} go together; give both (YYYY-MM-DD, end included)`,
    );
  }
  for (const [label, value] of [
    [labels.start, start],
    [labels.end, end],
  ] as const) {
    if (value !== undefined && !isValidDate(value)) issues.push(dateProblem(label, value));
  }
  if (start && end && isValidDate(start) && isValidDate(end) && start > end) {
    issues.push(`${labels.start} ${start} is after ${labels.end} ${end}`);
  }
  if (!isValidTimeZone(timezone))
    issues.push(`${labels.timezone}: unknown time zone "${timezone}"`);
  const month = period === undefined ? undefined : /^(\d{4})-(\d{2})$/.exec(period);
  if (period !== undefined && !(NAMED as readonly string[]).includes(period)) {
    if (!month || Number(month[2]) < 1 || Number(month[2]) > 12) {
      const meant = suggestPeriod(period);
      issues.push(
        `${labels.period}: unknown value "${period}"; ${meant === undefined ? "" : `did you mean ${meant}? `}expected ${PERIOD_FORMS}`,
      );
    }
  }
  if (issues.length > 0) throw new InvalidInputError(issues);

  if (start !== undefined && end !== undefined) return { startsOn: start, endsOn: end };
  if (period === undefined) return { startsOn: null, endsOn: null };
  if (month) return monthOf(Number(month[1]), Number(month[2]));
  return named(period as (typeof NAMED)[number], todayIn(timezone, input.now));
}

/** A date in the right form that the calendar lacks, or one written another way. */
function dateProblem(label: string, value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return `${label}: "${value}" is not a real date (expected YYYY-MM-DD)`;
  }
  const readings = dateReadings(value).filter(isValidDate);
  const meant =
    readings.length === 2
      ? `; did you mean ${readings[0]} (day first) or ${readings[1]} (month first)?`
      : readings.length === 1
        ? `; did you mean ${readings[0]}?`
        : "";
  return `${label}: "${value}" is not a date written YYYY-MM-DD${meant}`;
}

function named(period: (typeof NAMED)[number], today: number): Period {
  const date = new Date(today);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  // Monday is day 0 of the week.
  const monday = today - ((date.getUTCDay() + 6) % 7) * DAY_MS;
  switch (period) {
    case "current-month":
      return monthOf(year, month);
    case "previous-month":
      // Month 0 is December of the year before: Date carries it over.
      return monthOf(year, month - 1);
    case "current-week":
      return span(monday, monday + 6 * DAY_MS);
    case "previous-week":
      return span(monday - 7 * DAY_MS, monday - DAY_MS);
    case "previous-day":
      return span(today - DAY_MS, today - DAY_MS);
  }
}

function monthOf(year: number, month: number): Period {
  return span(utc(year, month - 1, 1), utc(year, month, 0));
}

/** Date.UTC, except that years 0-99 stay themselves instead of becoming 1900-1999. */
function utc(year: number, monthIndex: number, day: number): number {
  return new Date(0).setUTCFullYear(year, monthIndex, day);
}

function span(from: number, to: number): Period {
  return { startsOn: ymd(from), endsOn: ymd(to) };
}

function ymd(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight UTC of the calendar day it is in `timezone` at `now`. */
function todayIn(timezone: string, now: Date): number {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return utc(get("year"), get("month") - 1, get("day"));
}

function isValidTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
