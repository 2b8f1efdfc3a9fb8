import { afterEach, describe, expect, it } from "vitest";
import { commitViaApi } from "../../src/publish/github/api-commit.ts";
import { GitHubClient } from "../../src/publish/github/client.ts";
import { GitHubApiError } from "../../src/publish/github/errors.ts";
import { publishPullRequest } from "../../src/publish/github/pull-request.ts";
import { tempDir } from "../support/cli.ts";
import { git } from "../support/git-repos.ts";
import { checkExchange } from "../support/github-api/openapi-check.ts";
import {
  type GitHubStandIn,
  type StandInOptions,
  startGitHubStandIn,
} from "../support/github-api/server.ts";

let standIn: GitHubStandIn | undefined;

afterEach(async () => {
  const current = standIn;
  standIn = undefined;
  await current?.close();
  // Every request the stand-in answered, and its answer, as GitHub describes them.
  if (current) expect(current.exchanges.flatMap(checkExchange)).toEqual([]);
});

async function start(options: StandInOptions = {}): Promise<GitHubStandIn> {
  standIn = await startGitHubStandIn(options);
  return standIn;
}

function client(s: GitHubStandIn, token = s.token) {
  return new GitHubClient({
    token,
    repository: s.repository,
    apiUrl: s.apiUrl,
    spacing: { writeMs: 0, notifyMs: 0 },
    retries: 0,
  });
}

const file = (path: string, text: string) => ({ path, content: Buffer.from(text) });
/** The writes the stand-in answered since `from`, as "METHOD path status". */
const writesSince = (s: GitHubStandIn, from: number) =>
  s.exchanges
    .slice(from)
    .filter((e) => e.method !== "GET")
    .map((e) => `${e.method} ${decodeURIComponent(e.path)} ${e.status}`);
const REPORT_1 = "Name;Hours\nAda;151.67\nGrace;140\n";
const REPORT_2 = "Name;Hours\nAda;151.67\nGrace;152\nLinus;35\n";

async function cloneOf(s: GitHubStandIn, branch = "main"): Promise<string> {
  const dir = `${await tempDir("standin-clone-")}/work`;
  git(process.cwd(), "clone", "--quiet", "--branch", branch, s.repo.dir, dir);
  return dir;
}

describe("signed commits through the Git Data API", () => {
  it("commits the files on the branch tip, signed, then nothing when unchanged", async () => {
    const s = await start();
    const before = (await s.repo.branchTip("main")) as string;
    const result = await commitViaApi({
      client: client(s),
      branch: "main",
      startPoint: async () => before,
      files: [file("timesheets/2026-10.csv", REPORT_1), file("timesheets/latest.csv", REPORT_1)],
      message: "Add Lucca report 42 2026-10-01..2026-10-31",
      attempts: 3,
    });
    expect(result).toMatchObject({ changed: true, verified: true, attempts: 1 });
    // Both files have the same bytes: one blob is sent for the two.
    expect(writesSince(s, 0)).toEqual([
      "POST /repos/acme/payroll/git/blobs 201",
      "POST /repos/acme/payroll/git/trees 201",
      "POST /repos/acme/payroll/git/commits 201",
      "PATCH /repos/acme/payroll/git/refs/heads/main 200",
    ]);
    const work = await cloneOf(s);
    expect(git(work, "rev-parse", "HEAD")).toBe(result.commitSha);
    expect(git(work, "rev-parse", "HEAD^")).toBe(before);
    expect(git(work, "log", "-1", "--format=%s|%an|%cn")).toBe(
      "Add Lucca report 42 2026-10-01..2026-10-31|github-actions[bot]|GitHub",
    );
    expect(git(work, "show", "HEAD:timesheets/2026-10.csv")).toBe(REPORT_1.trimEnd());
    expect(git(work, "show", "HEAD:README.md")).toBe("payroll archive");
    expect(git(work, "rev-list", "--merges", "--count", "HEAD")).toBe("0");

    const writes = s.exchanges.length;
    const again = await commitViaApi({
      client: client(s),
      branch: "main",
      startPoint: async () => before,
      files: [file("timesheets/2026-10.csv", REPORT_1), file("timesheets/latest.csv", REPORT_1)],
      message: "unused",
      attempts: 3,
    });
    expect(again).toEqual({
      branch: "main",
      changed: false,
      commitSha: undefined,
      changedPaths: [],
      verified: false,
      attempts: 1,
    });
    expect(s.exchanges.slice(writes).filter((e) => e.method !== "GET")).toEqual([]);
    // Each tree is listed once, however many files it holds.
    const listed = s.exchanges.slice(writes).filter((e) => e.path.includes("/git/trees/"));
    expect(listed).toHaveLength(2);
    expect(await s.repo.branchTip("main")).toBe(result.commitSha);
  });

  it("leaves out the files the branch already holds, and names the others to the message", async () => {
    const s = await start();
    const before = (await s.repo.branchTip("main")) as string;
    const stamped = (text: string, at: string) => `${text}Exported at ${at}\n`;
    const held = await s.commitOnBranch(
      "main",
      { "a.csv": REPORT_1, "b.csv": stamped(REPORT_1, "09:00") },
      "Earlier reports",
    );
    const messages: string[][] = [];
    const result = await commitViaApi({
      client: client(s),
      branch: "main",
      startPoint: async () => before,
      files: [
        file("a.csv", REPORT_1),
        file("b.csv", stamped(REPORT_1, "10:00")),
        file("c.csv", REPORT_2),
        file("a-changed.csv", REPORT_2),
      ],
      message: (changed) => {
        messages.push(changed.map((f) => `${f.path}:${f.before === undefined ? "new" : "old"}`));
        return `Add ${changed.length} reports`;
      },
      ignoreLines: /^Exported at /,
      attempts: 3,
    });
    expect(messages).toEqual([["c.csv:new", "a-changed.csv:new"]]);
    expect(result).toMatchObject({ changed: true, changedPaths: ["c.csv", "a-changed.csv"] });
    const work = await cloneOf(s);
    expect(git(work, "rev-parse", "HEAD^")).toBe(held);
    expect(git(work, "show", "--name-only", "--format=%s", "HEAD").split("\n")).toEqual([
      "Add 2 reports",
      "",
      "a-changed.csv",
      "c.csv",
    ]);
    // b.csv differs only in an ignored line: the branch keeps its own version.
    expect(git(work, "show", "HEAD:b.csv")).toBe(stamped(REPORT_1, "09:00").trimEnd());
  });

  it("makes the commit again on the new tip when another run moved the branch meanwhile", async () => {
    const s = await start();
    s.beforeNextRefUpdate(async () => {
      await s.commitOnBranch("main", { "other.csv": "x\n" }, "Another run");
    });
    const result = await commitViaApi({
      client: client(s),
      branch: "main",
      startPoint: async () => "unused",
      files: [file("timesheets/2026-10.csv", REPORT_1)],
      message: "Add report",
      attempts: 3,
      random: () => 0,
    });
    expect(result).toMatchObject({ changed: true, attempts: 2 });
    // The second attempt reuses the blob the first one sent.
    expect(writesSince(s, 0).filter((w) => w.includes("/git/blobs"))).toHaveLength(1);
    const refused = s.exchanges.filter((e) => e.method === "PATCH" && e.status === 422);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.responseBody).toMatchObject({ message: "Update is not a fast forward" });
    const work = await cloneOf(s);
    expect(git(work, "log", "--format=%s", "HEAD")).toBe("Add report\nAnother run\nInitial commit");
    expect(git(work, "show", "HEAD:other.csv")).toBe("x");
    expect(git(work, "show", "HEAD:timesheets/2026-10.csv")).toBe(REPORT_1.trimEnd());
  });

  it("fails without overwriting when the other run changed the same file differently", async () => {
    const s = await start();
    s.beforeNextRefUpdate(async () => {
      await s.commitOnBranch("main", { "timesheets/2026-10.csv": REPORT_2 }, "Another run");
    });
    const error = await commitViaApi({
      client: client(s),
      branch: "main",
      startPoint: async () => "unused",
      files: [file("timesheets/2026-10.csv", REPORT_1)],
      message: "Add report",
      attempts: 3,
      random: () => 0,
    }).catch((e: unknown) => e);
    const now = (await s.repo.branchTip("main")) as string;
    expect((error as Error).message).toBe(
      "Cannot commit the report to main: while this run was committing, another one changed " +
        `timesheets/2026-10.csv differently (now at ${now.slice(0, 12)}). ` +
        "Nothing was overwritten; check which report is right and re-run.",
    );
    const work = await cloneOf(s);
    expect(git(work, "show", "HEAD:timesheets/2026-10.csv")).toBe(REPORT_2.trimEnd());
  });

  it("creates a missing branch from the start point", async () => {
    const s = await start();
    const main = (await s.repo.branchTip("main")) as string;
    const result = await commitViaApi({
      client: client(s),
      branch: "reports",
      startPoint: async () => main,
      files: [file("a.csv", REPORT_1)],
      message: "Add",
      attempts: 1,
    });
    expect(await s.repo.branchTip("reports")).toBe(result.commitSha);
    expect(await s.repo.branchTip("main")).toBe(main);
  });

  it("refuses a file over the blob limit before any write", async () => {
    const s = await start();
    const error = await commitViaApi({
      client: client(s),
      branch: "main",
      startPoint: async () => "unused",
      files: [file("big.csv", "x".repeat(2048))],
      message: "Add",
      attempts: 1,
      maxBlobBytes: 1024,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      "Cannot commit through GitHub's API: big.csv is 2048 bytes, over the 1024-byte limit of " +
        "one blob. Publish it as an artifact, or with publish: commit and sign-commits: false " +
        "(git push).",
    );
    expect(s.exchanges).toEqual([]);
  });

  it("commits as the identity given, unsigned", async () => {
    const s = await start();
    const result = await commitViaApi({
      client: client(s),
      branch: "main",
      startPoint: async () => "unused",
      files: [file("a.csv", REPORT_1)],
      message: "Add",
      identity: {
        author: { name: "Ada Lovelace", email: "ada@example.com" },
        committer: { name: "Payroll bot", email: "bot@example.com" },
      },
      attempts: 1,
    });
    expect(result).toMatchObject({ changed: true, verified: false });
    const work = await cloneOf(s);
    expect(git(work, "log", "-1", "--format=%an <%ae>|%cn <%ce>")).toBe(
      "Ada Lovelace <ada@example.com>|Payroll bot <bot@example.com>",
    );
  });
});

describe("pull-request mode", () => {
  const request = (
    s: GitHubStandIn,
    text: string,
    extra: Partial<Parameters<typeof publishPullRequest>[0]> = {},
  ) => ({
    client: client(s),
    branch: "lucca-report/42",
    files: [file("timesheets/2026-10.csv", text)],
    message: "Add Lucca report 42",
    title: "Lucca report 42 for 2026-10",
    body: "Report body",
    labels: ["payroll"],
    reviewers: ["hr-lead"],
    draft: true,
    ...extra,
  });

  it("opens a pull request, updates it with a new report, and leaves it when nothing changed", async () => {
    const s = await start();
    const main = (await s.repo.branchTip("main")) as string;
    const first = await publishPullRequest(request(s, REPORT_1));
    const firstTip = await s.repo.branchTip("lucca-report/42");
    expect(first).toEqual({
      operation: "created",
      changed: true,
      branch: "lucca-report/42",
      base: "main",
      number: 1,
      url: `${s.webUrl}/acme/payroll/pull/1`,
      commitSha: firstTip,
      changedPaths: ["timesheets/2026-10.csv"],
      pushed: true,
      verified: true,
    });
    // The new branch is created, not also moved; the pull request is opened once.
    expect(writesSince(s, 0)).toEqual([
      "POST /repos/acme/payroll/git/blobs 201",
      "POST /repos/acme/payroll/git/trees 201",
      "POST /repos/acme/payroll/git/commits 201",
      "POST /repos/acme/payroll/git/refs 201",
      "POST /repos/acme/payroll/pulls 201",
      "POST /repos/acme/payroll/issues/1/labels 200",
      "POST /repos/acme/payroll/pulls/1/requested_reviewers 201",
    ]);
    const asked = s.exchanges.find((e) => e.path.endsWith("/requested_reviewers"));
    expect(asked?.requestBody).toEqual({ reviewers: ["hr-lead"], team_reviewers: [] });
    expect(s.pulls[0]).toMatchObject({
      head: "lucca-report/42",
      base: "main",
      draft: true,
      labels: ["payroll"],
      reviewers: ["hr-lead"],
      title: "Lucca report 42 for 2026-10",
    });
    expect(await s.repo.branchTip("main")).toBe(main);
    const branch = await cloneOf(s, "lucca-report/42");
    expect(git(branch, "rev-parse", "HEAD^")).toBe(main);
    expect(git(branch, "show", "HEAD:timesheets/2026-10.csv")).toBe(REPORT_1.trimEnd());

    const count = s.exchanges.length;
    const second = await publishPullRequest(request(s, REPORT_2, { body: () => "New body" }));
    expect(second).toMatchObject({ operation: "updated", number: 1, pushed: true });
    // The open pull request is updated in place: no second one is tried.
    expect(writesSince(s, count)).toEqual([
      "POST /repos/acme/payroll/git/blobs 201",
      "POST /repos/acme/payroll/git/trees 201",
      "POST /repos/acme/payroll/git/commits 201",
      "PATCH /repos/acme/payroll/git/refs/heads/lucca-report/42 200",
      "PATCH /repos/acme/payroll/pulls/1 200",
      "POST /repos/acme/payroll/issues/1/labels 200",
    ]);
    expect(s.pulls).toHaveLength(1);
    expect(s.pulls[0]?.body).toBe("New body");
    expect(s.pulls[0]?.reviewers).toEqual(["hr-lead"]);
    const updated = await cloneOf(s, "lucca-report/42");
    expect(git(updated, "rev-list", "--count", "HEAD")).toBe("2");
    expect(git(updated, "rev-parse", "HEAD^")).toBe(main);
    expect(git(updated, "show", "HEAD:timesheets/2026-10.csv")).toBe(REPORT_2.trimEnd());
    expect(await s.repo.branchTip("main")).toBe(main);

    const third = await publishPullRequest(request(s, REPORT_2));
    expect(third).toEqual({
      operation: "unchanged",
      changed: true,
      branch: "lucca-report/42",
      base: "main",
      number: 1,
      url: `${s.webUrl}/acme/payroll/pull/1`,
      commitSha: second.commitSha,
      changedPaths: ["timesheets/2026-10.csv"],
      pushed: false,
      verified: false,
    });
    expect(await s.repo.branchTip("lucca-report/42")).toBe(second.commitSha);
  });

  it("updates the pull request another run opened between the look-up and the creation", async () => {
    const s = await start();
    s.beforeNextRefUpdate(async () => {
      // The other run: same branch, its pull request opened while this run was writing.
      const main = (await s.repo.branchTip("main")) as string;
      s.pulls.push({
        number: 7,
        title: "Opened by the other run",
        body: "",
        head: "lucca-report/42",
        headSha: main,
        base: "main",
        baseSha: main,
        draft: false,
        state: "open",
        labels: [],
        reviewers: [],
        teamReviewers: [],
        createdAt: "2026-11-01T06:00:00Z",
        updatedAt: "2026-11-01T06:00:00Z",
      });
    });
    const result = await publishPullRequest(request(s, REPORT_1));
    expect(result).toMatchObject({ operation: "updated", number: 7, pushed: true });
    expect(s.pulls).toHaveLength(1);
    expect(s.pulls[0]?.title).toBe("Lucca report 42 for 2026-10");
    expect(s.exchanges.filter((e) => e.method === "POST" && e.path.endsWith("/pulls"))).toEqual([
      expect.objectContaining({ status: 422 }),
    ]);
  });

  it("does nothing when the base already holds the report: no branch, no pull request", async () => {
    const s = await start();
    await s.commitOnBranch("main", { "timesheets/2026-10.csv": REPORT_1 }, "Merged earlier");
    const result = await publishPullRequest(request(s, REPORT_1));
    expect(result).toEqual({
      operation: "unchanged",
      changed: false,
      branch: "lucca-report/42",
      base: "main",
      number: undefined,
      url: undefined,
      commitSha: undefined,
      changedPaths: [],
      pushed: false,
      verified: false,
    });
    expect(await s.repo.branchTip("lucca-report/42")).toBeUndefined();
    expect(s.pulls).toEqual([]);
    expect(s.exchanges.filter((e) => e.method !== "GET")).toEqual([]);
  });

  it("leaves an open pull request for an older report alone when the base holds this one", async () => {
    const s = await start();
    const older = await publishPullRequest(request(s, REPORT_2));
    await s.commitOnBranch(
      "main",
      { "timesheets/2026-10.csv": REPORT_1 },
      "Someone fixed it by hand",
    );
    const count = s.exchanges.length;
    const result = await publishPullRequest(request(s, REPORT_1));
    expect(result.operation).toBe("unchanged");
    expect(await s.repo.branchTip("lucca-report/42")).toBe(older.commitSha);
    expect(s.pulls[0]).toMatchObject({ state: "open", body: "Report body" });
    expect(s.exchanges.slice(count).filter((e) => e.method !== "GET")).toEqual([]);
  });

  it("says which permission is missing when the token may not open pull requests", async () => {
    const s = await start({
      tokens: { ghs_read_only_pulls: { contentsWrite: true, pullRequestsWrite: false } },
    });
    const error = await publishPullRequest(request(s, REPORT_1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).status).toBe(403);
    expect((error as Error).message).toMatch(
      /POST \/repos\/acme\/payroll\/pulls failed \(403\): Resource not accessible by integration.*permissions: pull-requests: write/,
    );
    expect((error as Error).message).not.toContain("ghs_read_only_pulls");
    // Refused, not raced: no open pull request is looked up after the refusal.
    expect(s.exchanges.at(-1)).toMatchObject({ method: "POST", status: 403 });
  });

  it("talks to GitHub Enterprise Server under /api/v3", async () => {
    const s = await start({ prefix: "/api/v3" });
    expect(s.apiUrl).toMatch(/\/api\/v3$/);
    const result = await publishPullRequest(request(s, REPORT_1, { base: "main" }));
    expect(result).toMatchObject({ operation: "created", number: 1 });
    // All under /api/v3: the only refusal is the look-up of the branch that did not exist yet.
    const refused = s.exchanges.filter((e) => e.status >= 400);
    expect(refused.map((e) => `${e.method} ${e.status} ${decodeURIComponent(e.path)}`)).toEqual([
      "GET 404 /repos/acme/payroll/git/ref/heads/lucca-report/42",
    ]);
    expect(s.exchanges.length).toBeGreaterThan(5);
  });

  it("refuses a base branch that does not exist, and a file over the blob limit, before writing", async () => {
    const s = await start();
    const error = await publishPullRequest(request(s, REPORT_1, { base: "release" })).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe(
      "Cannot open a pull request into release: the branch does not exist",
    );
    const count = s.exchanges.length;
    const big = await publishPullRequest(
      request(s, "x".repeat(2048), { maxBlobBytes: 1024 }),
    ).catch((e: unknown) => e);
    expect((big as Error).message).toMatch(/^Cannot commit through GitHub's API: timesheets/);
    expect(s.exchanges.length).toBe(count);
  });

  it("refuses a pull request from the base into itself", async () => {
    const s = await start();
    const error = await publishPullRequest(request(s, REPORT_1, { branch: "main" })).catch(
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(/pr-branch must differ from pr-base/);
  });
});

describe("the stand-in against GitHub's OpenAPI description", () => {
  it("catches an answer that drifts from GitHub's schema", () => {
    const problems = checkExchange({
      method: "POST",
      path: "/repos/acme/payroll/git/blobs",
      query: {},
      status: 201,
      requestBody: { content: "eA==", encoding: "base64" },
      responseBody: { sha: 42 },
      token: undefined,
    });
    expect(problems.join("\n")).toMatch(/response body.*(url|sha)/);
  });

  it("catches an undocumented route or status", () => {
    expect(
      checkExchange({
        method: "PATCH",
        path: "/repos/acme/payroll/git/refs/heads/main",
        query: {},
        status: 418,
        requestBody: { sha: "a".repeat(40), force: false },
        responseBody: {},
        token: undefined,
      }),
    ).toEqual([expect.stringMatching(/status 418 is not documented/)]);
    expect(
      checkExchange({
        method: "POST",
        path: "/repos/acme/payroll/nonsense",
        query: {},
        status: 200,
        requestBody: {},
        responseBody: {},
        token: undefined,
      }),
    ).toEqual([expect.stringMatching(/no such operation/)]);
  });
});
