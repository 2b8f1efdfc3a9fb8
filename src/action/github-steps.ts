import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import * as core from "@actions/core";
import { branchNameProblem } from "../core/branch-name.ts";
import { LuccaReportError } from "../core/errors.ts";
import type { ReportJobResult } from "../core/report-job.ts";
import { logSafe } from "../core/safe-text.ts";
import { renderCommitMessage } from "../publish/commit-message.ts";
import type { ActionInputs } from "./inputs.ts";
import { renderPullRequestBody } from "./pull-request-body.ts";
import {
  type PullRequestTarget,
  pullRequestBranch,
  reportPathTest,
  reportValues as values,
} from "./pull-request-branch.ts";
import type { SummaryFacts } from "./summary-markdown.ts";

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

/** publish: commit with sign-commits: true: one commit made by GitHub through its API, signed. */
export async function publishSignedCommitStep(
  result: ReportJobResult,
  inputs: ActionInputs,
  env: Env,
  limits: Limits,
): Promise<NonNullable<SummaryFacts["commit"]>> {
  const signal = withDeadline(limits);
  return core.group("Commit the report through GitHub's API (signed)", async () => {
    const [{ commitViaApi }, client] = await Promise.all([
      import("../publish/github/api-commit.ts"),
      gitHubClient(inputs, env, signal),
    ]);
    const branch = inputs.commit.branch ?? checkedOutBranch(env);
    const committed = await commitViaApi({
      client,
      branch,
      startPoint: async () =>
        env.GITHUB_SHA || (await client.branchTip(await client.defaultBranch())) || "",
      files: [await repoFile(result, env)],
      message: renderCommitMessage(inputs.commit.message, values(result)),
      attempts: inputs.commit.pushAttempts,
      ignoreLines: inputs.commit.ignoreLines,
      signal,
    });
    const url = committed.commitSha ? commitUrl(env, committed.commitSha) : undefined;
    core.setOutput("changed", String(committed.changed));
    core.setOutput("commit-sha", committed.commitSha ?? "");
    core.setOutput("commit-url", url ?? "");
    core.setOutput("pushed", String(committed.changed));
    core.info(
      logSafe(
        committed.changed
          ? `Committed ${committed.commitSha} on ${branch}${committed.verified ? " (signed by GitHub)" : ""}${committed.attempts > 1 ? ` after ${committed.attempts} attempts` : ""}`
          : `${branch} already holds this report: nothing to commit`,
      ),
    );
    return { branch, changed: committed.changed, sha: committed.commitSha, url };
  });
}

/** publish: pull-request: the report on the action's branch, and a pull request into the base. */
export async function publishPullRequestStep(
  result: ReportJobResult,
  inputs: ActionInputs,
  env: Env,
  limits: Limits,
  target: PullRequestTarget,
): Promise<NonNullable<SummaryFacts["pullRequest"]>> {
  const signal = withDeadline(limits);
  return core.group("Open or update the pull request", async () => {
    const [{ publishPullRequest }, { diffCsvFiles }, client] = await Promise.all([
      import("../publish/github/pull-request.ts"),
      import("../publish/csv-diff.ts"),
      gitHubClient(inputs, env, signal),
    ]);
    const pr = inputs.github.pullRequest;
    const placeholders = values(result);
    const branch = pullRequestBranch(pr.branch, placeholders);
    // Checked before any request already, unless a value came from Lucca's answer.
    const problem = branchNameProblem(branch);
    if (problem) {
      throw new LuccaReportError(
        `pr-branch: "${branch}" is not a valid branch name: it ${problem}`,
      );
    }
    const file = await repoFile(result, env);
    const runUrl =
      env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    const published = await publishPullRequest({
      client,
      branch,
      base: target.base,
      refuse: target.refuse,
      isReportPath: reportPathTest(inputs.settings.outputPath, env.GITHUB_WORKSPACE),
      files: [file],
      message: renderCommitMessage(inputs.commit.message, placeholders),
      identity: inputs.github.signCommits
        ? undefined
        : { author: inputs.commit.author, committer: inputs.commit.committer },
      title: renderCommitMessage(pr.title, placeholders).replace(/\s+/g, " ").trim(),
      body:
        pr.body !== undefined
          ? renderCommitMessage(pr.body, placeholders)
          : async ([change]) => {
              const before = change?.before;
              if (before === undefined || result.format !== "csv") {
                return renderPullRequestBody(
                  result,
                  { path: file.path, existed: before !== undefined, diff: undefined },
                  runUrl,
                );
              }
              const previous = join(tmpdir(), `lucca-report-base-${crypto.randomUUID()}.csv`);
              try {
                await writeFile(previous, before);
                const diff = await diffCsvFiles(previous, result.path, {
                  ignoreLines: inputs.commit.ignoreLines,
                });
                return renderPullRequestBody(
                  result,
                  { path: file.path, existed: true, diff },
                  runUrl,
                );
              } finally {
                await rm(previous, { force: true });
              }
            },
      labels: pr.labels,
      reviewers: pr.reviewers,
      teamReviewers: pr.teamReviewers,
      draft: pr.draft,
      ignoreLines: inputs.commit.ignoreLines,
      signal,
    });
    core.setOutput("changed", String(published.changed));
    core.setOutput("commit-sha", published.commitSha ?? "");
    setPullRequestOutputs(published, env);
    core.info(
      logSafe(
        !published.changed
          ? `${published.base} already holds this report: no branch, no pull request`
          : `Pull request #${published.number} ${published.operation} (${branch} into ${published.base}): ${published.url}`,
      ),
    );
    return {
      operation: published.operation,
      changed: published.changed,
      number: published.number,
      url: published.url,
      branch,
      base: published.base,
    };
  });
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

export async function repoFile(result: ReportJobResult, env: Env) {
  const path = relative(env.GITHUB_WORKSPACE, result.path).split(sep).join("/");
  if (path === "" || path === ".." || path.startsWith("../")) {
    throw new LuccaReportError(
      `Cannot commit ${result.path}: it is outside the workspace ${env.GITHUB_WORKSPACE}`,
    );
  }
  return { path, content: await readFile(result.path) };
}

/** The outputs every pull-request run sets, whatever the number of reports. */
export function setPullRequestOutputs(
  published: {
    commitSha: string | undefined;
    pushed: boolean;
    number: number | undefined;
    url: string | undefined;
    operation: string;
  },
  env: Env,
): void {
  const url = published.commitSha ? commitUrl(env, published.commitSha) : undefined;
  core.setOutput("commit-url", url ?? "");
  core.setOutput("pushed", String(published.pushed));
  core.setOutput("pull-request-number", published.number ?? "");
  core.setOutput("pull-request-url", published.url ?? "");
  core.setOutput("pull-request-operation", published.operation);
}

export function commitUrl(env: Env, sha: string): string | undefined {
  return env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
    ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/commit/${sha}`
    : undefined;
}
