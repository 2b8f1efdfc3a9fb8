import { readFile, realpath } from "node:fs/promises";
import { relative, sep } from "node:path";
import * as core from "@actions/core";
import { LuccaReportError } from "../core/errors.ts";
import type { ReportJobResult } from "../core/report-job.ts";
import { logSafe } from "../core/safe-text.ts";
import type { RepoFile } from "../publish/github/api-files.ts";
import type { ActionInputs } from "./inputs.ts";
import type { ReportRow } from "./step-facts.ts";

export type Env = Record<string, string | undefined> & { GITHUB_WORKSPACE: string };
/** The job's signal, and what is left of the run's `timeout` for publishing. */
export type Limits = { signal: AbortSignal; timeoutMs: number };

/** Aborts with the job's reason, or with a plain error once the run's time is up. */
export function withDeadline(limits: Limits): AbortSignal {
  const timeUp = new AbortController();
  const timer = setTimeout(
    () =>
      timeUp.abort(
        new LuccaReportError(
          "Cannot finish publishing through GitHub's API: the run's timeout passed; re-run the job",
        ),
      ),
    Math.max(0, limits.timeoutMs),
  );
  timer.unref();
  return AbortSignal.any([limits.signal, timeUp.signal]);
}

export async function gitHubClient(inputs: ActionInputs, env: Env, signal: AbortSignal) {
  const { GitHubClient } = await import("../publish/github/client.ts");
  return new GitHubClient({
    token: inputs.github.token,
    repository: env.GITHUB_REPOSITORY ?? "",
    apiUrl: env.GITHUB_API_URL,
    signal,
    requestTimeoutMs: inputs.settings.requestTimeoutMs,
    warn: (message) => core.warning(logSafe(message)),
  });
}

export function checkedOutBranch(env: Env): string {
  if (env.GITHUB_REF?.startsWith("refs/heads/") && env.GITHUB_REF_NAME) return env.GITHUB_REF_NAME;
  throw new LuccaReportError(
    "Cannot commit the report as the workflow does not run on a branch: set commit-branch to the branch to commit to",
  );
}

/** The reports fetched, in the order asked for. */
export function doneResults(rows: readonly ReportRow[]): ReportJobResult[] {
  return rows.flatMap((row) => (row.outcome.status === "done" ? [row.outcome.result] : []));
}

/**
 * Each report's path in the repository and its bytes, with its local path. The path is
 * taken from the repository directory (`repository`), real paths on both sides.
 */
export async function repoFiles(results: readonly ReportJobResult[], repositoryDir: string) {
  const root = await realpath(repositoryDir);
  return Promise.all(
    results.map(async (result) => ({ local: result.path, repo: await repoFile(result, root) })),
  );
}

async function repoFile(result: ReportJobResult, root: string): Promise<RepoFile> {
  const path = relative(root, await realpath(result.path))
    .split(sep)
    .join("/");
  if (path === "" || path === ".." || path.startsWith("../")) {
    throw new LuccaReportError(
      `Cannot commit ${result.path}: it is outside the repository ${root}`,
    );
  }
  return { path, content: await readFile(result.path) };
}

export function localPaths(
  files: { local: string; repo: RepoFile }[],
  repoPaths: readonly string[],
): string[] {
  const byRepoPath = new Map(files.map((file) => [file.repo.path, file.local]));
  return repoPaths.map((path) => byRepoPath.get(path) ?? path);
}

export function commitUrl(env: Env, sha: string): string | undefined {
  return env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
    ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/commit/${sha}`
    : undefined;
}

export function runUrl(env: Env): string | undefined {
  return env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
    ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
    : undefined;
}

/** "The checkout", or "The checkout in sub/repo" when `repository` names another directory. */
export function checkoutName(inputs: Pick<ActionInputs, "repository">): string {
  const path = inputs.repository.path;
  return path === "." || path === "./" ? "The checkout" : `The checkout in ${path}`;
}
