import { realpath, stat } from "node:fs/promises";
import { isAbsolute, relative, sep } from "node:path";
import { InvalidInputError } from "../core/errors.ts";
import { Git } from "../publish/git.ts";
import type { ActionInputs } from "./inputs.ts";

/**
 * Before any request, with publish: commit or pull-request: the `repository` directory exists
 * and its real path stays inside the workspace's. For a push (commit mode without
 * sign-commits) it must also be the top of a git checkout: the reports' paths in the
 * repository are taken relative to it, and a directory inside a checkout would put them
 * elsewhere.
 */
export async function checkRepository(
  inputs: Pick<ActionInputs, "publish" | "repository" | "github">,
  workspace: string,
  env: Record<string, string | undefined>,
  signal: AbortSignal,
): Promise<void> {
  if (!inputs.publish.includes("commit") && !inputs.publish.includes("pull-request")) return;
  const push = inputs.publish.includes("commit") && !inputs.github.signCommits;
  const { path, dir } = inputs.repository;
  const refuse = (why: string) => new InvalidInputError(`repository: "${path}" ${why}`);
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined) {
    throw refuse(
      `does not exist in the workspace; check the repository out there first (actions/checkout with path: ${path})`,
    );
  }
  if (!info.isDirectory()) throw refuse("is not a directory");
  const [real, realWorkspace] = await Promise.all([realpath(dir), realpath(workspace)]);
  const rel = relative(realWorkspace, real);
  if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw refuse(`resolves to ${real}, outside the workspace (through a symbolic link)`);
  }
  if (!push) return;
  const git = new Git(dir, { env, signal, timeoutMs: 30_000 });
  const top = await git.exec(["rev-parse", "--show-toplevel"]);
  if (top.code !== 0) {
    const said = top.stderr.trim().split("\n")[0] ?? "";
    throw refuse(
      `is not a git checkout (${said}); publish: commit commits into a clone made by actions/checkout`,
    );
  }
  const topDir = await realpath(top.stdout.trim()).catch(() => top.stdout.trim());
  if (topDir !== real) {
    throw refuse(
      `is inside the git checkout ${topDir} but is not its top directory; give the checkout's own directory`,
    );
  }
}
