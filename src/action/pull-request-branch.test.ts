import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../core/errors.ts";
import { readInputs } from "./inputs.ts";
import {
  plannedBranch,
  plannedBranchIssues,
  pullRequestBranch,
  reportPathTest,
} from "./pull-request-branch.ts";
import { stepValues } from "./step-text.ts";

const october = { startsOn: "2026-10-01", endsOn: "2026-10-31" };
const specs = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    templateId: String(1000 + index),
    period: october,
  }));
const one = (reportId?: string) => ({
  reports: [{ templateId: "42", period: october, reportId }],
});

describe("pullRequestBranch", () => {
  it("spells out the template ids while they fit in 100 characters", () => {
    const ids = specs(20); // 20 ids of 4 digits and 19 "+": 99 characters
    expect(pullRequestBranch("lucca-report/{templateId}", stepValues(ids, 20))).toBe(
      `lucca-report/${ids.map((spec) => spec.templateId).join("+")}`,
    );
  });

  it("names a longer list by its count and a hash: short, stable, and its own", () => {
    const seventy = pullRequestBranch("lucca-report/{templateId}", stepValues(specs(70), 70));
    expect(seventy).toMatch(/^lucca-report\/70-templates-[0-9a-f]{12}$/);
    expect(pullRequestBranch("lucca-report/{templateId}", stepValues(specs(70), 3))).toBe(seventy);
    // The same first 70 ids and one more: cut at 100 characters, both would have been the same.
    const more = pullRequestBranch("lucca-report/{templateId}", stepValues(specs(71), 71));
    expect(more).toMatch(/^lucca-report\/71-templates-[0-9a-f]{12}$/);
    expect(more.slice(-12)).not.toBe(seventy.slice(-12));
    // What git itself makes of it: a branch it creates.
    const repo = execFileSync("mktemp", ["-d"], { encoding: "utf8" }).trim();
    execFileSync("git", ["init", "--quiet", repo]);
    execFileSync("git", ["-C", repo, "check-ref-format", "--branch", seventy]);
  });
});

describe("plannedBranch", () => {
  it("is exact when every value is known before Lucca is asked", () => {
    expect(plannedBranch("lucca-report/{templateId}-{startsOn}", one())).toEqual({
      name: "lucca-report/42-2026-10-01",
      exact: true,
    });
    expect(plannedBranch("r/{reportId}", one("9f3"))).toEqual({
      name: "r/9f3",
      exact: true,
    });
  });

  it("counts a value from Lucca's answer at its longest", () => {
    expect(plannedBranch("r/{sha256}", one())).toEqual({
      name: `r/${"0".repeat(64)}`,
      exact: false,
    });
    // A resumed report: its template and period come from Lucca.
    const resumed = plannedBranch("r/{templateId}/{startsOn}", {
      reports: [
        { templateId: undefined, period: { startsOn: null, endsOn: null }, reportId: "9f3" },
      ],
    });
    expect(resumed).toEqual({ name: `r/${"0".repeat(64)}/0000-00-00`, exact: false });
  });

  it("gives several reports the step's branch; {count} is at most every report", () => {
    const planned = plannedBranch("lucca-report/{templateId}", { ...one(), reports: specs(3) });
    expect(planned).toEqual({ name: "lucca-report/1000+1001+1002", exact: true });
    expect(plannedBranch("b/{count}", { ...one(), reports: specs(3) })).toEqual({
      name: "b/3",
      exact: false,
    });
  });
});

describe("plannedBranchIssues", () => {
  it("refuses a name over 244 bytes, and one that is too long once Lucca's values fill it", () => {
    const long = `archive/${"x".repeat(240)}`;
    expect(plannedBranchIssues(long, one())).toEqual([
      `pr-branch: "${long}" makes the branch "${long}", which is not a valid branch name: it is 248 bytes long; GitHub refuses branch names over 244 bytes`,
    ]);
    const filled = `a/${"x".repeat(170)}/{reportId}/{rows}`;
    expect(plannedBranchIssues(filled, one())).toEqual([
      `pr-branch: "${filled}" can make a branch name that is not valid once the report's values fill it in: with each at its longest, it is 254 bytes long; GitHub refuses branch names over 244 bytes`,
    ]);
    expect(
      plannedBranchIssues("lucca-report/{templateId}", { ...one(), reports: specs(70) }),
    ).toEqual([]);
  });
});

describe("readInputs with publish: pull-request", () => {
  const values = (extra: Record<string, string>) => (name: string) =>
    ({
      domain: "acme.ilucca.net",
      "api-key": "k",
      "template-id": specs(70)
        .map((spec) => spec.templateId)
        .join("\n"),
      period: "2026-10",
      publish: "pull-request",
      ...extra,
    })[name] ?? "";
  const now = new Date("2026-11-15T12:00:00Z");

  // Short as a template, long once 70 template ids and the period fill it in.
  const template = `{templateId}/${"x".repeat(180)}/{templateId}-{startsOn}-{endsOn}`;

  it("refuses, before any request, a pr-branch that 70 templates make too long", () => {
    let error: unknown;
    try {
      readInputs(values({ "pr-branch": template }), now, "/ws");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues).toEqual([
      expect.stringMatching(
        /^pr-branch: "\{templateId\}\/x+\/\{templateId\}-\{startsOn\}-\{endsOn\}" makes the branch "70-templates-[0-9a-f]{12}\/x+\/70-templates-[0-9a-f]{12}-2026-10-01-2026-10-31", which is not a valid branch name: it is 254 bytes long; GitHub refuses branch names over 244 bytes$/,
      ),
    ]);
  });

  it("accepts the default pr-branch for 70 templates", () => {
    expect(readInputs(values({}), now, "/ws").github.pullRequest.branch).toBe(
      "lucca-report/{templateId}",
    );
  });

  it("leaves the reports' branch unchecked when no pull request is published", () => {
    expect(() =>
      readInputs(values({ publish: "artifact", "pr-branch": template }), now, "/ws"),
    ).not.toThrow();
  });
});

describe("reportPathTest", () => {
  it("knows where the default output path puts any report", () => {
    const isReport = reportPathTest(undefined, "/ws");
    expect(isReport("reports/42_2026-09-01_2026-09-30.csv")).toBe(true);
    expect(isReport("reports/42_default_default.xlsx")).toBe(true);
    expect(isReport("reports/report-9f3.csv")).toBe(true);
    expect(isReport("README.md")).toBe(false);
    expect(isReport("reports/42_2026-09-01_2026-09-30.csv.bak")).toBe(false);
    expect(isReport("reports/sub/42_a_b.csv")).toBe(false);
  });

  it("reads output-path as a template inside the workspace", () => {
    const isReport = reportPathTest("/ws/./timesheets/{templateId}/{year}-{month}.csv", "/ws");
    expect(isReport("timesheets/42/2026-10.csv")).toBe(true);
    expect(isReport("timesheets/42/2026-10.csv.sh")).toBe(false);
    expect(isReport("timesheets/42/../x/2026-10.csv")).toBe(false);
    expect(reportPathTest("out.csv", "/ws")("out.csv")).toBe(true);
    expect(reportPathTest("out.csv", "/ws")("outXcsv")).toBe(false);
  });

  it("takes the path in the repository from repository, output-path from the workspace", () => {
    const isReport = reportPathTest("sub/repo/timesheets/{templateId}.csv", "/ws", "sub/repo");
    expect(isReport("timesheets/42.csv")).toBe(true);
    expect(isReport("sub/repo/timesheets/42.csv")).toBe(false);
    expect(reportPathTest("/ws/sub/repo/out.csv", "/ws", "sub/repo/")("out.csv")).toBe(true);
    expect(reportPathTest(undefined, "/ws", "sub/repo")("reports/report-1.csv")).toBe(true);
  });
});
