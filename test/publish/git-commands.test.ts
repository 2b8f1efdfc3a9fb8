import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Git, GitError } from "../../src/publish/git.ts";
import { tempDir } from "../support/cli.ts";
import { git, makeRepos, type Repos, writeIn } from "../support/git-repos.ts";

const bot = { name: "Payroll Bot", email: "payroll@acme.example" };

let repos: Repos;
let work: string;
let main: string;
beforeAll(async () => {
  repos = await makeRepos();
  work = await repos.clone();
  main = git(repos.origin, "rev-parse", "main");
});

async function failure(promise: Promise<unknown>): Promise<GitError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(GitError);
  return error as GitError;
}

describe("Git against real repositories", () => {
  it("fetches a branch's tip, and tells a missing branch from a failing fetch", async () => {
    const client = new Git(work);
    expect(await client.fetchBranch("origin", "main")).toBe(main);
    expect(git(work, "rev-parse", "refs/lucca-report/main")).toBe(main);
    expect(await client.fetchBranch("origin", "no-such-branch")).toBeUndefined();

    const error = await failure(client.fetchBranch("nowhere", "main"));
    expect(error.args).toEqual(["fetch", "nowhere", "refs/heads/main"]);
    expect(error.result.code).toBe(128);
    expect(error.message).toMatch(
      /^git fetch failed \(exit 128\): fatal: 'nowhere' does not appear to be a git repository\n/,
    );
  });

  it("fails a fetch that breaks even though the branch exists", async () => {
    const other = await repos.clone();
    // A stale lock on the ref the fetch writes: the remote has the branch, the fetch fails.
    await mkdir(join(other, ".git/refs/lucca-report"), { recursive: true });
    await writeFile(join(other, ".git/refs/lucca-report/main.lock"), "");
    const error = await failure(new Git(other).fetchBranch("origin", "main"));
    expect(error.args).toEqual(["fetch", "origin", "refs/heads/main"]);
    expect(error.message).toMatch(/^git fetch failed \(exit 1\): .*main\.lock/s);
  });

  it("reads a file's exact bytes at a commit, and nothing for a missing one", async () => {
    const client = new Git(work);
    expect(await client.readFileAt(main, "README.md")).toEqual(Buffer.from("payroll archive\n"));
    expect(await client.readFileAt(main, "reports/none.csv")).toBeUndefined();
    const big = Buffer.alloc(3 * 1024 * 1024, "a;b\r\n");
    const scratch = await tempDir();
    const file = join(scratch, "big.csv");
    await writeFile(file, big);
    const commit = await client.commitFile({
      parent: main,
      path: "big.csv",
      file,
      message: "big",
      author: bot,
      committer: bot,
      indexFile: join(scratch, "index"),
    });
    expect((await client.readFileAt(commit, "big.csv"))?.equals(big)).toBe(true);
  });

  it("names the checked-out branch, and none on a detached HEAD", async () => {
    const other = await repos.clone();
    expect(await new Git(other).currentBranch()).toBe("main");
    git(other, "checkout", "--quiet", "--detach");
    expect(await new Git(other).currentBranch()).toBeUndefined();
  });

  it("exec returns a failure that run throws, with its arguments", async () => {
    const client = new Git(work);
    const result = await client.exec(["rev-parse", "--verify", "--quiet", "nope"]);
    expect(result).toEqual({ code: 1, stdout: "", stderr: "" });
    const error = await failure(client.run(["rev-parse", "--verify", "nope"]));
    expect(error.args).toEqual(["rev-parse", "--verify", "nope"]);
    expect(error.message).toBe("git rev-parse failed (exit 128): fatal: Needed a single revision");
  });

  it("gives git a scrubbed environment, non-interactive and in the C locale, plus the call's own", async () => {
    const client = new Git(work, {
      env: { PATH: process.env.PATH, HOME: "/home/runner", INPUT_KEY: "k", LC_ALL: "fr_FR" },
      secrets: ["k-secret-value"],
    });
    const env = await client.run(["-c", "alias.showenv=!env", "showenv"], {
      env: { GIT_INDEX_FILE: "/tmp/index" },
    });
    const lines = env.split("\n");
    expect(lines).toContain("GIT_TERMINAL_PROMPT=0");
    expect(lines).toContain("LC_ALL=C");
    expect(lines).toContain("HOME=/home/runner");
    expect(lines).toContain("GIT_INDEX_FILE=/tmp/index");
    expect(env).not.toContain("INPUT_KEY");
  });

  it("commits files on a parent in a private index, with the identities and message given", async () => {
    const other = await repos.clone();
    const client = new Git(other);
    const a = await writeIn(other, "reports/a.csv", "a;b\r\n1;2\r\n");
    const b = await writeIn(other, "b.csv", "b\n");
    const indexFile = join(await tempDir(), "index");
    const commit = await client.commitFiles({
      parent: main,
      files: [
        { path: "reports/a.csv", file: a },
        { path: "b.csv", file: b },
      ],
      message: "Add two reports\n\nwith a body",
      author: bot,
      committer: { name: "Committer", email: "c@acme.example" },
      indexFile,
    });
    expect(git(other, "rev-parse", `${commit}^`)).toBe(main);
    expect(git(other, "ls-tree", "-r", "--name-only", commit).split("\n")).toEqual([
      "README.md",
      "b.csv",
      "reports/a.csv",
    ]);
    expect(git(other, "cat-file", "blob", `${commit}:reports/a.csv`)).toBe("a;b\r\n1;2");
    expect(git(other, "log", "-1", "--format=%an <%ae>|%cn <%ce>|%B", commit)).toBe(
      "Payroll Bot <payroll@acme.example>|Committer <c@acme.example>|Add two reports\n\nwith a body",
    );
    // The checkout's own index did not see the files.
    expect(git(other, "status", "--porcelain")).toBe("?? b.csv\n?? reports/");
  });

  it("pushes, says 'rejected' when the branch moved, and fails on anything else", async () => {
    const mine = await repos.clone();
    const theirs = await repos.clone();
    const client = new Git(mine);
    const file = await writeIn(mine, "x.csv", "x\n");
    const indexFile = join(await tempDir(), "index");
    const commitOn = (parent: string) =>
      client.commitFile({
        parent,
        path: "x.csv",
        file,
        message: "x",
        author: bot,
        committer: bot,
        indexFile,
      });
    await writeIn(theirs, "y.csv", "y\n");
    git(theirs, "add", "y.csv");
    git(theirs, "commit", "--quiet", "-m", "y");
    git(theirs, "push", "--quiet", "origin", "HEAD:main");
    const base = git(mine, "rev-parse", "HEAD");
    expect(await client.push("origin", await commitOn(base), "main")).toBe("rejected");
    const tip = (await client.fetchBranch("origin", "main")) as string;
    expect(await client.push("origin", await commitOn(tip), "main")).toBe("pushed");

    // Another push holding the branch's lock on the remote is a moved branch too.
    const lock = join(repos.origin, "refs/heads/main.lock");
    await writeFile(lock, "");
    try {
      const locked = await commitOn(git(repos.origin, "rev-parse", "main"));
      expect(await client.push("origin", locked, "main")).toBe("rejected");
    } finally {
      await rm(lock);
    }

    const hook = join(repos.origin, "hooks/pre-receive");
    await writeFile(hook, "#!/bin/sh\necho 'no pushes today' >&2\nexit 1\n", { mode: 0o755 });
    try {
      const declined = await commitOn(git(repos.origin, "rev-parse", "main"));
      const error = await failure(client.push("origin", declined, "main"));
      expect(error.args).toEqual(["push", "origin", "main"]);
      expect(error.message).toMatch(/^git push failed \(exit 1\): remote: no pushes today/);
    } finally {
      await writeFile(hook, "#!/bin/sh\nexit 0\n");
    }
  });
});

describe("Git's time limit", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("is a timer of the limit given, held to what a timer can hold", () => {
    const timeout = vi.spyOn(AbortSignal, "timeout");
    expect(new Git(".", { timeoutMs: 1500 }).limitMs).toBe(1500);
    new Git(".", { timeoutMs: 10 ** 12 });
    new Git(".", { timeoutMs: -5 });
    expect(timeout.mock.calls).toEqual([[1500], [2 ** 31 - 1], [0]]);
    expect(new Git(".").limitMs).toBe(Number.POSITIVE_INFINITY);
    expect(timeout).toHaveBeenCalledTimes(3);
  });
});

describe("GitError", () => {
  it("shows what git printed on stderr, else on stdout, trimmed", () => {
    const both = new GitError(["push"], { code: 1, stdout: "out", stderr: "  err\n" }, []);
    expect(both.message).toBe("git push failed (exit 1): err");
    const stdoutOnly = new GitError(
      ["push"],
      { code: 2, stdout: "\n  out  \n", stderr: " \n" },
      [],
    );
    expect(stdoutOnly.message).toBe("git push failed (exit 2): out");
  });
});
