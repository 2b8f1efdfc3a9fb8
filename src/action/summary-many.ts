import { codeSpan, escapeCell, linkTarget } from "../core/markdown.ts";
import type { ReportOutcome } from "../core/run-many.ts";
import { periodText } from "../node/progress-lines.ts";
import type { ChangeFacts } from "./change-step.ts";
import { previewTable } from "./preview-table.ts";

/** What the summary and the outputs know about one report of the step. */
export interface ReportRow {
  outcome: ReportOutcome;
  change?: "changed" | "unchanged" | undefined;
  changeFacts?: ChangeFacts | undefined;
  artifact?: { name: string; url: string | undefined } | undefined;
}

/** GitHub refuses a step summary over 1 MiB; the previews share what the table leaves. */
const PREVIEW_BUDGET_CHARS = 640 * 1024;
const MAX_CELL = 60;
const MAX_COLUMNS = 12;

/** One table with a row per report, then each report's preview, collapsed. */
export function renderManySummary(
  rows: readonly ReportRow[],
  facts: {
    commitSha?: string | undefined;
    pullRequest?:
      | {
          operation: string;
          number: number | undefined;
          url: string | undefined;
          branch: string;
          base: string;
        }
      | undefined;
  },
): string {
  const failed = rows.filter((row) => row.outcome.status !== "done").length;
  const lines = [
    `## ${failed === 0 ? "✅" : "❌"} Lucca reports: ${rows.length - failed} of ${rows.length} done`,
    "",
  ];
  const pull = facts.pullRequest;
  if (pull?.number !== undefined) {
    const target = pull.url && linkTarget(pull.url);
    const link = target ? `[#${pull.number}](${target})` : `#${pull.number}`;
    lines.push(
      `Pull request ${link} ${pull.operation} (${codeSpan(pull.branch)} into ${codeSpan(pull.base)}).`,
      "",
    );
  } else if (pull) {
    lines.push(`${codeSpan(pull.base)} already holds every report: no pull request.`, "");
  } else if (facts.commitSha) {
    lines.push(`Committed as ${facts.commitSha.slice(0, 12)}.`, "");
  }
  lines.push(
    "| Template | Period | Status | Report id | Rows | Size | Change | Link |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  );
  for (const { outcome, change, artifact } of rows) {
    const period = periodText(outcome.spec.period.startsOn, outcome.spec.period.endsOn);
    const result = outcome.status === "done" ? outcome.result : undefined;
    const reportId =
      result?.reportId ?? (outcome.status === "failed" ? outcome.reportId : undefined);
    const target = artifact?.url ? linkTarget(artifact.url) : undefined;
    const link = artifact && target ? `[${escapeCell(artifact.name)}](${target})` : "";
    lines.push(
      `| ${escapeCell(outcome.spec.templateId)} | ${period} | ${outcome.status} | ${reportId ? escapeCell(reportId) : ""} | ${result?.rows ?? ""} | ${result ? `${result.bytes} B` : ""} | ${change ?? ""} | ${link} |`,
    );
  }
  lines.push("");
  const failures = rows.filter((row) => row.outcome.status === "failed");
  if (failures.length > 0) {
    lines.push("### Failed", "");
    for (const { outcome } of failures) {
      if (outcome.status !== "failed") continue;
      const message =
        outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      const resume = outcome.reportId
        ? ` Resume with ${codeSpan(`report-id: ${outcome.reportId}`)}.`
        : "";
      lines.push(
        `- template ${escapeCell(outcome.spec.templateId)}, ${periodText(outcome.spec.period.startsOn, outcome.spec.period.endsOn)}: ${escapeCell(message)}${resume}`,
      );
    }
    lines.push("");
  }
  const done = rows.filter((row) => row.outcome.status === "done");
  const budget = Math.floor(PREVIEW_BUDGET_CHARS / Math.max(1, done.length));
  for (const { outcome } of done) {
    if (outcome.status !== "done" || outcome.result.format !== "csv") continue;
    const { header, preview } = outcome.result.stats;
    if (!header || preview.length === 0) continue;
    lines.push(...previewBlock(outcome, header, preview, budget));
  }
  return lines.join("\n");
}

function previewBlock(
  outcome: ReportOutcome & { status: "done" },
  header: string[],
  preview: string[][],
  budget: number,
): string[] {
  const { table, shown } = previewTable(header, preview, {
    maxCell: MAX_CELL,
    maxColumns: MAX_COLUMNS,
    maxChars: budget,
  });
  const { spec, result } = outcome;
  return [
    "<details>",
    `<summary>${escapeCell(spec.templateId)} ${periodText(spec.period.startsOn, spec.period.endsOn)}: first ${shown} of ${result.rows ?? "?"} rows</summary>`,
    "",
    ...table,
    "",
    "</details>",
    "",
  ];
}
