import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CheckoutSync, checkoutSyncText } from "../../src/publish/checkout-sync.ts";
import { type CommitRequest, commitReports } from "../../src/publish/commit.ts";
import { git, makeRepos, writeIn } from "../support/git-repos.ts";

const bot = { name: "Bot", email: "bot@example.com" };

/** Writes the reports into `work`, then commits and pushes them with updateCheckout. */
async function publish(
  work: string,
  files: Record<string, string>,
  extra: Partial<CommitRequest> = {},
) {
  const filePaths = await Promise.all(
    Object.entries(files).map(([path, content]) => writeIn(work, path, content)),
  );
  return commitReports({
    workspace: work,
    filePaths,
    branch: undefined,
    message: "Add reports",
    author: bot,
    committer: bot,
    pushAttempts: 3,
    random: () => 0,
    updateCheckout: true,
    ...extra,
  });
}

/** A commit on main from another clone, as a later push by someone else. */
async function pushElsewhere(clone: string, path: string, content: string): Promise<string> {
  git(clone, "pull", "--quiet", "--ff-only");
  await writeIn(clone, path, content);
  git(clone, "add", path);
  git(clone, "commit", "--quiet", "-m", `Edit ${path}`);
  git(clone, "push", "--quiet", "origin", "HEAD:main");
  return git(clone, "rev-parse", "HEAD");
}

describe("the checkout after a commit step", () => {
  it("moves a clean checkout to the pushed commit, so git status is clean and git pull works", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    const result = await publish(work, { "reports/a.csv": "a\n1\n", "reports/b.csv": "b\n2\n" });
    expect(result.pushed).toBe(true);
    expect(result.checkout).toEqual({ moved: true, branch: "main", head: result.commitSha });
    expect(git(work, "rev-parse", "HEAD")).toBe(result.commitSha);
    expect(git(work, "status", "--porcelain")).toBe("");
    expect(git(work, "reflog", "-1", "--format=%gs", "main")).toBe(
      "lucca-report: fast-forward to the pushed reports",
    );
    // Someone pushes after the step: the later `git pull` of the workflow goes through.
    const later = await pushElsewhere(await repos.clone(), "README.md", "edited\n");
    git(work, "pull", "--quiet", "--ff-only");
    expect(git(work, "rev-parse", "HEAD")).toBe(later);
    expect(await readFile(join(work, "reports/a.csv"), "utf8")).toBe("a\n1\n");
  });

  it("also moves a checkout where the report was a tracked file it overwrote", async () => {
    const repos = await makeRepos();
    await publish(await repos.clone(), { "r.csv": "old\n" });
    const work = await repos.clone();
    const result = await publish(work, { "r.csv": "new\n" });
    expect(result.checkout?.moved).toBe(true);
    expect(git(work, "status", "--porcelain")).toBe("");
    expect(git(work, "show", "HEAD:r.csv")).toBe("new");
  });

  it("moves a checkout on a branch that did not exist on the remote and was created from HEAD", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    git(work, "checkout", "--quiet", "-b", "reports");
    const result = await publish(work, { "r.csv": "a\n" });
    expect(result).toMatchObject({ branch: "reports", pushed: true });
    expect(result.checkout?.moved).toBe(true);
    expect(git(work, "rev-parse", "reports")).toBe(git(repos.origin, "rev-parse", "reports"));
    expect(git(work, "status", "--porcelain")).toBe("");
  });

  it("keeps a report that matched the branch but for ignored lines as the run wrote it", async () => {
    const repos = await makeRepos();
    await publish(await repos.clone(), { "same.csv": "At 10:00\na\n" });
    const work = await repos.clone();
    const result = await publish(
      work,
      { "same.csv": "At 11:00\na\n", "new.csv": "n\n" },
      { ignoreLines: /^At / },
    );
    expect(result.changedPaths).toEqual(["new.csv"]);
    expect(result.checkout?.moved).toBe(true);
    expect(git(work, "status", "--porcelain")).toBe("M same.csv");
    expect(await readFile(join(work, "same.csv"), "utf8")).toBe("At 11:00\na\n");
  });

  it("leaves a checkout with changes to tracked files alone, and says so", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    const before = git(work, "rev-parse", "HEAD");
    await writeFile(join(work, "README.md"), "work in progress\n");
    const result = await publish(work, { "r.csv": "a\n" });
    expect(result.pushed).toBe(true);
    expect(result.checkout).toEqual({
      moved: false,
      reason: "it has uncommitted changes (README.md)",
      branch: "main",
      head: before,
    });
    expect(git(work, "rev-parse", "HEAD")).toBe(before);
    expect(git(work, "status", "--porcelain")).toBe("M README.md\n?? r.csv");
    expect(await readFile(join(work, "README.md"), "utf8")).toBe("work in progress\n");
    expect(checkoutSyncText(result.checkout as CheckoutSync, 1)).toBe(
      `The checkout was left at ${before.slice(0, 12)} on main, not moved to the pushed commit: it has uncommitted changes (README.md); the report is an uncommitted file there`,
    );
  });

  it("leaves a checkout with a staged change alone", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    await writeIn(work, "notes.txt", "staged\n");
    git(work, "add", "notes.txt");
    const result = await publish(work, { "r.csv": "a\n" });
    expect(result.checkout).toMatchObject({ moved: false, reason: /notes\.txt/ });
    expect(git(work, "status", "--porcelain")).toBe("A  notes.txt\n?? r.csv");
  });

  it("leaves a checkout on another branch alone", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    git(work, "checkout", "--quiet", "-b", "feature");
    const result = await publish(work, { "r.csv": "a\n" }, { branch: "main" });
    expect(result.checkout).toMatchObject({
      moved: false,
      reason: "it is on feature, not main",
      branch: "feature",
    });
    expect(git(work, "rev-parse", "feature")).toBe(git(repos.origin, "rev-parse", "main^"));
    expect(git(work, "status", "--porcelain")).toBe("?? r.csv");
  });

  it("leaves a detached HEAD alone", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    git(work, "checkout", "--quiet", "--detach");
    const result = await publish(work, { "r.csv": "a\n" }, { branch: "main" });
    expect(result.checkout).toMatchObject({ moved: false, reason: "HEAD is detached" });
    expect(checkoutSyncText(result.checkout as CheckoutSync, 2)).toMatch(
      /^The checkout was left at [0-9a-f]{12} \(detached HEAD\), not moved to the pushed commit: HEAD is detached; the reports are uncommitted files there$/,
    );
  });

  it("leaves a checkout the branch moved away from alone", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    const before = git(work, "rev-parse", "HEAD");
    await pushElsewhere(await repos.clone(), "other.txt", "x\n");
    const result = await publish(work, { "r.csv": "a\n" });
    expect(result.checkout).toMatchObject({
      moved: false,
      reason: "main had moved since it was checked out",
    });
    expect(git(work, "rev-parse", "HEAD")).toBe(before);
  });

  it("puts everything back when git refuses the move (the report changed after the commit)", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    const before = git(work, "rev-parse", "HEAD");
    const result = await publish(
      work,
      { "r.csv": "committed\n" },
      { beforePush: () => writeFile(join(work, "r.csv"), "rewritten\n") },
    );
    expect(result.pushed).toBe(true);
    expect(result.checkout).toMatchObject({ moved: false, reason: /^git would not update it: / });
    expect(git(work, "rev-parse", "HEAD")).toBe(before);
    expect(git(work, "status", "--porcelain")).toBe("?? r.csv");
    expect(await readFile(join(work, "r.csv"), "utf8")).toBe("rewritten\n");
  });
});
