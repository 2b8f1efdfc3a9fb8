import { LuccaReportError } from "../../core/errors.ts";
import { checkBlobSizes, createFilesCommit, holdsFiles, type RepoFile } from "./api-files.ts";
import type { GitHubClient, Identity, PullRequestRef } from "./client.ts";
import { GitHubApiError } from "./errors.ts";

export interface PullRequestRequest {
  client: GitHubClient;
  /** The action's own branch: it is force-updated to one commit on the base. */
  branch: string;
  /** Branch the pull request goes into. @default the repository's default branch */
  base?: string | undefined;
  /** Every file goes into one commit. */
  files: RepoFile[];
  message: string;
  /** Absent: GitHub authors and signs the commit (Verified). */
  identity?: { author: Identity; committer: Identity } | undefined;
  title: string;
  /** The body, or a function of each file's content on the base (undefined: not there yet). */
  body: string | ((before: (Buffer | undefined)[]) => Promise<string> | string);
  labels?: string[] | undefined;
  reviewers?: string[] | undefined;
  teamReviewers?: string[] | undefined;
  draft?: boolean | undefined;
  ignoreLines?: RegExp | undefined;
  maxBlobBytes?: number | undefined;
  signal?: AbortSignal | undefined;
}

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
  /** True when the branch was written (created or force-updated) by this run. */
  pushed: boolean;
  verified: boolean;
}

/**
 * Opens a pull request that brings the files into the base branch, or updates the one already
 * open from `branch`. The branch is rebuilt as one commit on the base's tip and force-updated;
 * the base itself is only read. When the base already holds the files, nothing is written and
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
    pushed: false,
    verified: false,
  };
  if (onBase.holds) return { operation: "unchanged", changed: false, ...unchanged };

  signal.throwIfAborted();
  const tip = await client.branchTip(branch);
  const [open] = await client.openPullRequests(branch, base);
  let commitSha = tip;
  let verified = false;
  if (tip === undefined || !(await isCurrent(client, tip, baseTip, request))) {
    const commit = await createFilesCommit(client, {
      parent: baseTip,
      files: request.files,
      message: request.message,
      identity: request.identity,
    });
    signal.throwIfAborted();
    const created =
      tip === undefined && (await client.createBranch(branch, commit.sha)) === "created";
    if (!created) await client.updateBranch(branch, commit.sha, true);
    commitSha = commit.sha;
    verified = commit.verified;
  }
  const pushed = commitSha !== tip;
  const body = typeof request.body === "string" ? request.body : await request.body(onBase.before);
  const result = { changed: true, branch, base, commitSha, pushed, verified };
  if (open) {
    if (!pushed) return { operation: "unchanged", ...result, number: open.number, url: open.url };
    const updated = await client.updatePullRequest(open.number, { title: request.title, body });
    if (request.labels?.length) await client.addLabels(updated.number, request.labels);
    return { operation: "updated", ...result, number: updated.number, url: updated.url };
  }
  let pull: PullRequestRef;
  try {
    pull = await client.createPullRequest({
      branch,
      base,
      title: request.title,
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
    const updated = await client.updatePullRequest(opened.number, { title: request.title, body });
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
