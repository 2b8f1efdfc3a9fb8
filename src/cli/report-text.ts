import { LuccaReportError, ReportFailedError } from "../core/errors.ts";
import { periodText } from "../core/period-text.ts";
import type { ReportJobResult } from "../core/report-job.ts";
import type { ReportOutcome, ReportSpec } from "../core/run-reports.ts";
import { logSafe } from "../core/safe-text.ts";
import { totalsText } from "../core/totals-text.ts";
import { encodingText, rangeSentText } from "../node/progress-lines.ts";
import type { SkipReason } from "./report-json.ts";

const v = logSafe;

/**
 * What stdout shows after a run: one report's details when it is the only one, else a
 * line per report in the order asked. A failure's message is on stderr (`failureLines`).
 */
export function reportText(outcomes: readonly ReportOutcome[], skipped: SkipReason): string {
  const [only] = outcomes;
  if (outcomes.length === 1 && only !== undefined) {
    return only.status === "done" ? details(only.result) : "";
  }
  return outcomes.map((outcome) => `${line(outcome, skipped)}\n`).join("");
}

/**
 * One `Error:` line per failed report, naming its template and period, and the report id
 * to resume it with when Lucca had given one. Lines of several lines (a stack) are left to
 * the caller's `logSafeLines`.
 */
export function failureLines(outcomes: readonly ReportOutcome[]): string[] {
  const lines: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.status !== "failed") continue;
    const { error, reportId } = outcome;
    const expected = error instanceof LuccaReportError;
    const message = expected
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
    // A report Lucca ended in error is not worth resuming.
    const resumable = reportId !== undefined && !(error instanceof ReportFailedError);
    lines.push(
      `${expected ? "Error" : "Unexpected error"}: ${which(outcome.spec)}: ${message}${resumable ? `; resume with --report-id ${v(reportId)}` : ""}`,
    );
  }
  return lines;
}

function line(outcome: ReportOutcome, skipped: SkipReason): string {
  const what = which(outcome.spec);
  if (outcome.status === "skipped") return `skipped ${what}: not started (${skipped})`;
  if (outcome.status === "failed") {
    return `failed  ${what}${outcome.reportId === undefined ? "" : `: report ${v(outcome.reportId)}`}`;
  }
  const r = outcome.result;
  const queued =
    r.queuedMs && r.queuedMs >= 1000
      ? `, ${(r.queuedMs / 1000).toFixed(1)} s of ${(r.durationMs / 1000).toFixed(1)} s waiting for the request budget`
      : "";
  return `done    ${what}: report ${v(r.reportId)} -> ${v(r.path)} (${r.rows ?? "?"} rows, ${r.bytes} bytes${queued})`;
}

/** "template 42, 2026-10-01..2026-10-31", or "report 1001, …" for a resume without one. */
function which(spec: ReportSpec): string {
  const period = periodText(spec.period.startsOn, spec.period.endsOn);
  return spec.templateId === undefined
    ? `report ${v(spec.reportId ?? "?")}, ${period}`
    : `template ${v(spec.templateId)}, ${period}`;
}

function details(result: ReportJobResult): string {
  const shape = result.rows === null ? "" : `${result.rows} rows × ${result.columns} columns, `;
  return [
    `Report ${v(result.reportId)} (template ${v(result.templateId ?? "?")}, ${periodText(result.startsOn, result.endsOn)})`,
    ...(result.rangeSent.startsOn === null && result.rangeSent.endsOn === null
      ? []
      : [`  sent:    ${rangeSentText(result.rangeSent)}`]),
    `  file:    ${v(result.path)}`,
    `  content: ${shape}${result.bytes} bytes${result.rows === null ? "" : `, ${encodingText(result.stats)}`}`,
    ...(result.stats.totals?.length ? [`  totals:  ${v(totalsText(result.stats.totals))}`] : []),
    `  sha256:  ${result.sha256}`,
    `  took:    ${(result.durationMs / 1000).toFixed(1)} s, ${result.polls} status check(s), ${result.attempts} attempt(s)`,
    ...(result.polling.expectedMs === null
      ? []
      : [
          `  polling: expected after ${(result.polling.expectedMs / 1000).toFixed(1)} s (this template's last runs), ${result.polling.requestsSaved} status check(s) saved`,
        ]),
    "",
  ].join("\n");
}
