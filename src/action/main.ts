import * as core from "@actions/core";
import {
  AbortedError,
  CANCEL_SIGNALS,
  type CancelSignal,
  InvalidInputError,
} from "../core/errors.ts";
import { periodText } from "../core/period-text.ts";
import { logSafe } from "../core/safe-text.ts";
import { fetchForEnvironment } from "../node/proxy-fetch.ts";
import { recordTrace } from "../node/trace-recorder.ts";
import type { PublishedArtifact } from "../publish/artifact.ts";
import { detectChange, rememberReport } from "./change-step.ts";
import { describeFailure } from "./failure.ts";
import { isForkPullRequestTarget } from "./fork-guard.ts";
import type { Env } from "./github-context.ts";
import { gitHubWarnings } from "./github-inputs.ts";
import type { GitHubOutcome } from "./github-steps.ts";
import { type ActionInputs, readInputs, runnerInputs } from "./inputs.ts";
import { setStepOutputs } from "./outputs.ts";
import { restorePollHistoryStep } from "./poll-history-step.ts";
import { publishArtifactStep, publishCommitStep } from "./publish-steps.ts";
import type { PullRequestTarget } from "./pull-request-branch.ts";
import { reportName, runReportStep } from "./report-step.ts";
import type { ReportRow, StepFacts } from "./step-facts.ts";
import { renderSummary, resumeText } from "./summary.ts";
import { printTrace } from "./trace-group.ts";

/** What is known so far, for the summary and the error annotation if the step fails. */
interface RunState {
  inputs?: ActionInputs;
  /** The last report id Lucca handed out, to resume with. */
  reportId?: string;
  facts?: StepFacts;
}

const state: RunState = {};
const cancel = new AbortController();

export async function run(): Promise<void> {
  // Masked before anything else can print it.
  const apiKey = core.getInput("api-key");
  if (apiKey) core.setSecret(apiKey);
  const githubToken = core.getInput("github-token");
  if (githubToken) core.setSecret(githubToken);
  listenForCancellation();

  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const inputs = readInputs(runnerInputs, new Date(), workspace);
  state.inputs = inputs;
  const writesGit = inputs.publish.includes("commit") || inputs.publish.includes("pull-request");
  if (writesGit && isForkPullRequestTarget(process.env)) {
    throw new InvalidInputError(
      "publish: commit and pull-request are refused on pull_request_target from a fork: that run holds write access on behalf of someone else's code",
    );
  }
  for (const warning of inputs.settings.warnings) core.warning(warning);
  for (const warning of gitHubWarnings(inputs)) core.warning(warning);

  const baseFetch = await fetchForEnvironment(process.env);
  if (inputs.mode === "doctor") {
    const { doctorStep } = await import("./doctor-step.ts");
    await doctorStep(inputs, baseFetch, cancel.signal);
    return;
  }
  const gitEnv: Env = { ...process.env, GITHUB_WORKSPACE: workspace };
  if (writesGit) {
    const { checkRepository } = await import("./repository-dir.ts");
    await checkRepository(inputs, workspace, gitEnv, cancel.signal);
  }
  // pr-branch is force-updated: what it must not be is settled before Lucca is asked anything.
  const pullRequest = inputs.publish.includes("pull-request")
    ? await (await import("./pull-request-target.ts")).pullRequestTarget(
        inputs,
        gitEnv,
        cancel.signal,
      )
    : undefined;
  // One deadline for the run: what the reports leave of `timeout` is publishing's budget.
  const deadline = Date.now() + inputs.settings.timeoutMs;
  const trace = inputs.trace ? recordTrace(baseFetch, inputs.settings.apiKey) : undefined;
  const pollHistory = await restorePollHistoryStep(inputs.settings, process.env, inputs);
  const facts: StepFacts = { rows: [], showRows: inputs.summaryPreviewRows > 0 };
  try {
    const outcomes = await runReportStep(inputs, {
      fetch: trace?.fetch ?? baseFetch,
      output: outputPolicy(inputs, workspace, process.env.RUNNER_TEMP),
      signal: cancel.signal,
      pollHistoryPath: pollHistory?.path,
      onReportId: (reportId) => {
        state.reportId = reportId;
      },
    });
    facts.rows = outcomes.map((outcome) => ({ outcome }));
  } finally {
    if (trace) printTrace(trace);
    // Also after a failure: a timeout forgets the history that made the run wait.
    await pollHistory?.save();
  }
  state.facts = facts;
  // Said before publishing, so that a failed upload or push still tells what was fetched.
  setStepOutputs(facts, [], writesGit);
  const artifacts = await publish(facts, inputs, {
    gitEnv,
    pullRequest,
    limits: { signal: cancel.signal, timeoutMs: Math.max(0, deadline - Date.now()) },
    secrets: [inputs.settings.apiKey],
  });
  setStepOutputs(facts, artifacts, writesGit);
  if (inputs.summary) await writeSummary(facts);
  reportFailures(facts.rows);
}

interface PublishContext {
  gitEnv: Env;
  pullRequest: PullRequestTarget | undefined;
  limits: { signal: AbortSignal; timeoutMs: number };
  secrets: readonly string[];
}

/** Every report fetched goes where `publish` says: one commit or pull request, and artifacts. */
async function publish(
  facts: StepFacts,
  inputs: ActionInputs,
  context: PublishContext,
): Promise<PublishedArtifact[]> {
  const done = facts.rows.filter((row) => row.outcome.status === "done");
  if (done.length === 0) return [];
  const writesGit = inputs.publish.includes("commit") || inputs.publish.includes("pull-request");
  if (writesGit) {
    let outcome: GitHubOutcome;
    if (context.pullRequest) {
      const { publishPullRequestStep } = await import("./github-steps.ts");
      outcome = await publishPullRequestStep(
        facts.rows,
        inputs,
        context.gitEnv,
        context.limits,
        context.pullRequest,
      );
    } else if (inputs.github.signCommits) {
      const { publishSignedCommitStep } = await import("./github-steps.ts");
      outcome = await publishSignedCommitStep(facts.rows, inputs, context.gitEnv, context.limits);
    } else {
      outcome = await publishCommitStep(facts.rows, inputs, context.gitEnv, {
        ...context.limits,
        secrets: context.secrets,
      });
    }
    facts.commit = outcome.commit;
    facts.pullRequest = outcome.pullRequest;
    const changed = new Set(outcome.changedFiles);
    for (const row of done) {
      if (row.outcome.status !== "done") continue;
      row.change = {
        state: changed.has(row.outcome.result.path) ? "changed" : "unchanged",
        diff: undefined,
      };
    }
  }
  if (!inputs.publish.includes("artifact")) return [];
  const upload: ReportRow[] = [];
  const remember: ReportRow[] = [];
  let skipped = 0;
  for (const row of done) {
    if (row.outcome.status !== "done") continue;
    // cache: false keeps no report from run to run, so there is nothing to compare with.
    const change = inputs.cache
      ? await detectChange(row.outcome.result, inputs, process.env)
      : undefined;
    if (!writesGit) row.change = change;
    if (change?.state === "first" || change?.state === "changed") remember.push(row);
    if (change?.state === "unchanged" && inputs.ifUnchanged === "skip") {
      core.info(
        logSafe(`if-unchanged is skip: ${reportName(row.outcome.spec)} is not uploaded again`),
      );
      skipped++;
      continue;
    }
    upload.push(row);
  }
  facts.artifactSkipped = skipped;
  const artifacts = await publishArtifactStep(upload, inputs, process.env);
  for (const row of remember) {
    if (row.outcome.status === "done")
      await rememberReport(row.outcome.result, inputs, process.env);
  }
  return artifacts;
}

/** One annotation per report that failed; the step fails when any did. */
function reportFailures(rows: readonly ReportRow[]): void {
  const failed = rows.filter((row) => row.outcome.status !== "done");
  if (failed.length === 0) return;
  for (const { outcome } of failed) {
    if (outcome.status === "skipped") {
      core.error(logSafe(`${reportName(outcome.spec)}: not started (fail-fast stopped the step)`), {
        title: "Lucca report not started",
      });
      continue;
    }
    if (outcome.status !== "failed") continue;
    const failure = describeFailure(outcome.error);
    const resume = resumeText(outcome, rows.length > 1);
    if (rows.length === 1) {
      core.error(logSafe(`${failure.message}${resume}`), { title: failure.title });
      continue;
    }
    const { spec } = outcome;
    const which = spec.templateId ?? `report ${spec.reportId ?? "?"}`;
    core.error(
      logSafe(
        `template ${which}, ${periodText(spec.period.startsOn, spec.period.endsOn)}: ${failure.message}${resume}`,
      ),
      { title: logSafe(`Lucca report ${which} failed`) },
    );
  }
  const aborted = failed.find(
    (row) => row.outcome.status === "failed" && row.outcome.error instanceof AbortedError,
  );
  if (aborted?.outcome.status === "failed") throw aborted.outcome.error;
  process.exitCode = 1;
}

/**
 * The workspace; a file only uploaded as an artifact may also go to the runner's temporary
 * directory, which is emptied after the job. A file committed or sent in a pull request must
 * be inside `repository`, where the default file name then goes too.
 */
function outputPolicy(inputs: ActionInputs, workspace: string, runnerTemp: string | undefined) {
  const writesGit = inputs.publish.includes("commit") || inputs.publish.includes("pull-request");
  const repository = inputs.repository.dir;
  const roots = writesGit ? [repository] : [workspace, ...(runnerTemp ? [runnerTemp] : [])];
  return {
    baseDir: writesGit && inputs.settings.outputPath === undefined ? repository : workspace,
    roots,
    label: inputs.settings.outputPath === undefined ? "the default output path" : "output-path",
  };
}

/** The entry point's only other half: turns any error into a failed step with an annotation. */
export async function fail(error: unknown): Promise<void> {
  const failure = describeFailure(error, state.reportId);
  core.error(failure.message + (failure.resume ? `\n${failure.resume}` : ""), {
    title: failure.title,
  });
  process.exitCode = 1;
  if (state.inputs?.summary === false) return;
  await writeSummary({ rows: state.facts?.rows ?? [], ...state.facts, failure }).catch(
    (summaryError: unknown) =>
      core.warning(`Could not write the job summary: ${String(summaryError)}`),
  );
}

async function writeSummary(facts: StepFacts): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(renderSummary(facts)).write();
}

function listenForCancellation(): void {
  for (const signal of Object.keys(CANCEL_SIGNALS) as CancelSignal[]) {
    process.once(signal, () => {
      cancel.abort(
        new AbortedError(`Cancelled by ${signal}; no partial file was left`, { signal }),
      );
      // Whatever still holds the event loop, the runner gets its answer within 2 s.
      setTimeout(() => process.exit(process.exitCode ?? 1), 1500).unref();
    });
  }
}
