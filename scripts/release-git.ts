// The few git questions a release asks, answered by the real git in a given directory.
import { execFile } from "node:child_process";
import { ReleaseError } from "./release-lib.ts";

export type Git = (args: string[]) => Promise<string>;

export function gitIn(cwd: string): Git {
  return (args) =>
    new Promise((resolve, reject) => {
      execFile("git", args, { cwd, encoding: "utf8" }, (error, stdout, stderr) => {
        if (error) {
          reject(
            new ReleaseError(`git ${args.join(" ")} failed: ${stderr.trim() || error.message}`, {
              cause: error,
            }),
          );
        } else resolve(stdout.trim());
      });
    });
}

/** The commit a ref points at, or undefined when the ref does not exist. */
export async function commitOf(git: Git, ref: string): Promise<string | undefined> {
  try {
    return await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    return undefined;
  }
}

/** Whether `commit` is `ancestor` or a descendant of it. */
export async function descendsFrom(git: Git, commit: string, ancestor: string): Promise<boolean> {
  try {
    await git(["merge-base", "--is-ancestor", ancestor, commit]);
    return true;
  } catch (error) {
    // Exit 1 means "not an ancestor"; anything else (unknown commit) is a real failure.
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    if (code === 1) return false;
    throw error;
  }
}

export async function tagsAt(git: Git, commit: string): Promise<string[]> {
  const out = await git(["tag", "--points-at", commit]);
  return out ? out.split("\n") : [];
}
