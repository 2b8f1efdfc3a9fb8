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
  ])("reads %s as %i ms", (text, ms) => {
    expect(parseDuration(text, "--timeout")).toBe(ms);
  });

  it.each(["", "abc", "10x", "1m1h", "1s1s", "-5s", "5 s", "NaN", "s", "1.5.2s", "1e3"])(
    "rejects %j, naming the setting",
    (text) => {
      expect(() => parseDuration(text, "--timeout")).toThrow(InvalidInputError);
      expect(() => parseDuration(text, "--timeout")).toThrow(/^--timeout: cannot parse/);
    },
  );
});

describe("formatDuration", () => {
  it.each([
    [850, "850ms"],
    [4200, "4.2s"],
    [65_000, "1m 05s"],
    [7_380_000, "2h 03m"],
  ])("%i ms is %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
