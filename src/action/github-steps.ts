import * as core from "@actions/core";
import { branchNameProblem } from "../core/branch-name.ts";
import { LuccaReportError } from "../core/errors.ts";
import type { ReportJobResult } from "../core/report-job.ts";
import { logSafe } from "../core/safe-text.ts";
import type { PushedCommit } from "../publish/checkout-sync.ts";
import { renderCommitMessage } from "../publish/commit-message.ts";
import type { FileChange } from "../publish/github/api-files.ts";
import {
  checkedOutBranch,
  checkoutName,
  commitUrl,
  doneResults,
  type Env,
  gitHubClient,
  type Limits,
  localPaths,
  repoFiles,
  runUrl,
  withDeadline,
} from "./github-context.ts";
import { DEFAULT_PR_TITLE } from "./github-inputs.ts";
import type { ActionInputs } from "./inputs.ts";
import { type BodyRow, renderPullRequestBody } from "./pull-request-body.ts";
import {
  type PullRequestTarget,
  pullRequestBranch,
  reportPathTest,
} from "./pull-request-branch.ts";
import type { CommitFacts, PullRequestFacts, ReportRow } from "./step-facts.ts";
import { inNumber, MANY_PR_TITLE, stepCommitMessage, stepValues } from "./step-text.ts";

/** What the step's one signed commit or pull request did. */
export interface GitHubOutcome {
  /** Local paths (as the reports give them) of the files that differ from the branch or base. */
  changedFiles: string[];
  commit?: CommitFacts | undefined;
  pullRequest?: PullRequestFacts | undefined;
}

/**
 * publish: commit with sign-commits: true: one commit for the step, made by GitHub through
 * its API (signed), holding every report that differs from the branch.
 */
export async function publishSignedCommitStep(
  rows: readonly ReportRow[],
  inputs: ActionInputs,
  env: Env,
  limits: Limits,
): Promise<GitHubOutcome> {
  const signal = withDeadline(limits);
  const results = doneResults(rows);
  const what = results.length === 1 ? "report" : "reports";
  return core.group(`Commit the ${what} through GitHub's API (signed)`, async () => {
    const [{ commitViaApi }, client] = await Promise.all([
      import("../publish/github/api-commit.ts"),
      gitHubClient(inputs, env, signal),
    ]);
    const files = await repoFiles(results, inputs.repository.dir);
    const specs = rows.map((row) => row.outcome.spec);
    const branch = inputs.commit.branch ?? checkedOutBranch(env);
    const committed = await commitViaApi({
      client,
      branch,
      startPoint: async () =>
        env.GITHUB_SHA || (await client.branchTip(await client.defaultBranch())) || "",
      files: files.map((file) => file.repo),
      message: (changed) =>
        stepCommitMessage(
          inputs.commit.message,
          specs,
          changed.map((file) => file.path),
          results[0],
        ),
      attempts: inputs.commit.pushAttempts,
      ignoreLines: inputs.commit.ignoreLines,
      signal,
    });
    const url = committed.commitSha ? commitUrl(env, committed.commitSha) : undefined;
    core.info(
      logSafe(
        committed.changed
          ? `Committed ${committed.commitSha} with ${committed.changedPaths.length} report(s) on ${branch}${committed.verified ? " (signed by GitHub)" : ""}${committed.attempts > 1 ? ` after ${committed.attempts} attempts` : ""}`
          : `${branch} already holds ${results.length === 1 ? "this report" : "every report"}: nothing to commit`,
      ),
    );
    if (committed.changed && committed.commitSha) {
      const checkout = await updateCheckout(inputs, env, signal, limits.signal, {
        branch,
        commit: committed.commitSha,
        committedPaths: committed.changedPaths,
        reportPaths: files.map((file) => file.repo.path),
      });
      core.info(logSafe(checkout));
    }
    return {
      changedFiles: localPaths(files, committed.changedPaths),
      commit: {
        branch,
        changed: committed.changed,
        sha: committed.commitSha,
        url,
        pushed: committed.changed,
      },
    };
  });
}

/**
 * The checkout after a commit GitHub made: fetched and moved like after a push
 * (checkout-sync.ts), or left as it is with the reason; never a failure of the step.
 */
async function updateCheckout(
  inputs: ActionInputs,
  env: Env,
  signal: AbortSignal,
  jobSignal: AbortSignal,
  pushed: PushedCommit,
): Promise<string> {
  const [{ Git }, sync] = await Promise.all([
    import("../publish/git.ts"),
    import("../publish/checkout-sync.ts"),
  ]);
  const git = new Git(inputs.repository.dir, { env, signal, secrets: [inputs.settings.apiKey] });
  const outcome = await sync.fetchAndFastForwardCheckout(git, "origin", pushed, jobSignal);
  return sync.checkoutSyncText(outcome, pushed.reportPaths.length, checkoutName(inputs));
}

/**
 * publish: pull-request: one branch and one pull request for the step, holding every report
 * that differs from the base; the body lists every report, failed ones too.
 */
export async function publishPullRequestStep(
  rows: readonly ReportRow[],
  inputs: ActionInputs,
  env: Env,
  limits: Limits,
  target: PullRequestTarget,
): Promise<GitHubOutcome> {
  const signal = withDeadline(limits);
  return core.group("Open or update the pull request", async () => {
    const [{ publishPullRequest }, { diffCsvFiles }, client] = await Promise.all([
      import("../publish/github/pull-request.ts"),
      import("../publish/csv-diff.ts"),
      gitHubClient(inputs, env, signal),
    ]);
    const pr = inputs.github.pullRequest;
    const specs = rows.map((row) => row.outcome.spec);
    const results = doneResults(rows);
    const only = results.length === 1 ? results[0] : undefined;
    const files = await repoFiles(results, inputs.repository.dir);
    // The branch is named before anything is known of the base: {count} is every report fetched.
    const branch = pullRequestBranch(pr.branch, stepValues(specs, files.length, only));
    // Checked before any request already, unless a value came from Lucca's answer.
    const problem = branchNameProblem(branch);
    if (problem) {
      throw new LuccaReportError(
        `pr-branch: "${branch}" is not a valid branch name: it ${problem}`,
      );
    }
    const text = (template: string) => (changed: readonly FileChange[]) =>
      renderCommitMessage(template, stepValues(specs, changed.length, only));
    const published = await publishPullRequest({
      client,
      branch,
      base: target.base,
      refuse: target.refuse,
      isReportPath: reportPathTest(
        inputs.settings.outputPath,
        env.GITHUB_WORKSPACE,
        inputs.repository.path,
      ),
      files: files.map((file) => file.repo),
      message: (changed) =>
        stepCommitMessage(
          inputs.commit.message,
          specs,
          changed.map((file) => file.path),
          only,
        ),
      identity: inputs.github.signCommits
        ? undefined
        : { author: inputs.commit.author, committer: inputs.commit.committer },
      title: (changed) =>
        text(
          pr.title === DEFAULT_PR_TITLE && specs.length > 1
            ? inNumber(MANY_PR_TITLE, changed.length)
            : pr.title,
        )(changed)
          .replace(/\s+/g, " ")
          .trim(),
      body:
        pr.body !== undefined
          ? text(pr.body)
          : async (changed) => {
              const byPath = new Map(changed.map((file) => [file.path, file]));
              const facts: BodyRow[] = [];
              for (const { outcome } of rows) {
                const { spec } = outcome;
                const row: BodyRow = {
                  templateId: spec.templateId,
                  startsOn: spec.period.startsOn,
                  endsOn: spec.period.endsOn,
                  status: outcome.status,
                  reportId: outcome.status === "failed" ? outcome.reportId : spec.reportId,
                };
                if (outcome.status === "done") {
                  const result = outcome.result;
                  const file = files.find((f) => f.local === result.path);
                  const change = file && byPath.get(file.repo.path);
                  Object.assign(row, {
                    templateId: result.templateId ?? spec.templateId,
                    startsOn: result.startsOn,
                    endsOn: result.endsOn,
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
              return renderPullRequestBody(facts, runUrl(env));
            },
      labels: pr.labels,
      reviewers: pr.reviewers,
      teamReviewers: pr.teamReviewers,
      draft: pr.draft,
      ignoreLines: inputs.commit.ignoreLines,
      signal,
    });
    core.info(
      logSafe(
        !published.changed
          ? `${published.base} already holds ${results.length === 1 ? "this report" : "every report"}: no branch, no pull request`
          : `Pull request #${published.number} ${published.operation} with ${published.changedPaths.length} report(s) (${branch} into ${published.base}): ${published.url}`,
      ),
    );
    const url = published.commitSha ? commitUrl(env, published.commitSha) : undefined;
    return {
      changedFiles: localPaths(files, published.changedPaths),
      // The pull request's commit, even when this run did not write it.
      commit: {
        branch,
        changed: published.changed,
        sha: published.commitSha,
        url,
        pushed: published.pushed,
      },
      pullRequest: {
        operation: published.operation,
        changed: published.changed,
        number: published.number,
        url: published.url,
        branch,
        base: published.base,
      },
    };
  });
}

/** The report against its version on the base: new, or rows added and removed (CSV). */
async function compareWithBase(
  result: ReportJobResult,
  change: FileChange,
  inputs: ActionInputs,
  diffCsvFiles: typeof import("../publish/csv-diff.ts").diffCsvFiles,
): Promise<NonNullable<BodyRow["change"]>> {
  if (change.before === undefined) return { existed: false, diff: undefined };
  if (result.format !== "csv") return { existed: true, diff: undefined };
  // The base's version is already in memory: the diff reads it from there, not from a file.
  const diff = await diffCsvFiles(change.before, result.path, {
    ignoreLines: inputs.commit.ignoreLines,
  });
  return { existed: true, diff };
}
