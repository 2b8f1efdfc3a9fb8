import type { Period } from "./period.ts";

/**
 * Whether the `endsOn` Lucca gets is the last day of the report (inclusive) or the day after
 * it (exclusive, as Timmi's timesheets use `[startsOn, endsOn[`). Lucca does not document it
 * for reports; users compare once with the Lucca UI and set it.
 */
export type EndDateConvention = "inclusive" | "exclusive";

export const END_DATE_CONVENTIONS: readonly EndDateConvention[] = ["inclusive", "exclusive"];

/** What a report is created with, and how the user's period was turned into it. */
export interface RangeSent extends Period {
  convention: EndDateConvention;
}

const DAY_MS = 86_400_000;

/**
 * The one place that turns a period as users give it (end date included) into the
 * `startsOn`/`endsOn` sent to Lucca. A null end (the template's default period) stays null.
 */
export function rangeToSend(period: Period, convention: EndDateConvention): RangeSent {
  const endsOn =
    convention === "exclusive" && period.endsOn !== null ? shift(period.endsOn, 1) : period.endsOn;
  return { startsOn: period.startsOn, endsOn, convention };
}

/** The reverse: the period a report's own dates stand for, end date included. */
export function periodFromSent(sent: Period, convention: EndDateConvention): Period {
  const endsOn =
    convention === "exclusive" && sent.endsOn !== null ? shift(sent.endsOn, -1) : sent.endsOn;
  return { startsOn: sent.startsOn, endsOn };
}

function shift(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const ms = new Date(0).setUTCFullYear(year, month - 1, day) + days * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}
