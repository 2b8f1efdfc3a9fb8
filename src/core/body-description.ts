import { decodeText } from "./encoding.ts";
import { messageOfErrorBody } from "./error-body.ts";
import { mediaTypeOf } from "./header-shape.ts";
import { excerptOf, redact } from "./redact.ts";

/** What was read of a body this tool refuses or fails on. */
export interface BodySample {
  /** The bytes read, from the start of the body. */
  bytes: Uint8Array;
  /** True when the body went on past `bytes`. */
  more: boolean;
  contentType: string | null;
  /** The Content-Length announced, if any: the size when `more`. */
  declaredBytes?: number | undefined;
}

/** Bytes shown in hex: enough for any file signature (an .xls's is 8). */
const HEX_BYTES = 8;

/**
 * A body made fit for a message: what it says when it is recognisably a page or an error
 * (error-body.ts), the key redacted, one line, cut; otherwise its media type, its size and
 * its first bytes in hex, never past its first line (a CSV's header line), so that no row
 * of a report served in its place reaches an error, a log or a summary.
 */
export function describeBody(sample: BodySample, secrets: readonly string[]): string {
  const message = messageOfErrorBody(decodeText(sample.bytes, "utf-8"));
  if (message !== undefined) return excerptOf(message, secrets);
  return `not shown, as it may hold the report's rows: ${bodyFacts(sample, secrets)}`;
}

/** "text/csv, 2048 bytes, first bytes ef bb bf 4e 61 6d 65 3b" */
export function bodyFacts(sample: BodySample, secrets: readonly string[] = []): string {
  const size = sample.more
    ? sample.declaredBytes === undefined
      ? `more than ${sample.bytes.byteLength} bytes`
      : `${sample.declaredBytes} bytes`
    : `${sample.bytes.byteLength} bytes`;
  return `${mediaTypeOf(sample.contentType) ?? "no Content-Type"}, ${size}, first bytes ${firstBytes(sample.bytes, secrets)}`;
}

function firstBytes(bytes: Uint8Array, secrets: readonly string[]): string {
  // Hex is no disguise: a body that starts with the key (an echo) shows none of its bytes.
  const start = decodeText(bytes.subarray(0, 4 * HEX_BYTES), "utf-8");
  if (redact(start, secrets) !== start) return "not shown (they hold the key)";
  const shown: string[] = [];
  for (const byte of bytes.subarray(0, HEX_BYTES)) {
    if (byte === 0x0a || byte === 0x0d) break;
    shown.push(byte.toString(16).padStart(2, "0"));
  }
  return shown.length > 0 ? shown.join(" ") : "none before a line break";
}
