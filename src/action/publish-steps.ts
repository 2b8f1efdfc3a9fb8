import * as core from "@actions/core";
import type { ReportJobResult } from "../core/report-job.ts";
import type { ActionInputs } from "./inputs.ts";
import type { SummaryFacts } from "./summary-markdown.ts";

type Env = Record<string, string | undefined>;

/** Uploads the report as a workflow artifact; the client is loaded only now. */
export async function publishArtifactStep(
  result: ReportJobResult,
  inputs: ActionInputs,
  env: Env,
): Promise<NonNullable<SummaryFacts["artifact"]>> {
  return core.group("Publish the workflow artifact", async () => {
    const { publishArtifact } = await import("../publish/artifact.ts");
    const published = await publishArtifact(
      {
        filePaths: [result.path],
        name: inputs.artifact.name ?? defaultArtifactName(result),
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
    core.setOutput("artifact-id", published.id ?? "");
    core.setOutput("artifact-url", published.url ?? "");
    core.setOutput("artifact-digest", published.digest ?? "");
    core.info(`Uploaded artifact ${published.name}${published.url ? `: ${published.url}` : ""}`);
    return { name: published.name, url: published.url };
  });
}

/** Commits the report into the checked-out repository and pushes it. */
export async function publishCommitStep(
  result: ReportJobResult,
  inputs: ActionInputs,
  env: Env & { GITHUB_WORKSPACE: string },
  limits: { signal: AbortSignal; timeoutMs: number; secrets: readonly string[] },
): Promise<NonNullable<SummaryFacts["commit"]>> {
  return core.group("Commit the report", async () => {
    const [{ commitReports }, { renderCommitMessage }] = await Promise.all([
      import("../publish/commit.ts"),
      import("../publish/commit-message.ts"),
    ]);
    const committed = await commitReports({
      workspace: env.GITHUB_WORKSPACE,
      filePaths: [result.path],
      branch: inputs.commit.branch,
      message: renderCommitMessage(inputs.commit.message, {
        templateId: result.templateId ?? "",
        startsOn: result.startsOn ?? "default",
        endsOn: result.endsOn ?? "default",
        reportId: result.reportId,
        rows: String(result.rows ?? ""),
        sha256: result.sha256,
        count: "1",
      }),
      author: inputs.commit.author,
      committer: inputs.commit.committer,
      pushAttempts: inputs.commit.pushAttempts,
      ignoreLines: inputs.commit.ignoreLines,
      signal: limits.signal,
      timeoutMs: limits.timeoutMs,
      secrets: limits.secrets,
      env,
    });
    const url =
      committed.commitSha && env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/commit/${committed.commitSha}`
        : undefined;
    core.setOutput("changed", String(committed.changed));
    core.setOutput("commit-sha", committed.commitSha ?? "");
    core.setOutput("commit-url", url ?? "");
    core.setOutput("pushed", String(committed.pushed));
    core.info(
      committed.changed
        ? `Pushed ${committed.commitSha} to ${committed.branch}${committed.attempts > 1 ? ` after ${committed.attempts} attempts` : ""}`
        : `${committed.branch} already holds this report: nothing to commit`,
    );
    return { branch: committed.branch, changed: committed.changed, sha: committed.commitSha, url };
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
