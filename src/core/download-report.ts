import { type CsvStats, CsvStatsCollector } from "./csv-stats.ts";
import { timerMs } from "./delay.ts";
import { LuccaReportError } from "./errors.ts";
import type { FileSink, PendingFile } from "./file-sink.ts";
import type { Hasher } from "./hasher.ts";
import { mediaTypeOf } from "./header-shape.ts";
import { declaredLength, MAX_ERROR_BODY_BYTES } from "./http.ts";
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
  // fetch decodes a compressed body, so its Content-Length no longer counts what we receive.
  const expectedBytes = response.headers.has("content-encoding")
    ? undefined
    : declaredLength(response.headers);
  const collector = new CsvStatsCollector({
    previewRows: options.previewRows,
    createHasher: options.createHasher,
    totals: options.format === "csv",
  });
  let file: PendingFile | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const armIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(
      () => open.abort(new TransientFailure(`no data received for ${options.idleTimeoutMs} ms`)),
      timerMs(options.idleTimeoutMs),
    );
  };
  const cut = (error: unknown): unknown => {
    // Stryker disable next-line ConditionalExpression: -> false is equivalent
    // retry() rethrows the job's reason itself whenever its signal is aborted.
    if (deps.signal.aborted) return deps.signal.reason;
    // The sink's own failure (disk full) is not retried.
    if (error instanceof LuccaReportError) return error;
    // Cut by the idle timer (a reason is undefined until the signal aborts): Node's body
    // fails with that reason itself, another runtime's may fail with its own error.
    if (open.signal.reason instanceof TransientFailure) return open.signal.reason;
    return new TransientFailure(`the download was cut: ${deps.client.excerpt(describe(error))}`, {
      cause: error,
    });
  };
  if (!response.body) throw new TransientFailure("the download has no body");
  const reader = response.body.getReader();
  try {
    armIdle();
    // What the server sent decides, before any file exists: a page or an error is never
    // written, and Excel's extension comes from the file's own first bytes.
    let head: Head;
    try {
      head = await readHead(reader, HEAD_BYTES, armIdle);
    } catch (error) {
      throw cut(error);
    }
    const verdict = checkContent(options.format, response.headers, head);
    if (typeof verdict !== "string") {
      throw await refusal(verdict, options.format, response, head, reader, armIdle, deps.client);
    }
    const extension = verdict;
    const target = typeof options.target === "string" ? options.target : options.target(extension);
    file = await deps.sink.create(target);
    try {
      await copyCounting(head.chunks, head.done ? undefined : reader, file.writable, (chunk) => {
        armIdle();
        collector.update(chunk);
      });
    } catch (error) {
      throw cut(error);
    }
    const stats = collector.finish();
    if (expectedBytes !== undefined && stats.bytes !== expectedBytes) {
      throw new TransientFailure(
        `the download is truncated: received ${stats.bytes} of ${expectedBytes} bytes`,
      );
    }
    await file.commit();
    return { path: file.path, stats };
  } catch (error) {
    // Stryker disable next-line CallExpression: equivalent
    // The request's own abort and the sink's discard() release the body anyway.
    reader.cancel(error).catch(() => {});
    await file?.discard();
    throw error;
  } finally {
    // Stryker disable next-line CallExpression: equivalent
    // The idle timer then only aborts a response already read to its end.
    clearTimeout(idle);
  }
}

/** Bytes looked at before the file is created. */
const HEAD_BYTES = 512;

interface Head {
  chunks: Uint8Array[];
  bytes: Uint8Array;
  /** The body ended within the head. */
  done: boolean;
}

/** The first `want` bytes; `onChunk` after each chunk, so that each silence gets its timeout. */
async function readHead(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  want: number,
  onChunk: () => void,
): Promise<Head> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Stryker disable next-line EqualityOperator: `<=` is equivalent
  // One more chunk in the head changes nothing (the head is cut to 512 bytes, every chunk is
  // written).
  while (size < want) {
    const { done, value } = await reader.read();
    // Stryker disable next-line BooleanLiteral: `done: false` is equivalent
    // Reading a finished stream again gives done.
    if (done) return { chunks, bytes: concat(chunks, size), done: true };
    onChunk();
    chunks.push(value);
    size += value.byteLength;
  }
  return { chunks, bytes: concat(chunks, Math.min(size, want)), done: false };
}

function concat(chunks: Uint8Array[], limit: number): Uint8Array {
  const bytes = new Uint8Array(limit);
  let offset = 0;
  for (const chunk of chunks) {
    // Stryker disable next-line ConditionalExpression, EqualityOperator: equivalent
    // -> false or `>`: each part is capped at the room left.
    if (offset >= limit) break;
    const part = chunk.subarray(0, limit - offset);
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const XLS_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** What a body that is not the report was taken for ("an HTML page", "JSON", ...). */
interface Refused {
  what: string;
}

/**
 * Tells what is not the report (an empty body, a sign-in page, a JSON error) from what
 * may be, and returns the extension of what is kept.
 */
function checkContent(format: ReportFormat, headers: Headers, head: Head): string | Refused {
  if (head.bytes.byteLength === 0) return { what: "an empty file" };
  if (format === "excel") {
    if (startsWith(head.bytes, XLSX_MAGIC)) return "xlsx";
    if (startsWith(head.bytes, XLS_MAGIC)) return "xls";
    return { what: "a file that is neither .xlsx nor .xls" };
  }
  const type = mediaTypeOf(headers.get("content-type"))?.split(";")[0] ?? "";
  if (type === "text/html" || type === "application/xhtml+xml")
    return { what: `an HTML page (Content-Type ${type})` };
  if (type === "application/json" || type.endsWith("+json"))
    return { what: `JSON (Content-Type ${type})` };
  const start = new TextDecoder()
    .decode(head.bytes.subarray(0, 64))
    .replace(/^[\ufeff\s]+/, "")
    .toLowerCase();
  if (start.startsWith("<!doctype") || start.startsWith("<html")) return { what: "an HTML page" };
  if (start.startsWith("{")) return { what: "JSON" };
  return "csv";
}

/**
 * The refusal of a body that is not the report, as an unusable answer that is retried like
 * a transient failure. What it quotes goes through the body door (body-description.ts):
 * a page's title or an error's message, never a line of what may be the report.
 */
async function refusal(
  refused: Refused,
  format: ReportFormat,
  response: Response,
  head: Head,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  onChunk: () => void,
  client: LuccaClient,
): Promise<TransientFailure> {
  const report = format === "csv" ? "CSV" : "Excel";
  if (head.bytes.byteLength === 0) {
    return new TransientFailure(`Lucca sent ${refused.what} instead of the ${report} report`, {
      unusable: true,
    });
  }
  // Enough of the body to read a page's title or an error's message past the head.
  const body = head.done ? { ...head, more: false } : await readMore(reader, head, onChunk);
  const shown = client.describe({
    bytes: body.bytes,
    more: body.more,
    contentType: response.headers.get("content-type"),
    declaredBytes: declaredLength(response.headers),
  });
  return new TransientFailure(
    `Lucca sent ${refused.what} instead of the ${report} report: ${shown}`,
    { unusable: true },
  );
}

/** The head and what follows, up to MAX_ERROR_BODY_BYTES; a failed read keeps what came. */
async function readMore(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  head: Head,
  onChunk: () => void,
): Promise<{ bytes: Uint8Array; more: boolean }> {
  let more: Head;
  try {
    more = await readHead(reader, MAX_ERROR_BODY_BYTES - head.bytes.byteLength, onChunk);
  } catch {
    return { bytes: head.bytes, more: true };
  }
  const all = [...head.chunks, ...more.chunks];
  const size = all.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const limit = Math.min(size, MAX_ERROR_BODY_BYTES);
  return { bytes: concat(all, limit), more: !more.done || size > limit };
}

/**
 * Writes the head already read, then the rest of the body, one chunk in flight to the disk
 * while the next is read: a plain loop costs less than chained TransformStreams at
 * hundreds of MB/s.
 */
async function copyCounting(
  head: Uint8Array[],
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
  writable: WritableStream<Uint8Array>,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  const writer = writable.getWriter();
  let writing: Promise<void> = Promise.resolve();
  try {
    for (const chunk of head) {
      onChunk(chunk);
      await writing;
      writing = writer.write(chunk);
    }
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      onChunk(value);
      await writing;
      writing = writer.write(value);
    }
    await writing;
    await writer.close();
  } catch (error) {
    // Stryker disable next-line CallExpression: equivalent
    // The request's own abort and the sink's discard() release the file anyway.
    writer.abort(error).catch(() => {});
    throw error;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    return error.cause instanceof Error
      ? `${error.message}: ${error.cause.message}`
      : error.message;
  }
  return String(error);
}
