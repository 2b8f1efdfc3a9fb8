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

/** The status word sent: "error" may be played as another failure word. */
function statusWord(status: string, settings: Settings): string {
  return letterCase(status === "error" ? settings.failureWord : status, settings.statusCase);
}

/** Wraps a report object the way `envelope` (or the older `wrapJson`) says. */
export function enveloped(body: unknown, settings: Settings, now: number): unknown {
  const envelope = settings.envelope === "bare" && settings.wrapJson ? "data" : settings.envelope;
  switch (envelope) {
    case "bare":
      return body;
    case "data":
      return { data: body };
    case "header":
      return {
        header: { generated: new Date(now).toISOString(), principal: "API key" },
        data: body,
      };
    case "items":
      return { data: { items: [body] } };
    case "array":
      return [body];
  }
}

/** The report object as Lucca sends it, shaped by the envelope/stringIds/statusCase options. */
export function reportJson(
  report: SimulatedReport,
  template: Template,
  status: string,
  settings: Settings,
): unknown {
  const body = {
    id: settings.stringIds ? String(report.id) : report.id,
    templateId: report.templateId,
    status: statusWord(status, settings),
    name: reportName(template, report),
    startsOn: report.startsOn,
    endsOn: report.endsOn,
    filters: report.filters,
    columns: template.columns,
  };
  return enveloped(body, settings, settings.now());
}
