import type { Settings, SimulatedReport } from "./options.ts";
import type { Template } from "./state.ts";

/** A status Lucca does not document, played to check that clients treat it as running. */
export const UNKNOWN_STATUS = "queued";

/** Derived from the clock at read time, so that `finishedAt` is exact whatever the timers. */
export function reportStatus(report: SimulatedReport, now: number): "pending" | "done" | "error" {
  return now >= report.finishedAt ? report.outcome : "pending";
}

function letterCase(status: string, statusCase: Settings["statusCase"]): string {
  if (statusCase === "upper") return status.toUpperCase();
  if (statusCase === "title") return status.charAt(0).toUpperCase() + status.slice(1);
  return status;
}

function reportName(template: Template, report: SimulatedReport): string {
  if (report.startsOn === null && report.endsOn === null) return template.name;
  return `${template.name} ${report.startsOn ?? "…"} – ${report.endsOn ?? "…"}`;
}

/** The report object as Lucca sends it, shaped by the wrapJson/stringIds/statusCase options. */
export function reportJson(
  report: SimulatedReport,
  template: Template,
  status: string,
  settings: Settings,
): unknown {
  const body = {
    id: settings.stringIds ? String(report.id) : report.id,
    templateId: report.templateId,
    status: letterCase(status, settings.statusCase),
    name: reportName(template, report),
    startsOn: report.startsOn,
    endsOn: report.endsOn,
    filters: report.filters,
    columns: template.columns,
  };
  return settings.wrapJson ? { data: body } : body;
}
