import { calendarDay, isSafeId } from "./schemas.ts";

export interface ReportNameParts {
  reportId: string;
  templateId: string | undefined;
  startsOn: string | null;
  endsOn: string | null;
}

const EXTENSIONS = new Set(["csv", "xlsx", "xls"]);

/** Where default file names go, relative to the working directory or workspace. */
export const DEFAULT_OUTPUT_DIR = "reports";

/**
 * The default file name, `reports/<templateId>_<startsOn>_<endsOn>.<ext>`, built only from
 * values that passed the schema door: with `report-id`, the template and dates come from
 * the server, and a value of any other form must never become a path part. When one of
 * them is unknown or not of the expected form: `reports/report-<reportId>.<ext>`.
 */
export function defaultReportPath(parts: ReportNameParts, extension: string): string {
  if (!EXTENSIONS.has(extension)) {
    throw new RangeError(`Cannot name a report file with extension "${extension}"`);
  }
  if (!isSafeId(parts.reportId)) {
    throw new RangeError("Cannot name a report file after a report id of an unexpected form");
  }
  const day = (value: string | null) =>
    value === null ? "default" : calendarDay(value) === value ? value : undefined;
  const startsOn = day(parts.startsOn);
  const endsOn = day(parts.endsOn);
  if (
    parts.templateId === undefined ||
    !isSafeId(parts.templateId) ||
    startsOn === undefined ||
    endsOn === undefined
  ) {
    return `${DEFAULT_OUTPUT_DIR}/report-${parts.reportId}.${extension}`;
  }
  return `${DEFAULT_OUTPUT_DIR}/${parts.templateId}_${startsOn}_${endsOn}.${extension}`;
}
