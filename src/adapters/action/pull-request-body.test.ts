import { describe, expect, it } from "vitest";
import { renderPullRequestBody } from "./pull-request-body.ts";

const result = {
  templateId: "42",
  startsOn: "2026-10-01",
  endsOn: "2026-10-31",
  reportId: "1001",
  rows: 12,
  columns: 5,
  bytes: 12345,
  sha256: "ab".repeat(32),
};
const diff = {
  changed: true,
  added: 3,
  removed: 1,
  addedExamples: [],
  removedExamples: [],
  comparedRecords: true,
};

describe("renderPullRequestBody", () => {
  it("lists the report's facts and the row changes against the base", () => {
    const body = renderPullRequestBody(
      result,
      { path: "timesheets/2026-10.csv", existed: true, diff },
      "https://github.com/acme/payroll/actions/runs/7",
    );
    expect(body).toContain("| Rows | 12 |");
    expect(body).toContain("| Bytes | 12,345 |");
    expect(body).toContain("| File | `timesheets/2026-10.csv` |");
    expect(body).toContain("**3** row(s) added, **1** removed");
    expect(body).toContain("[this workflow run](https://github.com/acme/payroll/actions/runs/7)");
  });

  it("says when the file is new, and keeps outside text inert", () => {
    const body = renderPullRequestBody(
      { ...result, templateId: "<img src=x> | [a](javascript:alert(1))" },
      { path: "x.csv", existed: false, diff: undefined },
      "javascript:alert(1)",
    );
    expect(body).toContain("A new file: the base branch does not have it yet.");
    expect(body).not.toContain("<img");
    expect(body).not.toContain("](javascript:");
    expect(body).not.toContain("workflow run");
  });
});
