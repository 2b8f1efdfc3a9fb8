import { UnusableAnswerError } from "./errors.ts";
import type { Period } from "./period.ts";
import type { ReportJobResult } from "./report-job.ts";

/** One report of the step: a template over a period, or an existing report to resume. */
export interface ReportSpec {
  /** Unknown only when resuming a report by id without naming its template. */
  templateId: string | undefined;
  period: Period;
  /** Resume this report (already created) instead of creating one. */
  reportId?: string | undefined;
}

export type ReportOutcome =
  | { spec: ReportSpec; status: "done"; result: ReportJobResult }
  | {
      spec: ReportSpec;
      status: "failed";
      error: unknown;
      /** The last report created for it, to resume with. */
      reportId: string | undefined;
    }
  /** fail-fast stopped the step before this report started. */
  | { spec: ReportSpec; status: "skipped" };

export interface RunReportsOptions {
  reports: readonly ReportSpec[];
  /** Reports running at once. @default 3 */
  concurrency: number;
  /** Stop every other report at the first failure. @default false */
  failFast: boolean;
  signal: AbortSignal;
  /**
   * Runs one report; `created` is told each report id as Lucca hands it out, so a failure
   * can say which report to resume. It throws (UnusableAnswerError) for an id another report
   * of the step already has: the job lets that error end it, before it downloads anything.
   */
  runOne: (
    spec: ReportSpec,
    signal: AbortSignal,
    created: (reportId: string) => void,
  ) => Promise<ReportJobResult>;
}

/**
 * Runs every report, `concurrency` at a time, and returns one outcome per report in the
 * order given. A failed report does not stop the others unless `failFast` is set.
 */
export async function runReports(options: RunReportsOptions): Promise<ReportOutcome[]> {
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  const outcomes: ReportOutcome[] = options.reports.map((spec) => ({ spec, status: "skipped" }));
  let next = 0;
  // Two reports with one id would be one file with {reportId} in output-path, and two
  // "done" rows for one download: only the first report to get an id keeps it.
  const given = new Set<string>();

  const worker = async () => {
    while (next < options.reports.length && !signal.aborted) {
      const index = next++;
      const spec = options.reports[index] as ReportSpec;
      // A resumed report has its id from the start: a failure still says it.
      let reportId: string | undefined = spec.reportId;
      try {
        const result = await options.runOne(spec, signal, (id) => {
          if (given.has(id)) {
            throw new UnusableAnswerError(
              `Lucca gave this report the id ${id}, which another report of this run already has; it is not downloaded, so that it cannot replace the other's file`,
            );
          }
          given.add(id);
          reportId = id;
        });
        outcomes[index] = { spec, status: "done", result };
      } catch (error) {
        outcomes[index] = { spec, status: "failed", error, reportId };
        if (options.failFast) stop.abort(error);
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, options.reports.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes;
}
