import { describe, expect, it } from "vitest";
import { commitReports } from "../../src/publish/commit.ts";
import { git, makeRepos, writeIn } from "../support/git-repos.ts";

const bot = { name: "bot", email: "bot@example.com" };
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`);
const paths = ["42", "43"].flatMap((t) => months.map((m) => `reports/${t}_${m}.csv`));

async function publishAll(workspace: string, content: (path: string) => string) {
  const filePaths = await Promise.all(paths.map((path) => writeIn(workspace, path, content(path))));
  return commitReports({
    workspace,
    filePaths,
    branch: undefined,
    message: (changed) => `Add ${changed.length} reports\n\n${changed.join("\n")}`,
    author: bot,
    committer: bot,
    pushAttempts: 3,
    random: () => 0,
  });
}

describe("one commit for every report of the step (real git)", () => {
  it("commits 24 new files at once, nothing on an identical rerun, one file when one changed", async () => {
    const repos = await makeRepos();
    const first = await publishAll(await repos.clone(), (path) => `a;b\r\n${path}\r\n`);
    expect(first.changedPaths).toHaveLength(24);
    expect(git(repos.origin, "rev-parse", "main")).toBe(first.commitSha);
    expect(git(repos.origin, "rev-list", "--count", "main")).toBe("2");
    expect(git(repos.origin, "show", "--name-only", "--format=", "main").split("\n")).toHaveLength(
      24,
    );
    expect(git(repos.origin, "log", "-1", "--format=%s", "main")).toBe("Add 24 reports");

    const again = await publishAll(await repos.clone(), (path) => `a;b\r\n${path}\r\n`);
    expect(again).toMatchObject({ changedPaths: [], commitSha: undefined, pushed: false });
    expect(git(repos.origin, "rev-list", "--count", "main")).toBe("2");

    const changedOne = "reports/43_2026-05.csv";
    const third = await publishAll(await repos.clone(), (path) =>
      path === changedOne ? "a;b\r\nnew\r\n" : `a;b\r\n${path}\r\n`,
    );
    expect(third.changedPaths).toEqual([changedOne]);
    expect(git(repos.origin, "show", "--name-only", "--format=", "main")).toBe(changedOne);
    expect(git(repos.origin, "rev-list", "--count", "main")).toBe("3");
  });

  it("makes the commit again on the new tip when another run moved the branch", async () => {
    const repos = await makeRepos();
    const other = await repos.clone();
    const work = await repos.clone();
    const filePaths = await Promise.all(paths.slice(0, 2).map((p) => writeIn(work, p, "x\n")));
    const result = await commitReports({
      workspace: work,
      filePaths,
      branch: undefined,
      message: (changed) => `Add ${changed.length}`,
      author: bot,
      committer: bot,
      pushAttempts: 3,
      random: () => 0,
      beforePush: async (attempt) => {
        if (attempt !== 1) return;
        await writeIn(other, "notes.txt", "hello\n");
        git(other, "add", "notes.txt");
        git(other, "commit", "--quiet", "-m", "notes");
        git(other, "push", "--quiet", "origin", "HEAD:main");
      },
    });
    expect(result).toMatchObject({ attempts: 2, pushed: true });
    expect(git(repos.origin, "show", "main:notes.txt")).toBe("hello");
    expect(git(repos.origin, "show", "--name-only", "--format=", "main").split("\n")).toEqual(
      paths.slice(0, 2),
    );
  });
});
