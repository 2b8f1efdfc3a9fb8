import { logSafe } from "./safe-text.ts";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-10-01..2026-10-31", or the template's default period: how logs name a period. */
export function periodText(startsOn: string | null, endsOn: string | null): string {
  return startsOn === null && endsOn === null
    ? "the template's default period"
    : `${startsOn === null ? "…" : logSafe(startsOn)}..${endsOn === null ? "…" : logSafe(endsOn)}`;
}

/**
 * The period as a person says it: "October 2026" for a whole month, "2026" for a whole
 * year, "October–December 2026" for whole months of one year; else the dates.
 */
export function periodWords(startsOn: string | null, endsOn: string | null): string {
  const start = startsOn === null ? undefined : day(startsOn);
  const end = endsOn === null ? undefined : day(endsOn);
  if (start && end && start.d === 1 && end.d === lastDay(end.y, end.m)) {
    if (start.y === end.y && start.m === 1 && end.m === 12) return String(start.y);
    if (start.y === end.y && start.m === end.m) return `${MONTHS[start.m - 1]} ${start.y}`;
    if (start.y === end.y) return `${MONTHS[start.m - 1]}–${MONTHS[end.m - 1]} ${start.y}`;
    return `${MONTHS[start.m - 1]} ${start.y}–${MONTHS[end.m - 1]} ${end.y}`;
  }
  return periodText(startsOn, endsOn);
}

function day(text: string): { y: number; m: number; d: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m) ? { y, m, d } : undefined;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
