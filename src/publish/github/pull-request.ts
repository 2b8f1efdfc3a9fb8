import { LuccaReportError } from "../../core/errors.ts";
import {
  checkBlobSizes,
  createFilesCommit,
  type FileChange,
  holdsFiles,
  type RepoFile,
} from "./api-files.ts";
import type { GitHubClient } from "./client.ts";
import { GitHubApiError } from "./errors.ts";
import { type Authorship, checkOwnBranch, DEFAULT_AUTHORSHIPS } from "./own-branch.ts";
import type { Identity, PullRequestRef } from "./types.ts";

export interface PullRequestRequest {
  client: GitHubClient;
  /**
   * The action's own branch: it is force-updated to one commit on the base, but only while
   * every commit on it beyond the base is this action's (see own-branch.ts).
   */
  branch: string;
  /** Branch the pull request goes into. @default the repository's default branch */
  base?: string | undefined;
  /** Branches `branch` must never be, besides the base: the default one, the workflow's own. */
  refuse?: readonly string[] | undefined;
  /**
   * Paths of reports this action may have written on the branch in earlier runs (another
   * period, say), besides `files`. @default only the paths of `files`
   */
  isReportPath?: ((path: string) => boolean) | undefined;
  /** The files that differ from the base go into one commit; the others are left out. */
  files: RepoFile[];
  /** Each text, or a function of the files that differ from the base (each with its version there). */
  message: Text;
  /** Absent: GitHub authors and signs the commit (Verified). */
  identity?: { author: Identity; committer: Identity } | undefined;
  title: Text;
  body: Text;
  labels?: string[] | undefined;
  reviewers?: string[] | undefined;
  teamReviewers?: string[] | undefined;
  draft?: boolean | undefined;
  ignoreLines?: RegExp | undefined;
  maxBlobBytes?: number | undefined;
  signal?: AbortSignal | undefined;
}

type Text = string | ((changed: readonly FileChange[]) => Promise<string> | string);

export interface PullRequestResult {
  /** created: a new pull request; updated: its branch got a new commit; unchanged: neither. */
  operation: "created" | "updated" | "unchanged";
  /** False when the base already holds the report: no branch, no pull request. */
  changed: boolean;
  branch: string;
  base: string;
  number: number | undefined;
  url: string | undefined;
  commitSha: string | undefined;
  /** Repository paths of the files that differ from the base (those the pull request holds). */
  changedPaths: string[];
  /** True when the branch was written (created or force-updated) by this run. */
  pushed: boolean;
  verified: boolean;
}

/**
 * Opens a pull request that brings the files into the base branch, or updates the one already
 * open from `branch`. The branch is rebuilt as one commit on the base's tip and force-updated,
 * unless a commit on it is not this action's: then nothing is written and the run fails naming
 * it. The base itself is only read. When the base already holds the files, nothing is written and
 * an open pull request (for an older report) is left as it is.
 */
export async function publishPullRequest(request: PullRequestRequest): Promise<PullRequestResult> {
  const { client, branch } = request;
  const signal = request.signal ?? new AbortController().signal;
  checkBlobSizes(request.files, request.maxBlobBytes);
  const base = request.base ?? (await client.defaultBranch());
  if (branch === base) {
    throw new LuccaReportError(
      `Cannot open a pull request from ${branch} into itself: pr-branch must differ from pr-base`,
    );
  }
  if (request.refuse?.includes(branch)) {
    throw new LuccaReportError(
      `Cannot use ${branch} as the pull request's branch: the action force-updates pr-branch, and ${branch} is the default branch or the one the workflow runs on`,
    );
  }
  const baseTip = await client.branchTip(base);
  if (baseTip === undefined) {
    throw new LuccaReportError(
      `Cannot open a pull request into ${base}: the branch does not exist`,
    );
  }
  const onBase = await holdsFiles(client, baseTip, request.files, request.ignoreLines);
  const unchanged = {
    branch,
    base,
    number: undefined,
    url: undefined,
    commitSha: undefined,
    changedPaths: [],
    pushed: false,
    verified: false,
  };
  if (onBase.holds) return { operation: "unchanged", changed: false, ...unchanged };

  signal.throwIfAborted();
  const changed = onBase.changed;
  const text = async (value: Text) => (typeof value === "string" ? value : await value(changed));
  const tip = await client.branchTip(branch);
  const [open] = await client.openPullRequests(branch, base);
  let commitSha = tip;
  let verified = false;
  if (tip === undefined || !(await isCurrent(client, tip, baseTip, request))) {
    const commit = await createFilesCommit(client, {
      parent: baseTip,
      files: changed,
      message: await text(request.message),
      identity: request.identity,
    });
    signal.throwIfAborted();
    const created =
      tip === undefined && (await client.createBranch(branch, commit.sha)) === "created";
    if (!created) {
      // Read again right before the force (another run may have created or moved it).
      const current = await client.branchTip(branch);
      if (current !== undefined) {
        const own = request.files.map((file) => file.path);
        await checkOwnBranch(client, {
          branch,
          base,
          baseTip,
          tip: current,
          authorships: authorships(request.identity, commit),
          isReportPath: (path) => own.includes(path) || (request.isReportPath?.(path) ?? false),
        });
      }
      signal.throwIfAborted();
      await client.updateBranch(branch, commit.sha, true);
    }
    commitSha = commit.sha;
    verified = commit.verified;
  }
  const pushed = commitSha !== tip;
  const changedPaths = changed.map((file) => file.path);
  const result = { changed: true, branch, base, commitSha, changedPaths, pushed, verified };
  if (open && !pushed) {
    return { operation: "unchanged", ...result, number: open.number, url: open.url };
  }
  const [title, body] = [await text(request.title), await text(request.body)];
  if (open) {
    const updated = await client.updatePullRequest(open.number, { title, body });
    if (request.labels?.length) await client.addLabels(updated.number, request.labels);
    return { operation: "updated", ...result, number: updated.number, url: updated.url };
  }
  let pull: PullRequestRef;
  try {
    pull = await client.createPullRequest({
      branch,
      base,
      title,
      body,
      draft: request.draft ?? false,
    });
  } catch (error) {
    // Another run opened it since we looked (GitHub answers 422): update that one instead.
    const [opened] =
      error instanceof GitHubApiError && error.status === 422
        ? await client.openPullRequests(branch, base)
        : [];
    if (!opened) throw error;
    const updated = await client.updatePullRequest(opened.number, { title, body });
    if (request.labels?.length) await client.addLabels(updated.number, request.labels);
    return { operation: "updated", ...result, number: updated.number, url: updated.url };
  }
  if (request.labels?.length) await client.addLabels(pull.number, request.labels);
  if (request.reviewers?.length || request.teamReviewers?.length) {
    await client.requestReviewers(
      pull.number,
      request.reviewers ?? [],
      request.teamReviewers ?? [],
    );
  }
  return { operation: "created", ...result, number: pull.number, url: pull.url };
}

/** Who makes this action's commits: as this run made its own, as set, or by default. */
function authorships(
  identity: PullRequestRequest["identity"],
  made: {
    author?: Authorship["author"] | undefined;
    committer?: Authorship["committer"] | undefined;
  },
): Authorship[] {
  const known = [...DEFAULT_AUTHORSHIPS];
  if (identity) known.push(identity);
  if (made.author && made.committer) known.push({ author: made.author, committer: made.committer });
  return known;
}

/** The branch is one commit on the base's tip that already holds the files. */
async function isCurrent(
  client: GitHubClient,
  tip: string,
  baseTip: string,
  request: PullRequestRequest,
): Promise<boolean> {
  const { parents } = await client.commit(tip);
  if (parents.length !== 1 || parents[0] !== baseTip) return false;
  return (await holdsFiles(client, tip, request.files, request.ignoreLines)).holds;
}
