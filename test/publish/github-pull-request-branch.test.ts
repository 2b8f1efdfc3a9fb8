import { afterEach, describe, expect, it } from "vitest";
import { GitHubClient } from "../../src/publish/github/client.ts";
import { publishPullRequest } from "../../src/publish/github/pull-request.ts";
import { checkExchange } from "../support/github-api/openapi-check.ts";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-api/server.ts";

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

  it("is left as it is when its tip is someone's merge, even one of the base", async () => {
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
    await s.commitOnBranch("main", { "other.csv": "x\n" }, "Meanwhile on main");
    const count = s.exchanges.length;
    const error = await publish(s).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `Cannot update the pull request's branch ${BRANCH}: commit ${merge.slice(0, 7)} by Someone <someone@example.com> is a merge, which this action never makes. ` +
        `The branch was left untouched. Choose another pr-branch, or delete the branch ${BRANCH} once that commit is kept elsewhere, then re-run.`,
    );
    expect(await s.repo.branchTip(BRANCH)).toBe(merge);
    expect(refWrites(s, count)).toEqual([]);
  });
});

const JANE = { name: "Jane Doe", email: "jane@acme.example" };
const BOT = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com",
};
const refWrites = (s: GitHubStandIn, from: number) =>
  writesSince(s, from).filter((w) => w.includes("/git/refs") || w.includes("/pulls"));

describe("a branch holding work that is not the action's", () => {
  it("keeps a person's fix: the next run fails naming it, and the fix stays the tip", async () => {
    const s = await start();
    await publish(s);
    const fix = await s.commitOnBranch(
      BRANCH,
      { "timesheets/2026-10.csv": "Name;Hours\nAda;151.67\nGrace;141\n" },
      "Fix Grace's hours",
      { author: JANE },
    );
    const count = s.exchanges.length;
    const error = await publish(s, {
      files: [{ path: "timesheets/2026-10.csv", content: Buffer.from(`${REPORT}Alan;12\n`) }],
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `Cannot update the pull request's branch ${BRANCH}: commit ${fix.slice(0, 7)} by Jane Doe <jane@acme.example> was not made by this action. ` +
        `The branch was left untouched. Choose another pr-branch, or delete the branch ${BRANCH} once that commit is kept elsewhere, then re-run.`,
    );
    expect(await s.repo.branchTip(BRANCH)).toBe(fix);
    expect(refWrites(s, count)).toEqual([]);
  });

  it("is not the action's when a commit in its name changes another file", async () => {
    const s = await start();
    await publish(s);
    const other = await s.commitOnBranch(BRANCH, { "README.md": "hello\n" }, "Readme", {
      author: BOT,
    });
    const count = s.exchanges.length;
    const error = await publish(s, {
      files: [{ path: "timesheets/2026-10.csv", content: Buffer.from(`${REPORT}Alan;12\n`) }],
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Cannot update the pull request's branch ${BRANCH}: commit ${other.slice(0, 7)} by github-actions\\[bot\\] <[^>]+> changes README.md, which is not one of this step's reports\\. The branch was left untouched\\.`,
      ),
    );
    expect(await s.repo.branchTip(BRANCH)).toBe(other);
    expect(refWrites(s, count)).toEqual([]);
  });

  it("replaces the action's report of another period only where output-path would put it", async () => {
    const s = await start();
    const september = await publish(s, {
      files: [{ path: "timesheets/2026-09.csv", content: Buffer.from(REPORT) }],
    });
    const october = { files: [{ path: "timesheets/2026-10.csv", content: Buffer.from(REPORT) }] };
    const refused = await publish(s, october).catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(
      /commit [0-9a-f]{7} by github-actions\[bot\] <[^>]+> changes timesheets\/2026-09\.csv, which is not one of this step's reports/,
    );
    expect(await s.repo.branchTip(BRANCH)).toBe(september.commitSha);

    const replaced = await publish(s, {
      ...october,
      isReportPath: (path) => /^timesheets\/\d{4}-\d{2}\.csv$/.test(path),
    });
    expect(replaced).toMatchObject({ operation: "updated", pushed: true });
    expect(await s.repo.branchTip(BRANCH)).toBe(replaced.commitSha);
  });

  it("is the action's with several of its commits, checked one by one, up to 20", async () => {
    const s = await start();
    await publish(s);
    const own = (path: string) =>
      s.commitOnBranch(BRANCH, { [path]: "x\n" }, "Add", { author: BOT });
    await own("timesheets/2026-10.csv");
    const replaced = await publish(s);
    expect(replaced).toMatchObject({ operation: "updated", pushed: true });
    // Each commit's own files: the second one's README.md, whatever the first one changed.
    await own("timesheets/2026-10.csv");
    const readme = await own("README.md");
    await own("timesheets/2026-10.csv");
    const error = await publish(s).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      new RegExp(
        `commit ${readme.slice(0, 7)} by github-actions\\[bot\\] <[^>]+> changes README.md,`,
      ),
    );
    for (let index = 0; index < 20; index++) await own("timesheets/2026-10.csv");
    const many = await publish(s).catch((e: unknown) => e);
    const tip = (await s.repo.branchTip(BRANCH)) as string;
    expect((many as Error).message).toMatch(
      new RegExp(
        `^Cannot update the pull request's branch ${BRANCH}: commit ${tip.slice(0, 7)} by github-actions\\[bot\\] <[^>]+> is the tip of 24 commits beyond main, more than this action makes\\.`,
      ),
    );
  });

  it("escapes the author's name through the log-line door", async () => {
    const s = await start();
    await publish(s);
    await s.commitOnBranch(BRANCH, { "timesheets/2026-10.csv": "x\n" }, "Edit", {
      author: { name: "Mallory \u202e\u001b[31m", email: "m@example.com" },
    });
    const error = await publish(s, {
      files: [{ path: "timesheets/2026-10.csv", content: Buffer.from(`${REPORT}Alan;12\n`) }],
    }).catch((e: unknown) => e);
    expect((error as Error).message).toContain(
      "by Mallory \\u202e\\x1b[31m <m@example.com> was not made by this action",
    );
  });

  it("is not the action's when it shares no history with the base", async () => {
    const s = await start();
    const stray = await s.commitOnBranch(BRANCH, { "timesheets/2026-10.csv": "x\n" }, "Stray");
    const error = await publish(s).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Cannot update the pull request's branch ${BRANCH}: commit ${stray.slice(0, 7)} by Other run <other@example.com> shares no history with main, which no commit of this action does\\.`,
      ),
    );
    expect(await s.repo.branchTip(BRANCH)).toBe(stray);
  });
});

describe("the branch the action may write", () => {
  it("is never the default branch or the one the workflow runs on, nor the base", async () => {
    const s = await start();
    await s.commitOnBranch("develop", { "README.md": "develop\n" }, "Develop", { author: JANE });
    const main = await s.repo.branchTip("main");
    for (const [branch, refuse] of [
      ["main", ["main"]],
      ["feature/x", ["main", "feature/x"]],
    ] as const) {
      const error = await publish(s, { branch, base: "develop", refuse }).catch((e: unknown) => e);
      expect((error as Error).message).toBe(
        `Cannot use ${branch} as the pull request's branch: the action force-updates pr-branch, and ${branch} is the default branch or the one the workflow runs on`,
      );
    }
    const into = await publish(s, { branch: "develop", base: "develop" }).catch((e: unknown) => e);
    expect((into as Error).message).toMatch(/pr-branch must differ from pr-base/);
    expect(await s.repo.branchTip("main")).toBe(main);
    expect(s.exchanges.filter((e) => e.method !== "GET")).toEqual([]);
  });
});
