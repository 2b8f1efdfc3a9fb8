import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AbortedError } from "../../src/core/errors.ts";
import { type CommitRequest, commitReports } from "../../src/publish/commit.ts";
import { GitStoppedError } from "../../src/publish/git-process.ts";
import { tempDir } from "../support/cli.ts";
import { git, makeRepos, type Repos, writeIn } from "../support/git-repos.ts";

const bot = { name: "bot", email: "bot@example.com" };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function commitIn(workspace: string, filePaths: string[], extra: Partial<CommitRequest> = {}) {
  return commitReports({
    workspace,
    filePaths,
    branch: undefined,
    message: (changed) => `Add ${changed.join(", ")}`,
    author: bot,
    committer: bot,
    pushAttempts: 3,
    random: () => 0.999,
    ...extra,
  });
}

/** Pushes a commit touching `path` from a clone of its own, as another run would. */
async function pushFrom(clone: string, path: string, content: string): Promise<string> {
  await writeIn(clone, path, content);
  git(clone, "add", path);
  git(clone, "commit", "--quiet", "-m", `other ${path}`);
  git(clone, "push", "--quiet", "origin", "HEAD:main");
  return git(clone, "rev-parse", "HEAD");
}

describe("commitReports refuses what is not a file of the workspace", () => {
  let repos: Repos;
  let work: string;
  let outside: string;
  beforeAll(async () => {
    repos = await makeRepos();
    work = await repos.clone();
    outside = await writeIn(await tempDir(), "elsewhere.csv", "a\n");
    await writeIn(work, "sub/.GIT", "gitdir: ../.git\n");
  });

  it.each([
    ["the workspace itself", (work: string) => work],
    ["a file outside it", (_work: string, outside: string) => outside],
    ["the directory above it", (work: string) => join(work, "..")],
    ["a file in .git", (work: string) => join(work, ".git/description")],
    ["a file named .git", (work: string) => join(work, "sub/.GIT")],
  ])("refuses %s, and pushes nothing", async (_name, pick) => {
    const good = await writeIn(work, "reports/ok.csv", "a\n");
    const bad = pick(work, outside);
    await expect(commitIn(work, [good, bad])).rejects.toThrow(
      `Cannot commit ${bad}: it is outside the workspace ${work}`,
    );
    expect(git(repos.origin, "rev-list", "--count", "main")).toBe("1");
  });

  it("refuses a detached HEAD without a branch to push to", async () => {
    git(work, "checkout", "--quiet", "--detach");
    const file = await writeIn(work, "r.csv", "a\n");
    await expect(commitIn(work, [file])).rejects.toThrow(
      "Cannot commit the report as HEAD is detached: set commit-branch to the branch to push to",
    );
  });
});

describe("commitReports against a moving branch (real git)", () => {
  it("creates a missing branch from HEAD", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    const head = git(work, "rev-parse", "HEAD");
    const files = [await writeIn(work, "a.csv", "a\n"), await writeIn(work, "b.csv", "b\n")];
    const result = await commitIn(work, files, { branch: "reports" });
    expect(result).toEqual({
      branch: "reports",
      changedPaths: ["a.csv", "b.csv"],
      changed: true,
      commitSha: git(repos.origin, "rev-parse", "reports"),
      pushed: true,
      attempts: 1,
    });
    expect(git(repos.origin, "rev-parse", "reports^")).toBe(head);
  });

  it("re-commits unchanged reports on a tip another run moved, and removes its index file", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    const files = [await writeIn(work, "a.csv", "a\n1\n"), await writeIn(work, "b.csv", "b\n1\n")];
    await commitIn(work, files);
    // Same a.csv, changed b.csv; the other run touches neither.
    await writeFile(files[1] as string, "b\n2\n");
    const other = await repos.clone();
    const scratch = await tempDir();
    vi.stubEnv("TMPDIR", scratch);
    const result = await commitIn(work, files, {
      beforePush: async (attempt) => {
        if (attempt === 1) await pushFrom(other, "notes.txt", "hello\n");
      },
    });
    expect(result).toMatchObject({ changedPaths: ["b.csv"], pushed: true, attempts: 2 });
    expect(git(repos.origin, "show", "main:notes.txt")).toBe("hello");
    expect(git(repos.origin, "show", "main:b.csv")).toBe("b\n2");
    expect(await readdir(scratch)).toEqual([]);
  });

  it("stops when another run changed one of the reports meanwhile, overwriting nothing", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    const files = [await writeIn(work, "a.csv", "ours a\n"), await writeIn(work, "b.csv", "b\n")];
    const other = await repos.clone();
    let theirs = "";
    const race = commitIn(work, files, {
      beforePush: async (attempt) => {
        if (attempt === 1) theirs = await pushFrom(other, "b.csv", "their b\n");
      },
    });
    const error = await race.catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      `Cannot push the reports to main: while this run was pushing, another one changed b.csv differently (now at ${theirs.slice(0, 12)}). Nothing was overwritten; check which report is right and re-run.`,
    );
    expect(git(repos.origin, "rev-parse", "main")).toBe(theirs);
  });

  it("gives up after push-attempts when the branch always moves", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    const other = await repos.clone();
    const file = await writeIn(work, "a.csv", "a\n");
    await expect(
      commitIn(work, [file], {
        pushAttempts: 2,
        beforePush: async (attempt) => {
          await pushFrom(other, `other-${attempt}.txt`, "x\n");
        },
      }),
    ).rejects.toThrow(
      "Cannot push the report to main: the branch moved on every one of 2 attempts; re-run the job",
    );
  });

  it("runs its git calls under the job's signal", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    const file = await writeIn(work, "a.csv", "a\n");
    const reason = new AbortedError("Interrupted by SIGINT", { signal: "SIGINT" });
    await expect(commitIn(work, [file], { signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
    expect(git(repos.origin, "rev-list", "--count", "main")).toBe("1");
  });
});

describe("commitReports under the run's time limit", () => {
  it("does not start without time left, as a timeout (exit 5)", async () => {
    const error = await commitIn("/nonexistent", ["/nonexistent/r.csv"], { timeoutMs: 0 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(GitStoppedError);
    expect(error).toMatchObject({
      message:
        "The commit was not started (timeout): the report used all of the run's time limit. Raise timeout.",
      exitCode: 5,
    });
  });

  it("says the time limit was reached while waiting to push again, and pushes nothing", async () => {
    // The limit's timer is Node's own (AbortSignal.timeout); this stands in for it so that it
    // fires exactly during the wait between two pushes, not at a moment the clock decides.
    const limit = new AbortController();
    vi.spyOn(AbortSignal, "timeout").mockReturnValue(limit.signal);
    const reason = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    const repos = await makeRepos();
    const [work, other] = [await repos.clone(), await repos.clone()];
    const file = await writeIn(work, "reports/r.csv", "a\n");
    let moved = "";
    const error = await commitIn(work, [file], {
      timeoutMs: 90_000,
      random: () => {
        limit.abort(reason);
        return 0;
      },
      beforePush: async (attempt) => {
        if (attempt === 1) moved = await pushFrom(other, "notes.txt", "moved\n");
      },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitStoppedError);
    expect(error).toMatchObject({
      message:
        "The commit was stopped (timeout): the run's time limit of 1m 30s was reached while waiting to push again. Raise timeout.",
      exitCode: 5,
      cause: reason,
    });
    expect(git(repos.origin, "rev-parse", "main")).toBe(moved);
  });
});
