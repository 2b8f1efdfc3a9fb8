import { formatDuration } from "../core/duration.ts";
import type { JobEvent } from "../core/job-events.ts";
import { periodText } from "../core/period-text.ts";
import type { RangeSent } from "../core/range-sent.ts";
import type { ReportSpec } from "../core/run-reports.ts";
import { logSafe } from "../core/safe-text.ts";

/** A line is printed at least this often while a report is pending. */
const HEARTBEAT_MS = 20_000;

export interface ProgressOptions {
  /** Every status check and retry, not only changes. */
  verbose: boolean;
}

/**
 * Turns job events into log lines: one per phase and status change, and while pending a
 * line at least every 30 s. Returns a function that yields the line for an event, or
 * undefined when that event is not worth a line. Every value from outside goes through
 * `logSafe` (`v` below): a report id or status must never start a workflow command.
 */
export function progressLines(options: ProgressOptions): (event: JobEvent) => string | undefined {
  let lastPrintedAt = 0;
  return (event) => {
    switch (event.type) {
      case "creating":
        return `Creating a report from template ${v(event.templateId)} for ${periodText(event.startsOn, event.endsOn)}${sentText(event.sent, event.startsOn, event.endsOn)}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ""}`;
      case "created":
        return `Report ${v(event.reportId)} created; Lucca is generating it`;
      case "resuming":
        return `Resuming report ${v(event.reportId)}`;
      case "status": {
        const next =
          event.nextCheckMs === undefined
            ? ""
            : `; next check in ${formatDuration(event.nextCheckMs)}`;
        const typical =
          event.expectedMs === undefined || event.nextCheckMs === undefined
            ? ""
            : `; typically ${formatDuration(event.expectedMs)} for this template`;
        // The creation's own answer is no check: no "after 0ms (0 checks)".
        const line =
          event.polls === 0 && event.nextCheckMs !== undefined
            ? `Report ${v(event.reportId)}: ${v(event.status)}${next}${typical}`
            : `Report ${v(event.reportId)}: ${v(event.status)} after ${formatDuration(event.elapsedMs)} (${event.polls} check${event.polls === 1 ? "" : "s"})${next}${typical}`;
        // Print when the gap to the next line would otherwise exceed the heartbeat.
        const due = event.elapsedMs - lastPrintedAt + (event.nextCheckMs ?? 0) > HEARTBEAT_MS;
        if (event.changed || options.verbose || due || event.nextCheckMs === undefined) {
          lastPrintedAt = event.elapsedMs;
          return line;
        }
        return undefined;
      }
      case "regenerating":
        return `Report ${v(event.failedReportId)} ended in error; creating a new one (attempt ${event.attempt} of ${event.maxAttempts})`;
      case "downloading":
        return `Downloading report ${v(event.reportId)} as ${v(event.format)}`;
      case "retrying":
        return `${v(event.method)} ${v(event.url)} failed (${v(event.reason)}); retry ${event.attempt} in ${formatDuration(event.delayMs)}`;
      case "warning":
        return `Warning: ${v(event.message)}`;
      case "downloaded":
        return `Saved ${v(event.path)} (${event.bytes} bytes)`;
    }
  };
}

/**
 * Progress for every report of a run: each report's lines as `progressLines` words them
 * (its own heartbeat), prefixed with `[template period]` only when the run has several.
 */
export function reportProgress(
  reports: readonly ReportSpec[],
  options: ProgressOptions,
): (spec: ReportSpec, event: JobEvent) => string | undefined {
  const labelled = reports.length > 1;
  const formats = new Map<ReportSpec, (event: JobEvent) => string | undefined>();
  return (spec, event) => {
    let format = formats.get(spec);
    if (format === undefined) {
      format = progressLines(options);
      formats.set(spec, format);
    }
    const line = format(event);
    return line === undefined || !labelled ? line : `[${reportLabel(spec)}] ${line}`;
  };
}

/** "42 2026-10-01..2026-10-31": which report of a run a line is about. */
export function reportLabel(spec: ReportSpec): string {
  const which = spec.templateId ?? `report ${spec.reportId ?? "?"}`;
  return `${v(which)} ${periodText(spec.period.startsOn, spec.period.endsOn)}`;
}

/** "UTF-8 with BOM", "Windows-1252": how a CSV's encoding is shown to people. */
export function encodingText(stats: { encoding: string; bom: boolean }): string {
  const name = stats.encoding.toUpperCase().replace("WINDOWS", "Windows");
  return stats.bom && stats.encoding === "utf-8" ? `${name} with BOM` : name;
}
const v = logSafe;

/** "; sent startsOn 2026-10-01, endsOn 2026-11-01 (end date exclusive)", or "" for the default period. */
export function sentText(
  sent: RangeSent | undefined,
  startsOn: string | null,
  endsOn: string | null,
): string {
  if (!sent || (sent.startsOn === null && sent.endsOn === null)) return "";
  // The period is said once: the dates sent only when they differ (an exclusive end date).
  if (sent.startsOn === startsOn && sent.endsOn === endsOn) return ` (end date ${sent.convention})`;
  return `; sent ${rangeSentText(sent)}`;
}

/** "startsOn 2026-10-01, endsOn 2026-11-01 (end date exclusive)" */
export function rangeSentText(sent: RangeSent): string {
  const day = (value: string | null) => (value === null ? "null" : v(value));
  return `startsOn ${day(sent.startsOn)}, endsOn ${day(sent.endsOn)} (end date ${sent.convention})`;
}
