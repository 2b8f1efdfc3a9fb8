import * as core from "@actions/core";
import { formatDuration } from "../core/duration.ts";
import {
  AbortedError,
  CANCEL_SIGNALS,
  type CancelSignal,
  InvalidInputError,
  LuccaReportError,
  ReportFailedError,
  ReportTimeoutError,
  UnusableAnswerError,
} from "../core/errors.ts";
import type { JobEvent } from "../core/job-events.ts";
import type { ReportJobResult } from "../core/report-job.ts";
import { logSafe } from "../core/safe-text.ts";
import { encodingText, progressLines, rangeSentText } from "../node/progress-lines.ts";
import { fetchForEnvironment } from "../node/proxy-fetch.ts";
import { runJobFromSettings } from "../node/run-job.ts";
import { recordTrace } from "../node/trace-recorder.ts";
import { GitHubApiError } from "../publish/github/errors.ts";
import { detectChange, rememberReport } from "./change-step.ts";
import { isForkPullRequestTarget } from "./fork-guard.ts";
import { gitHubWarnings } from "./github-inputs.ts";
import { publishPullRequestStep, publishSignedCommitStep } from "./github-steps.ts";
import { type ActionInputs, readInputs, runnerInputs } from "./inputs.ts";
import { restorePollHistoryStep } from "./poll-history-step.ts";
import { publishArtifactStep, publishCommitStep } from "./publish-steps.ts";
import { renderSummary, type SummaryFacts } from "./summary-markdown.ts";
import { printTrace } from "./trace-group.ts";

/** What is known so far, for the summary and the error annotation if the run fails. */
interface RunState {
  inputs?: ActionInputs;
  reportId?: string;
  /** Set once the report is downloaded, so a failed publish still shows what was fetched. */
  facts?: SummaryFacts;
  startedAt: number;
}

const state: RunState = { startedAt: Date.now() };
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
  // pr-branch is force-updated: what it must not be is settled before Lucca is asked anything.
  const pullRequest = inputs.publish.includes("pull-request")
    ? await (await import("./pull-request-target.ts")).pullRequestTarget(
        inputs,
        { ...process.env, GITHUB_WORKSPACE: workspace },
        cancel.signal,
      )
    : undefined;
  // One deadline for the run: what the report job leaves of `timeout` is the commit's budget.
  const deadline = Date.now() + inputs.settings.timeoutMs;
  const trace = inputs.trace ? recordTrace(baseFetch, inputs.settings.apiKey) : undefined;
  const fetch = trace?.fetch ?? baseFetch;
  if (inputs.settings.reports.length > 1) {
    const { runManyStep } = await import("./many.ts");
    try {
      return await runManyStep({
        inputs,
        workspace,
        fetch,
        output: outputPolicy(inputs, workspace, process.env.RUNNER_TEMP),
        signal: cancel.signal,
        apiKey,
        env: { ...process.env },
        pullRequest,
      });
    } finally {
      if (trace) printTrace(trace);
    }
  }
  const pollHistory = await restorePollHistoryStep(inputs.settings, process.env, inputs);
  let result: ReportJobResult;
  try {
    result = await inGroups(async (onEvent) =>
      runJobFromSettings(inputs.settings, {
        fetch,
        output: outputPolicy(inputs, workspace, process.env.RUNNER_TEMP),
        signal: cancel.signal,
        previewRows: inputs.summaryPreviewRows,
        pollHistoryPath: pollHistory?.path,
        onEvent,
      }),
    );
  } finally {
    if (trace) printTrace(trace);
    // Also after a failure: a timeout forgets the history that made the run wait.
    await pollHistory?.save();
  }
  setReportOutputs(result);

  const facts = successFacts(result);
  state.facts = facts;
  const gitEnv = { ...process.env, GITHUB_WORKSPACE: workspace };
  const gitHubLimits = () => ({ signal: cancel.signal, timeoutMs: deadline - Date.now() });
  if (inputs.publish.includes("commit")) {
    facts.commit = inputs.github.signCommits
      ? await publishSignedCommitStep(result, inputs, gitEnv, gitHubLimits())
      : await publishCommitStep(result, inputs, gitEnv, {
          signal: cancel.signal,
          timeoutMs: deadline - Date.now(),
          secrets: [apiKey],
        });
  }
  if (pullRequest) {
    facts.pullRequest = await publishPullRequestStep(
      result,
      inputs,
      gitEnv,
      gitHubLimits(),
      pullRequest,
    );
  }
  if (inputs.publish.includes("artifact")) {
    // cache: false keeps no report from run to run, so there is nothing to compare with.
    const change = inputs.cache ? await detectChange(result, inputs, process.env) : undefined;
    facts.change = change;
    if (!writesGit) {
      core.setOutput(
        "changed",
        change?.state === "changed" || change?.state === "first"
          ? "true"
          : change?.state === "unchanged"
            ? "false"
            : "",
      );
    }
    if (change?.state === "unchanged" && inputs.ifUnchanged === "skip") {
      core.info("if-unchanged is skip: the artifact is not uploaded again");
      facts.artifactSkipped = true;
    } else {
      facts.artifact = await publishArtifactStep(result, inputs, process.env);
    }
    if (change?.state === "first" || change?.state === "changed")
      await rememberReport(result, inputs, process.env);
  }

  if (inputs.summary) await writeSummary(facts);
}

/**
 * The workspace in every publish mode; a file only uploaded as an artifact may also go to
 * the runner's temporary directory, which is emptied after the job.
 */
function outputPolicy(inputs: ActionInputs, workspace: string, runnerTemp: string | undefined) {
  const roots = [workspace];
  if (!inputs.publish.includes("commit") && runnerTemp) roots.push(runnerTemp);
  return {
    baseDir: workspace,
    roots,
    label: inputs.settings.outputPath === undefined ? "the default output path" : "output-path",
  };
}

/** The entry point's only other half: turns any error into a failed step with an annotation. */
export async function fail(error: unknown): Promise<void> {
  const failure = describeFailure(error);
  core.error(failure.message + (failure.resume ? `\n${failure.resume}` : ""), {
    title: failure.title,
  });
  process.exitCode = 1;
  if (state.inputs?.summary === false) return;
  const settings = state.inputs?.settings;
  await writeSummary({
    ...(state.facts ?? {
      templateId: settings?.templateId,
      startsOn: settings?.period.startsOn,
      endsOn: settings?.period.endsOn,
      reportId: state.reportId,
      durationMs: Date.now() - state.startedAt,
    }),
    status: failure.status,
    failure,
  }).catch((summaryError: unknown) =>
    core.warning(`Could not write the job summary: ${String(summaryError)}`),
  );
}

function describeFailure(error: unknown) {
  const reportId =
    error instanceof ReportTimeoutError || error instanceof ReportFailedError
      ? error.reportId
      : state.reportId;
  const resume = reportId
    ? `To resume, re-run with the input \`report-id: ${reportId}\`.`
    : undefined;
  if (error instanceof InvalidInputError) {
    return {
      title: "Invalid inputs",
      message: error.issues.map((issue) => `- ${issue}`).join("\n"),
      status: "invalid input",
      resume: undefined,
    };
  }
  if (error instanceof ReportTimeoutError)
    return { title: "Lucca report timed out", message: error.message, status: "timed out", resume };
  if (error instanceof ReportFailedError)
    return {
      title: "Lucca could not generate the report",
      message: error.message,
      status: "error",
      resume: undefined,
    };
  if (error instanceof GitHubApiError)
    return {
      title: "GitHub API call failed",
      message: error.message,
      status: "failed",
      resume: undefined,
    };
  if (error instanceof AbortedError)
    return { title: "Cancelled", message: error.message, status: "cancelled", resume };
  if (error instanceof LuccaReportError) {
    return {
      title: titleFor(error),
      message: error.message,
      status: "failed",
      resume: error.exitCode === 6 ? resume : undefined,
    };
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { title: "Unexpected error", message, status: "failed", resume };
}

function titleFor(error: LuccaReportError): string {
  if (error instanceof UnusableAnswerError) return "Lucca's answer could not be used";
  switch (error.exitCode) {
    case 3:
      return "Lucca rejected the request";
    case 5:
      return "Timed out";
    case 6:
      return "Lucca could not be reached";
    default:
      return "Lucca report failed";
  }
}

/** Log lines grouped by phase: generation, then download. */
async function inGroups<T>(work: (onEvent: (event: JobEvent) => void) => Promise<T>): Promise<T> {
  const lines = progressLines({ verbose: core.isDebug() });
  let open = false;
  const group = (title: string) => {
    if (open) core.endGroup();
    core.startGroup(title);
    open = true;
  };
  try {
    return await work((event) => {
      if (event.type === "created" || event.type === "resuming") state.reportId = event.reportId;
      if (event.type === "creating" && event.attempt === 1) group("Generate the report");
      if (event.type === "resuming") group(`Resume report ${logSafe(event.reportId)}`);
      if (event.type === "downloading") group("Download the report");
      const line = lines(event);
      if (line === undefined) return;
      if (event.type === "warning") core.warning(logSafe(event.message));
      else core.info(logSafe(line));
    });
  } finally {
    if (open) core.endGroup();
  }
}

function setReportOutputs(result: ReportJobResult): void {
  const outputs: Record<string, string | number> = {
    "report-id": result.reportId,
    path: result.path,
    format: result.format,
    rows: result.rows ?? "",
    columns: result.columns ?? "",
    bytes: result.bytes,
    sha256: result.sha256,
    encoding: result.format === "csv" ? result.stats.encoding : "",
    "starts-on": result.startsOn ?? "",
    "ends-on": result.endsOn ?? "",
    polls: result.polls,
    attempts: result.attempts,
    "duration-seconds": (result.durationMs / 1000).toFixed(1),
  };
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  core.info(
    `Report ${logSafe(result.reportId)}: ${result.rows ?? "?"} rows, ${result.bytes} bytes, sha256 ${result.sha256}, in ${formatDuration(result.durationMs)}`,
  );
}

function successFacts(result: ReportJobResult): SummaryFacts {
  return {
    templateId: result.templateId,
    startsOn: result.startsOn,
    endsOn: result.endsOn,
    reportId: result.reportId,
    status: result.status,
    durationMs: result.durationMs,
    polls: result.polls,
    expectedGenerationMs: result.polling.expectedMs,
    checksSaved: result.polling.requestsSaved,
    attempts: result.attempts,
    rows: result.rows,
    columns: result.columns,
    bytes: result.bytes,
    sha256: result.sha256,
    path: result.path,
    encoding: result.format === "csv" ? encodingText(result.stats) : undefined,
    rangeSent:
      result.rangeSent.startsOn === null && result.rangeSent.endsOn === null
        ? undefined
        : rangeSentText(result.rangeSent),
    header: result.format === "csv" ? result.stats.header : undefined,
    preview: result.format === "csv" ? result.stats.preview : undefined,
  };
}

async function writeSummary(facts: SummaryFacts): Promise<void> {
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
