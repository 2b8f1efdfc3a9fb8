import type { CsvStats } from "./csv-stats.ts";
import { timerMs } from "./delay.ts";
import { type DownloadResult, downloadReport } from "./download-report.ts";
import { downloadWhenReady } from "./download-when-ready.ts";
import { formatDuration } from "./duration.ts";
import { LuccaRejectedError, ReportFailedError, ReportTimeoutError } from "./errors.ts";
import type { FileSink } from "./file-sink.ts";
import type { Hasher } from "./hasher.ts";
import type { JobEventListener } from "./job-events.ts";
import { expectedWindow } from "./learned-poll.ts";
import type { LuccaClient, ReportFormat } from "./lucca-client.ts";
import type { Period } from "./period.ts";
import type { PollDelayOptions } from "./poll.ts";
import {
  type EndDateConvention,
  periodFromSent,
  type RangeSent,
  rangeToSend,
} from "./range-sent.ts";
import { defaultReportPath } from "./report-file-name.ts";
import type { Report } from "./schemas.ts";
import { isStatusEndpointMissing } from "./status-words.ts";
import { waitForReport } from "./wait-for-report.ts";

export interface ReportJobOptions {
  /** Required unless `reportId` is given. */
  templateId?: string | undefined;
  period: Period;
  /** Resume: download (or keep waiting for) this existing report instead of creating one. */
  reportId?: string | undefined;
  format: ReportFormat;
  /** Where the file goes (a function once the report id is known); default from `defaultReportPath` (validated values only). */
  outputPath?: string | ((facts: { reportId: string; extension: string }) => string) | undefined;
  /** One deadline for the whole job. @default 15 minutes */
  timeoutMs: number;
  poll: PollDelayOptions;
  /** Per-request timeout; also the longest silence allowed inside a download. @default 30_000 */
  requestTimeoutMs: number;
  /** Reports created in all when Lucca ends one in "error". @default 2 */
  generationAttempts: number;
  /** Data rows kept for a preview. @default 10 */
  previewRows?: number;
  /** Whether the endsOn sent is the period's last day or the day after. @default "inclusive" */
  endDateConvention?: EndDateConvention | undefined;
  /**
   * This template's last generation times (ms), from the adapters' store: polling then waits
   * most of the expected time before checking. Empty or absent: today's schedule.
   */
  generationHistoryMs?: readonly number[] | undefined;
}

export interface ReportJobDeps {
  /**
   * Builds the client on the job's signal, which also carries the overall deadline;
   * `deadlineAt` (epoch ms by `now`) lets it refuse a Retry-After past that deadline.
   */
  createClient: (signal: AbortSignal, deadlineAt?: number) => LuccaClient;
  sink: FileSink;
  /** Cancellation from outside (SIGINT, SIGTERM, workflow cancel). */
  signal?: AbortSignal;
  now?: () => number;
  onEvent?: JobEventListener;
  /** SHA-256 of the download: node:crypto's, from the adapters (Node and Deno both have it). */
  createHasher: () => Hasher;
}

export interface ReportJobResult {
  reportId: string;
  templateId: string | undefined;
  startsOn: string | null;
  endsOn: string | null;
  /** The startsOn/endsOn Lucca got for this period (or, resumed, the report's own). */
  rangeSent: RangeSent;
  status: "done";
  format: ReportFormat;
  path: string;
  bytes: number;
  /** Data rows and columns of the CSV; null for Excel files. */
  rows: number | null;
  columns: number | null;
  sha256: string;
  /** Reports created (or resumed) until one was done. */
  attempts: number;
  /** Status checks made, over all attempts. */
  polls: number;
  durationMs: number;
  /**
   * Of durationMs, the time spent waiting for the step's request budget (other reports'
   * requests), set by whoever shares the budget; the rest is Lucca's and the network's.
   */
  queuedMs?: number | undefined;
  stats: CsvStats;
  polling: PollingSummary;
}

export interface PollingSummary {
  /** The median of the remembered generation times, when there were some. */
  expectedMs: number | null;
  /** This run's generation time, to remember; null for a resumed report. */
  generationMs: number | null;
  /** Status checks fewer than today's schedule would have made (negative: more). */
  requestsSaved: number;
}

class DeadlinePassed extends Error {}

/** Create a report, wait for it, regenerate it on "error", stream it to a file. */
export async function runReportJob(
  options: ReportJobOptions,
  deps: ReportJobDeps,
): Promise<ReportJobResult> {
  const now = deps.now ?? Date.now;
  const onEvent = deps.onEvent ?? (() => {});
  const started = now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DeadlinePassed()), timerMs(options.timeoutMs));
  const signal = deps.signal ? AbortSignal.any([deps.signal, deadline.signal]) : deadline.signal;
  const client = deps.createClient(signal, started + options.timeoutMs);
  let current: string | undefined = options.reportId;
  const convention = options.endDateConvention ?? "inclusive";
  try {
    let report: Report;
    let attempts = 1;
    let polls = 0;
    let templateId = options.templateId;
    const expected = options.reportId
      ? undefined
      : expectedWindow(options.generationHistoryMs ?? []);
    let resumed = Boolean(options.reportId);
    let requestsSaved = 0;
    let generationMs: number | null = null;
    let period = options.period;
    /** Set when the status endpoint answered 404/405: the download is the signal then. */
    let statusUnavailable: number | undefined;
    if (options.reportId) {
      onEvent({ type: "resuming", reportId: options.reportId });
      try {
        report = await client.getReport(options.reportId);
        templateId ??= report.templateId;
        period = periodFromSent({ startsOn: report.startsOn, endsOn: report.endsOn }, convention);
      } catch (error) {
        if (!(error instanceof LuccaRejectedError) || !isStatusEndpointMissing(error.status)) {
          throw error;
        }
        // The period of a resumed report is unknown without its status: names use the id.
        period = { startsOn: null, endsOn: null };
        report = {
          id: options.reportId,
          templateId: undefined,
          // Stryker disable next-line StringLiteral: equivalent
          // Only the stand-in's id is read.
          status: "pending",
          startsOn: null,
          endsOn: null,
        };
        statusUnavailable = error.status;
      }
    } else {
      report = await create(
        client,
        templateId as string,
        rangeToSend(period, convention),
        attempts,
        onEvent,
      );
      current = report.id;
    }
    while (statusUnavailable === undefined) {
      const waited = await waitForReport(report, {
        client,
        signal,
        now,
        poll: options.poll,
        onEvent,
        expected,
        deadlineAt: started + options.timeoutMs,
      });
      polls += waited.polls;
      if (expected) requestsSaved += waited.checksWithoutHistory - waited.polls;
      generationMs = resumed ? null : waited.generationMs;
      report = waited.report;
      if (waited.statusUnavailable) {
        statusUnavailable = waited.statusUnavailable.status;
        break;
      }
      if (report.status === "done") break;
      if (attempts >= options.generationAttempts || templateId === undefined) {
        throw new ReportFailedError(
          `Lucca could not generate report ${report.id} (status "error") after ${attempts} attempt(s). ` +
            "Try again later; if it keeps failing, contact Lucca support with the report id.",
          { reportId: report.id, attempts },
        );
      }
      attempts++;
      onEvent({
        type: "regenerating",
        failedReportId: report.id,
        attempt: attempts,
        maxAttempts: options.generationAttempts,
      });
      report = await create(client, templateId, rangeToSend(period, convention), attempts, onEvent);
      current = report.id;
      resumed = false;
    }
    const reportId = report.id;
    const nameParts = { reportId, templateId, startsOn: period.startsOn, endsOn: period.endsOn };
    const downloadOptions = {
      reportId,
      format: options.format,
      target: targetFor(options.outputPath, reportId, (extension) =>
        defaultReportPath(nameParts, extension),
      ),
      idleTimeoutMs: options.requestTimeoutMs,
      previewRows: options.previewRows ?? 10,
      createHasher: deps.createHasher,
    };
    let download: DownloadResult;
    if (statusUnavailable === undefined) {
      download = await downloadReport(downloadOptions, {
        client,
        sink: deps.sink,
        signal,
        onEvent,
      });
    } else {
      onEvent({
        type: "warning",
        message: `The status endpoint answered ${statusUnavailable}; using the download endpoint as the status signal for report ${reportId} (a refusal means still generating)`,
      });
      const ready = await downloadWhenReady(downloadOptions, {
        client,
        sink: deps.sink,
        signal,
        now,
        poll: options.poll,
        onEvent,
      });
      download = ready.download;
      polls += ready.polls;
    }
    const csv = options.format === "csv";
    return {
      reportId,
      templateId,
      startsOn: period.startsOn,
      endsOn: period.endsOn,
      rangeSent: rangeToSend(period, convention),
      status: "done",
      format: options.format,
      path: download.path,
      bytes: download.stats.bytes,
      rows: csv ? download.stats.rows : null,
      columns: csv ? download.stats.columns : null,
      sha256: download.stats.sha256,
      attempts,
      polls,
      durationMs: now() - started,
      stats: download.stats,
      polling: { expectedMs: expected?.expectedMs ?? null, generationMs, requestsSaved },
    };
  } catch (error) {
    if (deadline.signal.aborted && !deps.signal?.aborted) {
      throw new ReportTimeoutError(
        current
          ? `Report ${current} was not ready and downloaded within ${formatDuration(options.timeoutMs)}. It may still finish.`
          : `No report could be created within ${formatDuration(options.timeoutMs)}.`,
        { reportId: current, cause: error },
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function targetFor(
  outputPath: ReportJobOptions["outputPath"],
  reportId: string,
  fallback: (extension: string) => string,
): string | ((extension: string) => string) {
  if (typeof outputPath === "function") return (extension) => outputPath({ reportId, extension });
  return outputPath ?? fallback;
}

async function create(
  client: LuccaClient,
  templateId: string,
  sent: RangeSent,
  attempt: number,
  onEvent: JobEventListener,
): Promise<Report> {
  const period = periodFromSent(sent, sent.convention);
  onEvent({
    type: "creating",
    templateId,
    startsOn: period.startsOn,
    endsOn: period.endsOn,
    sent,
    attempt,
  });
  const report = await client.createReport({
    templateId,
    startsOn: sent.startsOn,
    endsOn: sent.endsOn,
  });
  onEvent({ type: "created", reportId: report.id, attempt });
  return report;
}
