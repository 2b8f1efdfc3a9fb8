import type { ReportJobResult } from "../core/report-job.ts";
import type { ReportOutcome } from "../core/run-reports.ts";

/** Why a skipped report did not start, as its `error` says. */
export type SkipReason = "fail-fast" | "cancelled";

/**
 * One report as `--json` prints it: the same keys whatever its status and however many
 * reports the run has, null where unknown (docs/cli.md lists them).
 */
export function reportJson(outcome: ReportOutcome, skipped: SkipReason) {
  const result = outcome.status === "done" ? outcome.result : undefined;
  const csv = result?.format === "csv" ? result : undefined;
  return {
    // A resumed report's own template and period, once Lucca said them.
    templateId: (result ? result.templateId : outcome.spec.templateId) ?? null,
    startsOn: result ? result.startsOn : outcome.spec.period.startsOn,
    endsOn: result ? result.endsOn : outcome.spec.period.endsOn,
    status: outcome.status,
    reportId: result?.reportId ?? (outcome.status === "failed" ? outcome.reportId : null) ?? null,
    path: result?.path ?? null,
    format: result?.format ?? null,
    rows: result?.rows ?? null,
    columns: result?.columns ?? null,
    bytes: result?.bytes ?? null,
    sha256: result?.sha256 ?? null,
    encoding: csv?.stats.encoding ?? null,
    bom: csv?.stats.bom ?? null,
    rangeSent: result?.rangeSent ?? null,
    attempts: result?.attempts ?? null,
    polls: result?.polls ?? null,
    durationMs: result?.durationMs ?? null,
    polling: {
      expectedMs: result?.polling.expectedMs ?? null,
      generationMs: result?.polling.generationMs ?? null,
      requestsSaved: result?.polling.requestsSaved ?? null,
    },
    totals: csv ? totalsOf(csv.stats) : null,
    error: errorOf(outcome, skipped),
  };
}

/** Column sums, where this build's CSV statistics have them. */
function totalsOf(stats: ReportJobResult["stats"]) {
  return stats.totals?.map(({ column, sum, decimals }) => ({ column, sum, decimals })) ?? null;
}

function errorOf(outcome: ReportOutcome, skipped: SkipReason): string | null {
  if (outcome.status === "done") return null;
  if (outcome.status === "skipped") return `not started (${skipped})`;
  const { error } = outcome;
  return error instanceof Error ? error.message : String(error);
}
