import type { GitHub } from "@actions/github/lib/utils";
import type * as z from "zod";
import { LuccaReportError } from "../../core/errors.ts";
import { answers } from "./answers.ts";
import { describeApiFailure, type Permission, redactToken } from "./api-failure.ts";
import { GitHubApiError } from "./errors.ts";
import { createOctokit, type GitHubClientOptions } from "./octokit-client.ts";
import type { Comparison, CreatedCommit, Identity, PullRequestRef, TreeEntry } from "./types.ts";

/** GitHub's size limit for one blob sent through the Git Data API. */
export const MAX_BLOB_BYTES = 100 * 1024 * 1024;

/**
 * The one door to GitHub's REST API: every call carries the job's signal and a per-request
 * timeout, is retried and throttled by Octokit's plugins, and fails with a GitHubApiError
 * whose message names the call and never holds the token.
 */
export class GitHubClient {
  readonly owner: string;
  readonly repo: string;
  readonly apiUrl: string;
  readonly #octokit: InstanceType<typeof GitHub>;
  readonly #token: string;
  readonly #signal: AbortSignal | undefined;

  constructor(options: GitHubClientOptions) {
    const [owner, repo, ...rest] = options.repository.split("/");
    if (!owner || !repo || rest.length > 0) {
      throw new LuccaReportError(
        `Cannot call GitHub as the repository "${options.repository}" is not of the form owner/name`,
      );
    }
    if (!options.token) {
      throw new LuccaReportError(
        "Cannot call GitHub without a token: set github-token (by default the job's GITHUB_TOKEN)",
      );
    }
    this.owner = owner;
    this.repo = repo;
    this.apiUrl = (options.apiUrl || "https://api.github.com").replace(/\/+$/, "");
    this.#token = options.token;
    this.#signal = options.signal;
    this.#octokit = createOctokit(options, this.apiUrl, (text) => this.redact(text));
  }

  get #repo() {
    return { owner: this.owner, repo: this.repo };
  }

  /** The repository's default branch. */
  async defaultBranch(): Promise<string> {
    const data = await this.#read(
      "GET",
      `/repos/${this.owner}/${this.repo}`,
      "contents: read",
      answers.repository,
      () => this.#octokit.rest.repos.get(this.#repo),
    );
    return data.default_branch;
  }

  /** The branch's tip, or undefined when the branch does not exist. */
  async branchTip(branch: string): Promise<string | undefined> {
    const path = `/repos/${this.owner}/${this.repo}/git/ref/heads/${branch}`;
    try {
      const data = await this.#read("GET", path, "contents: read", answers.ref, () =>
        this.#octokit.rest.git.getRef({ ...this.#repo, ref: `heads/${branch}` }),
      );
      return data.object.sha;
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  async commit(
    sha: string,
  ): Promise<{ sha: string; tree: string; parents: string[]; author?: Identity | undefined }> {
    const data = await this.#read(
      "GET",
      `/repos/${this.owner}/${this.repo}/git/commits/${sha}`,
      "contents: read",
      answers.commit,
      () => this.#octokit.rest.git.getCommit({ ...this.#repo, commit_sha: sha }),
    );
    return {
      sha: data.sha,
      tree: data.tree.sha,
      parents: data.parents.map((parent) => parent.sha),
      author: data.author,
    };
  }

  async tree(sha: string): Promise<TreeEntry[]> {
    const data = await this.#read(
      "GET",
      `/repos/${this.owner}/${this.repo}/git/trees/${sha}`,
      "contents: read",
      answers.tree,
      () => this.#octokit.rest.git.getTree({ ...this.#repo, tree_sha: sha }),
    );
    return data.tree.map((entry) => ({
      path: entry.path ?? "",
      mode: entry.mode ?? "",
      type: entry.type ?? "",
      sha: entry.sha ?? "",
    }));
  }

  async blob(sha: string): Promise<Buffer> {
    const data = await this.#read(
      "GET",
      `/repos/${this.owner}/${this.repo}/git/blobs/${sha}`,
      "contents: read",
      answers.blob,
      () => this.#octokit.rest.git.getBlob({ ...this.#repo, file_sha: sha }),
    );
    return Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
  }

  async createBlob(content: Buffer): Promise<string> {
    const data = await this.#read(
      "POST",
      `/repos/${this.owner}/${this.repo}/git/blobs`,
      "contents: write",
      answers.created,
      () =>
        this.#octokit.rest.git.createBlob({
          ...this.#repo,
          content: content.toString("base64"),
          encoding: "base64",
        }),
    );
    return data.sha;
  }

  async createTree(baseTree: string, entries: { path: string; sha: string }[]): Promise<string> {
    const data = await this.#read(
      "POST",
      `/repos/${this.owner}/${this.repo}/git/trees`,
      "contents: write",
      answers.created,
      () =>
        this.#octokit.rest.git.createTree({
          ...this.#repo,
          base_tree: baseTree,
          tree: entries.map((entry) => ({
            path: entry.path,
            mode: "100644" as const,
            type: "blob" as const,
            sha: entry.sha,
          })),
        }),
    );
    return data.sha;
  }

  /**
   * A commit object. Without author and committer GitHub makes the token's identity the
   * author and signs the commit (shown as Verified); with either, it does not sign.
   */
  async createCommit(options: {
    message: string;
    tree: string;
    parents: string[];
    author?: Identity | undefined;
    committer?: Identity | undefined;
  }): Promise<CreatedCommit> {
    const data = await this.#read(
      "POST",
      `/repos/${this.owner}/${this.repo}/git/commits`,
      "contents: write",
      answers.createdCommit,
      () =>
        this.#octokit.rest.git.createCommit({
          ...this.#repo,
          message: options.message,
          tree: options.tree,
          parents: options.parents,
          ...(options.author ? { author: options.author } : {}),
          ...(options.committer ? { committer: options.committer } : {}),
        }),
    );
    return {
      sha: data.sha,
      verified: data.verification.verified,
      author: data.author,
      committer: data.committer,
    };
  }

  /**
   * The commits on `head` that `base` does not have (as `git log base..head`, oldest first, at
   * most 250) and, with a single page, the files that differ from their merge base (at most 300).
   */
  async compare(base: string, head: string): Promise<Comparison> {
    const basehead = `${base}...${head}`;
    const data = await this.#read(
      "GET",
      `/repos/${this.owner}/${this.repo}/compare/${basehead}`,
      "contents: read",
      answers.comparison,
      () => this.#octokit.rest.repos.compareCommitsWithBasehead({ ...this.#repo, basehead }),
    );
    return {
      totalCommits: data.total_commits,
      commits: data.commits.map((commit) => ({
        sha: commit.sha,
        parents: commit.parents.map((parent) => parent.sha),
        author: commit.commit.author,
        committer: commit.commit.committer,
      })),
      files: (data.files ?? []).map((file) => ({
        path: file.filename,
        previousPath: file.previous_filename,
      })),
    };
  }

  /** Creates the branch; "exists" when another run created it first. */
  async createBranch(branch: string, sha: string): Promise<"created" | "exists"> {
    try {
      await this.#call(
        "POST",
        `/repos/${this.owner}/${this.repo}/git/refs`,
        "contents: write",
        () => this.#octokit.rest.git.createRef({ ...this.#repo, ref: `refs/heads/${branch}`, sha }),
      );
      return "created";
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 422) return "exists";
      throw error;
    }
  }

  /**
   * Moves the branch to `sha`. Without force, GitHub answers 422 when `sha` does not descend
   * from the current tip: another run moved the branch ("moved").
   */
  async updateBranch(branch: string, sha: string, force: boolean): Promise<"updated" | "moved"> {
    try {
      await this.#call(
        "PATCH",
        `/repos/${this.owner}/${this.repo}/git/refs/heads/${branch}`,
        "contents: write",
        () =>
          this.#octokit.rest.git.updateRef({ ...this.#repo, ref: `heads/${branch}`, sha, force }),
      );
      return "updated";
    } catch (error) {
      if (!force && error instanceof GitHubApiError && error.status === 422) return "moved";
      throw error;
    }
  }

  /** Open pull requests from `branch` (of this repository) into `base`. */
  async openPullRequests(branch: string, base: string): Promise<PullRequestRef[]> {
    const data = await this.#read(
      "GET",
      `/repos/${this.owner}/${this.repo}/pulls`,
      "contents: read",
      answers.pullRequests,
      () =>
        this.#octokit.rest.pulls.list({
          ...this.#repo,
          state: "open",
          head: `${this.owner}:${branch}`,
          base,
        }),
    );
    return data.map((pull) => ({
      number: pull.number,
      url: pull.html_url,
      headSha: pull.head.sha,
    }));
  }

  async createPullRequest(options: {
    branch: string;
    base: string;
    title: string;
    body: string;
    draft: boolean;
  }): Promise<PullRequestRef> {
    const data = await this.#read(
      "POST",
      `/repos/${this.owner}/${this.repo}/pulls`,
      "pull-requests: write",
      answers.pullRequest,
      () =>
        this.#octokit.rest.pulls.create({
          ...this.#repo,
          head: options.branch,
          base: options.base,
          title: options.title,
          body: options.body,
          draft: options.draft,
        }),
    );
    return { number: data.number, url: data.html_url, headSha: data.head.sha };
  }

  async updatePullRequest(
    number: number,
    options: { title: string; body: string },
  ): Promise<PullRequestRef> {
    const data = await this.#read(
      "PATCH",
      `/repos/${this.owner}/${this.repo}/pulls/${number}`,
      "pull-requests: write",
      answers.pullRequest,
      () => this.#octokit.rest.pulls.update({ ...this.#repo, pull_number: number, ...options }),
    );
    return { number: data.number, url: data.html_url, headSha: data.head.sha };
  }

  async addLabels(number: number, labels: string[]): Promise<void> {
    await this.#call(
      "POST",
      `/repos/${this.owner}/${this.repo}/issues/${number}/labels`,
      "pull-requests: write",
      () => this.#octokit.rest.issues.addLabels({ ...this.#repo, issue_number: number, labels }),
    );
  }

  async requestReviewers(
    number: number,
    reviewers: string[],
    teamReviewers: string[],
  ): Promise<void> {
    await this.#call(
      "POST",
      `/repos/${this.owner}/${this.repo}/pulls/${number}/requested_reviewers`,
      "pull-requests: write",
      () =>
        this.#octokit.rest.pulls.requestReviewers({
          ...this.#repo,
          pull_number: number,
          reviewers,
          team_reviewers: teamReviewers,
        }),
    );
  }

  /** The token, and anything that looks like one, blanked out of text bound for a log. */
  redact(text: string): string {
    return redactToken(text, this.#token);
  }

  /** A call whose answer is read: it must have the shape GitHub documents. */
  async #read<S extends z.ZodType>(
    method: string,
    path: string,
    permission: Permission,
    schema: S,
    send: () => Promise<{ status: number; data: unknown }>,
  ): Promise<z.infer<S>> {
    const { status, data } = await this.#call(method, path, permission, send);
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new GitHubApiError(
        `GitHub API ${method} ${path} failed (${status}): the answer is not what GitHub sends ` +
          "(a body cut off, or a page from a proxy in between). Run the job again; if it persists, check the network between the runner and GitHub.",
        { status, method, path },
      );
    }
    return parsed.data;
  }

  async #call<T>(
    method: string,
    path: string,
    permission: Permission,
    send: () => Promise<T>,
  ): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (this.#signal?.aborted) throw this.#signal.reason;
      throw this.#failure(method, path, permission, error);
    }
  }

  #failure(method: string, path: string, permission: Permission, error: unknown): GitHubApiError {
    return describeApiFailure({
      method,
      path,
      permission,
      error,
      token: this.#token,
      redact: (text) => this.redact(text),
    });
  }
}
