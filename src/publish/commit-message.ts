export const COMMIT_PLACEHOLDERS = [
  "templateId",
  "startsOn",
  "endsOn",
  "reportId",
  "rows",
  "sha256",
  /** The number of files in the commit or pull request (1 for one report). */
  "count",
] as const;
export type CommitValues = Record<(typeof COMMIT_PLACEHOLDERS)[number], string>;

export const DEFAULT_COMMIT_MESSAGE = "Add Lucca report {templateId} {startsOn}..{endsOn}";

/** Placeholders in `template` that are not known, so a typo is caught before any request. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}\s]+)\}/g)]
    .map((match) => match[1] as string)
    .filter((name) => !(COMMIT_PLACEHOLDERS as readonly string[]).includes(name));
}

/** Longest placeholder value kept; longer ones are cut (a report id is far shorter). */
const MAX_VALUE_CHARS = 100;

/**
 * The commit-message door. Placeholder values come from the server; each is rendered on
 * one line with control, line-separator and bidi characters removed, so a value cannot
 * start a line of its own and forge a trailer (`Co-authored-by:`, `Signed-off-by:`).
 */
export function commitValue(value: string): string {
  const flat = value
    .replace(
      // Stryker disable next-line Regex: equivalent
      // The class without `+`: the next replace collapses the runs of spaces.
      /[\p{Cc}\p{Zl}\p{Zp}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/gu,
      " ",
    )
    .replace(/\s+/g, " ")
    .trim();
  // By code point, so a cut never splits a surrogate pair.
  return Array.from(flat).slice(0, MAX_VALUE_CHARS).join("");
}

export function renderCommitMessage(template: string, values: CommitValues): string {
  return template.replace(/\{([^{}\s]+)\}/g, (whole, name: string) =>
    name in values ? commitValue(values[name as keyof CommitValues]) : whole,
  );
}
