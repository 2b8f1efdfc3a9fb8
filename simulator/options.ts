import type { IncomingHttpHeaders } from "node:http";
import type { Culture, LineEnding } from "./csv.ts";

export type Outcome = "done" | "error";
export type FailureTarget = "create" | "status" | "download" | "any";
export type ContentLengthMode = "exact" | "none" | "wrong";
export type StatusCase = "lower" | "upper" | "title";

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
export type Settings = Required<
  Omit<SimulatorOptions, "bom" | "requestTimeoutMs" | "onRequest" | "port" | "csvBody">
> &
  Pick<SimulatorOptions, "bom" | "requestTimeoutMs" | "onRequest" | "port" | "csvBody">;

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
  contentLength: "exact",
  slowMs: 0,
  redirectDownload: false,
} satisfies SimulatorOptions;

export function resolveOptions(options: SimulatorOptions): Settings {
  const settings: Settings = { ...DEFAULTS, now: Date.now } as Settings;
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) Object.assign(settings, { [key]: value });
  }
  return settings;
}
