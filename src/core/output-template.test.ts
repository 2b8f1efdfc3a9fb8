import { describe, expect, it } from "vitest";
import { checkDistinctPaths, expandPath, unknownPathPlaceholders } from "./output-template.ts";

const jan = { startsOn: "2026-01-01", endsOn: "2026-01-31" };
const feb = { startsOn: "2026-02-01", endsOn: "2026-02-28" };

describe("output-path templates", () => {
  it("fills every placeholder", () => {
    expect(
      expandPath("{templateId}/{year}/{month}/{startsOn}_{endsOn}_{reportId}.csv", {
        templateId: "42",
        period: feb,
        reportId: "1001",
      }),
    ).toBe("42/2026/02/2026-02-01_2026-02-28_1001.csv");
  });

  it("names unknown placeholders", () => {
    expect(unknownPathPlaceholders("{year}/{tpl}/{Month}.csv")).toEqual(["tpl", "Month"]);
  });

  it("refuses a template that gives two reports one path, and accepts {reportId}", () => {
    const reports = [
      { templateId: "42", period: jan },
      { templateId: "42", period: feb },
    ];
    expect(() => checkDistinctPaths("out/{templateId}.csv", reports, "output-path")).toThrow(
      /output-path: "out\/\{templateId\}.csv" gives the same file out\/42.csv to template 42 2026-01-01..2026-01-31 and template 42 2026-02-01..2026-02-28/,
    );
    expect(() => checkDistinctPaths("out/{month}.csv", reports, "output-path")).not.toThrow();
    expect(() => checkDistinctPaths("out/{reportId}.csv", reports, "output-path")).not.toThrow();
  });

  it("refuses paths that differ only in case: one file on macOS and Windows runners", () => {
    const reports = [
      { templateId: "Abc", period: jan },
      { templateId: "abc", period: jan },
    ];
    expect(() => checkDistinctPaths("out/{templateId}.csv", reports, "output-path")).toThrow(
      'output-path: "out/{templateId}.csv" gives out/Abc.csv and out/abc.csv, one file where case does not count (macOS, Windows), to template Abc 2026-01-01..2026-01-31 and template abc 2026-01-01..2026-01-31; add placeholders such as {templateId}, {year} and {month}, or {reportId}',
    );
    expect(() => checkDistinctPaths("out/{reportId}.csv", reports, "output-path")).not.toThrow();
  });
});
