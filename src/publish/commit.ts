import { readFile, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { LuccaReportError } from "../core/errors.ts";
import { sameBytes } from "../core/same-bytes.ts";
import { afterBranchMoved } from "./branch-moved.ts";
import { type CheckoutSync, tryFastForwardCheckout } from "./checkout-sync.ts";
import { refuseWithoutTimeLeft, withinTimeLimit } from "./commit-time-limit.ts";
import { sameContent } from "./csv-diff.ts";
import { Git, type Identity } from "./git.ts";

export interface CommitRequest {
  /** The checked-out repository (GITHUB_WORKSPACE). */
  workspace: string;
  /** The reports, already written inside the workspace. */
  filePaths: readonly string[];
  /** Branch to push to; default the checked-out branch. Created from HEAD when missing. */
  branch: string | undefined;
  /** The message, or a function of the repository paths that changed. */
  message: string | ((changedPaths: readonly string[]) => string);
  author: Identity;
  committer: Identity;
  /** Pushes tried in all when the branch keeps moving. @default 5 */
  pushAttempts: number;
  /** Lines matching this do not count when deciding whether a file changed. */
  ignoreLines?: RegExp | undefined;
  remote?: string;
  /** The job's cancellation; every git call and wait stops with it. */
  signal?: AbortSignal;
  /** Time the whole commit phase may take (what is left of the run's timeout). @default none */
  timeoutMs?: number;
  /** Never shown in errors nor given to git children (the API key). */
  secrets?: readonly string[];
  /** Where git children take PATH, HOME, proxies from (scrubbed). @default process.env */
  env?: Record<string, string | undefined>;
  random?: () => number;
  /**
   * After a push, move the checkout to the pushed commit when it is clean and on that branch
   * (checkout-sync.ts), so a later `git pull` works. @default false
   */
  updateCheckout?: boolean;
  /** Test seam: runs before each push, so a test can move the branch at that exact moment. */
  beforePush?: (attempt: number) => Promise<void>;
}

export interface CommitResult {
  branch: string;
  /** Repository paths of the files committed; empty when the branch already held them all. */
  changedPaths: string[];
  /** False when the branch already holds this content: nothing was committed. */
  changed: boolean;
  commitSha: string | undefined;
  pushed: boolean;
  attempts: number;
  /** With updateCheckout, after a push: whether the checkout moved to the pushed commit. */
  checkout?: CheckoutSync | undefined;
}

/**
 * One commit for every report of the step that differs from the branch, made on top of the
 * remote branch and pushed, never by force. When the push is refused because another run
 * moved the branch, the commit is made again on the new tip (a rebase of a change that only
 * touches the reports), unless that run changed one of the same files differently.
 */
export async function commitReports(request: CommitRequest): Promise<CommitResult> {
  refuseWithoutTimeLeft(request.timeoutMs);
  const git = new Git(request.workspace, {
    env: request.env,
    signal: request.signal,
    timeoutMs: request.timeoutMs,
    secrets: request.secrets,
  });
  return withinTimeLimit(git, request.signal, () => commitAll(git, request));
}

async function commitAll(git: Git, request: CommitRequest): Promise<CommitResult> {
  const remote = request.remote ?? "origin";
  const files = await filesOf(request);
  const branch = request.branch ?? (await git.currentBranch());
  if (branch === undefined) {
    throw new LuccaReportError(
      `Cannot commit the ${files.length === 1 ? "report" : "reports"} as HEAD is detached: set commit-branch to the branch to push to`,
    );
  }
  const what = files.length === 1 ? "the report" : "the reports";
  const indexFile = join(tmpdir(), `lucca-report-index-${crypto.randomUUID()}`);
  let previous: Map<string, Buffer | undefined> | undefined;
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
        if (theirs === undefined || !(await sameContent(theirs, file.ours, request.ignoreLines))) {
          changed.push(file);
        }
      }
      const none = { branch, changedPaths: [], changed: false, commitSha: undefined };
      if (changed.length === 0) return { ...none, pushed: false, attempts: attempt };
      // On an unmoved base every file is the same bytes, so only a moved base finds one.
      const moved =
        previous && files.find((f) => !sameBytes(previous?.get(f.path), contents.get(f.path)));
      if (moved) {
        throw new LuccaReportError(
          `Cannot push ${what} to ${branch}: while this run was pushing, another one changed ${moved.path} differently ` +
            `(now at ${base.slice(0, 12)}). Nothing was overwritten; check which report is right and re-run.`,
        );
      }
      const changedPaths = changed.map((file) => file.path);
      const commit = await git.commitFiles({
        parent: base,
        files: changed,
        message:
          typeof request.message === "string" ? request.message : request.message(changedPaths),
        author: request.author,
        committer: request.committer,
        indexFile,
      });
      await request.beforePush?.(attempt);
      if ((await git.push(remote, commit, branch)) === "pushed") {
        const checkout = request.updateCheckout
          ? await tryFastForwardCheckout(
              git,
              {
                branch,
                commit,
                committedPaths: changedPaths,
                reportPaths: files.map((file) => file.path),
              },
              request.signal,
            )
          : undefined;
        return {
          checkout,
          branch,
          changedPaths,
          changed: true,
          commitSha: commit,
          pushed: true,
          attempts: attempt,
        };
      }
      previous = contents;
      await afterBranchMoved({
        what: `push ${what}`,
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

/** Each report's path in the repository and its bytes, read once. */
async function filesOf(request: CommitRequest) {
  // The files' paths are real (output-target.ts resolved them); so must the workspace's be.
  const workspace = await realpath(request.workspace);
  return Promise.all(
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
}
