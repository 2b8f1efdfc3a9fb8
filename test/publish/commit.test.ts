import { describe, expect, it } from "vitest";
import { commitReports } from "../../src/publish/commit.ts";
import { git, makeRepos, writeIn } from "../support/git-repos.ts";

const bot = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com",
};

async function publish(
  workspace: string,
  path: string,
  content: string,
  extra: Partial<Parameters<typeof commitReports>[0]> = {},
) {
  const filePath = await writeIn(workspace, path, content);
  return commitReports({
    workspace,
    filePaths: [filePath],
    branch: undefined,
    message: `Add ${path}`,
    author: bot,
    committer: bot,
    pushAttempts: 5,
    random: () => 0,
    ...extra,
  });
}

describe("commit mode against real git repositories", () => {
  it("commits and pushes the first report, then nothing when it is unchanged", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    const first = await publish(work, "reports/2026-10.csv", "a;b\r\n1;2\r\n");
    expect(first).toMatchObject({ branch: "main", changed: true, pushed: true });
    expect(git(repos.origin, "rev-parse", "main")).toBe(first.commitSha);
    expect(git(repos.origin, "show", "main:reports/2026-10.csv")).toBe("a;b\r\n1;2");
    expect(git(repos.origin, "log", "-1", "--format=%an <%ae>|%cn|%s", "main")).toBe(
      "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|github-actions[bot]|Add reports/2026-10.csv",
    );
    // The checkout itself is left as it was: HEAD did not move.
    expect(git(work, "rev-parse", "HEAD")).not.toBe(first.commitSha);

    const again = await publish(await repos.clone(), "reports/2026-10.csv", "a;b\r\n1;2\r\n");
    expect(again).toMatchObject({ changed: false, pushed: false, commitSha: undefined });
    expect(git(repos.origin, "rev-list", "--count", "main")).toBe("2");
  });

  it("commits a changed report on top of the previous one", async () => {
    const repos = await makeRepos();
    await publish(await repos.clone(), "r.csv", "a\n1\n");
    const changed = await publish(await repos.clone(), "r.csv", "a\n1\n2\n");
    expect(changed.changed).toBe(true);
    expect(git(repos.origin, "show", "main:r.csv")).toBe("a\n1\n2");
    expect(git(repos.origin, "rev-list", "--count", "main")).toBe("3");
  });

  it("ignores lines matching commit-ignore-lines when deciding", async () => {
    const repos = await makeRepos();
    await publish(await repos.clone(), "r.csv", "Exported at 2026-11-01 10:00\na\n1\n");
    const same = await publish(
      await repos.clone(),
      "r.csv",
      "Exported at 2026-12-01 09:00\na\n1\n",
      {
        ignoreLines: /^Exported at /,
      },
    );
    expect(same.changed).toBe(false);
    const different = await publish(
      await repos.clone(),
      "r.csv",
      "Exported at 2026-12-01 09:00\na\n2\n",
      {
        ignoreLines: /^Exported at /,
      },
    );
    expect(different.changed).toBe(true);
  });

  it("creates the branch from HEAD when it does not exist, and works from a detached HEAD", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    const head = git(work, "rev-parse", "HEAD");
    git(work, "checkout", "--quiet", "--detach", head);
    const result = await publish(work, "r.csv", "a\n1\n", { branch: "reports" });
    expect(result).toMatchObject({ branch: "reports", changed: true, pushed: true });
    expect(git(repos.origin, "rev-parse", "reports^")).toBe(head);
    expect(git(repos.origin, "rev-parse", "main")).toBe(head);
  });

  it("refuses a detached HEAD without commit-branch", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    git(work, "checkout", "--quiet", "--detach");
    await expect(publish(work, "r.csv", "a\n")).rejects.toThrow(
      /HEAD is detached: set commit-branch/,
    );
  });

  it("lands two runs pushing to the same branch at the same moment, linear and without force", async () => {
    const repos = await makeRepos();
    const [a, b] = [await repos.clone(), await repos.clone()];
    let raced = false;
    // Run A pushes exactly while run B is about to push, so B's first push is refused.
    const resultB = await publish(b, "reports/43.csv", "b\n", {
      beforePush: async () => {
        if (raced) return;
        raced = true;
        await publish(a, "reports/42.csv", "a\n");
      },
    });
    expect(resultB).toMatchObject({ changed: true, pushed: true, attempts: 2 });
    expect(git(repos.origin, "show", "main:reports/42.csv")).toBe("a");
    expect(git(repos.origin, "show", "main:reports/43.csv")).toBe("b");
    expect(git(repos.origin, "rev-list", "--count", "main")).toBe("3");
    expect(git(repos.origin, "rev-list", "--merges", "--count", "main")).toBe("0");
    // Linear history with A's commit kept under B's. This remote refuses force pushes, so it
    // cannot tell one apart; commit-safety.test.ts checks a remote that would accept them.
    const parents = git(repos.origin, "log", "--format=%s", "main").split("\n");
    expect(parents).toEqual(["Add reports/43.csv", "Add reports/42.csv", "Initial commit"]);
  });

  it("lands every report when several runs push at once", async () => {
    const repos = await makeRepos();
    const clones = await Promise.all([1, 2, 3, 4].map(() => repos.clone()));
    const results = await Promise.all(
      clones.map((clone, index) =>
        publish(clone, `reports/${index}.csv`, `report ${index}\n`, { random: Math.random }),
      ),
    );
    expect(results.every((result) => result.pushed)).toBe(true);
    expect(git(repos.origin, "rev-list", "--count", "main")).toBe("5");
    expect(git(repos.origin, "rev-list", "--merges", "--count", "main")).toBe("0");
    expect(
      git(repos.origin, "ls-tree", "--name-only", "main", "reports/").split("\n"),
    ).toHaveLength(4);
  });

  it("fails clearly on a true conflict and leaves the remote untouched", async () => {
    const repos = await makeRepos();
    const [a, b] = [await repos.clone(), await repos.clone()];
    let winner = "";
    const race = publish(b, "r.csv", "from b\n", {
      beforePush: async (attempt) => {
        if (attempt === 1) winner = (await publish(a, "r.csv", "from a\n")).commitSha ?? "";
      },
    });
    await expect(race).rejects.toThrow(
      /another one changed r\.csv differently.*Nothing was overwritten/,
    );
    expect(git(repos.origin, "rev-parse", "main")).toBe(winner);
    expect(git(repos.origin, "show", "main:r.csv")).toBe("from a");
  });

  it("refuses a file outside the workspace", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    await expect(
      commitReports({
        workspace: work,
        filePaths: ["/etc/hostname"],
        branch: undefined,
        message: "x",
        author: bot,
        committer: bot,
        pushAttempts: 1,
      }),
    ).rejects.toThrow(/outside the workspace/);
  });
});
