import * as core from "@actions/core";
import type { FetchLike } from "../core/http.ts";
import type { JobEvent } from "../core/job-events.ts";
import { periodWords } from "../core/period-text.ts";
import type { ReportOutcome, ReportSpec } from "../core/run-reports.ts";
import { logSafe } from "../core/safe-text.ts";
import type { TargetPolicy } from "../node/output-target.ts";
import { reportLabel, reportProgress } from "../node/progress-lines.ts";
import { runReportsFromSettings } from "../node/run-reports.ts";
import type { ActionInputs } from "./inputs.ts";

export interface ReportStepEnvironment {
  fetch: FetchLike;
  output: TargetPolicy;
  signal: AbortSignal;
  pollHistoryPath: string | undefined;
  /** Told each report id as Lucca hands it out, for the failure annotation. */
  onReportId?: (reportId: string) => void;
}

/** "42, October 2026", or "report 1001" for a resumed report of unknown template. */
export function reportName(spec: ReportSpec): string {
  if (spec.templateId === undefined) return `report ${spec.reportId ?? "?"}`;
  return spec.reportId === undefined
    ? `${spec.templateId}, ${periodWords(spec.period.startsOn, spec.period.endsOn)}`
    : `${spec.templateId}, report ${spec.reportId}`;
}

/**
 * Runs every report of the step (one or many) and logs as it goes: with one report, a log
 * group per phase named after it; with several, one group with each line prefixed by its
 * report, and a line as each ends ("3 of 6 done").
 */
export async function runReportStep(
  inputs: ActionInputs,
  env: ReportStepEnvironment,
): Promise<ReportOutcome[]> {
  const reports = inputs.settings.reports;
  const several = reports.length > 1;
  const progress = reportProgress(reports, { verbose: core.isDebug() });
  let open = false;
  const group = (title: string) => {
    if (open) core.endGroup();
    core.startGroup(logSafe(title));
    open = true;
  };
  let ended = 0;
  if (several) group(`Generate and download ${reports.length} reports`);
  const onEvent = (spec: ReportSpec, event: JobEvent) => {
    if (event.type === "created" || event.type === "resuming") env.onReportId?.(event.reportId);
    if (!several) {
      const name = reportName(spec);
      if (event.type === "creating" && event.attempt === 1) group(`Generate the report: ${name}`);
      if (event.type === "resuming") group(`Resume the report: ${name}`);
      if (event.type === "downloading") group(`Download the report: ${name}`);
    }
    const line = progress(spec, event);
    if (event.type === "downloaded" && several) {
      ended++;
      core.info(
        logSafe(`${line ?? `[${reportLabel(spec)}] done`} (${ended} of ${reports.length} done)`),
      );
      return;
    }
    if (line === undefined) return;
    if (event.type === "warning") core.warning(logSafe(line));
    else core.info(logSafe(line));
  };
  try {
    return await runReportsFromSettings(inputs.settings, {
      fetch: env.fetch,
      output: env.output,
      signal: env.signal,
      previewRows: inputs.summaryPreviewRows,
      pollHistoryPath: env.pollHistoryPath,
      onBudgetWait: (line) => core.info(logSafe(line)),
      onEvent,
    });
  } finally {
    if (open) core.endGroup();
  }
}
