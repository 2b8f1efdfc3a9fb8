import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import { branchNameProblem } from "../core/branch-name.ts";
import { LuccaReportError } from "../core/errors.ts";
import type { ReportJobResult } from "../core/report-job.ts";
import type { ManyReportSpec } from "../core/run-many.ts";
import { logSafe } from "../core/safe-text.ts";
import { renderCommitMessage } from "../publish/commit-message.ts";
import type { FileChange, RepoFile } from "../publish/github/api-files.ts";
import { DEFAULT_PR_TITLE } from "./github-inputs.ts";
import {
  checkedOutBranch,
  commitUrl,
  type Env,
  gitHubClient,
  type Limits,
  repoFile,
  setPullRequestOutputs,
  withDeadline,
} from "./github-steps.ts";
import type { ActionInputs } from "./inputs.ts";
import { type ManyBodyRow, renderManyPullRequestBody } from "./pull-request-body.ts";
import {
  type PullRequestTarget,
  pullRequestBranch,
  reportPathTest,
} from "./pull-request-branch.ts";
import { inNumber, MANY_PR_TITLE, manyCommitMessage, stepValues } from "./several-reports-text.ts";
import type { ReportRow } from "./summary-many.ts";

/** What the step's one signed commit or pull request did, for the outputs and the summary. */
export interface ManyGitHubOutcome {
  /** Local paths (as the reports give them) of the files that differ from the branch or base. */
  changedFiles: string[];
  commitSha: string | undefined;
  pullRequest?:
    | {
        operation: "created" | "updated" | "unchanged";
        number: number | undefined;
        url: string | undefined;
        branch: string;
        base: string;
      }
    | undefined;
}

/**
 * Several reports with publish: commit and sign-commits: true: one commit for the step, made
 * by GitHub through its API (signed), holding every file that differs from the branch.
 */
export async function publishManySignedCommit(
  results: readonly ReportJobResult[],
  specs: readonly ManyReportSpec[],
  inputs: ActionInputs,
  env: Env,
  limits: Limits,
): Promise<ManyGitHubOutcome> {
  const signal = withDeadline(limits);
  return core.group("Commit the reports through GitHub's API (signed)", async () => {
    const [{ commitViaApi }, client] = await Promise.all([
      import("../publish/github/api-commit.ts"),
      gitHubClient(inputs, env, signal),
    ]);
    const files = await repoFiles(results, env);
    const branch = inputs.commit.branch ?? checkedOutBranch(env);
    const committed = await commitViaApi({
      client,
      branch,
      startPoint: async () =>
        env.GITHUB_SHA || (await client.branchTip(await client.defaultBranch())) || "",
      files: files.map((file) => file.repo),
      message: (changed) =>
        manyCommitMessage(
          inputs.commit.message,
          specs,
          changed.map((file) => file.path),
        ),
      attempts: inputs.commit.pushAttempts,
      ignoreLines: inputs.commit.ignoreLines,
      signal,
    });
    const url = committed.commitSha ? commitUrl(env, committed.commitSha) : undefined;
    core.setOutput("commit-url", url ?? "");
    core.setOutput("pushed", String(committed.changed));
    core.info(
      logSafe(
        committed.changed
          ? `Committed ${committed.commitSha} with ${committed.changedPaths.length} report(s) on ${branch}${committed.verified ? " (signed by GitHub)" : ""}`
          : `${branch} already holds every report: nothing to commit`,
      ),
    );
    return {
      changedFiles: localPaths(files, committed.changedPaths),
      commitSha: committed.commitSha,
    };
  });
}

/**
 * Several reports with publish: pull-request: one branch and one pull request for the step,
 * holding every file that differs from the base; the body lists every report, failed ones too.
 */
export async function publishManyPullRequest(
  rows: readonly ReportRow[],
  inputs: ActionInputs,
  env: Env,
  limits: Limits,
  target: PullRequestTarget,
): Promise<ManyGitHubOutcome> {
  const signal = withDeadline(limits);
  return core.group("Open or update the pull request", async () => {
    const [{ publishPullRequest }, { diffCsvFiles }, client] = await Promise.all([
      import("../publish/github/pull-request.ts"),
      import("../publish/csv-diff.ts"),
      gitHubClient(inputs, env, signal),
    ]);
    const pr = inputs.github.pullRequest;
    const specs = rows.map((row) => row.outcome.spec);
    const results = rows.flatMap((row) =>
      row.outcome.status === "done" ? [row.outcome.result] : [],
    );
    const files = await repoFiles(results, env);
    // The branch is named before anything is known of the base: {count} is every report fetched.
    const branch = pullRequestBranch(pr.branch, stepValues(specs, files.length));
    const problem = branchNameProblem(branch);
    if (problem) {
      throw new LuccaReportError(
        `pr-branch: "${branch}" is not a valid branch name: it ${problem}`,
      );
    }
    const runUrl =
      env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    const text = (template: string) => (changed: readonly FileChange[]) =>
      renderCommitMessage(template, stepValues(specs, changed.length));
    const published = await publishPullRequest({
      client,
      branch,
      base: target.base,
      refuse: target.refuse,
      isReportPath: reportPathTest(inputs.settings.outputPath, env.GITHUB_WORKSPACE),
      files: files.map((file) => file.repo),
      message: (changed) =>
        manyCommitMessage(
          inputs.commit.message,
          specs,
          changed.map((file) => file.path),
        ),
      identity: inputs.github.signCommits
        ? undefined
        : { author: inputs.commit.author, committer: inputs.commit.committer },
      title: (changed) =>
        text(pr.title === DEFAULT_PR_TITLE ? inNumber(MANY_PR_TITLE, changed.length) : pr.title)(
          changed,
        )
          .replace(/\s+/g, " ")
          .trim(),
      body:
        pr.body !== undefined
          ? text(pr.body)
          : async (changed) => {
              const byPath = new Map(changed.map((file) => [file.path, file]));
              const facts: ManyBodyRow[] = [];
              for (const { outcome } of rows) {
                const { spec } = outcome;
                const row: ManyBodyRow = {
                  templateId: spec.templateId,
                  startsOn: spec.period.startsOn,
                  endsOn: spec.period.endsOn,
                  status: outcome.status,
                  reportId: outcome.status === "failed" ? outcome.reportId : undefined,
                };
                if (outcome.status === "done") {
                  const result = outcome.result;
                  const file = files.find((f) => f.local === result.path);
                  const change = file && byPath.get(file.repo.path);
                  Object.assign(row, {
                    reportId: result.reportId,
                    path: file?.repo.path,
                    rows: result.rows,
                    change: change
                      ? await compareWithBase(result, change, inputs, diffCsvFiles)
                      : "unchanged",
                  });
                }
                facts.push(row);
              }
              return renderManyPullRequestBody(facts, runUrl);
            },
      labels: pr.labels,
      reviewers: pr.reviewers,
      teamReviewers: pr.teamReviewers,
      draft: pr.draft,
      ignoreLines: inputs.commit.ignoreLines,
      signal,
    });
    setPullRequestOutputs(published, env);
    core.info(
      logSafe(
        !published.changed
          ? `${published.base} already holds every report: no branch, no pull request`
          : `Pull request #${published.number} ${published.operation} with ${published.changedPaths.length} report(s) (${branch} into ${published.base}): ${published.url}`,
      ),
    );
    return {
      changedFiles: localPaths(files, published.changedPaths),
      // As with one report: the pull request's commit, even when this run did not write it.
      commitSha: published.commitSha,
      pullRequest: {
        operation: published.operation,
        number: published.number,
        url: published.url,
        branch,
        base: published.base,
      },
    };
  });
}

async function repoFiles(results: readonly ReportJobResult[], env: Env) {
  return Promise.all(
    results.map(async (result) => ({ local: result.path, repo: await repoFile(result, env) })),
  );
}

function localPaths(files: { local: string; repo: RepoFile }[], repoPaths: string[]): string[] {
  const byRepoPath = new Map(files.map((file) => [file.repo.path, file.local]));
  return repoPaths.map((path) => byRepoPath.get(path) ?? path);
}

/** The report against its version on the base: new, or rows added and removed (CSV). */
async function compareWithBase(
  result: ReportJobResult,
  change: FileChange,
  inputs: ActionInputs,
  diffCsvFiles: typeof import("../publish/csv-diff.ts").diffCsvFiles,
): Promise<NonNullable<ManyBodyRow["change"]>> {
  if (change.before === undefined) return { existed: false, diff: undefined };
  if (result.format !== "csv") return { existed: true, diff: undefined };
  const previous = join(tmpdir(), `lucca-report-base-${crypto.randomUUID()}.csv`);
  try {
    await writeFile(previous, change.before);
    const diff = await diffCsvFiles(previous, result.path, {
      ignoreLines: inputs.commit.ignoreLines,
    });
    return { existed: true, diff };
  } finally {
    await rm(previous, { force: true });
  }
}
