import { realpath } from "node:fs/promises";
import { relative, sep } from "node:path";
import * as core from "@actions/core";
import type { ReportJobResult } from "../core/report-job.ts";
import { logSafe } from "../core/safe-text.ts";
import type { PublishedArtifact } from "../publish/artifact.ts";
import { checkoutName, commitUrl, doneResults, type Env } from "./github-context.ts";
import type { GitHubOutcome } from "./github-steps.ts";
import type { ActionInputs } from "./inputs.ts";
import type { ReportRow } from "./step-facts.ts";
import { stepCommitMessage } from "./step-text.ts";

/**
 * Uploads the reports as one workflow artifact (or one per report with
 * artifact-per-report); each row learns its artifact. Returns what was uploaded.
 */
export async function publishArtifactStep(
  rows: readonly ReportRow[],
  inputs: ActionInputs,
  env: Record<string, string | undefined>,
): Promise<PublishedArtifact[]> {
  if (rows.length === 0) return [];
  const results = doneResults(rows);
  const single = results.length === 1 && rows.length === 1;
  return core.group(
    `Publish the workflow artifact${inputs.artifact.perReport ? "s" : ""}`,
    async () => {
      const { publishArtifact } = await import("../publish/artifact.ts");
      const run = {
        serverUrl: env.GITHUB_SERVER_URL,
        repository: env.GITHUB_REPOSITORY,
        runId: env.GITHUB_RUN_ID,
      };
      const request = (filePaths: string[], name: string) => ({
        filePaths,
        name,
        archive: inputs.artifact.archive,
        overwrite: inputs.artifact.overwrite,
        retentionDays: inputs.artifact.retentionDays,
      });
      const published: PublishedArtifact[] = [];
      if (inputs.artifact.perReport) {
        for (const row of rows) {
          if (row.outcome.status !== "done") continue;
          const own = defaultArtifactName(row.outcome.result);
          // A given artifact-name becomes a prefix: each report needs a name of its own.
          const name = inputs.artifact.name
            ? `${inputs.artifact.name}-${own.replace(/^lucca-report-/, "")}`
            : own;
          const artifact = await publishArtifact(request([row.outcome.result.path], name), run);
          row.artifact = { name: artifact.name, url: artifact.url };
          published.push(artifact);
          core.info(
            logSafe(`Uploaded artifact ${artifact.name}${artifact.url ? `: ${artifact.url}` : ""}`),
          );
        }
        return published;
      }
      const name =
        inputs.artifact.name ??
        (single && results[0] ? defaultArtifactName(results[0]) : "lucca-reports");
      const artifact = await publishArtifact(
        request(
          rows.flatMap((row) => (row.outcome.status === "done" ? [row.outcome.result.path] : [])),
          name,
        ),
        run,
      );
      for (const row of rows) {
        if (row.outcome.status === "done")
          row.artifact = { name: artifact.name, url: artifact.url };
      }
      core.info(
        logSafe(
          `Uploaded artifact ${artifact.name} with ${rows.length} report${rows.length === 1 ? "" : "s"}${artifact.url ? `: ${artifact.url}` : ""}`,
        ),
      );
      return [artifact];
    },
  );
}

/**
 * Commits the reports into the checked-out repository (`repository`) in one commit, and
 * pushes it; then moves a clean checkout of that branch to the pushed commit.
 */
export async function publishCommitStep(
  rows: readonly ReportRow[],
  inputs: ActionInputs,
  env: Env,
  limits: { signal: AbortSignal; timeoutMs: number; secrets: readonly string[] },
): Promise<GitHubOutcome> {
  const results = doneResults(rows);
  const what = results.length === 1 ? "report" : "reports";
  return core.group(`Commit the ${what}`, async () => {
    const [{ commitReports }, { checkoutSyncText }] = await Promise.all([
      import("../publish/commit.ts"),
      import("../publish/checkout-sync.ts"),
    ]);
    const specs = rows.map((row) => row.outcome.spec);
    const committed = await commitReports({
      workspace: inputs.repository.dir,
      filePaths: results.map((result) => result.path),
      branch: inputs.commit.branch,
      message: (paths) => stepCommitMessage(inputs.commit.message, specs, paths, results[0]),
      author: inputs.commit.author,
      committer: inputs.commit.committer,
      pushAttempts: inputs.commit.pushAttempts,
      ignoreLines: inputs.commit.ignoreLines,
      signal: limits.signal,
      timeoutMs: limits.timeoutMs,
      secrets: limits.secrets,
      env,
      updateCheckout: true,
    });
    const url = committed.commitSha ? commitUrl(env, committed.commitSha) : undefined;
    core.info(
      logSafe(
        committed.changed
          ? `Pushed ${committed.commitSha} with ${committed.changedPaths.length} ${what} to ${committed.branch}${committed.attempts > 1 ? ` after ${committed.attempts} attempts` : ""}`
          : `${committed.branch} already holds ${results.length === 1 ? "this report" : "every report"}: nothing to commit`,
      ),
    );
    if (committed.checkout) {
      core.info(
        logSafe(checkoutSyncText(committed.checkout, results.length, checkoutName(inputs))),
      );
    }
    // commitReports names files by their real path in the repository; map them back.
    const workspace = await realpath(inputs.repository.dir);
    const byPath = new Map<string, string>();
    for (const result of results) {
      byPath.set(
        relative(workspace, await realpath(result.path))
          .split(sep)
          .join("/"),
        result.path,
      );
    }
    return {
      changedFiles: committed.changedPaths.map((path) => byPath.get(path) ?? path),
      commit: {
        branch: committed.branch,
        changed: committed.changed,
        sha: committed.commitSha,
        url,
        pushed: committed.pushed,
      },
    };
  });
}

export function defaultArtifactName(
  result: Pick<ReportJobResult, "templateId" | "startsOn" | "endsOn">,
): string {
  const period =
    result.startsOn === null && result.endsOn === null
      ? "default"
      : `${result.startsOn}_${result.endsOn}`;
  return `lucca-report-${result.templateId ?? "report"}-${period}`;
}
