import type { ColumnTotal } from "../core/column-tally.ts";
import { parseCsvRecords } from "../core/csv-parse.ts";
import { formatDuration } from "../core/duration.ts";
import { ReportFailedError } from "../core/errors.ts";
import {
  codeSpan,
  escapeCell,
  escapeMarkdown,
  escapeWithCode,
  linkTarget,
} from "../core/markdown.ts";
import { periodWords } from "../core/period-text.ts";
import type { ReportOutcome } from "../core/run-reports.ts";
import { countText, sizeText } from "../core/size-text.ts";
import { combineTotals, sumText, totalsText } from "../core/totals-text.ts";
import { encodingText, rangeSentText } from "../node/progress-lines.ts";
import { previewTable } from "./preview-table.ts";
import { changeWord, type ReportRow, type StepFacts } from "./step-facts.ts";

/** GitHub refuses a step summary over 1 MiB; the previews share what the rest leaves. */
const PREVIEW_BUDGET_CHARS = 640 * 1024;
const MAX_CELL = 80;
const MAX_COLUMNS = 20;

/**
 * The job summary, one report or many: what a person checks first (template, period, rows,
 * change, where it went), then failures, then each report's details and preview, collapsed.
 */
export function renderSummary(facts: StepFacts): string {
  const { rows } = facts;
  const done = rows.filter((row) => row.outcome.status === "done");
  const ok = facts.failure === undefined && done.length === rows.length;
  const lines = [`## ${ok ? "✅" : "❌"} ${heading(rows)}`, ""];
  if (facts.failure) {
    lines.push(
      `**${escapeMarkdown(facts.failure.title)}**`,
      "",
      escapeWithCode(facts.failure.message),
      "",
    );
    if (facts.failure.resume) lines.push(escapeWithCode(facts.failure.resume), "");
  }
  lines.push(...whereItWent(facts));
  if (rows.length > 0) lines.push(...reportTable(rows), "");
  lines.push(...failures(rows));
  const budget = Math.floor(PREVIEW_BUDGET_CHARS / Math.max(1, done.length));
  for (const row of rows) lines.push(...details(row, rows.length, budget, facts.showRows === true));
  return `${lines.join("\n")}\n`;
}

function heading(rows: readonly ReportRow[]): string {
  const [only] = rows;
  if (rows.length === 1 && only) return `Lucca report: ${nameOf(only.outcome)}`;
  const done = rows.filter((row) => row.outcome.status === "done").length;
  return rows.length === 0 ? "Lucca report" : `Lucca reports: ${done} of ${rows.length} done`;
}

/** "template 42, October 2026" */
function nameOf(outcome: ReportOutcome): string {
  const { spec } = outcome;
  const template =
    spec.templateId ?? (outcome.status === "done" ? outcome.result.templateId : undefined);
  const startsOn = outcome.status === "done" ? outcome.result.startsOn : spec.period.startsOn;
  const endsOn = outcome.status === "done" ? outcome.result.endsOn : spec.period.endsOn;
  const what = template === undefined ? `report ${spec.reportId ?? "?"}` : `template ${template}`;
  return escapeMarkdown(`${what}, ${periodWords(startsOn, endsOn)}`);
}

function whereItWent(facts: StepFacts): string[] {
  const lines: string[] = [];
  const artifacts = new Map<string, string | undefined>();
  for (const row of facts.rows)
    if (row.artifact) artifacts.set(row.artifact.name, row.artifact.url);
  const [single] = [...artifacts];
  if (artifacts.size === 1 && single) lines.push(`Artifact: ${linked(single[0], single[1])}`);
  const pull = facts.pullRequest;
  if (pull?.changed) {
    const target = pull.url && linkTarget(pull.url);
    const link = target ? `[#${pull.number}](${target})` : `#${pull.number}`;
    lines.push(
      `Pull request ${link} ${pull.operation} (${codeSpan(pull.branch)} into ${codeSpan(pull.base)})`,
    );
  } else if (pull) {
    lines.push(
      `Pull request: none, ${codeSpan(pull.base)} already holds ${facts.rows.length === 1 ? "this report" : "every report"}`,
    );
  }
  const commit = facts.commit;
  if (commit?.changed && commit.sha) {
    lines.push(
      `Commit ${linked(commit.sha.slice(0, 7), commit.url)} on ${codeSpan(commit.branch)}`,
    );
  } else if (commit) {
    lines.push(
      `Commit: none, ${codeSpan(commit.branch)} already holds ${facts.rows.length === 1 ? "this report" : "every report"}`,
    );
  }
  if (facts.artifactSkipped) {
    const which = facts.rows.length === 1 ? "" : ` for ${facts.artifactSkipped} report(s)`;
    lines.push(
      `Artifact not uploaded${which}: unchanged since the previous run (if-unchanged: skip)`,
    );
  }
  return lines.length === 0 ? [] : [...lines.map((line) => `${line}  `), ""];
}

function reportTable(rows: readonly ReportRow[]): string[] {
  const perReportArtifacts =
    new Set(rows.flatMap((row) => (row.artifact ? [row.artifact.name] : []))).size > 1;
  const results = rows.flatMap((row) =>
    row.outcome.status === "done" ? [row.outcome.result] : [],
  );
  const withTotals = results.some((result) => result.stats.totals?.length);
  const extra = [
    withTotals ? "Totals" : undefined,
    perReportArtifacts ? "Artifact" : undefined,
  ].filter((name): name is string => name !== undefined);
  const lines = [
    `| Template | Period | Status | Rows | Size | Change |${extra.map((name) => ` ${name} |`).join("")}`,
    `| --- | --- | --- | ---: | ---: | --- |${extra.map(() => " --- |").join("")}`,
  ];
  for (const { outcome, change, artifact } of rows) {
    const result = outcome.status === "done" ? outcome.result : undefined;
    const template = outcome.spec.templateId ?? result?.templateId ?? "";
    const period = periodWords(
      result?.startsOn ?? outcome.spec.period.startsOn,
      result?.endsOn ?? outcome.spec.period.endsOn,
    );
    const cells = [
      escapeCell(template),
      escapeCell(period),
      outcome.status,
      result?.rows === null || result?.rows === undefined ? "—" : countText(result.rows),
      result ? sizeText(result.bytes) : "—",
      result ? changeWord(change) : "—",
    ];
    if (withTotals) cells.push(totalsCell(result?.stats.totals ?? []));
    if (perReportArtifacts) cells.push(artifact ? linked(artifact.name, artifact.url) : "");
    lines.push(`| ${cells.join(" | ")} |`);
  }
  if (results.length > 1) {
    const rowsTotal = results.reduce((sum, result) => sum + (result.rows ?? 0), 0);
    const bytes = results.reduce((sum, result) => sum + result.bytes, 0);
    const cells = [
      "**Total**",
      "",
      `${results.length} done`,
      countText(rowsTotal),
      sizeText(bytes),
      "",
    ];
    if (withTotals)
      cells.push(totalsCell(combineTotals(results.map((result) => result.stats.totals ?? []))));
    if (perReportArtifacts) cells.push("");
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines;
}

/** "Temps de présence: 25,430.75", one column a line. */
function totalsCell(totals: readonly ColumnTotal[]): string {
  return totals.map((total) => `${escapeCell(total.column)}: ${sumText(total)}`).join("<br>");
}

function failures(rows: readonly ReportRow[]): string[] {
  const failed = rows.filter((row) => row.outcome.status !== "done");
  if (failed.length === 0) return [];
  const lines = ["### Failed", ""];
  for (const { outcome } of failed) {
    if (outcome.status === "skipped") {
      lines.push(`- ${nameOf(outcome)}: not started (fail-fast stopped the step)`);
      continue;
    }
    if (outcome.status !== "failed") continue;
    const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    lines.push(
      `- ${nameOf(outcome)}: ${escapeWithCode(message)}${resumeText(outcome, rows.length > 1)}`,
    );
  }
  return [...lines, ""];
}

/** How to resume, in the action's words; empty when no report was created. */
export function resumeText(
  outcome: ReportOutcome & { status: "failed" },
  several: boolean,
): string {
  if (!outcome.reportId || outcome.error instanceof ReportFailedError) return "";
  // With several reports the step must be narrowed to this report's template as well.
  if (several && outcome.spec.templateId) {
    return ` To resume, re-run with the inputs ${codeSpan(`template-id: ${outcome.spec.templateId}`)} and ${codeSpan(`report-id: ${outcome.reportId}`)}.`;
  }
  return ` To resume, re-run with the input ${codeSpan(`report-id: ${outcome.reportId}`)}.`;
}

function details(row: ReportRow, count: number, budget: number, showRows: boolean): string[] {
  const { outcome } = row;
  if (outcome.status !== "done") return [];
  const r = outcome.result;
  const facts: [string, string | undefined][] = [
    ["Report id", escapeCell(r.reportId)],
    [
      "Range sent",
      r.rangeSent.startsOn === null && r.rangeSent.endsOn === null
        ? undefined
        : escapeCell(rangeSentText(r.rangeSent)),
    ],
    ["Time taken", formatDuration(r.durationMs)],
    [
      "Waited for the request budget",
      r.queuedMs && r.queuedMs >= 1000
        ? `${formatDuration(r.queuedMs)} (other reports' requests; the rest is Lucca's generation and the download)`
        : undefined,
    ],
    [
      "Status checks",
      r.polling.expectedMs === null
        ? String(r.polls)
        : `${r.polls} (report expected after ${formatDuration(r.polling.expectedMs)} from this template's last runs; ${r.polling.requestsSaved} saved)`,
    ],
    ["Attempts", String(r.attempts)],
    ["Columns", r.columns === null ? undefined : String(r.columns)],
    ["Size", `${sizeText(r.bytes)} (${countText(r.bytes)} bytes)`],
    ["SHA-256", codeSpan(r.sha256, true)],
    ["Encoding", r.format === "csv" ? escapeCell(encodingText(r.stats)) : undefined],
    ["File on the runner", codeSpan(r.path, true)],
  ];
  const title = count === 1 ? "Details" : `Details: ${nameOf(outcome)}`;
  const lines = [
    "<details>",
    `<summary>${title}</summary>`,
    "",
    "| Fact | Value |",
    "| --- | --- |",
    ...facts.flatMap(([name, value]) => (value === undefined ? [] : [`| ${name} | ${value} |`])),
    "",
    ...changeLines(row, showRows),
    "</details>",
    "",
  ];
  if (r.format === "csv" && r.stats.header.length > 0 && r.stats.preview.length > 0) {
    lines.push(...previewBlock(outcome, count, budget));
  }
  return lines;
}

function changeLines(row: ReportRow, showRows: boolean): string[] {
  const change = row.change;
  if (change === undefined) return [];
  if (change.state === "unavailable") {
    return [`Change detection was off for this run: ${escapeMarkdown(change.reason)}.`, ""];
  }
  if (change.state === "first") {
    return ["First run for this template and period: nothing to compare with yet.", ""];
  }
  if (change.state === "unchanged") {
    return ["No change: the report is the same as the previous version.", ""];
  }
  const diff = change.diff;
  if (!diff?.comparedRecords) return ["The report changed.", ""];
  const lines = [
    `Since the previous version: **${countText(diff.added)}** row(s) added, **${countText(diff.removed)}** removed.`,
    "",
  ];
  // The records themselves are people's rows: shown only where the preview is (opted in).
  if (!showRows || row.outcome.status !== "done") return lines;
  const { header, delimiter } = row.outcome.result.stats;
  const records = [
    ...diff.addedExamples.map((text) => ["added", text] as const),
    ...diff.removedExamples.map((text) => ["removed", text] as const),
  ];
  if (records.length === 0 || header.length === 0) return lines;
  const cells = records.map(([kind, text]) => [
    kind,
    ...(parseCsvRecords(text.replaceAll("⏎", "\n"), delimiter ?? ";", 1)[0] ?? [text]),
  ]);
  const { table } = previewTable(["", ...header], cells, {
    maxCell: MAX_CELL,
    maxColumns: MAX_COLUMNS,
    maxChars: 16 * 1024,
  });
  return [...lines, "For example:", "", ...table, ""];
}

function previewBlock(
  outcome: ReportOutcome & { status: "done" },
  count: number,
  budget: number,
): string[] {
  const { header, preview } = outcome.result.stats;
  const { table, shown, width } = previewTable(header, preview, {
    maxCell: MAX_CELL,
    maxColumns: MAX_COLUMNS,
    maxChars: budget,
  });
  const total = outcome.result.rows ?? preview.length;
  const hidden = header.length > width ? `, first ${width} of ${header.length} columns` : "";
  const whose = count === 1 ? "" : `${nameOf(outcome)}: `;
  const totals = outcome.result.stats.totals;
  return [
    "<details>",
    `<summary>${whose}${count === 1 ? "First" : "first"} ${shown} of ${countText(total)} rows${hidden}</summary>`,
    "",
    ...table,
    "",
    ...(totals?.length
      ? [`Totals over all ${countText(total)} rows: ${escapeMarkdown(totalsText(totals))}`, ""]
      : []),
    "</details>",
    "",
  ];
}

function linked(text: string, url: string | undefined): string {
  const target = url && linkTarget(url);
  const label = escapeCell(text);
  return target ? `[${label}](${target})` : label;
}
