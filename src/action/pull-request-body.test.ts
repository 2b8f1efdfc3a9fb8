import { describe, expect, it } from "vitest";
import { renderManyPullRequestBody, renderPullRequestBody } from "./pull-request-body.ts";

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

describe("renderManyPullRequestBody", () => {
  it("has a row per report telling how its file compares with the base", () => {
    const report = (templateId: string, month: string) => ({
      templateId,
      startsOn: `2026-${month}-01`,
      endsOn: `2026-${month}-30`,
      status: "done" as const,
      reportId: `r${templateId}${month}`,
      path: `reports/${templateId}_${month}.csv`,
      rows: 12,
    });
    const body = renderManyPullRequestBody(
      [
        { ...report("42", "09"), change: { existed: false, diff: undefined } },
        { ...report("42", "10"), change: { existed: true, diff } },
        { ...report("43", "09"), change: "unchanged" },
        { ...report("43", "10"), change: { existed: true, diff: undefined } },
        {
          templateId: "44",
          startsOn: "2026-09-01",
          endsOn: "2026-09-30",
          status: "failed",
          reportId: "<img src=x>|",
        },
      ],
      "https://github.com/acme/payroll/actions/runs/7",
    );
    const lines = body.split("\n");
    expect(lines).toContain(
      "3 of 5 report(s) differ from the base branch; 1 could not be fetched.",
    );
    expect(lines).toContain(
      "| 42 | 2026-09-01..2026-09-30 | r4209 | `reports/42_09.csv` | 12 | new file |",
    );
    expect(lines).toContain(
      "| 42 | 2026-10-01..2026-10-30 | r4210 | `reports/42_10.csv` | 12 | +3 −1 rows |",
    );
    expect(lines).toContain(
      "| 43 | 2026-09-01..2026-09-30 | r4309 | `reports/43_09.csv` | 12 | unchanged |",
    );
    expect(lines).toContain(
      "| 43 | 2026-10-01..2026-10-30 | r4310 | `reports/43_10.csv` | 12 | changed |",
    );
    // A report id from the server is data: no HTML, no cell it breaks.
    expect(lines).toContain(
      "| 44 | 2026-09-01..2026-09-30 | &lt;img src=x&gt;\\| |  |  | failed: not in this pull request |",
    );
    expect(body).toContain(
      "Opened by [this workflow run](https://github.com/acme/payroll/actions/runs/7).",
    );
  });
});
