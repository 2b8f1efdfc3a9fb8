import { describe, expect, it } from "vitest";
import { locationShape, pathShape, queryNames } from "./url-shape.ts";

const KEY = "url-key-7f3a9b2c4d5e";

describe("pathShape", () => {
  it.each([
    "/timmi-timesheet/api/reports",
    "/timmi-timesheet/api/report-templates",
    "/timmi-timesheet/api/reports/1001",
    "/timmi-timesheet/api/reports/ab_C-9/download-csv",
    "/timmi-timesheet/api/reports/1001/download-excel",
  ])("keeps this tool's own path %s", (path) => {
    expect(pathShape(path, [KEY])).toBe(path);
  });

  it.each([
    ["/files/1001/Dupont_Jean_timesheet.csv", "/*/*/*.csv"],
    ["/blobs/Jean%20Dupont/", "/*/*/"],
    ["/login", "/*"],
    ["/", "/"],
    [`/timmi-timesheet/api/reports/${KEY}x!`, "/*/*/*/*"],
    [`/timmi-timesheet/api/reports/1/download-csv/${KEY}`, "/*/*/*/*/*/*"],
    ["/report.Jean", "/*"],
  ])("shapes any other path: %s", (path, shape) => {
    expect(pathShape(path, [KEY])).toBe(shape);
  });

  it("redacts the key even in an own path's id", () => {
    expect(pathShape(`/timmi-timesheet/api/reports/${KEY}`, [KEY])).toBe(
      "/timmi-timesheet/api/reports/***",
    );
  });
});

describe("queryNames", () => {
  it("keeps names of parameters, redacted and distinct; hides names of another form", () => {
    const params = new URLSearchParams(
      `sig=1&X-Amz-Signature=2&${KEY}=3&jean.dupont@example.org=4&Jean%20Dupont=5&sig=6`,
    );
    expect(queryNames(params, [KEY])).toEqual(["sig", "X-Amz-Signature", "***", "…"]);
  });
});

describe("locationShape", () => {
  it.each([
    ["/files/Dupont_Jean.csv?token=t", "/*/*.csv?…"],
    ["/timmi-timesheet/api/reports/1001", "/timmi-timesheet/api/reports/1001"],
    ["https://blob.example/c/Dupont_Jean.xlsx?sig=1", "https://blob.example/*/*.xlsx?…"],
    [`https://blob.example/${KEY}/r.csv?${KEY}=1`, "https://blob.example/*/*.csv?…"],
    [`https://${KEY}.example/r.csv`, "https://***.example/*.csv"],
    ["//other.example/a", "http://other.example/*"],
    ["data:text/csv,Jean%20Dupont;E-1", "data:…"],
    ["file:///etc/passwd", "file:…"],
    ["http://[::1", "(not a URL)"],
  ])("%s is %s", (location, shape) => {
    expect(locationShape(location, [KEY])).toBe(shape);
  });
});
