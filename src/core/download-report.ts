import { type CsvStats, CsvStatsCollector } from "./csv-stats.ts";
import { LuccaReportError } from "./errors.ts";
import type { FileSink, PendingFile } from "./file-sink.ts";
import type { Hasher } from "./hasher.ts";
import type { JobEventListener } from "./job-events.ts";
import type { LuccaClient, ReportFormat } from "./lucca-client.ts";
import { retry, TransientFailure } from "./retry.ts";

export interface DownloadResult {
  path: string;
  stats: CsvStats;
}

export interface DownloadOptions {
  reportId: string;
  format: ReportFormat;
  /** Final path, or a function of the served file's extension when the user gave none. */
  target: string | ((extension: string) => string);
  /** A stalled body is cut after this long without data, then retried. */
  idleTimeoutMs: number;
  previewRows: number;
  createHasher: () => Hasher;
}

/**
 * Streams the report into a temporary file beside the target, counting rows and hashing on
 * the way, checks it is whole and non-empty, then renames it into place. A cut or
 * truncated body is retried from the start; nothing partial is ever left at the target.
 */
export async function downloadReport(
  options: DownloadOptions,
  deps: { client: LuccaClient; sink: FileSink; signal: AbortSignal; onEvent: JobEventListener },
): Promise<DownloadResult> {
  const url = deps.client.downloadUrl(options.reportId, options.format);
  deps.onEvent({ type: "downloading", reportId: options.reportId, format: options.format });
  const result = await retry(
    () => downloadOnce(options, deps),
    deps.client.retryOptionsFor("GET", `${url.origin}${url.pathname}`),
  );
  deps.onEvent({ type: "downloaded", path: result.path, bytes: result.stats.bytes });
  return result;
}

async function downloadOnce(
  options: DownloadOptions,
  deps: { client: LuccaClient; sink: FileSink; signal: AbortSignal },
): Promise<DownloadResult> {
  const open = await deps.client.openDownload(options.reportId, options.format);
  const { response } = open;
  const target =
    typeof options.target === "string"
      ? options.target
      : options.target(extensionFor(options.format, response.headers));
  // fetch decodes a compressed body, so its Content-Length no longer counts what we receive.
  const expectedBytes = response.headers.has("content-encoding")
    ? undefined
    : contentLength(response.headers);
  const collector = new CsvStatsCollector({
    previewRows: options.previewRows,
    createHasher: options.createHasher,
  });
  let file: PendingFile | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const armIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(
      () => open.abort(new TransientFailure(`no data received for ${options.idleTimeoutMs} ms`)),
      options.idleTimeoutMs,
    );
  };
  try {
    if (!response.body) throw new TransientFailure("the download has no body");
    file = await deps.sink.create(target);
    armIdle();
    try {
      await copyCounting(response.body, file.writable, (chunk) => {
        armIdle();
        collector.update(chunk);
      });
    } catch (error) {
      if (deps.signal.aborted) throw deps.signal.reason;
      if (error instanceof LuccaReportError) throw error;
      if (open.signal.aborted && open.signal.reason instanceof TransientFailure)
        throw open.signal.reason;
      throw new TransientFailure(`the download was cut: ${describe(error)}`, { cause: error });
    }
    const stats = collector.finish();
    if (expectedBytes !== undefined && stats.bytes !== expectedBytes) {
      throw new TransientFailure(
        `the download is truncated: received ${stats.bytes} of ${expectedBytes} bytes`,
      );
    }
    if (stats.bytes === 0) throw new TransientFailure("Lucca sent an empty file");
    await file.commit();
    return { path: file.path, stats };
  } catch (error) {
    await file?.discard();
    throw error;
  } finally {
    clearTimeout(idle);
  }
}

/**
 * Reads the body and writes it, one chunk in flight to the disk while the next is read: a
 * plain loop costs less than chained TransformStreams at hundreds of MB/s.
 */
async function copyCounting(
  body: ReadableStream<Uint8Array>,
  writable: WritableStream<Uint8Array>,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  const reader = body.getReader();
  const writer = writable.getWriter();
  let writing: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onChunk(value);
      await writing;
      writing = writer.write(value);
    }
    await writing;
    await writer.close();
  } catch (error) {
    reader.cancel(error).catch(() => {});
    writer.abort(error).catch(() => {});
    throw error;
  }
}

function contentLength(headers: Headers): number | undefined {
  const value = headers.get("content-length");
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

/** The extension of the file as served: Excel may come as .xls or .xlsx. */
export function extensionFor(format: ReportFormat, headers: Headers): string {
  if (format === "csv") return "csv";
  const disposition = headers.get("content-disposition") ?? "";
  const named = /filename\*?=(?:UTF-8'')?"?[^";]*\.(xlsx|xls)"?/i.exec(disposition);
  if (named?.[1]) return named[1].toLowerCase();
  const type = headers.get("content-type") ?? "";
  return type.includes("openxmlformats") ? "xlsx" : "xls";
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    return error.cause instanceof Error
      ? `${error.message}: ${error.cause.message}`
      : error.message;
  }
  return String(error);
}
