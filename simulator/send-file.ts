import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import { type Exchange, sleep, writeHead } from "./exchange.ts";

/**
 * How a download is sabotaged: cut by a connection reset, by a clean early close, or
 * stalled half way until the client goes away (a download a signal must interrupt).
 */
export type Cut = "none" | "reset" | "truncate" | "stall";

export interface FileBody {
  contentType: string;
  /** Sent as Content-Disposition when set. */
  filename: string | undefined;
  size: number;
  chunks: () => Iterable<Uint8Array>;
}

/** "wrong" Content-Length declares this many bytes more than the body has. */
export const WRONG_LENGTH_EXTRA = 1024;

/** Gives the client time to read the bytes already sent before the reset discards them. */
const RESET_GRACE_MS = 25;

function drained(res: ServerResponse): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      resolve(ok);
    };
    const onDrain = () => finish(true);
    const onClose = () => finish(false);
    res.on("drain", onDrain);
    res.on("close", onClose);
  });
}

/** Writes the last piece and resolves once the socket has taken it (or closed). */
function written(res: ServerResponse, piece: Uint8Array): Promise<void> {
  if (res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off("close", done);
      resolve();
    };
    res.on("close", done);
    res.write(piece, done);
  });
}

function fileHeaders(ex: Exchange, file: FileBody, cut: Cut): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { "Content-Type": file.contentType };
  if (file.filename !== undefined) {
    headers["Content-Disposition"] = `attachment; filename="${file.filename}"`;
  }
  const mode = cut === "truncate" ? "exact" : ex.settings.contentLength;
  if (mode === "exact") headers["Content-Length"] = file.size;
  if (mode === "wrong") headers["Content-Length"] = file.size + WRONG_LENGTH_EXTRA;
  // Without it a body shorter than its Content-Length would leave the client waiting.
  if (cut === "truncate" || mode === "wrong") headers.Connection = "close";
  return { ...headers, ...ex.settings.downloadHeaders };
}

/**
 * Streams the file with backpressure (memory stays flat for any size). Returns true when
 * the whole body went out uncut.
 */
export async function sendFile(
  ex: Exchange,
  file: FileBody,
  cut: Cut,
  signal: AbortSignal,
): Promise<boolean> {
  const { res } = ex;
  writeHead(ex, 200, fileHeaders(ex, file, cut));
  const limit = cut === "none" ? file.size : Math.floor(file.size / 2);
  let sent = 0;
  let flushed: Promise<void> = Promise.resolve();
  for (const chunk of file.chunks()) {
    if (sent >= limit) break;
    if (res.destroyed || signal.aborted) return false;
    const piece = sent + chunk.length > limit ? chunk.subarray(0, limit - sent) : chunk;
    sent += piece.length;
    if (sent >= limit && cut === "reset") {
      flushed = written(res, piece);
      continue;
    }
    if (!res.write(piece) && !(await drained(res))) return false;
  }
  if (cut === "stall") {
    if (!res.destroyed) await new Promise((resolve) => res.once("close", resolve));
    return false;
  }
  if (cut === "reset") {
    await flushed;
    await sleep(RESET_GRACE_MS, signal);
    res.socket?.resetAndDestroy();
    return false;
  }
  res.end();
  return cut === "none" && sent === file.size;
}
