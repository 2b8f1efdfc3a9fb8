import { afterEach, describe, expect, it } from "vitest";
import { AbortedError } from "../../src/core/errors.ts";
import { commitViaApi } from "../../src/publish/github/api-commit.ts";
import { GitHubClient } from "../../src/publish/github/client.ts";
import { publishPullRequest } from "../../src/publish/github/pull-request.ts";
import { tempDir } from "../support/cli.ts";
import { git } from "../support/git-repos.ts";
import { checkExchange } from "../support/github-api/openapi-check.ts";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-api/server.ts";

// Publishing through GitHub's API when another run writes the same branch meanwhile, and when
// the job is cancelled half-way: what is written, and what is not.
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

const client = (s: GitHubStandIn) =>
  new GitHubClient({
    token: s.token,
    repository: s.repository,
    apiUrl: s.apiUrl,
    spacing: { writeMs: 0, notifyMs: 0 },
    retries: 0,
  });

const file = (path: string, text: string) => ({ path, content: Buffer.from(text) });
const REPORT = "Name;Hours\nAda;151.67\nGrace;140\n";
const writes = (s: GitHubStandIn) =>
  s.exchanges
    .filter((e) => e.method !== "GET")
    .map((e) => `${e.method} ${decodeURIComponent(e.path)} ${e.status}`);

async function cloneOf(s: GitHubStandIn, branch: string): Promise<string> {
  const dir = `${await tempDir("standin-clone-")}/work`;
  git(process.cwd(), "clone", "--quiet", "--branch", branch, s.repo.dir, dir);
  return dir;
}

describe("commit through the API: another run", () => {
  it("created the missing branch first: the commit is made again on it", async () => {
    const s = await start();
    const main = (await s.repo.branchTip("main")) as string;
    s.beforeNextRefUpdate(async () => {
      await s.commitOnBranch("reports", { "other.csv": "x\n" }, "Another run");
    });
    const result = await commitViaApi({
      client: client(s),
      branch: "reports",
      startPoint: async () => main,
      files: [file("a.csv", REPORT)],
      message: "Add",
      attempts: 2,
      random: () => 0,
    });
    expect(result).toMatchObject({ changed: true, attempts: 2 });
    expect(await s.repo.branchTip("reports")).toBe(result.commitSha);
    const work = await cloneOf(s, "reports");
    expect(git(work, "log", "--format=%s", "HEAD")).toBe("Add\nAnother run");
    expect(git(work, "show", "HEAD:other.csv")).toBe("x");
    expect(writes(s).filter((w) => w.includes("/git/refs"))).toEqual([
      "POST /repos/acme/payroll/git/refs 422",
      "PATCH /repos/acme/payroll/git/refs/heads/reports 200",
    ]);
  });

  it("moved the branch on every attempt: the run gives up, naming what it tried", async () => {
    const s = await start();
    s.beforeNextRefUpdate(async () => {
      await s.commitOnBranch("main", { "other.csv": "x\n" }, "Another run");
    });
    const error = await commitViaApi({
      client: client(s),
      branch: "main",
      startPoint: async () => "unused",
      files: [file("a.csv", REPORT)],
      message: "Add",
      attempts: 1,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      "Cannot commit the report to main: the branch moved on every one of 1 attempts; re-run the job",
    );
  });
});

const BOT = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com",
};

describe("pull request: another run", () => {
  it("created the branch first: it is force-updated to this run's commit on the base", async () => {
    const s = await start();
    const main = (await s.repo.branchTip("main")) as string;
    s.beforeNextRefUpdate(async () => {
      // The other run of this action: its own commit of its own report, on the base.
      await s.repo.updateRef("lucca-report/42", main, undefined);
      await s.commitOnBranch("lucca-report/42", { "a.csv": "Name;Hours\n" }, "Another run", {
        author: BOT,
      });
    });
    const result = await publishPullRequest({
      client: client(s),
      branch: "lucca-report/42",
      files: [file("a.csv", REPORT)],
      message: "Add report",
      title: "Report",
      body: "",
    });
    expect(result).toMatchObject({ operation: "created", pushed: true, number: 1 });
    expect(await s.repo.branchTip("lucca-report/42")).toBe(result.commitSha);
    const work = await cloneOf(s, "lucca-report/42");
    expect(git(work, "rev-parse", "HEAD^")).toBe(main);
    expect(writes(s).filter((w) => w.includes("/git/refs"))).toEqual([
      "POST /repos/acme/payroll/git/refs 422",
      "PATCH /repos/acme/payroll/git/refs/heads/lucca-report/42 200",
    ]);
  });
});

describe("pull request: a person", () => {
  it("created the branch first: it is left to them, and nothing is forced", async () => {
    const s = await start();
    let theirs: string | undefined;
    s.beforeNextRefUpdate(async () => {
      await s.repo.updateRef(
        "lucca-report/42",
        (await s.repo.branchTip("main")) as string,
        undefined,
      );
      theirs = await s.commitOnBranch("lucca-report/42", { "notes.md": "mine\n" }, "Notes", {
        author: { name: "Jane Doe", email: "jane@acme.example" },
      });
    });
    const error = await publishPullRequest({
      client: client(s),
      branch: "lucca-report/42",
      files: [file("a.csv", REPORT)],
      message: "Add report",
      title: "Report",
      body: "",
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^Cannot update the pull request's branch lucca-report\/42: commit [0-9a-f]{7} by Jane Doe <jane@acme.example> was not made by this action\./,
    );
    expect(await s.repo.branchTip("lucca-report/42")).toBe(theirs);
    expect(writes(s).filter((w) => w.includes("/git/refs") || w.includes("/pulls"))).toEqual([
      "POST /repos/acme/payroll/git/refs 422",
    ]);
  });
});

describe("a cancelled job", () => {
  const reason = new AbortedError("Cancelled by SIGTERM", { signal: "SIGTERM" });
  const cancelled = () => {
    const job = new AbortController();
    job.abort(reason);
    return job.signal;
  };

  it("commits nothing through the API, not even a read", async () => {
    const s = await start();
    const call = commitViaApi({
      client: client(s),
      branch: "main",
      startPoint: async () => "unused",
      files: [file("a.csv", REPORT)],
      message: "Add",
      attempts: 1,
      signal: cancelled(),
    });
    await expect(call).rejects.toBe(reason);
    expect(s.exchanges).toEqual([]);
  });

  it("writes nothing for a pull request once the base has been read", async () => {
    const s = await start();
    const call = publishPullRequest({
      client: client(s),
      branch: "lucca-report/42",
      files: [file("a.csv", REPORT)],
      message: "Add report",
      title: "Report",
      body: "",
      signal: cancelled(),
    });
    await expect(call).rejects.toBe(reason);
    expect(writes(s)).toEqual([]);
  });

  it("leaves the pull request's branch alone when cancelled while its commit was made", async () => {
    const s = await start();
    const job = new AbortController();
    const call = publishPullRequest({
      client: client(s),
      branch: "lucca-report/42",
      files: [file("a.csv", REPORT)],
      message: () => {
        job.abort(reason);
        return "Add report";
      },
      title: "Report",
      body: "",
      signal: job.signal,
    });
    await expect(call).rejects.toBe(reason);
    expect(await s.repo.branchTip("lucca-report/42")).toBeUndefined();
    expect(writes(s)).toEqual([
      "POST /repos/acme/payroll/git/blobs 201",
      "POST /repos/acme/payroll/git/trees 201",
      "POST /repos/acme/payroll/git/commits 201",
    ]);
  });
});
