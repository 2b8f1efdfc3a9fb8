import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AbortedError } from "../../src/core/errors.ts";
import { type CommitRequest, commitReports } from "../../src/publish/commit.ts";
import { GitStoppedError } from "../../src/publish/git-process.ts";
import { git, makeRepos, type Repos, writeIn } from "../support/git-repos.ts";

const bot = { name: "Bot", email: "bot@example.com" };

afterEach(() => {
  vi.restoreAllMocks();
});

function commitIn(workspace: string, filePath: string, extra: Partial<CommitRequest> = {}) {
  return commitReports({
    workspace,
    filePaths: [filePath],
    branch: undefined,
    message: "Add report",
    author: bot,
    committer: bot,
    pushAttempts: 3,
    ...extra,
  });
}

describe("commitReports refuses what is not a file of the workspace", () => {
  let repos: Repos;
  let work: string;
  beforeAll(async () => {
    repos = await makeRepos();
    work = await repos.clone();
    await writeIn(work, "sub/.GIT", "gitdir: ../.git\n");
  });

  it.each([
    ["the workspace itself", (dir: string) => dir],
    ["the directory above it", (dir: string) => join(dir, "..")],
    ["a file in .git", (dir: string) => join(dir, ".git/description")],
    ["a file named .git", (dir: string) => join(dir, "sub/.GIT")],
  ])("refuses %s, and pushes nothing", async (_name, pick) => {
    const bad = pick(work);
    await expect(commitIn(work, bad)).rejects.toThrow(
      `Cannot commit ${bad}: it is outside the workspace ${work}`,
    );
    expect(git(repos.origin, "rev-list", "--count", "main")).toBe("1");
  });

  it("lets a missing report's error through as it is", async () => {
    const error = await commitIn(work, join(work, "missing.csv")).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: "ENOENT", syscall: "realpath" });
    expect(error).not.toBeInstanceOf(GitStoppedError);
  });
});

describe("commitReports under the run's time limit", () => {
  it("does not start without time left, as a timeout (exit 5)", async () => {
    const error = await commitReports({
      workspace: "/nonexistent",
      filePaths: ["/nonexistent/r.csv"],
      branch: "main",
      message: "x",
      author: bot,
      committer: bot,
      pushAttempts: 1,
      timeoutMs: -1,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitStoppedError);
    expect(error).toMatchObject({
      message:
        "The commit was not started (timeout): the report used all of the run's time limit. Raise timeout.",
      command: "push",
      exitCode: 5,
    });
  });

  /**
   * Moves main before our first push, so that the commit waits to push again; `during` runs
   * as that wait starts (the backoff draws its jitter then).
   */
  async function racedCommit(during: () => void, extra: Partial<CommitRequest> = {}) {
    const repos = await makeRepos();
    const [work, other] = [await repos.clone(), await repos.clone()];
    const filePath = await writeIn(work, "reports/r.csv", "a\n");
    return commitIn(work, filePath, {
      random: () => {
        during();
        return 0;
      },
      beforePush: async (attempt) => {
        if (attempt !== 1) return;
        await writeIn(other, "notes.txt", "moved\n");
        git(other, "add", "notes.txt");
        git(other, "commit", "--quiet", "-m", "notes");
        git(other, "push", "--quiet", "origin", "HEAD:main");
      },
      ...extra,
    }).catch((caught: unknown) => caught);
  }

  it("says the time limit was reached while waiting to push again", async () => {
    // The limit's timer is Node's own (AbortSignal.timeout); this stands in for it so that it
    // fires exactly during the wait between two pushes, not at a moment the clock decides.
    const limit = new AbortController();
    vi.spyOn(AbortSignal, "timeout").mockReturnValue(limit.signal);
    const reason = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    const error = await racedCommit(() => limit.abort(reason), {
      timeoutMs: 90_000,
      signal: new AbortController().signal,
    });
    expect(error).toBeInstanceOf(GitStoppedError);
    expect(error).toMatchObject({
      message:
        "The commit was stopped (timeout): the run's time limit of 1m 30s was reached while waiting to push again. Raise timeout.",
      command: "push",
      exitCode: 5,
      cause: reason,
    });
  });

  it("lets the job's cancellation through as it is", async () => {
    const cancel = new AbortController();
    const reason = new AbortedError("Interrupted by SIGTERM", { signal: "SIGTERM" });
    expect(await racedCommit(() => cancel.abort(reason), { signal: cancel.signal })).toBe(reason);
    const plain = new AbortController();
    const error = await racedCommit(() => plain.abort(), { signal: plain.signal });
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("AbortError");
  });
});
