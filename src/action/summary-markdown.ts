import { formatDuration } from "../core/duration.ts";
import {
  codeSpan,
  escapeCell,
  escapeMarkdown,
  escapeWithCode,
  linkTarget,
} from "../core/markdown.ts";
import { periodText } from "../node/progress-lines.ts";
import type { ChangeFacts } from "./change-step.ts";
import { previewTable } from "./preview-table.ts";

const MAX_CELL = 80;
const MAX_COLUMNS = 20;
/** The preview stops growing here, whatever the CSV holds: GitHub's limit is 1 MiB per step. */
const MAX_PREVIEW_CHARS = 48 * 1024;

export interface SummaryFacts {
  templateId?: string | undefined;
  startsOn?: string | null | undefined;
  endsOn?: string | null | undefined;
  /** The exact startsOn/endsOn sent, as text. */
  rangeSent?: string | undefined;
  reportId?: string | undefined;
  status: string;
  durationMs?: number | undefined;
  polls?: number | undefined;
  /** Learned polling: the expected generation time and the status checks saved by it. */
  expectedGenerationMs?: number | null | undefined;
  checksSaved?: number | undefined;
  attempts?: number | undefined;
  rows?: number | null | undefined;
  columns?: number | null | undefined;
  bytes?: number | undefined;
  sha256?: string | undefined;
  path?: string | undefined;
  /** The CSV's text encoding, as shown. */
  encoding?: string | undefined;
  artifact?: { name: string; url: string | undefined } | undefined;
  change?: ChangeFacts | undefined;
  artifactSkipped?: boolean | undefined;
  commit?:
    | { branch: string; changed: boolean; sha: string | undefined; url: string | undefined }
    | undefined;
  pullRequest?:
    | {
        operation: "created" | "updated" | "unchanged";
        changed: boolean;
        number: number | undefined;
        url: string | undefined;
        branch: string;
        base: string;
      }
    | undefined;
  header?: string[] | undefined;
  preview?: string[][] | undefined;
  failure?: { title: string; message: string; resume?: string | undefined } | undefined;
}

/** The job summary as Markdown: a facts table, a preview of the CSV, or what failed. */
export function renderSummary(facts: SummaryFacts): string {
  const ok = facts.failure === undefined;
  const lines: string[] = [
    `## ${ok ? "✅" : "❌"} Lucca report ${escapeMarkdown(facts.reportId ?? "")}`.trimEnd(),
    "",
  ];
  if (facts.failure) {
    lines.push(
      `**${escapeMarkdown(facts.failure.title)}**`,
      "",
      escapeWithCode(facts.failure.message),
      "",
    );
    if (facts.failure.resume) lines.push(escapeWithCode(facts.failure.resume), "");
  }
  const row = (name: string, value: string | number | null | undefined) => {
    if (value !== undefined && value !== null && value !== "") lines.push(`| ${name} | ${value} |`);
  };
  lines.push("| | |", "| --- | --- |");
  row("Template", facts.templateId && escapeCell(facts.templateId));
  if (facts.startsOn !== undefined || facts.endsOn !== undefined) {
    row("Period", escapeCell(periodText(facts.startsOn ?? null, facts.endsOn ?? null)));
  }
  row("Range sent", facts.rangeSent && escapeCell(facts.rangeSent));
  row("Report id", facts.reportId && escapeCell(facts.reportId));
  row("Status", escapeCell(facts.status));
  row("Time taken", facts.durationMs === undefined ? undefined : formatDuration(facts.durationMs));
  row(
    "Status checks",
    facts.polls === undefined || typeof facts.expectedGenerationMs !== "number"
      ? facts.polls
      : `${facts.polls} (report expected after ${formatDuration(facts.expectedGenerationMs)} from this template's last runs; ${facts.checksSaved ?? 0} saved)`,
  );
  row("Attempts", facts.attempts);
  row("Rows", facts.rows);
  row("Columns", facts.columns);
  row("Bytes", facts.bytes?.toLocaleString("en-US"));
  row("SHA-256", facts.sha256 && codeSpan(facts.sha256, true));
  row("File", facts.path && codeSpan(facts.path, true));
  row("Encoding", facts.encoding && escapeCell(facts.encoding));
  if (facts.artifact) {
    const target = facts.artifact.url && linkTarget(facts.artifact.url);
    const name = escapeCell(facts.artifact.name);
    row("Artifact", target ? `[${name}](${target})` : name);
  }
  if (facts.commit) {
    const { commit } = facts;
    const short = commit.sha ? escapeCell(commit.sha.slice(0, 7)) : "";
    const target = commit.url && linkTarget(commit.url);
    const link = short && target ? `[${short}](${target})` : short;
    row(
      "Commit",
      commit.changed
        ? `${link} on ${codeSpan(commit.branch, true)}`
        : `unchanged on ${codeSpan(commit.branch, true)}: nothing committed`,
    );
  }
  if (facts.pullRequest) row("Pull request", pullRequestCell(facts.pullRequest));
  if (facts.artifactSkipped)
    row("Artifact", "not uploaded: unchanged since the previous run (if-unchanged: skip)");
  lines.push("");
  if (facts.change) lines.push(...changeSection(facts.change));
  if (ok && facts.header && facts.preview && facts.preview.length > 0) {
    lines.push(...previewSection(facts.header, facts.preview, facts.rows ?? facts.preview.length));
  }
  return `${lines.join("\n")}\n`;
}

function pullRequestCell(pull: NonNullable<SummaryFacts["pullRequest"]>): string {
  if (!pull.changed) return `unchanged: ${codeSpan(pull.base, true)} already holds this report`;
  const target = pull.url && linkTarget(pull.url);
  const link = target ? `[#${pull.number}](${target})` : `#${pull.number}`;
  return `${link} ${pull.operation} (${codeSpan(pull.branch, true)} into ${codeSpan(pull.base, true)})`;
}

function changeSection(change: ChangeFacts): string[] {
  const title = "### Since the previous run";
  switch (change.state) {
    case "first":
      return [
        title,
        "",
        "First run for this template and period: nothing to compare with yet.",
        "",
      ];
    case "unavailable":
      return [
        title,
        "",
        `Change detection was off for this run: ${escapeMarkdown(change.reason)}.`,
        "",
      ];
    case "unchanged":
      return [title, "", "No change: the report is the same as the previous run's.", ""];
    case "changed": {
      const diff = change.diff;
      if (!diff?.comparedRecords) return [title, "", "The report changed.", ""];
      const lines = [
        title,
        "",
        `The report changed: **${diff.added}** row(s) added, **${diff.removed}** removed.`,
        "",
      ];
      const examples = (label: string, rows: string[]) =>
        rows.length === 0 ? [] : [`${label}:`, "", ...rows.map((r) => `- ${codeSpan(r)}`), ""];
      return [
        ...lines,
        ...examples("Added, for example", diff.addedExamples),
        ...examples("Removed, for example", diff.removedExamples),
      ];
    }
  }
}

function previewSection(header: string[], rows: string[][], total: number): string[] {
  const { table, shown, width } = previewTable(header, rows, {
    maxCell: MAX_CELL,
    maxColumns: MAX_COLUMNS,
    maxChars: MAX_PREVIEW_CHARS,
  });
  const hidden = header.length > width ? `, first ${width} of ${header.length} columns` : "";
  return [
    "<details>",
    `<summary>First ${shown} of ${total} rows${hidden}</summary>`,
    "",
    ...table,
    "",
    "</details>",
    "",
  ];
}
