import { describe, expect, it } from "vitest";
import { periodText, periodWords } from "./period-text.ts";

describe("periodWords", () => {
  it.each([
    ["2026-10-01", "2026-10-31", "October 2026"],
    ["2024-02-01", "2024-02-29", "February 2024"],
    ["2026-01-01", "2026-12-31", "2026"],
    ["2026-10-01", "2026-12-31", "October–December 2026"],
    ["2025-11-01", "2026-01-31", "November 2025–January 2026"],
    ["2026-10-01", "2026-10-30", "2026-10-01..2026-10-30"],
    ["2026-10-02", "2026-10-31", "2026-10-02..2026-10-31"],
    ["2023-02-01", "2023-02-29", "2023-02-01..2023-02-29"],
  ])("%s..%s is %s", (start, end, words) => {
    expect(periodWords(start, end)).toBe(words);
  });

  it("names the default period and open ends as the logs do", () => {
    expect(periodWords(null, null)).toBe("the template's default period");
    expect(periodWords("2026-10-01", null)).toBe("2026-10-01..…");
    expect(periodText(null, "2026-10-31")).toBe("…..2026-10-31");
  });
});
