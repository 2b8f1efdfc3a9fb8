import type { FetchLike } from "./http.ts";
import { redact } from "./redact.ts";

/** The shape of a JSON value: keys and value types, never the values themselves. */
export type Shape = string | Shape[] | { [key: string]: Shape };

/** One HTTP exchange, as written to a trace: enough for support, nothing private. */
export interface TraceRecord {
  /** Milliseconds since the trace started. */
  at: number;
  method: string;
  origin: string;
  /** Without the query string: a signed download URL carries its token there. */
  path: string;
  /** The names of the query parameters, if any. */
  query?: string[];
  /** 0 when no answer came (network error, timeout, cancellation). */
  status: number;
  /** Until the response headers arrived. */
  durationMs: number;
  requestHeaders: Record<string, string>;
  responseHeaders?: Record<string, string>;
  requestBody?: Shape;
  /** JSON answers as their shape; other bodies as their type and length, unread. */
  responseBody?: Shape;
  error?: string;
}

/** Headers that carry credentials or sessions: never written, whatever the trace is for. */
const HIDDEN_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);
/** JSON bodies above this are not read for their shape. */
const MAX_SHAPED_BYTES = 256 * 1024;
const MAX_DEPTH = 8;

export function shapeOf(value: unknown, depth = 0): Shape {
  if (value === null) return "null";
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return "array";
    return value.length === 0 ? [] : [shapeOf(value[0], depth + 1)];
  }
  if (typeof value === "object") {
    if (depth >= MAX_DEPTH) return "object";
    const shape: Record<string, Shape> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      shape[key] = shapeOf(item, depth + 1);
    }
    return shape;
  }
  return typeof value;
}

/** Shape of a text that may be JSON; anything else is described, not shown. */
export function shapeOfText(text: string): Shape {
  if (text === "") return "empty";
  try {
    return shapeOf(JSON.parse(text));
  } catch {
    return `text (${text.length} chars, not JSON)`;
  }
}

export interface TraceOptions {
  /** Receives each exchange once it is known (headers in, or failed). */
  write: (record: TraceRecord) => void;
  /** Texts replaced by *** wherever they appear (the API key). */
  secrets: readonly string[];
  now?: () => number;
}

/**
 * Wraps a fetch so that every exchange is recorded: method, origin, path, status, time to
 * headers, headers without credentials, and bodies as shapes. JSON answers are read from a
 * clone; the caller's body is untouched and downloads are never read twice.
 */
export function tracingFetch(fetch: FetchLike, options: TraceOptions): FetchLike {
  const now = options.now ?? Date.now;
  const started = now();
  return async (input, init) => {
    // Not `new Request(input, init)`: that would take over a streamed body.
    const asRequest = input instanceof Request ? input : undefined;
    const url = new URL(asRequest ? asRequest.url : String(input));
    const begin = now();
    const base: Omit<TraceRecord, "status" | "durationMs"> = {
      at: begin - started,
      method: (init?.method ?? asRequest?.method ?? "GET").toUpperCase(),
      origin: url.origin,
      path: url.pathname,
      ...(url.search ? { query: [...new Set(url.searchParams.keys())] } : {}),
      requestHeaders: visibleHeaders(
        new Headers(init?.headers ?? asRequest?.headers),
        options.secrets,
      ),
      ...(typeof init?.body === "string" ? { requestBody: shapeOfText(init.body) } : {}),
    };
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      options.write({
        ...base,
        status: 0,
        durationMs: now() - begin,
        error: redact(error instanceof Error ? error.name : "error", options.secrets),
      });
      throw error;
    }
    const record: TraceRecord = {
      ...base,
      status: response.status,
      durationMs: now() - begin,
      responseHeaders: visibleHeaders(response.headers, options.secrets),
    };
    record.responseBody = await bodyShape(response);
    options.write(record);
    return response;
  };
}

async function bodyShape(response: Response): Promise<Shape> {
  const type = response.headers.get("content-type") ?? "";
  const length = response.headers.get("content-length");
  const small = length !== null && Number(length) <= MAX_SHAPED_BYTES;
  if (/json/i.test(type) && small) {
    try {
      return shapeOfText(await response.clone().text());
    } catch {
      return "unreadable";
    }
  }
  if (response.body === null || length === "0") return "empty";
  return `${type || "no content type"}${length === null ? "" : `, ${length} bytes`} (not read)`;
}

function visibleHeaders(headers: Headers, secrets: readonly string[]): Record<string, string> {
  const visible: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (HIDDEN_HEADERS.has(name)) return;
    visible[name] = redact(name === "location" ? withoutQuery(value) : value, secrets);
  });
  return visible;
}

/** A redirect's target without its query: pre-signed URLs carry their token there. */
function withoutQuery(location: string): string {
  const at = location.indexOf("?");
  return at === -1 ? location : `${location.slice(0, at)}?…`;
}
