import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.ts";
import { isPeriodRange, resolvePeriods } from "./period-range.ts";

const now = new Date("2026-03-01T02:00:00Z");

function issues(period: string): string[] {
  try {
    resolvePeriods({ period, now });
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues;
    throw error;
  }
  return [];
}

describe("resolvePeriods", () => {
  it("expands an inclusive range of months across a year, February included", () => {
    const periods = resolvePeriods({ period: "2023-11..2024-02", now });
    expect(periods).toEqual([
      { startsOn: "2023-11-01", endsOn: "2023-11-30" },
      { startsOn: "2023-12-01", endsOn: "2023-12-31" },
      { startsOn: "2024-01-01", endsOn: "2024-01-31" },
      { startsOn: "2024-02-01", endsOn: "2024-02-29" },
    ]);
  });

  it("takes last-N-months as the complete months before the current one, in the time zone", () => {
    // 02:00 UTC on 1 March is still February in New York: the current month there is February.
    expect(resolvePeriods({ period: "last-2-months", now }).map((p) => p.startsOn)).toEqual([
      "2026-01-01",
      "2026-02-01",
    ]);
    expect(
      resolvePeriods({ period: "last-2-months", now, timezone: "America/New_York" }).map(
        (p) => p.startsOn,
      ),
    ).toEqual(["2025-12-01", "2026-01-01"]);
  });

  it("accepts 36 months and refuses 37, a reversed range and month 13", () => {
    expect(resolvePeriods({ period: "2023-01..2025-12", now })).toHaveLength(36);
    expect(issues("2023-01..2026-01")).toEqual([
      '--period: "2023-01..2026-01" spans 37 months; at most 36 months may be fetched in one step',
    ]);
    expect(issues("last-37-months")[0]).toMatch(/spans 37 months/);
    expect(issues("2024-05..2024-01")[0]).toMatch(/starts after it ends/);
    expect(issues("2024-01..2024-13")[0]).toMatch(/does not exist/);
    expect(issues("last-0-months")[0]).toMatch(/at least one month/);
  });

  it("leaves a single period to resolvePeriod", () => {
    expect(resolvePeriods({ period: "2026-01", now })).toEqual([
      { startsOn: "2026-01-01", endsOn: "2026-01-31" },
    ]);
  });
});

describe("isPeriodRange", () => {
  it("knows a range of months and last-N-months, and nothing else", () => {
    expect(isPeriodRange(undefined)).toBe(false);
    expect(isPeriodRange("2026-01")).toBe(false);
    expect(isPeriodRange("previous-month")).toBe(false);
    expect(isPeriodRange("2025-01..2025-12")).toBe(true);
    expect(isPeriodRange("last-1-month")).toBe(true);
    expect(isPeriodRange("last-12-months")).toBe(true);
    for (const text of [
      "x2025-01..2025-12",
      "2025-01..2025-12x",
      "2025-1..2025-12",
      "2025-01.2025-12",
      "xlast-2-months",
      "last-2-monthsx",
      "last--months",
      "last-2-monthss",
    ]) {
      expect(isPeriodRange(text), text).toBe(false);
    }
  });
});

describe("resolvePeriods, every rule", () => {
  it("takes a range of one month, and months of years before 1000", () => {
    expect(resolvePeriods({ period: "2024-12..2024-12", now })).toEqual([
      { startsOn: "2024-12-01", endsOn: "2024-12-31" },
    ]);
    expect(resolvePeriods({ period: "0999-12..1000-01", now })).toEqual([
      { startsOn: "0999-12-01", endsOn: "0999-12-31" },
      { startsOn: "1000-01-01", endsOn: "1000-01-31" },
    ]);
  });

  it("counts last-N-months back across a year, one month and 36 included", () => {
    const february = new Date("2026-02-15T12:00:00Z");
    expect(resolvePeriods({ period: "last-1-month", now: february })).toEqual([
      { startsOn: "2026-01-01", endsOn: "2026-01-31" },
    ]);
    expect(resolvePeriods({ period: "last-3-months", now: february })).toEqual([
      { startsOn: "2025-11-01", endsOn: "2025-11-30" },
      { startsOn: "2025-12-01", endsOn: "2025-12-31" },
      { startsOn: "2026-01-01", endsOn: "2026-01-31" },
    ]);
    const all = resolvePeriods({ period: "last-36-months", now: february });
    expect(all).toHaveLength(36);
    expect(all[0]).toEqual({ startsOn: "2023-02-01", endsOn: "2023-02-28" });
    expect(all[35]).toEqual({ startsOn: "2026-01-01", endsOn: "2026-01-31" });
  });

  it("words each refusal exactly", () => {
    expect(issues("2024-00..2024-02")).toEqual([
      '--period: "2024-00..2024-02" names a month that does not exist',
    ]);
    expect(issues("2024-01..2024-13")).toEqual([
      '--period: "2024-01..2024-13" names a month that does not exist',
    ]);
    expect(issues("2024-02..2024-01")).toEqual([
      '--period: "2024-02..2024-01" starts after it ends; write oldest..newest',
    ]);
    expect(issues("last-0-months")).toEqual([
      '--period: "last-0-months" must name at least one month',
    ]);
    expect(issues("last-37-months")).toEqual([
      '--period: "last-37-months" spans 37 months; at most 36 months may be fetched in one step',
    ]);
  });

  it("names the setting by the caller's label", () => {
    const labels = { start: "start-date", end: "end-date", period: "period", timezone: "tz" };
    expect(() => resolvePeriods({ period: "2024-02..2024-01", now, labels })).toThrow(
      'period: "2024-02..2024-01" starts after it ends; write oldest..newest',
    );
    expect(() => resolvePeriods({ period: "last-0-months", now, labels })).toThrow(
      'period: "last-0-months" must name at least one month',
    );
  });

  it("refuses a range with explicit dates as a single period would", () => {
    let error: unknown;
    try {
      resolvePeriods({ period: "2024-01..2024-03", start: "2024-01-01", end: "2024-03-31", now });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues).toEqual([
      "--period cannot be combined with --start/--end; give one or the other",
    ]);
    // The conflict is told first, before anything about the range itself.
    expect(() =>
      resolvePeriods({ period: "2024-02..2024-01", start: "2024-01-01", end: "2024-01-31", now }),
    ).toThrow("--period cannot be combined with --start/--end; give one or the other");
    expect(() => resolvePeriods({ period: "2024-02..2024-01", start: "2024-01-01", now })).toThrow(
      "--period cannot be combined with --start/--end; give one or the other",
    );
    expect(() => resolvePeriods({ period: "last-0-months", end: "2024-01-01", now })).toThrow(
      "--period cannot be combined with --start/--end; give one or the other",
    );
  });
});
