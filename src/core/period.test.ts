import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.ts";
import { isValidDate, resolvePeriod } from "./period.ts";

const at = (iso: string) => new Date(iso);

describe("resolvePeriod", () => {
  it("passes explicit dates through, end included", () => {
    expect(
      resolvePeriod({ start: "2026-10-01", end: "2026-10-31", now: at("2026-11-28T00:00Z") }),
    ).toEqual({
      startsOn: "2026-10-01",
      endsOn: "2026-10-31",
    });
    expect(
      resolvePeriod({ start: "2026-10-01", end: "2026-10-01", now: at("2026-11-28T00:00Z") })
        .endsOn,
    ).toBe("2026-10-01");
  });

  it("uses the template's default period when given nothing", () => {
    expect(resolvePeriod({ now: at("2026-11-28T00:00Z") })).toEqual({
      startsOn: null,
      endsOn: null,
    });
  });

  it.each([
    ["previous-month", "2026-11-28T12:00Z", "2026-10-01", "2026-10-31"],
    ["previous-month", "2026-01-15T12:00Z", "2025-12-01", "2025-12-31"],
    ["previous-month", "2024-03-01T00:00Z", "2024-02-01", "2024-02-29"],
    ["current-month", "2026-02-10T00:00Z", "2026-02-01", "2026-02-28"],
    ["current-week", "2026-11-28T12:00Z", "2026-11-23", "2026-11-29"], // a Saturday
    ["current-week", "2026-11-23T00:00Z", "2026-11-23", "2026-11-29"], // a Monday
    ["current-week", "2026-11-29T23:00Z", "2026-11-23", "2026-11-29"], // a Sunday
    ["previous-week", "2026-01-02T12:00Z", "2025-12-22", "2025-12-28"], // across the year
    ["previous-day", "2026-03-01T08:00Z", "2026-02-28", "2026-02-28"],
    ["previous-day", "2024-03-01T08:00Z", "2024-02-29", "2024-02-29"],
    ["previous-month", "2026-03-05T12:00Z", "2026-02-01", "2026-02-28"],
    ["current-month", "2026-12-15T12:00Z", "2026-12-01", "2026-12-31"],
    ["current-month", "2024-02-29T23:59Z", "2024-02-01", "2024-02-29"],
    ["current-week", "2026-12-31T12:00Z", "2026-12-28", "2027-01-03"], // across the year
    ["previous-week", "2026-11-23T00:00Z", "2026-11-16", "2026-11-22"], // from a Monday
    ["previous-week", "2026-11-29T23:59Z", "2026-11-16", "2026-11-22"], // from a Sunday
    ["previous-day", "2027-01-01T00:00Z", "2026-12-31", "2026-12-31"],
    ["2026-02", "2026-11-28T12:00Z", "2026-02-01", "2026-02-28"],
    ["2024-02", "2026-11-28T12:00Z", "2024-02-01", "2024-02-29"],
    ["0050-03", "2026-11-28T12:00Z", "0050-03-01", "0050-03-31"],
    ["2024-12", "2026-11-28T12:00Z", "2024-12-01", "2024-12-31"],
  ])("%s at %s is %s..%s (UTC)", (period, now, startsOn, endsOn) => {
    expect(resolvePeriod({ period, now: at(now) })).toEqual({ startsOn, endsOn });
  });

  it("takes today in the given time zone", () => {
    // 23:30 UTC on Nov 30 is already December 1st in Paris.
    const now = at("2026-11-30T23:30Z");
    expect(resolvePeriod({ period: "previous-month", now })).toEqual({
      startsOn: "2026-10-01",
      endsOn: "2026-10-31",
    });
    expect(resolvePeriod({ period: "previous-month", timezone: "Europe/Paris", now })).toEqual({
      startsOn: "2026-11-01",
      endsOn: "2026-11-30",
    });
    // 03:00 UTC on Monday is still Sunday in New York: the week is the one before.
    expect(
      resolvePeriod({
        period: "current-week",
        timezone: "America/New_York",
        now: at("2026-11-23T03:00Z"),
      }),
    ).toEqual({
      startsOn: "2026-11-16",
      endsOn: "2026-11-22",
    });
  });

  it("takes a YYYY-MM month as it is, whatever the time zone", () => {
    const now = at("2026-11-30T23:30Z");
    expect(resolvePeriod({ period: "2026-10", timezone: "Pacific/Kiritimati", now })).toEqual({
      startsOn: "2026-10-01",
      endsOn: "2026-10-31",
    });
  });

  it("takes yesterday on either side of the date line", () => {
    const now = at("2026-03-01T12:00Z");
    expect(resolvePeriod({ period: "previous-day", timezone: "Pacific/Kiritimati", now })).toEqual({
      startsOn: "2026-03-01",
      endsOn: "2026-03-01",
    });
    expect(resolvePeriod({ period: "previous-day", timezone: "Pacific/Pago_Pago", now })).toEqual({
      startsOn: "2026-02-28",
      endsOn: "2026-02-28",
    });
  });

  it("is not thrown off by a daylight saving change", () => {
    // Paris moves its clocks forward at 01:00 UTC on 2026-03-29, a Sunday.
    expect(
      resolvePeriod({
        period: "current-week",
        timezone: "Europe/Paris",
        now: at("2026-03-29T22:30Z"),
      }),
    ).toEqual({ startsOn: "2026-03-30", endsOn: "2026-04-05" });
  });

  const issuesOf = (input: Parameters<typeof resolvePeriod>[0]) => {
    try {
      resolvePeriod(input);
    } catch (error) {
      if (error instanceof InvalidInputError) return error.issues;
      throw error;
    }
    return [];
  };
  const now = at("2026-11-28T00:00Z");

  it.each([
    [{ start: "2026-02-30", end: "2026-03-01" }, /--start: "2026-02-30" is not a real date/],
    [{ start: "2026-13-01", end: "2026-12-31" }, /--start: "2026-13-01" is not a real date/],
    [
      { start: "26-01-01", end: "2026-12-31" },
      /--start: "26-01-01" is not a date written YYYY-MM-DD$/,
    ],
    [{ start: "2026-03-10", end: "2026-03-01" }, /--start 2026-03-10 is after --end 2026-03-01/],
    [{ start: "2026-03-01" }, /go together/],
    [
      { period: "last-month" },
      /--period: unknown value "last-month"; did you mean previous-month\? expected previous-month, .* or last-N-months$/,
    ],
    [{ period: "2026-13" }, /--period: unknown value "2026-13"/],
    [{ period: "2026-00" }, /--period: unknown value "2026-00"/],
    [{ period: "2026-1" }, /--period: unknown value "2026-1"/],
    [{ end: "2026-03-01" }, /--start and --end go together/],
    [{ timezone: "" }, /--timezone: unknown time zone ""/],
    [{ period: "previous-month", start: "2026-01-01", end: "2026-01-31" }, /cannot be combined/],
    [
      { period: "previous-month", timezone: "Mars/Olympus" },
      /--timezone: unknown time zone "Mars\/Olympus"/,
    ],
  ])("rejects %j", (input, message) => {
    const issues = issuesOf({ ...input, now });
    expect(
      issues.some((issue) => message.test(issue)),
      issues.join("\n"),
    ).toBe(true);
  });

  it("words each problem as documented", () => {
    expect(issuesOf({ start: "2026-02-30", end: "2026-03-01", now })).toEqual([
      '--start: "2026-02-30" is not a real date (expected YYYY-MM-DD)',
    ]);
    expect(issuesOf({ start: "2026-03-10", end: "2026-03-01", now })).toEqual([
      "--start 2026-03-10 is after --end 2026-03-01",
    ]);
    expect(issuesOf({ period: "last-month", now })).toEqual([
      '--period: unknown value "last-month"; did you mean previous-month? expected previous-month, current-month, previous-week, current-week, previous-day, a month as YYYY-MM, or several months (one report each) as YYYY-MM..YYYY-MM or last-N-months',
    ]);
    expect(issuesOf({ timezone: "Mars/Olympus", now })).toEqual([
      '--timezone: unknown time zone "Mars/Olympus"',
    ]);
    const error = (() => {
      try {
        resolvePeriod({ period: "nope", timezone: "Nowhere/Land", now });
      } catch (error) {
        return error;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).exitCode).toBe(2);
    expect((error as InvalidInputError).message).toContain('"nope"');
    expect((error as InvalidInputError).message).toContain('"Nowhere/Land"');
  });

  it("words a conflict once, beside the problem of the one date given", () => {
    expect(issuesOf({ period: "previous-month", start: "2026-01-01", now })).toEqual([
      "--period cannot be combined with --start/--end; give one or the other",
      "--start and --end go together; give both (YYYY-MM-DD, end included)",
    ]);
    expect(issuesOf({ period: "previous-month", end: "2026-01-31", now })).toEqual([
      "--period cannot be combined with --start/--end; give one or the other",
      "--start and --end go together; give both (YYYY-MM-DD, end included)",
    ]);
  });

  it("compares the dates only when both are real", () => {
    expect(issuesOf({ start: "2026-13-01", end: "2026-12-31", now })).toEqual([
      '--start: "2026-13-01" is not a real date (expected YYYY-MM-DD)',
    ]);
    expect(issuesOf({ start: "2026-12-01", end: "2026-11-31", now })).toEqual([
      '--end: "2026-11-31" is not a real date (expected YYYY-MM-DD)',
    ]);
  });

  it("takes YYYY-MM only as the whole value", () => {
    for (const period of ["x2026-01", "2026-01x", "2026-01-01"]) {
      expect(issuesOf({ period, now })).toEqual([
        `--period: unknown value "${period}"; expected previous-month, current-month, previous-week, current-week, previous-day, a month as YYYY-MM, or several months (one report each) as YYYY-MM..YYYY-MM or last-N-months`,
      ]);
    }
  });

  it("lists every problem at once, with the caller's labels", () => {
    const labels = { start: "start-date", end: "end-date", period: "period", timezone: "timezone" };
    const issues = issuesOf({
      start: "2026-02-30",
      end: "x",
      timezone: "Nowhere/Land",
      now,
      labels,
    });
    expect(issues).toHaveLength(3);
    expect(issues.join("\n")).toMatch(/start-date: .*\n.*end-date: .*\n.*timezone: /);
  });
});

describe("isValidDate", () => {
  it("knows the calendar", () => {
    expect(isValidDate("2024-02-29")).toBe(true);
    expect(isValidDate("2000-02-29")).toBe(true);
    expect(isValidDate("1900-02-29")).toBe(false);
    expect(isValidDate("2026-12-31")).toBe(true);
    expect(isValidDate("2026-00-10")).toBe(false);
    expect(isValidDate("2026-01-00")).toBe(false);
    expect(isValidDate("0050-01-01")).toBe(true);
    expect(isValidDate(" 2026-01-01")).toBe(false);
    expect(isValidDate("２０２６-01-01")).toBe(false);
    expect(isValidDate("2026-02-29")).toBe(false);
    expect(isValidDate("2026-02-30")).toBe(false);
    expect(isValidDate("2026-04-31")).toBe(false);
    expect(isValidDate("2026-1-01")).toBe(false);
    expect(isValidDate("2026-01-01T00:00")).toBe(false);
  });
});
