import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { RecordedRequest, Settings } from "./options.ts";

/** One request being answered, with the settings in force when it arrived. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  record: RecordedRequest;
  settings: Settings;
}

const MAX_BODY_BYTES = 1024 * 1024;

export function writeHead(ex: Exchange, status: number, headers: OutgoingHttpHeaders): void {
  ex.record.status = status;
  ex.res.writeHead(status, headers);
}

export function sendJson(
  ex: Exchange,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  sendRaw(ex, status, "application/json; charset=utf-8", JSON.stringify(body), headers);
}

/**
 * An error in the shape `errorShape` picks. Lucca's older endpoints answer
 * {"Status": N, "Message": "..."}; its REST framework and SDK have others (see options.ts).
 * `field` names the request field at fault, for RFC 7807 `errors`.
 */
export function sendError(
  ex: Exchange,
  status: number,
  message: string,
  headers: OutgoingHttpHeaders = {},
  field = "request",
) {
  switch (ex.settings.errorShape) {
    case "status-message":
      return sendJson(ex, status, { Status: status, Message: message }, headers);
    case "text-as-json":
      return sendRaw(ex, status, "application/json; charset=utf-8", message, headers);
    case "empty":
      return sendRaw(ex, status, "application/json; charset=utf-8", "", headers);
    case "id-error":
      return sendJson(
        ex,
        status,
        { id: ex.url.pathname.split("/").pop(), error: message },
        headers,
      );
    case "stack-trace":
      return sendJson(
        ex,
        status,
        {
          Status: status,
          Message: message,
          StackTrace:
            "   at Lucca.Timmi.Reports.ReportsController.Get(Int32 id) in C:\\src\\Timmi\\Reports\\ReportsController.cs:line 42",
        },
        headers,
      );
    case "problem":
      return sendRaw(
        ex,
        status,
        "application/problem+json; charset=utf-8",
        JSON.stringify({
          type: `https://httpstatuses.io/${status}`,
          title: status === 400 ? "One or more validation errors occurred." : message,
          status,
          errors: status === 400 ? { [field]: [message] } : undefined,
        }),
        headers,
      );
  }
}

function sendRaw(
  ex: Exchange,
  status: number,
  contentType: string,
  text: string,
  headers: OutgoingHttpHeaders,
): void {
  // Chunked: Node frames an answer without Content-Length that way once it writes a body.
  const length = ex.settings.chunkedJson ? {} : { "Content-Length": Buffer.byteLength(text) };
  writeHead(ex, status, { "Content-Type": contentType, ...length, ...headers });
  if (ex.settings.chunkedJson && text !== "") ex.res.write(text);
  ex.res.end(ex.settings.chunkedJson ? undefined : text);
}

export function sendText(ex: Exchange, status: number, text: string): void {
  writeHead(ex, status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  ex.res.end(text);
}

/** The request body as text, or undefined when it exceeds 1 MiB. */
export async function readText(req: IncomingMessage): Promise<string | undefined> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req) {
    const buffer = part as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    parts.push(buffer);
  }
  return Buffer.concat(parts).toString("utf8");
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
