import { codeSpan, escapeCell, linkTarget } from "../../core/markdown.ts";
import type { ReportJobResult } from "../../core/report-job.ts";
import type { CsvDiff } from "../../publish/csv-diff.ts";
import { periodText } from "../progress-lines.ts";

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
