import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration.ts";
import { InvalidInputError } from "./errors.ts";

describe("parseDuration", () => {
  it.each([
    ["1500ms", 1500],
    ["90s", 90_000],
    ["15m", 900_000],
    ["1h30m", 5_400_000],
    ["2m30s", 150_000],
    ["1h", 3_600_000],
    ["1m30s500ms", 90_500],
    ["0.5s", 500],
    ["30", 30_000],
    ["2.5", 2500],
    [" 15M ", 900_000],
    ["0", 0],
    ["1H30M", 5_400_000],
    ["1.25m", 75_000],
    ["596h", 2_145_600_000],
    ["1h 30m", 5_400_000],
    ["1m 05s", 65_000],
    [" 30 ", 30_000],
    ["2.25", 2250],
    ["2147483647ms", 2_147_483_647],
    ["0.0004s", 0],
    ["0.0005s", 1],
  ])("reads %s as %i ms", (text, ms) => {
    expect(parseDuration(text, "--timeout")).toBe(ms);
  });

  it.each([
    "",
    "abc",
    "10x",
    "1m1h",
    "1s1s",
    "-5s",
    "5 s",
    "NaN",
    "s",
    "1.5.2s",
    "1e3",
    "1ms1ms",
    "1s1m",
    "Infinity",
    "9".repeat(400),
    ".5s",
    "1h 30",
    "1 h",
    "1h,30m",
    "-5",
    "   ",
    "5s ms",
  ])("rejects %j, naming the setting", (text) => {
    expect(() => parseDuration(text, "--timeout")).toThrow(InvalidInputError);
    expect(() => parseDuration(text, "--timeout")).toThrow(/^--timeout: cannot parse/);
  });

  it("refuses what a timer cannot wait, rather than firing at once", () => {
    expect(parseDuration("596h31m23s", "--timeout")).toBe(2_147_483_000);
    expect(() => parseDuration("597h", "--timeout")).toThrow(
      '--timeout: cannot use "597h" as a duration: timers cannot wait longer than 596h 31m (about 24 days)',
    );
    expect(() => parseDuration("3000000", "timeout")).toThrow(/^timeout: cannot use "3000000"/);
  });

  it("refuses one millisecond past what a timer can wait", () => {
    expect(() => parseDuration("2147483648ms", "--timeout")).toThrow(
      '--timeout: cannot use "2147483648ms" as a duration: timers cannot wait longer than 596h 31m (about 24 days)',
    );
  });

  it("starts afresh after a refused value", () => {
    expect(() => parseDuration("1h1h", "--timeout")).toThrow(InvalidInputError);
    expect(parseDuration("2s", "--timeout")).toBe(2000);
  });

  it("names the setting and quotes the text as given", () => {
    expect(() => parseDuration(" 10x ", "poll-interval")).toThrow(
      'poll-interval: cannot parse " 10x " as a duration: use forms like 1500ms, 90s, 15m, 1h30m or a number of seconds',
    );
  });
});

describe("formatDuration", () => {
  it.each([
    [850, "850ms"],
    [4200, "4.2s"],
    [65_000, "1m 05s"],
    [7_380_000, "2h 03m"],
    [0, "0ms"],
    [999.4, "999ms"],
    [999.6, "1.0s"],
    [999.5, "1.0s"],
    [59_949.9, "59.9s"],
    [3_600_000, "1h 00m"],
    [36_000_000 + 59 * 60_000 + 29_000, "10h 59m"],
    [59_949, "59.9s"],
    [59_950, "1m 00s"],
    [3_599_499, "59m 59s"],
    [3_599_500, "1h 00m"],
  ])("%i ms is %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
