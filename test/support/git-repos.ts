import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
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

/** A bare "remote" with one commit on main, and clones of it. */
export async function makeRepos(): Promise<Repos> {
  const root = await tempDir("lucca-git-");
  const origin = join(root, "origin.git");
  git(root, "init", "--quiet", "--bare", "--initial-branch=main", origin);
  // As on GitHub's protected branches: a force push would be refused, not silently applied.
  git(origin, "config", "receive.denyNonFastForwards", "true");
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

export async function writeIn(dir: string, path: string, content: string): Promise<string> {
  const file = join(dir, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}
