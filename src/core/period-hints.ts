import { nearest } from "./nearest.ts";

/** The period names a user may give, as listed in messages. */
export const NAMED_PERIODS = [
  "previous-month",
  "current-month",
  "previous-week",
  "current-week",
  "previous-day",
] as const;

/** Every form `period` takes, for the message that refuses one. */
export const PERIOD_FORMS = `${NAMED_PERIODS.join(", ")}, a month as YYYY-MM, or several months (one report each) as YYYY-MM..YYYY-MM or last-N-months`;

/** Words people write for a period, and the name this tool gives it. */
const SYNONYMS: Record<string, string> = {
  last: "previous",
  prev: "previous",
  past: "previous",
  this: "current",
  yesterday: "previous-day",
};

/**
 * The accepted period nearest to what was written (`last-month` -> previous-month,
 * `2026/3` -> 2026-03, `last-3-month` -> last-3-months), or undefined. Only a suggestion:
 * the value still goes through the period rules.
 */
export function suggestPeriod(text: string): string | undefined {
  const words = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-")
    .split("-")
    .map((word) => SYNONYMS[word] ?? word)
    .join("-");
  const several = /^previous-?(\d+)-?months?$/.exec(words);
  if (several) return `last-${Number(several[1])}-months`;
  const ends = text.split(/\s*(?:\.{2,3}|–|—|\bto\b)\s*/);
  if (ends.length === 2) {
    const [from, to] = ends.map((end) => monthOf(end));
    if (from !== undefined && to !== undefined) return `${from}..${to}`;
  }
  return monthOf(text) ?? nearest(words, NAMED_PERIODS);
}

/** YYYY-MM for a month written 2026-3, 2026/03, 03/2026 or 3.2026. */
function monthOf(text: string): string | undefined {
  const yearFirst = /^(\d{4})[-/.](\d{1,2})$/.exec(text.trim());
  const monthFirst = /^(\d{1,2})[-/.](\d{4})$/.exec(text.trim());
  const [year, month] = yearFirst
    ? [yearFirst[1], yearFirst[2]]
    : monthFirst
      ? [monthFirst[2], monthFirst[1]]
      : [];
  if (year === undefined || month === undefined || Number(month) < 1 || Number(month) > 12) {
    return undefined;
  }
  return `${year}-${month.padStart(2, "0")}`;
}

/**
 * What a date written another way may mean in YYYY-MM-DD (not checked against the calendar):
 * 31/10/2026 -> 2026-10-31, 2026/10/31, 20261031, 2026-10-31T08:00. Day and month both 12 or
 * less give both readings, day first (Lucca's users mostly write dates day first).
 */
export function dateReadings(text: string): string[] {
  const value = text.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(value);
  if (iso) return [iso[1] as string];
  const yearFirst = /^(\d{4})([-/.]?)(\d{1,2})\2(\d{1,2})$/.exec(value);
  if (yearFirst && (yearFirst[2] !== "" || value.length === 8)) {
    return [ymd(yearFirst[1], yearFirst[3], yearFirst[4])];
  }
  const dayFirst = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(value);
  if (!dayFirst) return [];
  const [, a = "", , b = "", y = ""] = dayFirst;
  // 26-01-01 is more likely year first than 26 January 2001: two-digit years only after / or .
  if (y.length === 2 && dayFirst[2] === "-") return [];
  const year = y.length === 2 ? `20${y}` : y;
  const readings: string[] = [];
  if (Number(b) <= 12) readings.push(ymd(year, b, a));
  if (Number(a) <= 12 && a !== b) readings.push(ymd(year, a, b));
  return readings;
}

function ymd(year = "", month = "", day = ""): string {
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}
