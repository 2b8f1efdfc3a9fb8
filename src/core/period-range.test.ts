import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.ts";
import { resolvePeriods } from "./period-range.ts";

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
