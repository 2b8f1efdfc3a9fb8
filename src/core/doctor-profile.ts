import type { CsvStats } from "./csv-stats.ts";
import { dispositionShape, mediaTypeOf } from "./header-shape.ts";
import type { JobEvent } from "./job-events.ts";
import type { RangeSent } from "./range-sent.ts";
import type { Shape, TraceRecord } from "./trace.ts";

/** One line of the doctor's checklist: passed, failed, or not reached. */
export interface DoctorStep {
  name: string;
  state: "ok" | "failed" | "not reached" | "info";
  detail: string;
}

/**
 * What a tenant was seen to do, made only of codes, header values that say nothing about
 * people, shapes and counts: safe to paste into a public issue.
 */
export interface DoctorProfile {
  keyAccepted: boolean | null;
  templateReachable: boolean | null;
  create: { status: number; envelope: string; idType: string | null } | null;
  statusPath: { path: string; statuses: number[] } | null;
  /** "download" when the download endpoint stood in for the status endpoint. */
  statusSignal: "status endpoint" | "download" | null;
  statusWords: string[];
  timeToDoneMs: number | null;
  statusChecks: number;
  download: {
    status: number;
    redirect: "none" | "same origin" | "other origin";
    contentType: string | null;
    contentDisposition: string | null;
    contentLength: boolean;
    /** Codes a download got before the file came (the fallback's "still generating"). */
    refusals: number[];
  } | null;
  file: {
    encoding: string;
    bom: boolean;
    delimiter: string | null;
    lineEnding: "CRLF" | "LF" | null;
    decimalSeparator: "," | "." | null;
    columns: number;
    /** The header record: column names only, never data. */
    header: string[];
  } | null;
  rangeSent: RangeSent | null;
  /** Names of rate-limit related headers seen, with Retry-After counted apart. */
  rateLimitHeaders: string[];
  throttled: number;
  retryAfterSeen: boolean;
  requests: number;
}

export interface DoctorInput {
  records: readonly TraceRecord[];
  events: readonly JobEvent[];
  result?: { stats: CsvStats; rangeSent: RangeSent; polls: number; format: string } | undefined;
  /** Exit code of the failure, if the flow failed. */
  failure?: { exitCode: number; message: string } | undefined;
}

const REPORTS = /\/timmi-timesheet\/api\/reports$/;
const STATUS = /\/timmi-timesheet\/api\/reports\/[^/]+$/;
const DOWNLOAD = /\/timmi-timesheet\/api\/reports\/[^/]+\/download-(csv|excel)$/;
const FALLBACK_WARNING = /using the download endpoint as the status signal/;
/** X-RateLimit-*, RateLimit-*, X-Rate-Limit-*; Retry-After is counted apart. */
const RATE_HEADER = /rate-?limit/i;

/** Builds the profile from a trace of the run, its events and its result (or failure). */
export function buildDoctorProfile(input: DoctorInput): DoctorProfile {
  const { records, events } = input;
  const creates = records.filter((r) => r.method === "POST" && REPORTS.test(r.path));
  const createOk = creates.find((r) => r.status >= 200 && r.status < 400);
  const lastCreate = createOk ?? creates.at(-1);
  const statusReads = records.filter((r) => r.method === "GET" && STATUS.test(r.path));
  const downloads = records.filter((r) => DOWNLOAD.test(r.path));
  const lucca = records.find((r) => REPORTS.test(r.path) || STATUS.test(r.path))?.origin;
  // A JSON call sent to a sign-in page is how an SSO front refuses a key.
  const signInRedirect =
    input.failure?.exitCode === 3 &&
    records.some(
      (r) => r.status >= 300 && r.status < 400 && (REPORTS.test(r.path) || STATUS.test(r.path)),
    );
  const anyAuthFailure =
    signInRedirect || records.some((r) => r.origin === lucca && r.status === 401);
  // Read only when no 401 came from Lucca, so any answer of its origin is one the key passed.
  const anyAnswer = records.some((r) => r.origin === lucca && r.status > 0);
  const done = events.find(
    (e): e is Extract<JobEvent, { type: "status" }> => e.type === "status" && e.status === "done",
  );
  // Words Lucca sent; after the fallback, "pending"/"done" are the tool's own reading.
  const words = new Set<string>();
  let fallback = false;
  for (const event of events) {
    if (event.type === "warning" && FALLBACK_WARNING.test(event.message)) fallback = true;
    if (event.type === "status" && !fallback) words.add(event.status);
  }

  const headerNames = new Set<string>();
  let retryAfterSeen = false;
  for (const record of records) {
    for (const name of Object.keys(record.responseHeaders ?? {})) {
      if (name === "retry-after") retryAfterSeen = true;
      else if (RATE_HEADER.test(name)) headerNames.add(name);
    }
  }

  return {
    keyAccepted: anyAuthFailure ? false : anyAnswer ? true : null,
    templateReachable:
      createOk !== undefined
        ? true
        : creates.some((r) => r.status === 404 || r.status === 403)
          ? false
          : null,
    create: lastCreate
      ? {
          status: lastCreate.status,
          envelope: envelopeOf(lastCreate.responseBody),
          idType: idTypeOf(lastCreate.responseBody),
        }
      : null,
    statusPath:
      statusReads.length > 0
        ? {
            path: "GET /timmi-timesheet/api/reports/{id}",
            statuses: [...new Set(statusReads.map((r) => r.status))],
          }
        : null,
    statusSignal: fallback
      ? "download"
      : statusReads.some((r) => r.status === 200)
        ? "status endpoint"
        : null,
    statusWords: [...words],
    timeToDoneMs: done ? done.elapsedMs : null,
    statusChecks: input.result?.polls ?? statusReads.length,
    download: downloadFacts(downloads, records),
    file: input.result && input.result.format === "csv" ? fileFacts(input.result.stats) : null,
    rangeSent: input.result?.rangeSent ?? sentFromEvents(events),
    rateLimitHeaders: [...headerNames].sort(),
    throttled: records.filter((r) => r.status === 429).length,
    retryAfterSeen,
    requests: records.length,
  };
}

function unwrap(shape: Shape | undefined): Shape | undefined {
  if (Array.isArray(shape)) return shape[0];
  if (shape && typeof shape === "object") {
    const data = shape.data;
    if (data && typeof data === "object" && !Array.isArray(data) && Array.isArray(data.items)) {
      return data.items[0];
    }
    if (data !== undefined) return data;
  }
  return shape;
}

/** bare, data, header+data, items (a one-item collection), array, or what the body was. */
export function envelopeOf(shape: Shape | undefined): string {
  if (shape === undefined) return "unknown";
  if (typeof shape === "string") return shape;
  if (Array.isArray(shape)) return "array";
  const data = shape.data;
  if (data !== undefined) {
    // Stryker disable next-line ConditionalExpression: equivalent
    // `!Array.isArray(data)` -> true: an array has no `items`.
    if (data && typeof data === "object" && !Array.isArray(data) && "items" in data) return "items";
    return "header" in shape ? "header+data" : "data";
  }
  return "bare";
}

function idTypeOf(shape: Shape | undefined): string | null {
  const inner = unwrap(shape);
  if (inner && typeof inner === "object" && !Array.isArray(inner)) {
    const id = inner.id;
    return typeof id === "string" ? id : null;
  }
  return null;
}

function downloadFacts(
  downloads: readonly TraceRecord[],
  records: readonly TraceRecord[],
): DoctorProfile["download"] {
  const last = downloads.at(-1);
  if (!last) return null;
  const hop = last.status >= 300 && last.status < 400 ? last : undefined;
  let redirect: "none" | "same origin" | "other origin" = "none";
  let served = last;
  if (hop) {
    const location = hop.responseHeaders?.location ?? "";
    const target = safeUrl(location, `${hop.origin}${hop.path}`);
    redirect = target && target.origin === hop.origin ? "same origin" : "other origin";
    const after = records.indexOf(hop) + 1;
    served = records[after] ?? hop;
  }
  const headers = served.responseHeaders ?? {};
  return {
    status: served.status,
    redirect,
    // The trace shapes both already; shaped again so that the profile holds whatever it is given.
    contentType: mediaTypeOf(headers["content-type"]),
    contentDisposition: dispositionShape(headers["content-disposition"]),
    contentLength: headers["content-length"] !== undefined,
    refusals: [
      ...new Set(downloads.filter((r) => r.status >= 400 && r.status < 500).map((r) => r.status)),
    ],
  };
}

function fileFacts(stats: CsvStats): NonNullable<DoctorProfile["file"]> {
  return {
    encoding: stats.encoding,
    bom: stats.bom,
    delimiter: stats.delimiter,
    lineEnding: stats.lineEnding === "\r\n" ? "CRLF" : stats.lineEnding === "\n" ? "LF" : null,
    decimalSeparator: decimalSeparator(stats.preview),
    columns: stats.columns,
    header: stats.header,
  };
}

/** The separator numbers in the preview use; only the verdict leaves, never a cell. */
export function decimalSeparator(rows: readonly string[][]): "," | "." | null {
  let comma = 0;
  let dot = 0;
  for (const row of rows) {
    for (const cell of row) {
      if (/^-?\d+,\d+$/.test(cell.trim())) comma++;
      else if (/^-?\d+\.\d+$/.test(cell.trim())) dot++;
    }
  }
  if (comma === 0 && dot === 0) return null;
  return comma >= dot ? "," : ".";
}

function sentFromEvents(events: readonly JobEvent[]): RangeSent | null {
  for (const event of events) if (event.type === "creating") return event.sent;
  return null;
}

/** Only its origin is read: the "?…" a trace leaves for a query does not change it. */
function safeUrl(location: string, base: string): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}
