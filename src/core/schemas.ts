import { z } from "zod";

const id = z.union([z.number().int(), z.string().min(1)]).transform((value) => String(value));
const date = z
  .string()
  .nullable()
  .optional()
  .transform((value) => value?.slice(0, 10) ?? null);

/** A report as Lucca returns it; tolerant of the forms lucca-api.md lists as unknown. */
const reportObject = z
  .object({
    id,
    templateId: z
      .union([z.number(), z.string()])
      .nullable()
      .optional()
      .transform((value) => (value == null ? undefined : String(value))),
    status: z
      .string()
      .min(1)
      .transform((value) => value.toLowerCase()),
    name: z.string().nullable().optional(),
    startsOn: date,
    endsOn: date,
  })
  .loose();

/** Bare or wrapped in {"data": ...}. */
export const reportSchema = z.union([
  z.object({ data: reportObject }).transform((wrapped) => wrapped.data),
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
