import type { ReportJobResult } from "../core/report-job.ts";
import type { ReportSpec } from "../core/run-reports.ts";
import {
  type CommitValues,
  DEFAULT_COMMIT_MESSAGE,
  renderCommitMessage,
} from "../publish/commit-message.ts";

export type PublishTarget = "artifact" | "commit" | "pull-request";

/** Placeholders that hold one report's value: a step of several reports has no single one. */
const PER_REPORT = ["reportId", "rows", "sha256"];

/** What the default commit message and pull request title become with several reports. */
export const MANY_COMMIT_MESSAGE = "Add {count} Lucca reports";
export const MANY_PR_TITLE = "{count} Lucca reports: {templateId} {startsOn}..{endsOn}";

/** A default text in the singular when it counts one file ("Add 1 Lucca report"). */
export function inNumber(text: string, count: number): string {
  return count === 1 ? text.replace("{count} Lucca reports", "{count} Lucca report") : text;
}

/**
 * The placeholders' values for the whole step: `{templateId}` is every template id once, in
 * the order given, joined with "+" (a character template ids cannot hold, and git allows in
 * a branch name); `{startsOn}`..`{endsOn}` spans every period; `{count}` is the number of files.
 */
export function stepValues(
  specs: readonly ReportSpec[],
  count: number,
  only?: ReportJobResult,
): CommitValues {
  if (only && specs.length === 1) return { ...reportValues(only), count: String(count) };
  const ids = [...new Set(specs.flatMap((spec) => spec.templateId ?? []))];
  const starts = specs.flatMap((spec) => spec.period.startsOn ?? []).sort();
  const ends = specs.flatMap((spec) => spec.period.endsOn ?? []).sort();
  return {
    templateId: ids.join("+"),
    startsOn: starts[0] ?? "default",
    endsOn: ends.at(-1) ?? "default",
    reportId: "",
    rows: "",
    sha256: "",
    count: String(count),
  };
}

/** One report's values, as its commit message and pull request use them. */
export function reportValues(result: ReportJobResult): CommitValues {
  return {
    templateId: result.templateId ?? "",
    startsOn: result.startsOn ?? "default",
    endsOn: result.endsOn ?? "default",
    reportId: result.reportId,
    rows: String(result.rows ?? ""),
    sha256: result.sha256,
    count: "1",
  };
}

/**
 * The step's one commit. One report: commit-message with its values. Several: the subject
 * from commit-message with the step's values (the default becomes "Add {count} Lucca
 * reports"), the body lists every file.
 */
export function stepCommitMessage(
  template: string,
  specs: readonly ReportSpec[],
  paths: readonly string[],
  only?: ReportJobResult,
): string {
  if (only && specs.length === 1) return renderCommitMessage(template, reportValues(only));
  const subject = renderCommitMessage(
    (template === DEFAULT_COMMIT_MESSAGE
      ? inNumber(MANY_COMMIT_MESSAGE, paths.length)
      : template
    ).split("\n")[0] ?? "",
    stepValues(specs, paths.length),
  );
  return `${subject}\n\n${paths.map((path) => `- ${path}`).join("\n")}\n`;
}

/** With several reports, each text that names one report's value, refused before any request. */
export function severalReportsIssues(inputs: {
  publish: readonly PublishTarget[];
  commitMessage: string;
  pullRequest: { branch: string; title: string; body: string | undefined };
}): string[] {
  const texts: [string, string | undefined][] = [];
  const pullRequest = inputs.publish.includes("pull-request");
  if (pullRequest || inputs.publish.includes("commit")) {
    texts.push(["commit-message", inputs.commitMessage]);
  }
  if (pullRequest) {
    texts.push(
      ["pr-branch", inputs.pullRequest.branch],
      ["pr-title", inputs.pullRequest.title],
      ["pr-body", inputs.pullRequest.body],
    );
  }
  return texts.flatMap(([name, text]) => {
    const named = [...(text ?? "").matchAll(/\{([^{}\s]+)\}/g)]
      .map((match) => match[1] as string)
      .filter((placeholder) => PER_REPORT.includes(placeholder));
    if (named.length === 0) return [];
    return [
      `${name}: ${[...new Set(named)].map((p) => `{${p}}`).join(", ")} names one report's value, and this step has several reports; use {templateId}, {startsOn}, {endsOn} or {count}`,
    ];
  });
}
