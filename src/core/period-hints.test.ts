import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.ts";
import type { resolvePeriod } from "./period.ts";
import { dateReadings, suggestPeriod } from "./period-hints.ts";
import { resolvePeriods } from "./period-range.ts";

const now = new Date("2026-11-28T00:00Z");

function issuesOf(input: Parameters<typeof resolvePeriod>[0]): string[] {
  try {
    resolvePeriods(input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues;
    throw error;
  }
  return [];
}

describe("suggestPeriod", () => {
  it.each([
    ["last-month", "previous-month"],
    ["Last Month", "previous-month"],
    ["prev_week", "previous-week"],
    ["this-month", "current-month"],
    ["this week", "current-week"],
    ["yesterday", "previous-day"],
    ["previous-months", "previous-month"],
    ["previus-week", "previous-week"],
    ["last-3months", "last-3-months"],
    ["previous-12-months", "last-12-months"],
    ["past 6 months", "last-6-months"],
    ["2026-3", "2026-03"],
    ["2026/03", "2026-03"],
    ["03/2026", "2026-03"],
    ["3.2026", "2026-03"],
    ["2026-1..2026-3", "2026-01..2026-03"],
    ["2026/01 to 2026/03", "2026-01..2026-03"],
    ["2026-01...2026-03", "2026-01..2026-03"],
  ])("takes %j for %s", (typed, meant) => {
    expect(suggestPeriod(typed)).toBe(meant);
    // Every suggestion is itself accepted.
    expect(issuesOf({ period: meant, now })).toEqual([]);
  });

  it.each(["last-year", "today", "2026-13", "13/2026", "2026-01-01", "whenever", "2026-01..x"])(
    "suggests nothing for %j",
    (typed) => {
      expect(suggestPeriod(typed)).toBeUndefined();
    },
  );
});

describe("dateReadings", () => {
  it.each([
    ["31/10/2026", ["2026-10-31"]],
    ["31.10.2026", ["2026-10-31"]],
    ["31-10-2026", ["2026-10-31"]],
    ["1/2/2026", ["2026-02-01", "2026-01-02"]],
    ["05/05/2026", ["2026-05-05"]],
    ["10/31/2026", ["2026-10-31"]],
    ["31/10/26", ["2026-10-31"]],
    ["2026/10/31", ["2026-10-31"]],
    ["2026-1-5", ["2026-01-05"]],
    ["20261031", ["2026-10-31"]],
    ["2026-10-31T08:00:00Z", ["2026-10-31"]],
    ["2026-10-31 08:00", ["2026-10-31"]],
  ])("reads %j as %j", (typed, readings) => {
    expect(dateReadings(typed)).toEqual(readings);
  });

  it.each(["26-01-01", "2026-10/31", "2026131", "tomorrow", "31/10", ""])(
    "has no reading of %j",
    (typed) => {
      expect(dateReadings(typed)).toEqual([]);
    },
  );
});

describe("the period messages", () => {
  it("suggest the accepted word and list every accepted form", () => {
    expect(issuesOf({ period: "last-month", now })).toEqual([
      '--period: unknown value "last-month"; did you mean previous-month? expected previous-month, current-month, previous-week, current-week, previous-day, a month as YYYY-MM, or several months (one report each) as YYYY-MM..YYYY-MM or last-N-months',
    ]);
    expect(issuesOf({ period: "2026-1..2026-3", now })[0]).toMatch(
      /^--period: unknown value "2026-1\.\.2026-3"; did you mean 2026-01\.\.2026-03\? expected/,
    );
  });

  it("give a date written another way in its ISO form, both readings when unsure", () => {
    expect(issuesOf({ start: "31/10/2026", end: "2026-11-30", now })).toEqual([
      '--start: "31/10/2026" is not a date written YYYY-MM-DD; did you mean 2026-10-31?',
    ]);
    expect(issuesOf({ start: "2026-10-01", end: "01/11/2026", now })).toEqual([
      '--end: "01/11/2026" is not a date written YYYY-MM-DD; did you mean 2026-11-01 (day first) or 2026-01-11 (month first)?',
    ]);
    expect(issuesOf({ start: "31/02/2026", end: "2026-11-30", now })).toEqual([
      '--start: "31/02/2026" is not a date written YYYY-MM-DD',
    ]);
    expect(issuesOf({ start: "2026-02-30", end: "2026-11-30", now })).toEqual([
      '--start: "2026-02-30" is not a real date (expected YYYY-MM-DD)',
    ]);
  });
});
