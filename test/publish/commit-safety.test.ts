import { describe, expect, it } from "vitest";
import { commitReports } from "../../src/publish/commit.ts";
import { git, isAncestor, makeRepos, refUpdates, writeIn } from "../support/git-repos.ts";

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
    // The shortest backoff the jitter allows: these tests count attempts, not time.
    random: () => 0.999,
    ...extra,
  });
}

const NO_COMMIT = /^0+$/;

describe("commit mode never loses work, on a remote that would accept a force push", () => {
  it("re-commits on the moved branch instead of overwriting it: every remote update is a fast-forward", async () => {
    const repos = await makeRepos({ acceptForcePush: true });
    const [a, b] = [await repos.clone(), await repos.clone()];
    let winner: string | undefined;
    const result = await publish(b, "reports/43.csv", "b\n", {
      beforePush: async (attempt) => {
        if (attempt === 1) winner = (await publish(a, "reports/42.csv", "a\n")).commitSha;
      },
    });
    expect(result).toMatchObject({ changed: true, pushed: true, attempts: 2 });
    const tip = git(repos.origin, "rev-parse", "main");
    expect(tip).toBe(result.commitSha);
    // The other run's commit is still in the branch's history, under ours.
    expect(winner).toMatch(/^[0-9a-f]{40}$/);
    expect(isAncestor(repos.origin, winner as string, tip)).toBe(true);
    expect(git(repos.origin, "show", "main:reports/42.csv")).toBe("a");
    expect(git(repos.origin, "show", "main:reports/43.csv")).toBe("b");
    // The remote's reflog: the seed push, run A's push, run B's second push, each one a
    // fast-forward of the one before (a forced update would not be).
    const updates = await refUpdates(repos.origin, "main");
    expect(updates.map((update) => update.to)).toEqual([
      git(repos.origin, "rev-parse", "main~2"),
      winner,
      tip,
    ]);
    for (const { from, to } of updates) {
      if (!NO_COMMIT.test(from)) expect(isAncestor(repos.origin, from, to)).toBe(true);
    }
  });
});

describe("commit mode leaves the checkout as it was", () => {
  it("keeps the working tree, the index and HEAD: staged and unstaged changes survive", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    await writeIn(work, "notes.txt", "staged, not committed\n");
    git(work, "add", "notes.txt");
    await writeIn(work, "README.md", "payroll archive\nedited, not staged\n");
    const report = await writeIn(work, "reports/2026-10.csv", "a;b\n1;2\n");
    const before = {
      head: git(work, "rev-parse", "HEAD"),
      status: git(work, "status", "--porcelain"),
      cached: git(work, "diff", "--cached"),
      unstaged: git(work, "diff"),
    };
    // git() trims its output, hence the README line without its leading space.
    expect(before.status.split("\n").sort()).toEqual([
      "?? reports/",
      "A  notes.txt",
      "M README.md",
    ]);
    expect(before.cached).toMatch(/notes\.txt/);
    expect(before.unstaged).toMatch(/edited, not staged/);

    const result = await commitReports({
      workspace: work,
      filePaths: [report],
      branch: undefined,
      message: "Add report",
      author: bot,
      committer: bot,
      pushAttempts: 1,
    });

    expect(result).toMatchObject({ changed: true, pushed: true });
    expect(git(repos.origin, "show", "main:reports/2026-10.csv")).toBe("a;b\n1;2");
    // The commit holds the report and the remote's files only, nothing from the checkout.
    expect(git(repos.origin, "ls-tree", "-r", "--name-only", "main").split("\n")).toEqual([
      "README.md",
      "reports/2026-10.csv",
    ]);
    expect(git(repos.origin, "show", "main:README.md")).toBe("payroll archive");
    expect({
      head: git(work, "rev-parse", "HEAD"),
      status: git(work, "status", "--porcelain"),
      cached: git(work, "diff", "--cached"),
      unstaged: git(work, "diff"),
    }).toEqual(before);
  });
});

describe("push-attempts", () => {
  /** Moves main on the remote before each of our pushes, from a clone of its own. */
  async function alwaysMoving(repos: Awaited<ReturnType<typeof makeRepos>>) {
    const other = await repos.clone();
    const pushes: number[] = [];
    return {
      pushes,
      beforePush: async (attempt: number) => {
        pushes.push(attempt);
        await publish(other, `reports/other-${attempt}.csv`, `other ${attempt}\n`);
      },
    };
  }

  it.each([1, 3])(
    "gives up after exactly %i push(es) when the branch always moves",
    async (limit) => {
      const repos = await makeRepos();
      const work = await repos.clone();
      const moving = await alwaysMoving(repos);
      await expect(
        publish(work, "reports/ours.csv", "ours\n", {
          pushAttempts: limit,
          beforePush: moving.beforePush,
        }),
      ).rejects.toThrow(
        new RegExp(`the branch moved on every one of ${limit} attempts; re-run the job`),
      );
      expect(moving.pushes).toEqual(Array.from({ length: limit }, (_, i) => i + 1));
      // Nothing of ours reached the remote; every one of the other run's commits did.
      expect(git(repos.origin, "ls-tree", "--name-only", "main", "reports/").split("\n")).toEqual(
        moving.pushes.map((attempt) => `reports/other-${attempt}.csv`),
      );
    },
  );

  it("lands on the last allowed attempt", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    const moving = await alwaysMoving(repos);
    const result = await publish(work, "reports/ours.csv", "ours\n", {
      pushAttempts: 3,
      beforePush: async (attempt) => {
        if (attempt < 3) await moving.beforePush(attempt);
      },
    });
    expect(result).toMatchObject({ pushed: true, attempts: 3 });
  });
});
