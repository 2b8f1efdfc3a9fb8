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
  const text = JSON.stringify(body);
  writeHead(ex, status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    ...headers,
  });
  ex.res.end(text);
}

/** Lucca's older endpoints answer errors as {"Status": N, "Message": "..."}. */
export function sendError(
  ex: Exchange,
  status: number,
  message: string,
  headers: OutgoingHttpHeaders = {},
): void {
  sendJson(ex, status, { Status: status, Message: message }, headers);
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
