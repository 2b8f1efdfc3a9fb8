import * as core from "@actions/core";
import type { ColumnTotal } from "../core/column-tally.ts";
import type { ReportJobResult } from "../core/report-job.ts";
import { combineTotals } from "../core/totals-text.ts";
import type { PublishedArtifact } from "../publish/artifact.ts";
import type { ReportRow, StepFacts } from "./step-facts.ts";

/**
 * The step's outputs, one report or many: `reports` (every report as JSON), `succeeded`,
 * `failed`, `changed` and where it went; with exactly one report, also that report's own
 * outputs (report-id, path, rows, ...), so a one-report workflow reads them directly.
 */
export function setStepOutputs(
  facts: StepFacts,
  artifacts: readonly PublishedArtifact[],
  writesGit: boolean,
): void {
  const { rows } = facts;
  const done = rows.filter((row) => row.outcome.status === "done");
  const set = (name: string, value: string | number) => core.setOutput(name, value);
  const [only] = rows;
  if (rows.length === 1 && only?.outcome.status === "done") setReportOutputs(only.outcome.result);
  set("reports", JSON.stringify(rows.map(reportObject)));
  set("succeeded", done.length);
  const totals = done.flatMap((row) =>
    row.outcome.status === "done" && row.outcome.result.stats.totals
      ? [row.outcome.result.stats.totals]
      : [],
  );
  set("totals", totals.length === 0 ? "" : JSON.stringify(combineTotals(totals).map(totalObject)));
  set("failed", rows.length - done.length);
  set("changed", changedOutput(facts, writesGit));
  set("commit-sha", facts.commit?.sha ?? "");
  set("commit-url", facts.commit?.changed || facts.pullRequest ? (facts.commit?.url ?? "") : "");
  if (facts.commit) set("pushed", String(facts.commit.pushed));
  if (facts.pullRequest) {
    set("pull-request-number", facts.pullRequest.number ?? "");
    set("pull-request-url", facts.pullRequest.url ?? "");
    set("pull-request-operation", facts.pullRequest.operation);
  }
  set("artifact-id", artifacts.map((artifact) => artifact.id ?? "").join(","));
  const [artifact] = artifacts;
  if (artifacts.length === 1 && artifact) {
    set("artifact-url", artifact.url ?? "");
    set("artifact-digest", artifact.digest ?? "");
  }
}

/** "true" when a report is new or changed, "false" when none is, "" when it cannot be told. */
function changedOutput(facts: StepFacts, writesGit: boolean): string {
  if (writesGit) return facts.commit ? String(facts.commit.changed) : "";
  const states = facts.rows.flatMap((row) => (row.change ? [row.change.state] : []));
  if (states.some((state) => state === "first" || state === "changed")) return "true";
  if (states.length > 0 && states.every((state) => state === "unchanged")) return "false";
  return "";
}

/** One report's facts under their output names: its own outputs, and its entry in `reports`. */
function reportFields(result: ReportJobResult) {
  return {
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
}

function setReportOutputs(result: ReportJobResult): void {
  for (const [name, value] of Object.entries(reportFields(result))) core.setOutput(name, value);
}

function reportObject(row: ReportRow) {
  const { outcome } = row;
  const base = {
    "template-id":
      outcome.spec.templateId ??
      (outcome.status === "done" ? (outcome.result.templateId ?? "") : ""),
    "starts-on": outcome.spec.period.startsOn ?? "",
    "ends-on": outcome.spec.period.endsOn ?? "",
    status: outcome.status,
  };
  if (outcome.status !== "done") {
    return {
      ...base,
      "report-id": outcome.status === "failed" ? (outcome.reportId ?? "") : "",
      error:
        outcome.status === "failed"
          ? outcome.error instanceof Error
            ? outcome.error.message
            : String(outcome.error)
          : "not started (fail-fast)",
    };
  }
  const r = outcome.result;
  const state = row.change?.state;
  return {
    ...base,
    ...reportFields(r),
    changed: state === undefined || state === "unavailable" ? "" : String(state !== "unchanged"),
    totals: r.stats.totals?.map(totalObject) ?? null,
    "artifact-url": row.artifact?.url ?? "",
    error: "",
  };
}

function totalObject({ column, sum, decimals }: ColumnTotal) {
  return { column, sum, decimals };
}
