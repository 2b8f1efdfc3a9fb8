import { describe, expect, it } from "vitest";
import { defaultReportPath } from "./report-file-name.ts";

const parts = { reportId: "77", templateId: "42", startsOn: "2026-10-01", endsOn: "2026-10-31" };

describe("defaultReportPath", () => {
  it("names the file after the template and period", () => {
    expect(defaultReportPath(parts, "csv")).toBe("reports/42_2026-10-01_2026-10-31.csv");
    expect(defaultReportPath({ ...parts, startsOn: null, endsOn: null }, "xlsx")).toBe(
      "reports/42_default_default.xlsx",
    );
  });

  it.each([
    ["a template id that is a path", { templateId: "../../../../tmp/x" }],
    ["a template id of slashes", { templateId: "/../../" }],
    ["no template id", { templateId: undefined }],
    ["a start that is a path", { startsOn: "../../x" }],
    ["an end with a tail", { endsOn: "2026-10-31T00:00:00" }],
    ["an end that is no day", { endsOn: "2026-02-30" }],
  ])("falls back to the report id for %s", (_label, patch) => {
    expect(defaultReportPath({ ...parts, ...patch }, "csv")).toBe("reports/report-77.csv");
  });

  it("refuses a report id or extension of another form", () => {
    expect(() => defaultReportPath({ ...parts, reportId: "../x" }, "csv")).toThrow(RangeError);
    expect(() => defaultReportPath(parts, "csv/../../x")).toThrow(RangeError);
  });

  it("says which extension or which id it refuses", () => {
    expect(() => defaultReportPath(parts, "csv/../../x")).toThrow(
      'Cannot name a report file with extension "csv/../../x"',
    );
    expect(() => defaultReportPath(parts, "")).toThrow(
      'Cannot name a report file with extension ""',
    );
    expect(() => defaultReportPath({ ...parts, reportId: "../x" }, "csv")).toThrow(
      "Cannot name a report file after a report id of an unexpected form",
    );
  });

  it("knows the three extensions Lucca exports", () => {
    expect(defaultReportPath(parts, "xls")).toBe("reports/42_2026-10-01_2026-10-31.xls");
    expect(defaultReportPath({ ...parts, templateId: undefined }, "xlsx")).toBe(
      "reports/report-77.xlsx",
    );
  });

  it("names the default of only one end", () => {
    expect(defaultReportPath({ ...parts, endsOn: null }, "csv")).toBe(
      "reports/42_2026-10-01_default.csv",
    );
  });
});
