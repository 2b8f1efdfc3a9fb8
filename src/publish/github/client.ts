import { defaults as actionsDefaults, GitHub, getOctokitOptions } from "@actions/github/lib/utils";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { RequestError } from "@octokit/request-error";
import Bottleneck from "bottleneck/light.js";
import type * as z from "zod";
import { LuccaReportError } from "../../core/errors.ts";
import { excerptOf, redact } from "../../core/redact.ts";
import { answers } from "./answers.ts";
import { GitHubApiError } from "./errors.ts";

export { GitHubApiError };

/** GitHub's size limit for one blob sent through the Git Data API. */
export const MAX_BLOB_BYTES = 100 * 1024 * 1024;

export interface GitHubClientOptions {
  token: string;
  /** "owner/name". */
  repository: string;
  /** GITHUB_API_URL; https://HOST/api/v3 on GitHub Enterprise Server. @default https://api.github.com */
  apiUrl?: string | undefined;
  signal?: AbortSignal | undefined;
  /** One HTTP request; a timed-out request is retried like a network error. @default 30000 */
  requestTimeoutMs?: number | undefined;
  /** Retries of a 5xx or network failure (plugin-retry). @default 3 */
  retries?: number | undefined;
  /**
   * Gap between two writes and between two notifying writes (a pull request, a review
   * request), as GitHub recommends to stay clear of secondary rate limits. Tests set 0.
   * @default { writeMs: 1000, notifyMs: 3000 }
   */
  spacing?: { writeMs: number; notifyMs: number } | undefined;
  /**
   * How long one second of a wait lasts: a rate limit's retry-after, plugin-retry's back-off
   * (1 s, 4 s, 9 s). Tests shorten it so that those paths run in milliseconds. @default 1000
   */
  retryAfterUnitMs?: number | undefined;
  /** Warnings from Octokit (deprecations, rate limits). */
  warn?: ((message: string) => void) | undefined;
}

export interface Identity {
  name: string;
  email: string;
}

export interface TreeEntry {
  path: string;
  mode: string;
  type: string;
  sha: string;
}

export interface PullRequestRef {
  number: number;
  url: string;
  headSha: string;
}

/** Which permission each call needs, to say it plainly when GitHub answers 403. */
type Permission = "contents: read" | "contents: write" | "pull-requests: write" | "issues: write";

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
    const timeoutMs = options.requestTimeoutMs ?? 30_000;
    const signal = options.signal;
    const baseFetch = (actionsDefaults.request?.fetch ?? fetch) as typeof fetch;
    // Each attempt gets its own timeout. A cancelled job surfaces as an AbortError, which
    // @octokit/request rethrows as is and plugin-retry does not retry.
    const requestFetch: typeof fetch = (input, init) => {
      // Stryker disable next-line ConditionalExpression, BlockStatement: equivalent
      // -> false or {}: fetch refuses an aborted signal itself and the catch maps it to the same
      // AbortError.
      if (signal?.aborted) {
        // Stryker disable next-line StringLiteral: equivalent
        // The message -> "": Octokit reads only the name, and #call rethrows the job's own reason.
        return Promise.reject(new DOMException("The job was cancelled", "AbortError"));
      }
      const signals = [AbortSignal.timeout(timeoutMs)];
      if (init?.signal) signals.push(init.signal);
      if (signal) signals.push(signal);
      return baseFetch(input, { ...init, signal: AbortSignal.any(signals) }).catch((error) => {
        // Whatever reason the job gave, Octokit must see an AbortError, or it would retry.
        // Stryker disable next-line StringLiteral: equivalent
        // The message -> "": Octokit reads only the name, and #call rethrows the job's own reason.
        if (signal?.aborted) throw new DOMException("The job was cancelled", "AbortError");
        throw error;
      });
    };
    const spacing = options.spacing ?? { writeMs: 1000, notifyMs: 3000 };
    const warn = options.warn ?? (() => {});
    const unitMs = options.retryAfterUnitMs ?? 1000;
    const Client = GitHub.plugin(retry, throttling);
    this.#octokit = new Client(
      getOctokitOptions(options.token, {
        baseUrl: this.apiUrl,
        request: { fetch: requestFetch },
        retry: { retries: options.retries ?? 3, retryAfterBaseValue: unitMs },
        throttle: {
          retryAfterBaseValue: unitMs,
          write: new Bottleneck.Group({ maxConcurrent: 1, minTime: spacing.writeMs }),
          notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: spacing.notifyMs }),
          // A primary or secondary rate limit is waited out twice at most, and never for long.
          onRateLimit: (after: number, _options: unknown, _octokit: unknown, count: number) => {
            warn(
              `GitHub's rate limit was reached; ${count < 2 && after <= 60 ? `retrying in ${after} s` : "giving up"}`,
            );
            return count < 2 && after <= 60;
          },
          onSecondaryRateLimit: (
            after: number,
            _options: unknown,
            _octokit: unknown,
            count: number,
          ) => {
            warn(
              `GitHub's secondary rate limit was reached; ${count < 2 && after <= 60 ? `retrying in ${after} s` : "giving up"}`,
            );
            return count < 2 && after <= 60;
          },
        },
        log: {
          debug: () => {},
          info: () => {},
          // Stryker disable next-line ArrowFunction: equivalent
          // Only deprecation notices reach this forwarder, and Octokit sends those to console
          // instead.
          warn: (message: string) => warn(this.redact(message)),
          error: () => {},
        },
      }),
    );
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

  async commit(sha: string): Promise<{ sha: string; tree: string; parents: string[] }> {
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
  }): Promise<{ sha: string; verified: boolean }> {
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
    return { sha: data.sha, verified: data.verification.verified };
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
    // Stryker disable next-line ArrayDeclaration: equivalent
    // `[this.#token]` -> []: the token-shaped pattern below and excerptOf(..., [token]) blank it
    // all the same.
    return redact(text, [this.#token]).replace(
      /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g,
      "***",
    );
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
    const status = error instanceof RequestError ? error.status : undefined;
    const said = excerptOf(this.redact(error instanceof Error ? error.message : String(error)), [
      this.#token,
    ]);
    let hint = "";
    if (rateLimited(error)) {
      hint = " GitHub's rate limit for this token was reached: run the job again later.";
    } else if (status === 403 || status === 401) {
      hint =
        status === 401
          ? " The token was refused: check github-token."
          : ` The token needs \`permissions: ${permission}\` in the workflow (or job)` +
            (permission === "pull-requests: write"
              ? ', and the repository must allow it: Settings > Actions > General > "Allow GitHub Actions to create and approve pull requests".'
              : ".");
    } else if (status === 404) {
      hint = " Check the repository name and that the token can read it.";
    }
    return new GitHubApiError(
      `GitHub API ${method} ${path} failed${status ? ` (${status})` : ""}: ${said}${/[.!?]$/.test(said) ? "" : "."}${hint}`,
      { status, method, path, cause: error },
    );
  }
}

/** GitHub's refusals for its primary (remaining 0) or secondary (Retry-After) rate limit. */
function rateLimited(error: unknown): boolean {
  if (!(error instanceof RequestError) || (error.status !== 403 && error.status !== 429)) {
    return false;
  }
  const headers = error.response?.headers ?? {};
  return headers["x-ratelimit-remaining"] === "0" || headers["retry-after"] !== undefined;
}
