import { InvalidInputError } from "./errors.ts";
import type { Period } from "./period.ts";
import { isSafeId } from "./schemas.ts";

/** Where each report goes unless output-path says otherwise. */
export const DEFAULT_OUTPUT_TEMPLATE = "reports/{templateId}_{startsOn}_{endsOn}.{extension}";

const PLACEHOLDERS = ["templateId", "startsOn", "endsOn", "year", "month", "reportId"] as const;
const PLACEHOLDER = /\{([^{}]*)\}/g;

export interface PathFacts {
  templateId: string;
  period: Period;
  /** Unknown until the report is created. */
  reportId?: string | undefined;
  /** csv or xlsx; only the default template uses it. */
  extension?: string | undefined;
}

/** Placeholders in `template` that this tool does not know. */
export function unknownPathPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)]
    .map((match) => match[1] as string)
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name) && name !== "extension");
}

/**
 * The path for one report. Template ids and dates were checked as inputs; the report id
 * comes from Lucca and passes the schema door's id check before it becomes a path part.
 */
export function expandPath(template: string, facts: PathFacts): string {
  if (facts.reportId !== undefined && !isSafeId(facts.reportId)) {
    throw new RangeError("Cannot name a report file after a report id of an unexpected form");
  }
  const startsOn = facts.period.startsOn ?? "default";
  const values: Record<string, string> = {
    templateId: facts.templateId,
    startsOn,
    endsOn: facts.period.endsOn ?? "default",
    year: facts.period.startsOn?.slice(0, 4) ?? "default",
    month: facts.period.startsOn?.slice(5, 7) ?? "default",
    reportId: facts.reportId ?? "{reportId}",
    extension: facts.extension ?? "csv",
  };
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/**
 * Refuses, before any request, a template that would send two reports to the same file.
 * `{reportId}` tells every report apart, since Lucca gives each its own id (and a repeated
 * one fails that report: see run-reports.ts). Paths that differ only in case clash too: they
 * are one file on macOS and Windows runners, where the second report would replace the first.
 */
export function checkDistinctPaths(template: string, reports: PathFacts[], label: string): void {
  if (template.includes("{reportId}")) return;
  const seen = new Map<string, { path: string; report: PathFacts }>();
  for (const report of reports) {
    const path = expandPath(template, report);
    const earlier = seen.get(path.toLowerCase());
    if (earlier) {
      const clash =
        earlier.path === path
          ? `the same file ${path}`
          : `${earlier.path} and ${path}, one file where case does not count (macOS, Windows),`;
      throw new InvalidInputError(
        `${label}: "${template}" gives ${clash} to ${describe(earlier.report)} and ${describe(report)}; add placeholders such as {templateId}, {year} and {month}${earlier.path === path ? "" : ", or {reportId}"}`,
      );
    }
    seen.set(path.toLowerCase(), { path, report });
  }
}

function describe(report: PathFacts): string {
  return `template ${report.templateId} ${report.period.startsOn ?? "default"}..${report.period.endsOn ?? "default"}`;
}
