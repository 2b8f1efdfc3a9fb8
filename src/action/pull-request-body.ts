import { codeSpan, escapeCell, linkTarget } from "../core/markdown.ts";
import { periodText } from "../core/period-text.ts";
import type { CsvDiff } from "../publish/csv-diff.ts";

/** One report of a step, as the pull request for several reports tells it. */
export interface BodyRow {
  templateId: string | undefined;
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

/** The default body: one table row per report and what changed. */
export function renderPullRequestBody(
  reports: readonly BodyRow[],
  runUrl: string | undefined,
): string {
  const changed = reports.filter((r) => r.change !== undefined && r.change !== "unchanged");
  const done = reports.filter((r) => r.status === "done").length;
  const lines = [
    reports.length === 1 ? "## Lucca report" : "## Lucca reports",
    "",
    `${changed.length} of ${reports.length} report(s) differ from the base branch` +
      (done < reports.length ? `; ${reports.length - done} could not be fetched.` : "."),
    "",
    "| Template | Period | Report id | File | Rows | Change |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const report of reports) {
    const cells = [
      escapeCell(report.templateId ?? ""),
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

function changeCell(report: BodyRow): string {
  if (report.status !== "done") return `${report.status}: not in this pull request`;
  const { change } = report;
  if (change === undefined || change === "unchanged") return "unchanged";
  if (!change.existed) return "new file";
  if (change.diff?.comparedRecords) return `+${change.diff.added} −${change.diff.removed} rows`;
  return "changed";
}
