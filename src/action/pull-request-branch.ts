import { createHash } from "node:crypto";
import { posix, relative, resolve, sep } from "node:path";
import { branchNameProblem } from "../core/branch-name.ts";
import { DEFAULT_OUTPUT_TEMPLATE } from "../core/output-template.ts";
import { DEFAULT_OUTPUT_DIR } from "../core/report-file-name.ts";
import type { Settings } from "../node/settings.ts";
import { type CommitValues, renderCommitMessage } from "../publish/commit-message.ts";
import { stepValues } from "./step-text.ts";

/** Where the pull request goes, learned from GitHub before any request to Lucca. */
export interface PullRequestTarget {
  base: string;
  /** What pr-branch must never be besides the base: the default branch, the workflow's own. */
  refuse: string[];
}

/**
 * Longest `{templateId}` a branch name holds as the ids themselves (the commit-message door
 * cuts a value there, which would give two lists with the same first ids the same branch).
 */
const MAX_IDS_CHARS = 100;

/**
 * The pull request's branch for these values. A list of template ids too long to spell out
 * becomes its count and a hash of it: the same templates keep the same branch, and the name
 * stays short whatever the number of templates.
 */
export function pullRequestBranch(template: string, values: CommitValues): string {
  const ids = values.templateId;
  const templateId =
    ids.length <= MAX_IDS_CHARS
      ? ids
      : `${ids.split("+").length}-templates-${createHash("sha256").update(ids).digest("hex").slice(0, 12)}`;
  return renderCommitMessage(template, { ...values, templateId });
}

// Values only Lucca's answer gives, at their longest: ids are at most 64 characters (the schema
// door), row counts at most 16 digits.
const LONGEST: CommitValues = {
  templateId: "0".repeat(64),
  startsOn: "0000-00-00",
  endsOn: "0000-00-00",
  reportId: "0".repeat(64),
  rows: "0".repeat(16),
  sha256: "0".repeat(64),
  count: "1",
};

/**
 * The branch the step will use, as far as it is known before any request to Lucca. `exact`
 * is false when a placeholder it uses is filled from Lucca's answer (a report id, the rows,
 * a resumed report's template and period): `name` is then its longest form.
 */
export function plannedBranch(
  template: string,
  settings: Pick<Settings, "reports">,
): { name: string; exact: boolean } {
  const used = [...template.matchAll(/\{([^{}\s]+)\}/g)].map((match) => match[1] as string);
  if (settings.reports.length > 1) {
    // {count} is the number of reports fetched, at most every one of them.
    const values = stepValues(settings.reports, settings.reports.length);
    return { name: pullRequestBranch(template, values), exact: !used.includes("count") };
  }
  const known: Partial<CommitValues> = { count: "1" };
  const [report] = settings.reports;
  if (report?.templateId !== undefined) known.templateId = report.templateId;
  // A resumed report's period comes from Lucca's answer.
  if (report && report.reportId === undefined) {
    known.startsOn = report.period.startsOn ?? "default";
    known.endsOn = report.period.endsOn ?? "default";
  }
  if (report?.reportId !== undefined) known.reportId = report.reportId;
  return {
    name: pullRequestBranch(template, { ...LONGEST, ...known }),
    exact: used.every((name) => name in known),
  };
}

/** What is wrong with the branch pr-branch makes for these reports; empty when nothing. */
export function plannedBranchIssues(
  template: string,
  settings: Pick<Settings, "reports">,
): string[] {
  const planned = plannedBranch(template, settings);
  const problem = branchNameProblem(planned.name);
  if (problem === undefined) return [];
  return [
    planned.exact
      ? `pr-branch: "${template}" makes the branch "${planned.name}", which is not a valid branch name: it ${problem}`
      : `pr-branch: "${template}" can make a branch name that is not valid once the report's values fill it in: with each at its longest, it ${problem}`,
  ];
}

/**
 * Whether a repository path is one where this step's output-path puts a report, for any
 * template, period or report id: the only files the action's commits on its branch change.
 * output-path is relative to the workspace, the repository `repository` inside it; the default
 * file name goes into the repository.
 */
export function reportPathTest(
  outputPath: string | undefined,
  workspace: string,
  repository = ".",
): (path: string) => boolean {
  const templates =
    outputPath === undefined
      ? [DEFAULT_OUTPUT_TEMPLATE, `${DEFAULT_OUTPUT_DIR}/report-{reportId}.{extension}`]
      : [relative(resolve(workspace, repository), resolve(workspace, outputPath))];
  const patterns = templates.map((template) => {
    const path = posix.normalize(template.split(sep).join("/")).replace(/^\.\//, "");
    // Every placeholder's value is an id, a date, a number or an extension.
    const source = path
      .split(/(\{[^{}]*\})/)
      .map((part, index) =>
        index % 2 === 1 ? "[A-Za-z0-9_-]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
      )
      .join("");
    return new RegExp(`^${source}$`);
  });
  return (path) => patterns.some((pattern) => pattern.test(path));
}
