import { describe, expect, it } from "vitest";
import { renderPullRequestBody } from "./pull-request-body.ts";

const one = {
  templateId: "42",
  startsOn: "2026-10-01",
  endsOn: "2026-10-31",
  status: "done" as const,
  reportId: "1001",
  path: "timesheets/2026-10.csv",
  rows: 12,
};
const diff = {
  changed: true,
  added: 3,
  removed: 1,
  addedExamples: [],
  removedExamples: [],
  comparedRecords: true,
};

describe("renderPullRequestBody with one report", () => {
  it("gives the report's row with its file and the row changes against the base", () => {
    const body = renderPullRequestBody(
      [{ ...one, change: { existed: true, diff } }],
      "https://github.com/acme/payroll/actions/runs/7",
    );
    expect(body).toContain("1 of 1 report(s) differ from the base branch.");
    expect(body).toContain(
      "| 42 | 2026-10-01..2026-10-31 | 1001 | `timesheets/2026-10.csv` | 12 | +3 −1 rows |",
    );
    expect(body).toContain("[this workflow run](https://github.com/acme/payroll/actions/runs/7)");
  });

  it("says when the file is new, and keeps outside text inert", () => {
    const body = renderPullRequestBody(
      [
        {
          ...one,
          templateId: "<img src=x> | [a](javascript:alert(1))",
          change: { existed: false, diff: undefined },
        },
      ],
      "javascript:alert(1)",
    );
    expect(body).toContain("new file");
    expect(body).not.toContain("<img");
    expect(body).not.toContain("](javascript:");
    expect(body).not.toContain("workflow run");
  });
});

describe("renderPullRequestBody", () => {
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
    const body = renderPullRequestBody(
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
