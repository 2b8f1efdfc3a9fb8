import type { IncomingHttpHeaders } from "node:http";
import type { Culture, LineEnding } from "./csv.ts";

export type Outcome = "done" | "error";
export type FailureTarget = "create" | "status" | "download" | "any";
export type ContentLengthMode = "exact" | "none" | "wrong";
export type StatusCase = "lower" | "upper" | "title";
/** How report objects are wrapped: bare, {"data"}, {"header","data"}, {"data":{"items":[…]}} or [ … ]. */
export type Envelope = "bare" | "data" | "header" | "items" | "array";
/**
 * How error bodies look: Lucca's older {"Status","Message"}, raw text labelled
 * application/json, an empty body, the REST framework's {"id","error"}, the SDK's
 * {"Status","Message","StackTrace"}, or RFC 7807 with title and errors{field: […]}.
 */
export type ErrorShape =
  | "status-message"
  | "text-as-json"
  | "empty"
  | "id-error"
  | "stack-trace"
  | "problem";
export type CsvEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";
/**
 * A download answer that is not the report as asked: a page, a JSON message or nothing
 * (200); or the report's own rows where they do not belong: the CSV labelled JSON or
 * HTML, the CSV whatever the format asked (refused for Excel), rows inside an error-like
 * JSON object, the CSV with a 500.
 */
export type BadDownloadBody =
  | "html"
  | "json"
  | "empty"
  | "csv-as-json"
  | "csv-as-html"
  | "csv"
  | "json-rows"
  | "csv-error";

export interface FailureRule {
  status: number;
  /** How many matching requests get `status`; counted from when the rule was set. */
  count: number;
  /** @default "any" */
  on?: FailureTarget;
  /** Seconds, sent as a Retry-After header. */
  retryAfter?: number;
}

export interface RateLimit {
  requests: number;
  windowMs: number;
}

export interface SimulatorOptions {
  /** @default 0 (a free port); the host is always 127.0.0.1 */
  port?: number;
  /** A valid key with full rights. @default "demo-key-0000" */
  apiKey?: string;
  /** A valid key without report rights: 403 on every endpoint. @default "no-rights-key" */
  forbiddenKey?: string;
  /** Existing template ids. @default ["42"] */
  templates?: string[];
  /** How long a report stays pending. @default 1000 */
  generationMs?: number;
  /** Outcome of the 1st, 2nd, ... created report; the last entry repeats. @default ["done"] */
  outcomes?: Outcome[];
  /** CSV data rows. @default 200 */
  rows?: number;
  /** fr: ";" and decimal commas with a BOM; en: "," and dots without. @default "fr" */
  culture?: Culture;
  /** Overrides the culture's BOM choice. */
  bom?: boolean;
  /** @default "\r\n" */
  lineEnding?: LineEnding;
  /** Past it: 429 with Retry-After. @default { requests: 50, windowMs: 60000 } */
  rateLimit?: RateLimit | false;
  /** Report objects as {"data": {...}}. @default false */
  wrapJson?: boolean;
  /** "id": "1001" instead of 1001. @default false */
  stringIds?: boolean;
  /** @default "lower" */
  statusCase?: StatusCase;
  /** The first N status reads of each pending report answer "queued". @default 0 */
  unknownStatusPolls?: number;
  /** @default 201 */
  createStatus?: 200 | 201;
  /** The first `count` matching Lucca requests are answered with `status`. */
  failures?: FailureRule[];
  /** The next N downloads send about half the body, then reset the connection. */
  resetDownloads?: number;
  /** Every download sends half its body, then nothing more until the client leaves. */
  stallDownloads?: boolean;
  /** The next N downloads declare the full Content-Length, send half and close cleanly. */
  truncateDownloads?: number;
  /**
   * Content-Length on downloads: "none" streams chunked; "wrong" declares 1 KiB more than
   * the body, sends the whole body and closes the connection. @default "exact"
   */
  contentLength?: ContentLengthMode;
  /** Delay before answering every request, on both origins. @default 0 */
  slowMs?: number;
  /** Downloads answer 302 to a signed URL on the storage origin. @default false */
  redirectDownload?: boolean;
  /** Requests that would take longer (through slowMs) get 408 after this long. */
  requestTimeoutMs?: number;
  /** The clock behind report status, rate limits and timestamps. @default Date.now */
  now?: () => number;
  /** Serve exactly this CSV text (UTF-8) instead of the synthetic timesheet. */
  csvBody?: string;
  /** Report objects' envelope; `wrapJson: true` is the same as "data". @default "bare" */
  envelope?: Envelope;
  /** The status endpoint answers 404 or 405 instead of the report. @default "available" */
  statusEndpoint?: "available" | 404 | 405;
  /** The status a download gets while its report is pending (or failed). @default 400 */
  pendingDownloadStatus?: number;
  /** The word a failed report's status shows instead of "error". @default "error" */
  failureWord?: string;
  /** @default "status-message" */
  errorShape?: ErrorShape;
  /** Every Lucca API call answers 302 to an HTML login page (a key the SSO front refuses). */
  loginRedirect?: boolean;
  /** POST /reports creates the report, then answers this redirect to its status path. */
  createRedirect?: 301 | 302 | 303 | false;
  /** Until this time on the simulator clock, every Lucca request gets 429. */
  throttleUntil?: number;
  /** 429 answers carry Retry-After. @default true */
  retryAfterHeader?: boolean;
  /** Every Lucca answer carries X-RateLimit-Limit/-Remaining/-Reset. @default false */
  rateLimitHeaders?: boolean;
  /** The next `count` downloads answer `body` (see BadDownloadBody) instead of the file. */
  badDownloads?: { body: BadDownloadBody; count: number };
  /** Headers added to every download answer (a Content-Disposition naming a person...). */
  downloadHeaders?: Record<string, string>;
  /** JSON answers and errors go chunked, without Content-Length. @default false */
  chunkedJson?: boolean;
  /** The Excel file served: an OLE2 .xls or a ZIP-based .xlsx. @default "xls" */
  excelFile?: "xls" | "xlsx";
  /** "bare": files come as application/octet-stream without Content-Disposition. @default "typed" */
  fileHeaders?: "typed" | "bare";
  /** The CSV's bytes; UTF-16 carries its BOM, Windows-1252 none. @default "utf-8" */
  csvEncoding?: CsvEncoding;
  /** Called once per request when its response has finished or been cut. */
  onRequest?: (request: RecordedRequest) => void;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The request target as sent, query string included. */
  url: string;
  /** 0 until the status line is sent. */
  status: number;
  authorization: string | undefined;
  headers: IncomingHttpHeaders;
  at: number;
  origin: "lucca" | "storage";
}

export interface SimulatedReport {
  id: number;
  templateId: string;
  startsOn: string | null;
  endsOn: string | null;
  filters: unknown;
  outcome: Outcome;
  createdAt: number;
  finishedAt: number;
  statusReads: number;
  downloads: number;
}

/** Options with every default applied, read afresh for each request. */
export type Settings = Required<Omit<SimulatorOptions, OptionalSetting>> &
  Pick<SimulatorOptions, OptionalSetting>;

type OptionalSetting =
  | "bom"
  | "requestTimeoutMs"
  | "onRequest"
  | "port"
  | "csvBody"
  | "throttleUntil"
  | "badDownloads"
  | "downloadHeaders";

export const DEFAULTS = {
  apiKey: "demo-key-0000",
  forbiddenKey: "no-rights-key",
  templates: ["42"],
  generationMs: 1000,
  outcomes: ["done"],
  rows: 200,
  culture: "fr",
  lineEnding: "\r\n",
  rateLimit: { requests: 50, windowMs: 60_000 },
  wrapJson: false,
  stringIds: false,
  statusCase: "lower",
  unknownStatusPolls: 0,
  createStatus: 201,
  failures: [],
  resetDownloads: 0,
  truncateDownloads: 0,
  stallDownloads: false,
  contentLength: "exact",
  slowMs: 0,
  redirectDownload: false,
  envelope: "bare",
  statusEndpoint: "available",
  pendingDownloadStatus: 400,
  failureWord: "error",
  errorShape: "status-message",
  loginRedirect: false,
  createRedirect: false,
  retryAfterHeader: true,
  rateLimitHeaders: false,
  excelFile: "xls",
  fileHeaders: "typed",
  csvEncoding: "utf-8",
  chunkedJson: false,
} satisfies SimulatorOptions;

export function resolveOptions(options: SimulatorOptions): Settings {
  const settings: Settings = { ...DEFAULTS, now: Date.now } as Settings;
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) Object.assign(settings, { [key]: value });
  }
  return settings;
}
