import { z } from "zod";

/**
 * The schema door for Lucca's answers. Ids, statuses and dates are checked strictly: they
 * end up in log lines, the job summary, commit messages and default file names, so a value
 * that does not have the expected form is refused, never cleaned up.
 */

/** Digits, or a short token of letters, digits, `_` and `-`. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** A short word: letters, `_` and `-`. */
export const STATUS_PATTERN = /^[A-Za-z_-]{1,32}$/;
const DATE_PREFIX =
  /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function isSafeId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** A real calendar day as YYYY-MM-DD (a date-time is accepted and cut to its day). */
export function calendarDay(value: string): string | undefined {
  const match = DATE_PREFIX.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const leap = month === 2 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  if (day > (leap ? 28 : days)) return undefined;
  return value.slice(0, 10);
}

const id = z
  .union([
    z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    z.string().regex(ID_PATTERN, "must be digits or a short token of letters, digits, _ and -"),
  ])
  .transform((value) => String(value));

const date = z
  .string()
  .nullable()
  .optional()
  .transform((value, context) => {
    if (value == null) return null;
    const day = calendarDay(value);
    if (day === undefined) {
      context.addIssue({ code: "custom", message: "must be a date as YYYY-MM-DD" });
      return z.NEVER;
    }
    return day;
  });

/** A report as Lucca returns it; tolerant of the forms lucca-api.md lists as unknown. */
const reportObject = z
  .object({
    id,
    templateId: id
      .nullable()
      .optional()
      .transform((value) => value ?? undefined),
    status: z
      .string()
      .regex(STATUS_PATTERN, "must be a short word (letters, _ and -)")
      .transform((value) => value.toLowerCase()),
    name: z.string().nullable().optional(),
    startsOn: date,
    endsOn: date,
  })
  .loose();

/**
 * Bare, wrapped in {"data": ...} or in the REST framework's {"header": ..., "data": ...}
 * (the header is dropped), or a one-item collection: {"data": {"items": [...]}} or [...].
 */
export const reportSchema = z.union([
  z.object({ data: reportObject }).transform((wrapped) => wrapped.data),
  z
    .object({ data: z.object({ items: z.array(reportObject).length(1) }) })
    .transform((wrapped) => wrapped.data.items[0] as z.infer<typeof reportObject>),
  z
    .array(reportObject)
    .length(1)
    .transform((items) => items[0] as z.infer<typeof reportObject>),
  reportObject,
]);

export type Report = z.infer<typeof reportSchema>;

export const templateSchema = z.union([
  z.object({ data: z.object({ id }).loose() }).transform((wrapped) => wrapped.data),
  z.object({ id }).loose(),
]);

/** What `template create` sends: the payload the Lucca UI posts, checked only loosely. */
export const templatePayloadSchema = z
  .object({
    blueprintId: z.string().min(1),
    name: z.string().min(1),
    columns: z.array(z.object({ kind: z.string().min(1) }).loose()).min(1),
  })
  .loose();

export type ReportStatus = "pending" | "done" | "error";

export function isKnownStatus(status: string): status is ReportStatus {
  return status === "pending" || status === "done" || status === "error";
}
