import { realpath } from "node:fs/promises";
import { relative, sep } from "node:path";
import * as core from "@actions/core";
import { AbortedError, LuccaReportError } from "../core/errors.ts";
import type { FetchLike } from "../core/http.ts";
import type { ReportJobResult } from "../core/report-job.ts";
import type { ReportOutcome } from "../core/run-many.ts";
import { logSafe } from "../core/safe-text.ts";
import type { TargetPolicy } from "../node/output-target.ts";
import { periodText, progressLines } from "../node/progress-lines.ts";
import { runManyFromSettings } from "../node/run-many-job.ts";
import { type ChangeFacts, detectChange, rememberReport } from "./change-step.ts";
import type { ManyGitHubOutcome } from "./github-many-steps.ts";
import type { ActionInputs } from "./inputs.ts";
import { restorePollHistoryStep } from "./poll-history-step.ts";
import { defaultArtifactName } from "./publish-steps.ts";
import type { PullRequestTarget } from "./pull-request-branch.ts";
import { manyCommitMessage } from "./several-reports-text.ts";
import { type ReportRow, renderManySummary } from "./summary-many.ts";

type Env = Record<string, string | undefined>;

export interface ManyStep {
  inputs: ActionInputs;
  workspace: string;
  fetch: FetchLike;
  output: TargetPolicy;
  signal: AbortSignal;
  apiKey: string;
  env: Env;
  /** With publish: pull-request, learned before any request to Lucca. */
  pullRequest?: PullRequestTarget | undefined;
}

/**
 * Several reports in one step: every report runs, the successes are published (one commit,
 * one artifact), then the step fails listing each failure with the report id to resume.
 */
export async function runManyStep(step: ManyStep): Promise<void> {
  const { inputs, env } = step;
  const lines = new Map<string, ReturnType<typeof progressLines>>();
  const pollHistory = await restorePollHistoryStep(inputs.settings, env, inputs);
  const outcomes = await runManyFromSettings(inputs.settings, {
    fetch: step.fetch,
    output: step.output,
    signal: step.signal,
    previewRows: inputs.summaryPreviewRows,
    pollHistoryPath: pollHistory?.path,
    onEvent: (spec, event) => {
      const prefix = `[${spec.templateId} ${periodText(spec.period.startsOn, spec.period.endsOn)}]`;
      const format = lines.get(prefix) ?? progressLines({ verbose: core.isDebug() });
      lines.set(prefix, format);
      const line = format(event);
      if (line === undefined) return;
      if (event.type === "warning") core.warning(logSafe(`${prefix} ${event.message}`));
      else core.info(logSafe(`${prefix} ${line}`));
    },
  });
  await pollHistory?.save();
  const rows: ReportRow[] = outcomes.map((outcome) => ({ outcome }));
  const done = rows.filter(
    (row): row is ReportRow & { outcome: { result: ReportJobResult } } =>
      row.outcome.status === "done",
  );

  let commitSha: string | undefined;
  let pullRequest: ManyGitHubOutcome["pullRequest"];
  let anyChanged = false;
  const writesGit = inputs.publish.includes("commit") || inputs.publish.includes("pull-request");
  if (writesGit && done.length > 0) {
    const published = await publishGit(step, rows, done);
    commitSha = published.commitSha;
    pullRequest = published.pullRequest;
    const changed = new Set(published.changedFiles);
    for (const row of done)
      row.change = changed.has(row.outcome.result.path) ? "changed" : "unchanged";
    anyChanged = changed.size > 0;
  }
  const artifactIds: string[] = [];
  if (inputs.publish.includes("artifact") && done.length > 0) {
    const upload: typeof done = [];
    for (const row of done) {
      // cache: false keeps no report from run to run, so there is nothing to compare with.
      const change = inputs.cache ? await detectChange(row.outcome.result, inputs, env) : undefined;
      row.changeFacts = change;
      if (!writesGit) {
        row.change =
          change === undefined || change.state === "unavailable"
            ? undefined
            : change.state === "unchanged"
              ? "unchanged"
              : "changed";
        anyChanged ||= change?.state === "changed" || change?.state === "first";
      }
      if (change?.state === "unchanged" && inputs.ifUnchanged === "skip") continue;
      upload.push(row);
    }
    if (inputs.artifact.perReport) {
      await core.group("Publish the workflow artifacts", async () => {
        const { publishArtifact } = await import("../publish/artifact.ts");
        for (const row of upload) {
          const result = row.outcome.result;
          const own = defaultArtifactName(result);
          const published = await publishArtifact(
            {
              filePaths: [result.path],
              // A given artifact-name becomes a prefix: each report needs a name of its own.
              name: inputs.artifact.name
                ? `${inputs.artifact.name}-${own.replace(/^lucca-report-/, "")}`
                : own,
              archive: inputs.artifact.archive,
              overwrite: inputs.artifact.overwrite,
              retentionDays: inputs.artifact.retentionDays,
            },
            {
              serverUrl: env.GITHUB_SERVER_URL,
              repository: env.GITHUB_REPOSITORY,
              runId: env.GITHUB_RUN_ID,
            },
          );
          if (published.id !== undefined) artifactIds.push(String(published.id));
          row.artifact = { name: published.name, url: published.url };
          core.info(logSafe(`Uploaded artifact ${published.name}`));
        }
      });
    } else if (upload.length > 0) {
      const published = await core.group("Publish the workflow artifact", async () => {
        const { publishArtifact } = await import("../publish/artifact.ts");
        return publishArtifact(
          {
            filePaths: upload.map((row) => row.outcome.result.path),
            name: inputs.artifact.name ?? "lucca-reports",
            archive: true,
            overwrite: inputs.artifact.overwrite,
            retentionDays: inputs.artifact.retentionDays,
          },
          {
            serverUrl: env.GITHUB_SERVER_URL,
            repository: env.GITHUB_REPOSITORY,
            runId: env.GITHUB_RUN_ID,
          },
        );
      });
      core.info(`Uploaded artifact ${published.name} with ${upload.length} report(s)`);
      if (published.id !== undefined) artifactIds.push(String(published.id));
      for (const row of upload) row.artifact = { name: published.name, url: published.url };
    }
    for (const row of done) {
      const state = row.changeFacts?.state;
      if (state === "first" || state === "changed")
        await rememberReport(row.outcome.result, inputs, env);
    }
  }

  const failed = outcomes.filter((outcome) => outcome.status !== "done");
  core.setOutput("reports", JSON.stringify(rows.map(reportObject)));
  core.setOutput("succeeded", done.length);
  core.setOutput("failed", failed.length);
  // Compared with nothing (cache: false, or the cache unavailable): unknown, as for one report.
  const unknown = !writesGit && inputs.publish.includes("artifact") && done.every((r) => !r.change);
  core.setOutput("changed", unknown ? "" : String(anyChanged));
  core.setOutput("commit-sha", commitSha ?? "");
  core.setOutput("artifact-id", artifactIds.join(","));
  if (inputs.summary && env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderManySummary(rows, { commitSha, pullRequest })).write();
  }
  if (failed.length > 0) {
    for (const outcome of failed) {
      core.error(logSafe(failureText(outcome)), {
        title: `Lucca report ${outcome.spec.templateId} failed`,
      });
    }
    const aborted = failed.find((o) => o.status === "failed" && o.error instanceof AbortedError);
    if (aborted?.status === "failed") throw aborted.error;
    process.exitCode = 1;
  }
}

/** The step's one commit (git push, or signed through GitHub's API) or one pull request. */
async function publishGit(
  step: ManyStep,
  rows: readonly ReportRow[],
  done: readonly (ReportRow & { outcome: { result: ReportJobResult } })[],
): Promise<ManyGitHubOutcome> {
  const { inputs } = step;
  const results = done.map((row) => row.outcome.result);
  const env = { ...step.env, GITHUB_WORKSPACE: step.workspace };
  // `timeout` bounds each report; publishing gets the same budget of its own.
  const limits = { signal: step.signal, timeoutMs: inputs.settings.timeoutMs };
  if (inputs.publish.includes("pull-request") && step.pullRequest) {
    const { publishManyPullRequest } = await import("./github-many-steps.ts");
    return publishManyPullRequest(rows, inputs, env, limits, step.pullRequest);
  }
  if (inputs.github.signCommits) {
    const { publishManySignedCommit } = await import("./github-many-steps.ts");
    const specs = rows.map((row) => row.outcome.spec);
    return publishManySignedCommit(results, specs, inputs, env, limits);
  }
  const committed = await commitAll(step, results);
  if (committed.commitSha && step.env.GITHUB_SERVER_URL && step.env.GITHUB_REPOSITORY) {
    core.setOutput(
      "commit-url",
      `${step.env.GITHUB_SERVER_URL}/${step.env.GITHUB_REPOSITORY}/commit/${committed.commitSha}`,
    );
  }
  return committed;
}

async function commitAll(step: ManyStep, results: ReportJobResult[]) {
  const { inputs } = step;
  return core.group("Commit the reports", async () => {
    const { commitReports } = await import("../publish/commit.ts");
    const committed = await commitReports({
      workspace: step.workspace,
      filePaths: results.map((result) => result.path),
      branch: inputs.commit.branch,
      message: (paths) => manyCommitMessage(inputs.commit.message, inputs.settings.reports, paths),
      author: inputs.commit.author,
      committer: inputs.commit.committer,
      pushAttempts: inputs.commit.pushAttempts,
      ignoreLines: inputs.commit.ignoreLines,
      signal: step.signal,
      // `timeout` bounds each report; the commit gets the same budget of its own.
      timeoutMs: inputs.settings.timeoutMs,
      secrets: [step.apiKey],
      env: step.env,
    });
    core.info(
      committed.commitSha
        ? `Pushed ${committed.commitSha} with ${committed.changedPaths.length} report(s) to ${committed.branch}`
        : `${committed.branch} already holds every report: nothing to commit`,
    );
    // commitReports names files by their real path in the repository; map them back.
    const workspace = await realpath(step.workspace);
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
      commitSha: committed.commitSha,
      changedFiles: committed.changedPaths.map((path) => byPath.get(path) ?? path),
    };
  });
}

function reportObject(row: ReportRow) {
  const { outcome } = row;
  const base = {
    "template-id": outcome.spec.templateId,
    "starts-on": outcome.spec.period.startsOn ?? "",
    "ends-on": outcome.spec.period.endsOn ?? "",
    status: outcome.status,
  };
  if (outcome.status !== "done") {
    return {
      ...base,
      "report-id": outcome.status === "failed" ? (outcome.reportId ?? "") : "",
      error: outcome.status === "failed" ? messageOf(outcome.error) : "not started (fail-fast)",
    };
  }
  const r = outcome.result;
  return {
    ...base,
    "report-id": r.reportId,
    path: r.path,
    format: r.format,
    rows: r.rows ?? "",
    columns: r.columns ?? "",
    bytes: r.bytes,
    sha256: r.sha256,
    polls: r.polls,
    attempts: r.attempts,
    "duration-seconds": (r.durationMs / 1000).toFixed(1),
    changed: row.change === undefined ? "" : String(row.change === "changed"),
    "artifact-url": row.artifact?.url ?? "",
    error: "",
  };
}

function failureText(outcome: ReportOutcome): string {
  const what = `template ${outcome.spec.templateId}, ${periodText(outcome.spec.period.startsOn, outcome.spec.period.endsOn)}`;
  if (outcome.status === "skipped") return `${what}: not started (fail-fast stopped the step)`;
  if (outcome.status !== "failed") return what;
  const resume = outcome.reportId
    ? ` To resume it, run with template-id: ${outcome.spec.templateId} and report-id: ${outcome.reportId}.`
    : "";
  return `${what}${outcome.reportId ? `, report ${outcome.reportId}` : ""}: ${messageOf(outcome.error)}${resume}`;
}

function messageOf(error: unknown): string {
  return error instanceof LuccaReportError || error instanceof Error
    ? error.message
    : String(error);
}

export type { ChangeFacts };
