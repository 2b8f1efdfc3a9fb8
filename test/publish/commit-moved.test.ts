import { readdir } from "node:fs/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type CommitRequest, commitReports } from "../../src/publish/commit.ts";
import { tempDir } from "../support/cli.ts";
import { git, makeRepos, writeIn } from "../support/git-repos.ts";

const bot = { name: "Bot", email: "bot@example.com" };

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Pushes a commit touching `path` from a clone of its own, as another run would. */
async function pushFrom(clone: string, path: string, content: string): Promise<string> {
  await writeIn(clone, path, content);
  git(clone, "add", path);
  git(clone, "commit", "--quiet", "-m", `other ${path}`);
  git(clone, "push", "--quiet", "origin", "HEAD:main");
  return git(clone, "rev-parse", "HEAD");
}

async function raced(
  beforePush: (other: string, attempt: number) => Promise<void>,
  extra: Partial<CommitRequest> = {},
  beforeStart: () => void = () => {},
) {
  const repos = await makeRepos();
  const [work, other] = [await repos.clone(), await repos.clone()];
  const filePath = await writeIn(work, "reports/r.csv", "ours\n");
  beforeStart();
  const result = commitReports({
    workspace: work,
    filePaths: [filePath],
    branch: undefined,
    message: "Add report",
    author: bot,
    committer: bot,
    pushAttempts: 3,
    random: () => 0.999,
    beforePush: (attempt) => beforePush(other, attempt),
    ...extra,
  });
  return { repos, result };
}

describe("commitReports when the branch moves", () => {
  it("names the branch, the file and the new tip when another run changed the report", async () => {
    let theirs = "";
    const { repos, result } = await raced(async (other, attempt) => {
      if (attempt === 1) theirs = await pushFrom(other, "reports/r.csv", "theirs\n");
    });
    const error = await result.catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      `Cannot push the report to main: while this run was pushing, another one changed reports/r.csv differently (now at ${theirs.slice(0, 12)}). Nothing was overwritten; check which report is right and re-run.`,
    );
    expect(git(repos.origin, "rev-parse", "main")).toBe(theirs);
  });

  it("names what it gave up on", async () => {
    const { result } = await raced(
      async (other, attempt) => {
        await pushFrom(other, `notes-${attempt}.txt`, "x\n");
      },
      { pushAttempts: 1 },
    );
    await expect(result).rejects.toThrow(
      /^Cannot push the report to main: the branch moved on every one of 1 attempts; re-run the job$/,
    );
  });

  it("removes its private index file once landed on the moved branch", async () => {
    const scratch = await tempDir();
    // os.tmpdir() reads TMPDIR at each call: the index file goes to this empty directory.
    const { result } = await raced(
      async (other, attempt) => {
        if (attempt === 1) await pushFrom(other, "notes.txt", "x\n");
      },
      {},
      () => vi.stubEnv("TMPDIR", scratch),
    );
    expect(await result).toMatchObject({ pushed: true, attempts: 2 });
    expect(await readdir(scratch)).toEqual([]);
  });
});
