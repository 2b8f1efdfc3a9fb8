import { readFile, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { LuccaReportError } from "../core/errors.ts";
import { afterBranchMoved } from "./branch-moved.ts";
import { type CommitRequest, sameContent } from "./commit.ts";
import { refuseWithoutTimeLeft, withinTimeLimit } from "./commit-time-limit.ts";
import { Git } from "./git.ts";

export interface CommitManyRequest extends Omit<CommitRequest, "filePath" | "message"> {
  /** The reports, already written inside the workspace. */
  filePaths: readonly string[];
  /** The message, given the repository paths that changed. */
  message: (changedPaths: readonly string[]) => string;
}

export interface CommitManyResult {
  branch: string;
  /** Repository paths of the files committed; empty when the branch already held them all. */
  changedPaths: string[];
  commitSha: string | undefined;
  pushed: boolean;
  attempts: number;
}

/**
 * One commit for every report of the step that differs from the branch, pushed without
 * force and made again on the new tip when the branch moved, as commitReport does for one.
 */
export async function commitReports(request: CommitManyRequest): Promise<CommitManyResult> {
  refuseWithoutTimeLeft(request.timeoutMs);
  const git = new Git(request.workspace, {
    env: request.env,
    signal: request.signal,
    timeoutMs: request.timeoutMs,
    secrets: request.secrets,
  });
  return withinTimeLimit(git, request.signal, () => commitAll(git, request));
}

async function commitAll(git: Git, request: CommitManyRequest): Promise<CommitManyResult> {
  const remote = request.remote ?? "origin";
  const workspace = await realpath(request.workspace);
  const files = await Promise.all(
    request.filePaths.map(async (file) => {
      const path = relative(workspace, await realpath(file))
        .split(sep)
        .join("/");
      if (
        path === ".." ||
        path.startsWith("../") ||
        path === "" ||
        /(^|\/)\.git(\/|$)/i.test(path)
      ) {
        throw new LuccaReportError(
          `Cannot commit ${file}: it is outside the workspace ${request.workspace}`,
        );
      }
      return { file, path, ours: await readFile(file) };
    }),
  );
  const branch = request.branch ?? (await git.currentBranch());
  if (branch === undefined) {
    throw new LuccaReportError(
      "Cannot commit the reports as HEAD is detached: set commit-branch to the branch to push to",
    );
  }
  const indexFile = join(tmpdir(), `lucca-report-index-${crypto.randomUUID()}`);
  let previous: { contents: Map<string, Buffer | undefined> } | undefined;
  try {
    // No signal check here: fetchBranch's first git call throws the signal's reason.
    for (let attempt = 1; ; attempt++) {
      const tip = await git.fetchBranch(remote, branch);
      const base = tip ?? (await git.run(["rev-parse", "HEAD"]));
      const contents = new Map<string, Buffer | undefined>();
      const changed: typeof files = [];
      for (const file of files) {
        const theirs = await git.readFileAt(base, file.path);
        contents.set(file.path, theirs);
        if (theirs === undefined || !sameContent(theirs, file.ours, request.ignoreLines)) {
          changed.push(file);
        }
      }
      const none = { branch, changedPaths: [], commitSha: undefined, pushed: false };
      if (changed.length === 0) return { ...none, attempts: attempt };
      // On an unmoved base every file is the same bytes, so only a moved base finds one.
      if (previous) {
        const moved = files.find(
          (file) => !sameBytes(previous?.contents.get(file.path), contents.get(file.path)),
        );
        if (moved) {
          throw new LuccaReportError(
            `Cannot push the reports to ${branch}: while this run was pushing, another one changed ${moved.path} differently ` +
              `(now at ${base.slice(0, 12)}). Nothing was overwritten; check which report is right and re-run.`,
          );
        }
      }
      const changedPaths = changed.map((file) => file.path);
      const commit = await git.commitFiles({
        parent: base,
        files: changed,
        message: request.message(changedPaths),
        author: request.author,
        committer: request.committer,
        indexFile,
      });
      await request.beforePush?.(attempt);
      if ((await git.push(remote, commit, branch)) === "pushed") {
        return { branch, changedPaths, commitSha: commit, pushed: true, attempts: attempt };
      }
      previous = { contents };
      await afterBranchMoved({
        what: "push the reports",
        branch,
        attempt,
        attempts: request.pushAttempts,
        signal: git.signal,
        random: request.random,
      });
    }
  } finally {
    await rm(indexFile, { force: true });
  }
}

function sameBytes(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.equals(b);
}
