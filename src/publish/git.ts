import { execFile } from "node:child_process";
import { LuccaReportError } from "../core/errors.ts";

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Thrown when a git command fails; its message has any credentials in URLs blanked out. */
export class GitError extends LuccaReportError {
  readonly args: string[];
  readonly result: GitResult;
  constructor(args: string[], result: GitResult) {
    super(
      `git ${args[0]} failed (exit ${result.code}): ${redactCredentials(result.stderr.trim() || result.stdout.trim())}`,
    );
    this.args = args;
    this.result = result;
  }
}

const BRANCH_MOVED =
  /^!\s.*\((?:fetch first|non-fast-forward|stale info|failed to update ref|cannot lock ref[^)]*|incorrect old value provided|failed to lock)\)/m;

export function redactCredentials(text: string): string {
  return text.replace(/(https?:\/\/)[^/@\s]+@/g, "$1***@");
}

/**
 * git, run without a shell: every argument built from inputs stays one argument.
 * One instance per repository; `env` adds to the process environment (author, index file).
 */
export class Git {
  readonly cwd: string;
  readonly #env: Record<string, string | undefined>;

  constructor(cwd: string, env: Record<string, string | undefined> = process.env) {
    this.cwd = cwd;
    this.#env = env;
  }

  /** Runs git and returns whatever happened; never throws for a non-zero exit. */
  exec(
    args: string[],
    options: { env?: Record<string, string>; input?: string } = {},
  ): Promise<GitResult> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        "git",
        args,
        {
          cwd: this.cwd,
          env: { ...this.#env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", ...options.env },
          maxBuffer: 64 * 1024 * 1024,
          encoding: "utf8",
        },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== "number") {
            reject(new LuccaReportError(`Cannot run git: ${error.message}`, { cause: error }));
            return;
          }
          resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
        },
      );
      if (options.input !== undefined) child.stdin?.end(options.input);
    });
  }

  /** Runs git and returns its trimmed stdout; throws GitError on failure. */
  async run(
    args: string[],
    options: { env?: Record<string, string>; input?: string } = {},
  ): Promise<string> {
    const result = await this.exec(args, options);
    if (result.code !== 0) throw new GitError(args, result);
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
      throw new GitError(["fetch", remote, ref], result);
    }
    return this.run(["rev-parse", `refs/lucca-report/${branch}`]);
  }

  /** A file's bytes at a commit, or undefined when the commit does not have it. */
  async readFileAt(commit: string, path: string): Promise<Buffer | undefined> {
    return new Promise((resolve, reject) => {
      execFile(
        "git",
        ["cat-file", "blob", `${commit}:${path}`],
        {
          cwd: this.cwd,
          env: { ...this.#env, LC_ALL: "C" },
          encoding: "buffer",
          maxBuffer: 2 * 1024 * 1024 * 1024,
        },
        (error, stdout) => {
          if (error && typeof error.code !== "number") reject(error);
          else resolve(error ? undefined : stdout);
        },
      );
    });
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
    const env = { GIT_INDEX_FILE: options.indexFile };
    await this.run(["read-tree", options.parent], { env });
    const blob = await this.run(["hash-object", "-w", "--", options.file]);
    await this.run(["update-index", "--add", "--cacheinfo", `100644,${blob},${options.path}`], {
      env,
    });
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
    throw new GitError(["push", remote, branch], result);
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
