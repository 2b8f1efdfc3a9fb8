import { visibleHeaders } from "./header-shape.ts";
import type { FetchLike } from "./http.ts";
import { redact } from "./redact.ts";
import { type Shape, shapeOfText } from "./trace-shape.ts";
import { locationShape, pathShape, queryNames } from "./url-shape.ts";

export type { Shape } from "./trace-shape.ts";

/** One HTTP exchange, as written to a trace: enough for support, nothing private. */
export interface TraceRecord {
  /** Milliseconds since the trace started. */
  at: number;
  method: string;
  /** Redacted. */
  origin: string;
  /** This tool's own Lucca paths as they are; any other as `*` segments (url-shape.ts). */
  path: string;
  /** The names of the query parameters, if any, redacted. */
  query?: string[];
  /** 0 when no answer came (network error, timeout, cancellation). */
  status: number;
  /** Until the response headers arrived. */
  durationMs: number;
  /** Only the headers header-shape.ts lists, in the form it allows. */
  requestHeaders: Record<string, string>;
  responseHeaders?: Record<string, string>;
  /** How many response headers were left out (not on the list). */
  responseHeadersLeftOut?: number;
  requestBody?: Shape;
  /** JSON answers as their shape; other bodies as their type and length, unread. */
  responseBody?: Shape;
  error?: string;
}

/** JSON bodies above this are not shaped. */
const MAX_SHAPED_BYTES = 256 * 1024;

export interface TraceOptions {
  /** Receives each exchange once it is known (headers in, or failed). */
  write: (record: TraceRecord) => void;
  /** Texts replaced by *** wherever they appear (the API key). */
  secrets: readonly string[];
  now?: () => number;
}

/**
 * Wraps a fetch so that every exchange is recorded: method, origin, path, status, time to
 * headers, listed headers, and bodies as shapes. JSON answers are read from a clone,
 * whether their length is told or not; the caller's body is untouched and downloads are
 * never read twice.
 */
export function tracingFetch(fetch: FetchLike, options: TraceOptions): FetchLike {
  const now = options.now ?? Date.now;
  const started = now();
  const { secrets } = options;
  return async (input, init) => {
    // Not `new Request(input, init)`: that would take over a streamed body.
    const asRequest = input instanceof Request ? input : undefined;
    const url = new URL(asRequest ? asRequest.url : String(input));
    const begin = now();
    const base: Omit<TraceRecord, "status" | "durationMs"> = {
      at: begin - started,
      method: (init?.method ?? asRequest?.method ?? "GET").toUpperCase(),
      origin: redact(url.origin, secrets),
      path: pathShape(url.pathname, secrets),
      ...(url.search ? { query: queryNames(url.searchParams, secrets) } : {}),
      requestHeaders: headersOf(new Headers(init?.headers ?? asRequest?.headers), secrets).shown,
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
        error: redact(error instanceof Error ? error.name : "error", secrets),
      });
      throw error;
    }
    const headers = headersOf(response.headers, secrets);
    const record: TraceRecord = {
      ...base,
      status: response.status,
      durationMs: now() - begin,
      responseHeaders: headers.shown,
      ...(headers.left > 0 ? { responseHeadersLeftOut: headers.left } : {}),
    };
    record.responseBody = await bodyShape(response, headers.shown);
    options.write(record);
    return response;
  };
}

function headersOf(headers: Headers, secrets: readonly string[]) {
  return visibleHeaders(headers, secrets, (location) => locationShape(location, secrets));
}

/** `shown`: the response's headers as the trace writes them. */
async function bodyShape(response: Response, shown: Record<string, string>): Promise<Shape> {
  const type = shown["content-type"];
  const length = shown["content-length"];
  if (response.body === null || length === "0") return "empty";
  // Read whatever the framing: a chunked answer has no Content-Length.
  if (type?.includes("json") && !(length !== undefined && Number(length) > MAX_SHAPED_BYTES)) {
    try {
      const text = await readClone(response.clone().body as ReadableStream<Uint8Array>);
      if (text === undefined) return `JSON over ${MAX_SHAPED_BYTES} bytes (not shaped)`;
      return shapeOfText(text);
    } catch {
      return "unreadable";
    }
  }
  return `${type ?? "no content type"}${length === undefined ? "" : `, ${length} bytes`} (not read)`;
}

/**
 * The clone's text, or undefined past MAX_SHAPED_BYTES. Its cancel is not awaited: one
 * branch of a tee settles its cancel only once the other branch (the caller's) is
 * cancelled too, which may never happen.
 */
async function readClone(body: ReadableStream<Uint8Array>): Promise<string | undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > MAX_SHAPED_BYTES) {
      reader.cancel().catch(() => {});
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}
