/** Checks of the JSON bodies the Lucca endpoints accept; each returns a value or a message. */

import type { TemplateColumn } from "./state.ts";

/** `field` names the request field at fault, when there is one. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string; field?: string };

export interface ReportRequest {
  templateId: string;
  startsOn: string | null;
  endsOn: string | null;
  filters: unknown;
}

export interface TemplateRequest {
  name: string;
  blueprintId: string;
  columns: TemplateColumn[];
  body: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function parseJson(text: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: "The request body is not valid JSON" };
  }
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function checkDate(body: Record<string, unknown>, field: string): Checked<string | null> {
  const value = body[field];
  if (value === undefined || value === null) return { ok: true, value: null };
  if (typeof value === "string" && isCalendarDate(value)) return { ok: true, value };
  return {
    ok: false,
    field,
    message: `Cannot read ${field}: expected a date as YYYY-MM-DD or null, got ${JSON.stringify(value)}`,
  };
}

export function checkReportRequest(body: unknown): Checked<ReportRequest> {
  if (!isObject(body)) return { ok: false, message: "The request body must be a JSON object" };
  const { templateId, filters } = body;
  const id =
    typeof templateId === "number" && Number.isFinite(templateId)
      ? String(templateId)
      : typeof templateId === "string" && templateId.trim() !== ""
        ? templateId.trim()
        : undefined;
  if (id === undefined)
    return { ok: false, field: "templateId", message: "templateId is required" };
  const startsOn = checkDate(body, "startsOn");
  if (!startsOn.ok) return startsOn;
  const endsOn = checkDate(body, "endsOn");
  if (!endsOn.ok) return endsOn;
  if (startsOn.value !== null && endsOn.value !== null && startsOn.value > endsOn.value) {
    return {
      ok: false,
      field: "endsOn",
      message: `startsOn (${startsOn.value}) must not be after endsOn (${endsOn.value})`,
    };
  }
  if (filters !== undefined && filters !== null && !Array.isArray(filters)) {
    return { ok: false, message: "filters must be an array or null" };
  }
  return {
    ok: true,
    value: {
      templateId: id,
      startsOn: startsOn.value,
      endsOn: endsOn.value,
      filters: filters ?? null,
    },
  };
}

export function checkTemplateRequest(body: unknown): Checked<TemplateRequest> {
  if (!isObject(body)) return { ok: false, message: "The request body must be a JSON object" };
  if (typeof body.blueprintId !== "string" || body.blueprintId === "") {
    return { ok: false, message: "blueprintId is required" };
  }
  if (!Array.isArray(body.columns)) return { ok: false, message: "columns must be an array" };
  return {
    ok: true,
    value: {
      name: typeof body.name === "string" ? body.name : "Template",
      blueprintId: body.blueprintId,
      columns: body.columns as TemplateColumn[],
      body,
    },
  };
}
