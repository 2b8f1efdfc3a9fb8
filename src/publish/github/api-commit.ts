import { LuccaReportError } from "../../core/errors.ts";
import { sameBytes } from "../../core/same-bytes.ts";
import { afterBranchMoved } from "../branch-moved.ts";
import {
  checkBlobSizes,
  createFilesCommit,
  type FileChange,
  holdsFiles,
  type RepoFile,
} from "./api-files.ts";
import type { GitHubClient } from "./client.ts";
import type { Identity } from "./types.ts";

export interface ApiCommitRequest {
  client: GitHubClient;
  branch: string;
  /** The commit a missing branch starts from (the checked-out commit, say). */
  startPoint: () => Promise<string>;
  /** The files that differ from the branch go into one commit; the others are left out. */
  files: RepoFile[];
  /** The message, or a function of the files that go into the commit. */
  message: string | ((changed: readonly FileChange[]) => string);
  /** Absent: GitHub authors and signs the commit (Verified). */
  identity?: { author: Identity; committer: Identity } | undefined;
  /** Ref updates tried in all when other runs keep moving the branch. @default 5 */
  attempts: number;
  ignoreLines?: RegExp | undefined;
  maxBlobBytes?: number | undefined;
  signal?: AbortSignal | undefined;
  random?: (() => number) | undefined;
  /** Test seam: runs before each ref update, so a test can move the branch at that moment. */
  beforeRefUpdate?: ((attempt: number) => Promise<void>) | undefined;
}

export interface ApiCommitResult {
  branch: string;
  changed: boolean;
  commitSha: string | undefined;
  /** Repository paths of the files committed; empty when the branch already held them all. */
  changedPaths: string[];
  verified: boolean;
  attempts: number;
}

/**
 * Commits the files that differ from the branch on top of it through GitHub's Git Data API and
 * moves the branch without force. A 422 on the ref update means another run moved it: the commit is made
 * again on the new tip, unless that run changed one of the same files differently.
 */
export async function commitViaApi(request: ApiCommitRequest): Promise<ApiCommitResult> {
  const { client, branch } = request;
  const signal = request.signal ?? new AbortController().signal;
  checkBlobSizes(request.files, request.maxBlobBytes);
  const blobs = new Map<string, string>();
  let previous: { base: string; before: (Buffer | undefined)[] } | undefined;
  for (let attempt = 1; ; attempt++) {
    signal.throwIfAborted();
    const tip = await client.branchTip(branch);
    const base = tip ?? (await request.startPoint());
    const { holds, before, changed } = await holdsFiles(
      client,
      base,
      request.files,
      request.ignoreLines,
    );
    if (holds) {
      return {
        branch,
        changed: false,
        commitSha: undefined,
        changedPaths: [],
        verified: false,
        attempts: attempt,
      };
    }
    // Stryker disable next-line ConditionalExpression: equivalent
    // `previous.base !== base` -> true: the same base commit holds the same files, so nothing can
    // count as changed meanwhile.
    if (previous && previous.base !== base) {
      const changedMeanwhile = request.files.filter(
        (_file, index) => !sameBytes(previous?.before[index], before[index]),
      );
      if (changedMeanwhile.length > 0) {
        throw new LuccaReportError(
          `Cannot commit the report to ${branch}: while this run was committing, another one changed ` +
            `${changedMeanwhile.map((file) => file.path).join(", ")} differently (now at ${base.slice(0, 12)}). ` +
            "Nothing was overwritten; check which report is right and re-run.",
        );
      }
    }
    const commit = await createFilesCommit(client, {
      parent: base,
      files: changed,
      message: typeof request.message === "string" ? request.message : request.message(changed),
      identity: request.identity,
      blobs,
    });
    await request.beforeRefUpdate?.(attempt);
    const outcome =
      tip === undefined
        ? (await client.createBranch(branch, commit.sha)) === "created"
          ? "updated"
          : "moved"
        : await client.updateBranch(branch, commit.sha, false);
    if (outcome === "updated") {
      return {
        branch,
        changed: true,
        commitSha: commit.sha,
        changedPaths: changed.map((file) => file.path),
        verified: commit.verified,
        attempts: attempt,
      };
    }
    previous = { base, before };
    await afterBranchMoved({
      what: "commit the report",
      branch,
      attempt,
      attempts: request.attempts,
      signal,
      random: request.random,
    });
  }
}
