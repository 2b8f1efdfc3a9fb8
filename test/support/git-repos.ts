import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { tempDir } from "./cli.ts";

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Test",
      GIT_AUTHOR_EMAIL: "test@example.com",
      GIT_COMMITTER_NAME: "Test",
      GIT_COMMITTER_EMAIL: "test@example.com",
    },
  }).trim();
}

export interface Repos {
  /** The bare repository playing GitHub. */
  origin: string;
  /** Makes a fresh clone of origin, as actions/checkout does. */
  clone(name?: string): Promise<string>;
}

/**
 * A bare "remote" with one commit on main, and clones of it. The remote keeps a reflog of
 * its branches, so a test can tell a forced update from a fast-forward.
 */
export async function makeRepos(
  options: {
    /**
     * Accept forced pushes, as an unprotected GitHub branch does, so that a force push
     * would silently succeed instead of being refused. @default false
     */
    acceptForcePush?: boolean;
  } = {},
): Promise<Repos> {
  const root = await tempDir("lucca-git-");
  const origin = join(root, "origin.git");
  git(root, "init", "--quiet", "--bare", "--initial-branch=main", origin);
  git(origin, "config", "core.logAllRefUpdates", "always");
  // As on GitHub's protected branches: a force push is refused, not silently applied.
  if (!options.acceptForcePush) git(origin, "config", "receive.denyNonFastForwards", "true");
  const seed = join(root, "seed");
  git(root, "clone", "--quiet", origin, seed);
  await writeFile(join(seed, "README.md"), "payroll archive\n");
  git(seed, "add", "README.md");
  git(seed, "commit", "--quiet", "-m", "Initial commit");
  git(seed, "push", "--quiet", "origin", "HEAD:main");
  let clones = 0;
  return {
    origin,
    async clone(name = `clone-${++clones}`) {
      const dir = join(root, name);
      git(root, "clone", "--quiet", origin, dir);
      return dir;
    },
  };
}

/** Every update of a branch in a bare repository, oldest first, from its reflog file. */
export async function refUpdates(
  origin: string,
  branch: string,
): Promise<Array<{ from: string; to: string }>> {
  const log = await readFile(join(origin, "logs/refs/heads", branch), "utf8");
  return log
    .trim()
    .split("\n")
    .map((line) => {
      const [from = "", to = ""] = line.split(" ");
      return { from, to };
    });
}

/** True when `ancestor` is reachable from `descendant` in `repo`: a fast-forward. */
export function isAncestor(repo: string, ancestor: string, descendant: string): boolean {
  try {
    git(repo, "merge-base", "--is-ancestor", ancestor, descendant);
    return true;
  } catch {
    return false;
  }
}

export async function writeIn(dir: string, path: string, content: string): Promise<string> {
  const file = join(dir, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}
