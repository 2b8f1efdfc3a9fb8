import type { ReportOutcome } from "../core/run-reports.ts";
import type { CsvDiff } from "../publish/csv-diff.ts";

/** How a report compares with the previous run's (artifact) or with the branch (git). */
export type ChangeFacts =
  | { state: "first" }
  | { state: "unchanged" | "changed"; diff: CsvDiff | undefined }
  | { state: "unavailable"; reason: string };

/** What the step knows of one report: how it ended, how it compares, where it went. */
export interface ReportRow {
  outcome: ReportOutcome;
  change?: ChangeFacts | undefined;
  artifact?: { name: string; url: string | undefined } | undefined;
}

export interface CommitFacts {
  branch: string;
  changed: boolean;
  sha: string | undefined;
  url: string | undefined;
  /** This run pushed the commit (a pull request's commit may be an earlier run's). */
  pushed: boolean;
}

export interface PullRequestFacts {
  operation: "created" | "updated" | "unchanged";
  changed: boolean;
  number: number | undefined;
  url: string | undefined;
  branch: string;
  base: string;
}

/** Everything the summary and the outputs tell of a step, one report or many. */
export interface StepFacts {
  rows: ReportRow[];
  commit?: CommitFacts | undefined;
  pullRequest?: PullRequestFacts | undefined;
  /** The reports left unuploaded because they did not change (if-unchanged: skip). */
  artifactSkipped?: number | undefined;
  /**
   * Whether rows of the reports may be shown (summary-preview-rows above 0): a report's rows
   * are personal data, so the summary holds none unless asked.
   */
  showRows?: boolean | undefined;
  /** A failure of the step itself (not of one report): bad input, publishing, cancellation. */
  failure?: { title: string; message: string; resume?: string | undefined } | undefined;
}

/** The change in a few characters: new, same, +6 −0, changed; empty when unknown. */
export function changeWord(change: ChangeFacts | undefined): string {
  if (change === undefined || change.state === "unavailable") return "";
  if (change.state === "first") return "new";
  if (change.state === "unchanged") return "same";
  return change.diff?.comparedRecords ? `+${change.diff.added} −${change.diff.removed}` : "changed";
}
