import { createHmac, timingSafeEqual } from "node:crypto";
import { type Exchange, sendText } from "./exchange.ts";
import { type FileFormat, fileFor, takeCut } from "./files.ts";
import type { SimulatedReport } from "./options.ts";
import { sendFile } from "./send-file.ts";
import type { SimulatorState } from "./state.ts";

/** How long a signed storage URL stays valid, by the simulator's clock. */
export const SIGNED_URL_LIFETIME_MS = 5 * 60_000;

const FILE_PATH = /^\/files\/(\d+)\/report-\1\.(csv|xls)$/;

function sign(state: SimulatorState, path: string, expires: string): string {
  return createHmac("sha256", state.signingKey).update(`${path}\n${expires}`).digest("base64url");
}

/** A URL on the storage origin that serves one report file without the Lucca API key. */
export function signedFileUrl(
  state: SimulatorState,
  report: SimulatedReport,
  format: FileFormat,
  now: number,
): string {
  const path = `/files/${report.id}/report-${report.id}.${format === "csv" ? "csv" : "xls"}`;
  const expires = String(now + SIGNED_URL_LIFETIME_MS);
  const signature = sign(state, path, expires);
  return `${state.storageUrl}${path}?expires=${expires}&signature=${signature}`;
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The storage origin, like a blob store with pre-signed URLs: no API key, a signature in the
 * query, valid until it expires or until one download of it has completed.
 */
export async function handleStorage(ex: Exchange, state: SimulatorState): Promise<void> {
  const { settings, url } = ex;
  if (ex.req.method !== "GET") return sendText(ex, 405, "Method not allowed");
  // Like S3: a pre-signed URL plus an Authorization header is two auth mechanisms.
  if (ex.req.headers.authorization !== undefined) {
    return sendText(ex, 400, "Only one auth mechanism allowed: the URL is already signed");
  }
  const match = FILE_PATH.exec(url.pathname);
  if (!match) return sendText(ex, 404, "No such file");
  const expires = url.searchParams.get("expires") ?? "";
  const signature = url.searchParams.get("signature") ?? "";
  if (!sameSignature(sign(state, url.pathname, expires), signature)) {
    return sendText(ex, 403, "Signature does not match");
  }
  if (Number(expires) < settings.now()) return sendText(ex, 403, "Signed URL expired");
  if (state.usedSignatures.has(signature)) return sendText(ex, 403, "Signed URL already used");
  const report = state.reports.get(match[1] ?? "");
  if (!report) return sendText(ex, 404, "No such file");
  const file = fileFor(report, match[2] === "csv" ? "csv" : "excel", settings);
  const cut = takeCut(state, settings);
  report.downloads++;
  const complete = await sendFile(ex, file, cut, state.closing.signal);
  if (complete && settings.contentLength !== "wrong") state.usedSignatures.add(signature);
}
