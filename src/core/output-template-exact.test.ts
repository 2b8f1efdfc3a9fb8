import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.ts";
import {
  checkDistinctPaths,
  DEFAULT_OUTPUT_TEMPLATE,
  expandPath,
  unknownPathPlaceholders,
} from "./output-template.ts";

const oct = { startsOn: "2026-10-01", endsOn: "2026-10-31" };
const open = { startsOn: null, endsOn: null };

describe("expandPath", () => {
  it("fills the default template, csv unless told otherwise", () => {
    expect(DEFAULT_OUTPUT_TEMPLATE).toBe("reports/{templateId}_{startsOn}_{endsOn}.{extension}");
    expect(expandPath(DEFAULT_OUTPUT_TEMPLATE, { templateId: "42", period: oct })).toBe(
      "reports/42_2026-10-01_2026-10-31.csv",
    );
    expect(
      expandPath(DEFAULT_OUTPUT_TEMPLATE, { templateId: "42", period: oct, extension: "xlsx" }),
    ).toBe("reports/42_2026-10-01_2026-10-31.xlsx");
  });

  it("writes default for every date of the template's default period", () => {
    expect(
      expandPath("{startsOn}_{endsOn}_{year}_{month}", { templateId: "42", period: open }),
    ).toBe("default_default_default_default");
  });

  it("keeps {reportId} until the report exists, and unknown placeholders as written", () => {
    expect(expandPath("{tpl}/{templateId}/{reportId}/{}", { templateId: "7", period: oct })).toBe(
      "{tpl}/7/{reportId}/{}",
    );
    expect(
      expandPath("{reportId}-{reportId}", { templateId: "7", period: oct, reportId: "a_B-9" }),
    ).toBe("a_B-9-a_B-9");
  });

  it("refuses a report id that could become a path", () => {
    for (const reportId of ["../x", "a/b", "", "x".repeat(65)]) {
      expect(() => expandPath("{reportId}", { templateId: "7", period: oct, reportId })).toThrow(
        new RangeError("Cannot name a report file after a report id of an unexpected form"),
      );
    }
  });
});

describe("unknownPathPlaceholders", () => {
  it("knows every placeholder of the tool, {extension} included", () => {
    expect(
      unknownPathPlaceholders(
        "{templateId}{startsOn}{endsOn}{year}{month}{reportId}{extension}.csv",
      ),
    ).toEqual([]);
  });

  it("reads a placeholder between the nearest braces", () => {
    expect(unknownPathPlaceholders("{a}b}")).toEqual(["a"]);
    expect(unknownPathPlaceholders("{a{b}")).toEqual(["b"]);
    expect(unknownPathPlaceholders("{}{year}")).toEqual([""]);
    expect(unknownPathPlaceholders("year}/{month")).toEqual([]);
  });
});

describe("checkDistinctPaths", () => {
  it("names both reports that would share a file, default periods included", () => {
    const reports = [
      { templateId: "42", period: open },
      { templateId: "42", period: open },
    ];
    expect(() => checkDistinctPaths("out/{templateId}.csv", reports, "output-path")).toThrow(
      new InvalidInputError(
        'output-path: "out/{templateId}.csv" gives the same file out/42.csv to template 42 default..default and template 42 default..default; add placeholders such as {templateId}, {year} and {month}',
      ),
    );
  });

  it("accepts distinct paths, and any list when {reportId} tells reports apart", () => {
    const reports = [
      { templateId: "1", period: oct },
      { templateId: "2", period: oct },
      { templateId: "3", period: oct },
    ];
    expect(() => checkDistinctPaths("{templateId}.csv", reports, "x")).not.toThrow();
    expect(() => checkDistinctPaths("same.csv", reports.slice(0, 1), "x")).not.toThrow();
    expect(() =>
      checkDistinctPaths("same-{reportId}.csv", [...reports, ...reports], "x"),
    ).not.toThrow();
  });

  it("finds a clash between reports that are not neighbours", () => {
    const reports = [
      { templateId: "1", period: oct },
      { templateId: "2", period: oct },
      { templateId: "1", period: oct },
    ];
    expect(() => checkDistinctPaths("{templateId}.csv", reports, "--output")).toThrow(
      /^--output: "\{templateId\}\.csv" gives the same file 1\.csv to template 1 2026-10-01\.\.2026-10-31 and template 1 2026-10-01\.\.2026-10-31;/,
    );
  });
});
