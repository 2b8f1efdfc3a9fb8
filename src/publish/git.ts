import { LuccaReportError } from "../core/errors.ts";
import { redact } from "../core/redact.ts";
import { gitEnvironment, runGitProcess } from "./git-process.ts";

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Thrown when a git command fails; its message has credentials and secrets blanked out. */
export class GitError extends LuccaReportError {
  readonly args: string[];
  readonly result: GitResult;
  constructor(args: string[], result: GitResult, secrets: readonly string[]) {
    const printed = redactSecrets(result.stderr.trim() || result.stdout.trim(), secrets);
    super(`git ${args[0]} failed (exit ${result.code}): ${redactCredentials(printed)}`);
    this.args = args;
    this.result = result;
  }
}

const BRANCH_MOVED =
  /^!\s.*\((?:fetch first|non-fast-forward|stale info|failed to update ref|cannot lock ref[^)]*|incorrect old value provided|failed to lock)\)/m;

export function redactCredentials(text: string): string {
  return text.replace(/(https?:\/\/)[^/@\s]+@/g, "$1***@");
}

/** Blanks each secret, and any long piece of one, in text a child printed (core/redact.ts). */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return redact(text, secrets);
}

export interface GitOptions {
  /** The environment to take git's variables from (scrubbed). @default process.env */
  env?: Record<string, string | undefined>;
  /** The job's cancellation (SIGINT, SIGTERM, SIGHUP, workflow cancel). */
  signal?: AbortSignal;
  /** Time all calls of this instance together may take. @default no limit */
  timeoutMs?: number;
  /** Text never shown in errors nor given to git children (the API key). */
  secrets?: readonly string[];
}

/**
 * git, run without a shell: every argument built from inputs stays one argument. One instance
 * per repository and phase: every call runs under the job's signal and one shared time limit,
 * with a scrubbed environment; `env` of a call adds to it (author, index file).
 */
export class Git {
  readonly cwd: string;
  /** Aborted on cancellation or when the time limit is reached; waits between calls use it. */
  readonly signal: AbortSignal;
  readonly limitMs: number;
  readonly #env: Record<string, string>;
  readonly #secrets: readonly string[];

  constructor(cwd: string, options: GitOptions = {}) {
    this.cwd = cwd;
    this.#secrets = options.secrets ?? [];
    this.#env = gitEnvironment(options.env ?? process.env, this.#secrets);
    this.limitMs = options.timeoutMs ?? Number.POSITIVE_INFINITY;
    const signals = [options.signal ?? new AbortController().signal];
    if (options.timeoutMs !== undefined) {
      signals.push(AbortSignal.timeout(Math.max(0, Math.min(options.timeoutMs, 2 ** 31 - 1))));
    }
    this.signal = AbortSignal.any(signals);
  }

  /** Runs git and returns whatever happened; never throws for a non-zero exit. */
  async exec(
    args: string[],
    options: { env?: Record<string, string>; input?: string } = {},
  ): Promise<GitResult> {
    const outcome = await this.#spawn(args, options, 64 * 1024 * 1024);
    return {
      code: outcome.code ?? 1,
      // Stryker disable next-line StringLiteral: "" means UTF-8
      stdout: outcome.stdout.toString("utf8"),
      // Stryker disable next-line StringLiteral: "" means UTF-8
      stderr: outcome.stderr.toString("utf8"),
    };
  }

  #spawn(
    args: string[],
    options: { env?: Record<string, string>; input?: string },
    maxStdoutBytes: number,
  ) {
    return runGitProcess(args, {
      cwd: this.cwd,
      env: { ...this.#env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", ...options.env },
      input: options.input,
      signal: this.signal,
      maxStdoutBytes,
      limitMs: this.limitMs,
    });
  }

  /** Runs git and returns its trimmed stdout; throws GitError on failure. */
  async run(
    args: string[],
    options: { env?: Record<string, string>; input?: string } = {},
  ): Promise<string> {
    const result = await this.exec(args, options);
    if (result.code !== 0) throw new GitError(args, result, this.#secrets);
    return result.stdout.trim();
  }

  /** The checked-out branch, or undefined on a detached HEAD. */
  async currentBranch(): Promise<string | undefined> {
    const result = await this.exec(["symbolic-ref", "--quiet", "--short", "HEAD"]);
    return result.code === 0 ? result.stdout.trim() : undefined;
  }

  /** The remote branch's tip after fetching it, or undefined when it does not exist. */
  async fetchBranch(remote: string, branch: string): Promise<string | undefined> {
    const ref = `refs/heads/${branch}`;
    const result = await this.exec([
      "fetch",
      "--quiet",
      "--no-tags",
      remote,
      `+${ref}:refs/lucca-report/${branch}`,
    ]);
    if (result.code !== 0) {
      const listed = await this.exec(["ls-remote", "--heads", remote, ref]);
      if (listed.code === 0 && listed.stdout.trim() === "") return undefined;
      throw new GitError(["fetch", remote, ref], result, this.#secrets);
    }
    return this.run(["rev-parse", `refs/lucca-report/${branch}`]);
  }

  /** A file's bytes at a commit, or undefined when the commit does not have it. */
  async readFileAt(commit: string, path: string): Promise<Buffer | undefined> {
    const outcome = await this.#spawn(
      ["cat-file", "blob", `${commit}:${path}`],
      {},
      2 * 1024 * 1024 * 1024,
    );
    return outcome.code === 0 ? outcome.stdout : undefined;
  }

  /**
   * A commit that is `parent` with one file replaced, made in a private index: the working
   * tree, the index and HEAD of the checkout stay as they are, detached or not.
   */
  async commitFile(options: {
    parent: string;
    path: string;
    file: string;
    message: string;
    author: Identity;
    committer: Identity;
    indexFile: string;
  }): Promise<string> {
    return this.commitFiles({ ...options, files: [{ path: options.path, file: options.file }] });
  }

  /** One commit on `parent` replacing several files, made the same way as commitFile. */
  async commitFiles(options: {
    parent: string;
    files: readonly { path: string; file: string }[];
    message: string;
    author: Identity;
    committer: Identity;
    indexFile: string;
  }): Promise<string> {
    const env = { GIT_INDEX_FILE: options.indexFile };
    await this.run(["read-tree", options.parent], { env });
    for (const { path, file } of options.files) {
      const blob = await this.run(["hash-object", "-w", "--", file]);
      await this.run(["update-index", "--add", "--cacheinfo", `100644,${blob},${path}`], { env });
    }
    const tree = await this.run(["write-tree"], { env });
    return this.run(["commit-tree", tree, "-p", options.parent, "-F", "-"], {
      input: options.message,
      env: {
        GIT_AUTHOR_NAME: options.author.name,
        GIT_AUTHOR_EMAIL: options.author.email,
        GIT_COMMITTER_NAME: options.committer.name,
        GIT_COMMITTER_EMAIL: options.committer.email,
      },
    });
  }

  /** Pushes without force; "rejected" when the branch moved on the remote meanwhile. */
  async push(remote: string, commit: string, branch: string): Promise<"pushed" | "rejected"> {
    const result = await this.exec([
      "push",
      "--porcelain",
      remote,
      `${commit}:refs/heads/${branch}`,
    ]);
    if (result.code === 0) return "pushed";
    // --porcelain marks a refused ref with "!" and its reason in parentheses: the branch moved
    // (non-fast-forward), or another push was updating it at that very moment (ref lock).
    if (BRANCH_MOVED.test(result.stdout)) return "rejected";
    throw new GitError(["push", remote, branch], result, this.#secrets);
  }
}

export interface Identity {
  name: string;
  email: string;
}

/** "Name <email>" as git writes it. */
export function parseIdentity(text: string): Identity | undefined {
  const match = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text);
  return match ? { name: match[1] as string, email: match[2] as string } : undefined;
}
