import { codeSpan, escapeCell, linkTarget } from "../core/markdown.ts";
import type { ReportJobResult } from "../core/report-job.ts";
import { periodText } from "../node/progress-lines.ts";
import type { CsvDiff } from "../publish/csv-diff.ts";

/** What the default pull request body tells: the report's facts and what changed on the base. */
export function renderPullRequestBody(
  result: Pick<
    ReportJobResult,
    "templateId" | "startsOn" | "endsOn" | "reportId" | "rows" | "columns" | "bytes" | "sha256"
  >,
  file: { path: string; existed: boolean; diff: CsvDiff | undefined },
  runUrl: string | undefined,
): string {
  const lines = ["## Lucca report", "", "| | |", "| --- | --- |"];
  const row = (name: string, value: string | number | null | undefined) => {
    if (value !== undefined && value !== null && value !== "") lines.push(`| ${name} | ${value} |`);
  };
  row("Template", result.templateId && escapeCell(result.templateId));
  row("Period", periodText(result.startsOn ?? null, result.endsOn ?? null));
  row("Report id", escapeCell(result.reportId));
  row("File", codeSpan(file.path, true));
  row("Rows", result.rows);
  row("Columns", result.columns);
  row("Bytes", result.bytes.toLocaleString("en-US"));
  row("SHA-256", codeSpan(result.sha256, true));
  lines.push("", "### Changes", "");
  if (!file.existed) {
    lines.push("A new file: the base branch does not have it yet.");
  } else if (file.diff?.comparedRecords) {
    lines.push(
      `Compared with the base branch: **${file.diff.added}** row(s) added, **${file.diff.removed}** removed.`,
    );
  } else {
    lines.push("The file differs from the base branch's.");
  }
  const run = runUrl && linkTarget(runUrl);
  if (run) lines.push("", `Opened by [this workflow run](${run}).`);
  return `${lines.join("\n")}\n`;
}

/** One report of a step, as the pull request for several reports tells it. */
export interface ManyBodyRow {
  templateId: string;
  startsOn: string | null;
  endsOn: string | null;
  status: "done" | "failed" | "skipped";
  reportId?: string | undefined;
  /** Repository path of the file, when the report was fetched. */
  path?: string | undefined;
  rows?: number | null | undefined;
  /** How the file compares with the base; undefined when it is not in the pull request. */
  change?: { existed: boolean; diff: CsvDiff | undefined } | "unchanged" | undefined;
}

/** The default body with several reports: one table row per report and what changed. */
export function renderManyPullRequestBody(
  reports: readonly ManyBodyRow[],
  runUrl: string | undefined,
): string {
  const changed = reports.filter((r) => r.change !== undefined && r.change !== "unchanged");
  const done = reports.filter((r) => r.status === "done").length;
  const lines = [
    "## Lucca reports",
    "",
    `${changed.length} of ${reports.length} report(s) differ from the base branch` +
      (done < reports.length ? `; ${reports.length - done} could not be fetched.` : "."),
    "",
    "| Template | Period | Report id | File | Rows | Change |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const report of reports) {
    const cells = [
      escapeCell(report.templateId),
      periodText(report.startsOn, report.endsOn),
      report.reportId ? escapeCell(report.reportId) : "",
      report.path ? codeSpan(report.path, true) : "",
      report.rows === undefined || report.rows === null ? "" : String(report.rows),
      changeCell(report),
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  const run = runUrl && linkTarget(runUrl);
  if (run) lines.push("", `Opened by [this workflow run](${run}).`);
  return `${lines.join("\n")}\n`;
}

function changeCell(report: ManyBodyRow): string {
  if (report.status !== "done") return `${report.status}: not in this pull request`;
  const { change } = report;
  if (change === undefined || change === "unchanged") return "unchanged";
  if (!change.existed) return "new file";
  if (change.diff?.comparedRecords) return `+${change.diff.added} −${change.diff.removed} rows`;
  return "changed";
}
