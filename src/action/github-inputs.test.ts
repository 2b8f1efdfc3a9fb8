import { describe, expect, it } from "vitest";
import { gitHubWarnings, readGitHubInputs } from "./github-inputs.ts";

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? "";

describe("readGitHubInputs", () => {
  it("gives the documented defaults", () => {
    const issues: string[] = [];
    const inputs = readGitHubInputs(reader({ "github-token": " ghs_x " }), issues);
    expect(issues).toEqual([]);
    expect(inputs).toEqual({
      token: "ghs_x",
      signCommits: false,
      pullRequest: {
        branch: "lucca-report/{templateId}",
        base: undefined,
        title: "Lucca report {templateId} {startsOn}..{endsOn}",
        body: undefined,
        labels: [],
        reviewers: [],
        teamReviewers: [],
        draft: false,
      },
    });
  });

  it("splits reviewers into users and team slugs, and lists labels", () => {
    const inputs = readGitHubInputs(
      reader({
        "pr-reviewers": "hr-lead, acme/payroll-team\nalice",
        "pr-labels": "payroll,\n monthly ",
        "pr-draft": "true",
        "sign-commits": "TRUE",
      }),
      [],
    );
    expect(inputs.pullRequest).toMatchObject({
      reviewers: ["hr-lead", "alice"],
      teamReviewers: ["payroll-team"],
      labels: ["payroll", "monthly"],
      draft: true,
    });
    expect(inputs.signCommits).toBe(true);
  });

  it("reports every bad value at once", () => {
    const issues: string[] = [];
    readGitHubInputs(
      reader({
        "pr-branch": "reports/{month}",
        "pr-base": "refs/heads/main",
        "pr-title": "Report {nope}",
        "pr-reviewers": "bad name",
        "pr-draft": "yes",
        "sign-commits": "1",
      }),
      issues,
    );
    expect(issues).toEqual([
      expect.stringMatching(/^pr-branch: unknown placeholder\(s\) \{month\}/),
      'pr-base: "refs/heads/main" is not a valid branch name: it is a full ref name; give the branch name "main"',
      expect.stringMatching(/^pr-reviewers: "bad name" is not a user name or org\/team/),
      expect.stringMatching(/^sign-commits: "1" is not a boolean/),
      expect.stringMatching(/^pr-title: unknown placeholder\(s\) \{nope\}/),
      expect.stringMatching(/^pr-draft: "yes" is not a boolean/),
    ]);
  });
});

// pr-branch and pr-base follow git's rules as commit-branch does: test/publish/branch-names.test.ts.
it("refuses a pr-branch git would refuse, whatever its placeholders hold", () => {
  const issues: string[] = [];
  readGitHubInputs(reader({ "pr-branch": "reports/{templateId}.lock" }), issues);
  expect(issues).toEqual([
    'pr-branch: "reports/{templateId}.lock" is not a valid branch name: it has a part ending with ".lock" ("x.lock")',
  ]);
});

describe("gitHubWarnings", () => {
  const bot = { email: "41898282+github-actions[bot]@users.noreply.github.com" };
  it("warns when sign-commits cannot apply, and when a custom identity would be dropped", () => {
    expect(
      gitHubWarnings({
        publish: ["artifact"],
        github: { signCommits: true },
        commit: { author: bot, committer: bot },
      }),
    ).toEqual(["sign-commits has no effect without publish: commit or pull-request"]);
    expect(
      gitHubWarnings({
        publish: ["commit"],
        github: { signCommits: true },
        commit: { author: { email: "hr@acme.example" }, committer: bot },
      }),
    ).toEqual([expect.stringMatching(/^commit-author and commit-committer do not apply/)]);
    expect(
      gitHubWarnings({
        publish: ["pull-request"],
        github: { signCommits: true },
        commit: { author: bot, committer: bot },
      }),
    ).toEqual([]);
  });
});
