import { readFile, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { forEachRecordIn, recordBody } from "../core/csv-records.ts";
import { LuccaReportError } from "../core/errors.ts";
import { afterBranchMoved } from "./branch-moved.ts";
import { refuseWithoutTimeLeft, withinTimeLimit } from "./commit-time-limit.ts";
import { Git, type Identity } from "./git.ts";

export interface CommitRequest {
  /** The checked-out repository (GITHUB_WORKSPACE). */
  workspace: string;
  /** The report, already written inside the workspace. */
  filePath: string;
  /** Branch to push to; default the checked-out branch. Created from HEAD when missing. */
  branch: string | undefined;
  message: string;
  author: Identity;
  committer: Identity;
  /** Pushes tried in all when the branch keeps moving. @default 5 */
  pushAttempts: number;
  /** Lines matching this do not count when deciding whether the file changed. */
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
  /** Test seam: runs before each push, so a test can move the branch at that exact moment. */
  beforePush?: (attempt: number) => Promise<void>;
}

export interface CommitResult {
  branch: string;
  /** False when the branch already holds this content: nothing was committed. */
  changed: boolean;
  commitSha: string | undefined;
  pushed: boolean;
  attempts: number;
}

/**
 * Commits the report on top of the remote branch and pushes it, never by force. When the
 * push is refused because another run moved the branch, the commit is made again on the new
 * tip (a rebase of a one-file change), unless that run changed the same file differently.
 */
export async function commitReport(request: CommitRequest): Promise<CommitResult> {
  refuseWithoutTimeLeft(request.timeoutMs);
  const git = new Git(request.workspace, {
    env: request.env,
    signal: request.signal,
    timeoutMs: request.timeoutMs,
    secrets: request.secrets,
  });
  return withinTimeLimit(git, request.signal, () => commitWith(git, request));
}

async function commitWith(git: Git, request: CommitRequest): Promise<CommitResult> {
  const remote = request.remote ?? "origin";
  const signal = git.signal;
  // The file's path is real (output-target.ts resolved it); so must the workspace's be.
  const workspace = await realpath(request.workspace);
  const path = relative(workspace, await realpath(request.filePath))
    .split(sep)
    .join("/");
  if (path.startsWith("../") || path === "" || path === ".." || /(^|\/)\.git(\/|$)/i.test(path)) {
    throw new LuccaReportError(
      `Cannot commit ${request.filePath}: it is outside the workspace ${request.workspace}`,
    );
  }
  const branch = request.branch ?? (await git.currentBranch());
  if (branch === undefined) {
    throw new LuccaReportError(
      "Cannot commit the report as HEAD is detached: set commit-branch to the branch to push to",
    );
  }
  const ours = await readFile(request.filePath);
  const indexFile = join(tmpdir(), `lucca-report-index-${crypto.randomUUID()}`);
  let previous: { content: Buffer | undefined } | undefined;
  try {
    // No signal check here: fetchBranch's first git call throws the signal's reason.
    for (let attempt = 1; ; attempt++) {
      const tip = await git.fetchBranch(remote, branch);
      const base = tip ?? (await git.run(["rev-parse", "HEAD"]));
      const theirs = await git.readFileAt(base, path);
      if (theirs !== undefined && sameContent(theirs, ours, request.ignoreLines)) {
        return { branch, changed: false, commitSha: undefined, pushed: false, attempts: attempt };
      }
      // On an unmoved base the file is the same bytes, so only a moved base can fail this.
      if (previous && !sameBytes(previous.content, theirs)) {
        throw new LuccaReportError(
          `Cannot push the report to ${branch}: while this run was pushing, another one changed ${path} differently ` +
            `(now at ${base.slice(0, 12)}). Nothing was overwritten; check which report is right and re-run.`,
        );
      }
      const commit = await git.commitFile({
        parent: base,
        path,
        file: request.filePath,
        message: request.message,
        author: request.author,
        committer: request.committer,
        indexFile,
      });
      await request.beforePush?.(attempt);
      if ((await git.push(remote, commit, branch)) === "pushed") {
        return { branch, changed: true, commitSha: commit, pushed: true, attempts: attempt };
      }
      previous = { content: theirs };
      await afterBranchMoved({
        what: "push the report",
        branch,
        attempt,
        attempts: request.pushAttempts,
        signal,
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

/**
 * Equal bytes, or equal once the records matching `ignore` (an export timestamp, say) are left
 * out. Records are split and compared as the artifact mode's change detection does it
 * (csv-records.ts's rule, via the same normalisation): `commit-ignore-lines` means the same in
 * both modes.
 */
export function sameContent(a: Buffer, b: Buffer, ignore: RegExp | undefined): boolean {
  if (a.equals(b)) return true;
  if (!ignore) return false;
  const kept = (bytes: Buffer) => {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    // Stryker disable next-line ArrayDeclaration: equivalent
    // A first element: both sides get the same one.
    const records: string[] = [];
    forEachRecordIn(bytes.subarray(start), (record) => {
      const text = Buffer.from(recordBody(record)).toString("utf8");
      if (!ignore.test(text)) records.push(text);
      return undefined;
    });
    return records.join("\n");
  };
  return kept(a) === kept(b);
}
