export const COMMIT_PLACEHOLDERS = [
  "templateId",
  "startsOn",
  "endsOn",
  "reportId",
  "rows",
  "sha256",
] as const;
export type CommitValues = Record<(typeof COMMIT_PLACEHOLDERS)[number], string>;

export const DEFAULT_COMMIT_MESSAGE = "Add Lucca report {templateId} {startsOn}..{endsOn}";

/** Placeholders in `template` that are not known, so a typo is caught before any request. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}\s]+)\}/g)]
    .map((match) => match[1] as string)
    .filter((name) => !(COMMIT_PLACEHOLDERS as readonly string[]).includes(name));
}

export function renderCommitMessage(template: string, values: CommitValues): string {
  return template.replace(/\{([^{}\s]+)\}/g, (whole, name: string) =>
    name in values ? values[name as keyof CommitValues] : whole,
  );
}
