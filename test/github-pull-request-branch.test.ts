import { afterEach, describe, expect, it } from "vitest";
import { GitHubClient } from "../src/publish/github/client.ts";
import { publishPullRequest } from "../src/publish/github/pull-request.ts";
import { checkExchange } from "./support/github-api/openapi-check.ts";
import { type GitHubStandIn, startGitHubStandIn } from "./support/github-api/server.ts";

// When the pull request's branch is rebuilt on its base, and into which base it goes.
let standIn: GitHubStandIn | undefined;

afterEach(async () => {
  const current = standIn;
  standIn = undefined;
  await current?.close();
  if (current) expect(current.exchanges.flatMap(checkExchange)).toEqual([]);
});

async function start(): Promise<GitHubStandIn> {
  standIn = await startGitHubStandIn();
  return standIn;
}

const REPORT = "Name;Hours\nAda;151.67\nGrace;140\n";
const BRANCH = "lucca-report/42";

const publish = (s: GitHubStandIn, extra: Partial<Parameters<typeof publishPullRequest>[0]> = {}) =>
  publishPullRequest({
    client: new GitHubClient({
      token: s.token,
      repository: s.repository,
      apiUrl: s.apiUrl,
      spacing: { writeMs: 0, notifyMs: 0 },
      retries: 0,
    }),
    branch: BRANCH,
    files: [{ path: "timesheets/2026-10.csv", content: Buffer.from(REPORT) }],
    message: "Add report",
    title: "Report",
    body: "",
    ...extra,
  });

const writesSince = (s: GitHubStandIn, from: number) =>
  s.exchanges
    .slice(from)
    .filter((e) => e.method !== "GET")
    .map((e) => `${e.method} ${decodeURIComponent(e.path)} ${e.status}`);

describe("the pull request's branch", () => {
  it("goes into the base given, with team reviewers alone", async () => {
    const s = await start();
    const release = await s.commitOnBranch("release", { "README.md": "release\n" }, "Release");
    const result = await publish(s, { base: "release", teamReviewers: ["payroll-team"] });
    expect(result).toMatchObject({ operation: "created", base: "release", number: 1 });
    expect(s.pulls[0]).toMatchObject({
      base: "release",
      reviewers: [],
      teamReviewers: ["payroll-team"],
    });
    const tip = await s.repo.readCommit(result.commitSha as string);
    expect(tip?.parents).toEqual([release]);
    const asked = s.exchanges.find((e) => e.path.endsWith("/requested_reviewers"));
    expect(asked?.requestBody).toEqual({ reviewers: [], team_reviewers: ["payroll-team"] });
    const opened = s.exchanges.find((e) => e.method === "POST" && e.path.endsWith("/pulls"));
    expect(opened?.requestBody).toEqual({
      head: BRANCH,
      base: "release",
      title: "Report",
      body: "",
      draft: false,
    });
    expect(s.exchanges.some((e) => e.path.endsWith("/labels"))).toBe(false);
  });

  it("is rebuilt on the base when the base moved, even for the same report", async () => {
    const s = await start();
    const first = await publish(s);
    const moved = await s.commitOnBranch("main", { "other.csv": "x\n" }, "Meanwhile on main");
    const count = s.exchanges.length;
    const again = await publish(s);
    expect(again).toMatchObject({ operation: "updated", number: 1, pushed: true });
    expect(again.commitSha).not.toBe(first.commitSha);
    expect((await s.repo.readCommit(again.commitSha as string))?.parents).toEqual([moved]);
    expect(writesSince(s, count)).toEqual([
      "POST /repos/acme/payroll/git/blobs 201",
      "POST /repos/acme/payroll/git/trees 201",
      "POST /repos/acme/payroll/git/commits 201",
      `PATCH /repos/acme/payroll/git/refs/heads/${BRANCH} 200`,
      "PATCH /repos/acme/payroll/pulls/1 200",
    ]);
  });

  it("is rebuilt as one commit when its tip is a merge, even one of the base", async () => {
    const s = await start();
    const first = await publish(s);
    const main = (await s.repo.branchTip("main")) as string;
    const commit = await s.repo.readCommit(first.commitSha as string);
    const someone = { name: "Someone", email: "someone@example.com", date: "2026-11-01T06:00:00Z" };
    const merge = await s.repo.commitTree({
      tree: commit?.tree as string,
      parents: [main, first.commitSha as string],
      message: "Merge main",
      author: someone,
      committer: someone,
    });
    await s.repo.updateRef(BRANCH, merge, first.commitSha);
    const again = await publish(s);
    expect(again).toMatchObject({ operation: "updated", pushed: true });
    expect((await s.repo.readCommit(again.commitSha as string))?.parents).toEqual([main]);
    expect(await s.repo.branchTip(BRANCH)).toBe(again.commitSha);
  });
});
