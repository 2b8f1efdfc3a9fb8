import { createReadStream } from "node:fs";
import { createDecoder, detectEncoding } from "../core/encoding.ts";

/** A report: the path of its file, or its bytes (a version read from git, say). */
export type CsvSource = string | Uint8Array;

const CHUNK = 64 * 1024;

/** The source's raw chunks: streamed from disk, or sliced from memory without copying. */
export async function* chunksOf(source: CsvSource): AsyncGenerator<Buffer> {
  if (typeof source === "string") {
    yield* createReadStream(source) as AsyncIterable<Buffer>;
    return;
  }
  const bytes = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
}

/** How a source is named in a message: its path, or what it is. */
export function sourceName(source: CsvSource): string {
  return typeof source === "string" ? source : `the previous version (${source.byteLength} bytes)`;
}

/**
 * A CSV file's chunks as UTF-8, so that records split on bytes and read as text whatever the
 * file's encoding (told from its first chunk, as the preview does). UTF-8 passes through
 * untouched; UTF-16 and Windows-1252 are transcoded, their BOM dropped.
 */
export async function* readAsUtf8(source: CsvSource): AsyncGenerator<Buffer> {
  let decoder: ReturnType<typeof createDecoder> | undefined;
  let utf8 = false;
  for await (const chunk of chunksOf(source)) {
    if (decoder === undefined && !utf8) {
      const { encoding } = detectEncoding(chunk);
      utf8 = encoding === "utf-8";
      if (!utf8) decoder = createDecoder(encoding);
    }
    yield decoder ? Buffer.from(decoder.decode(chunk, false), "utf8") : chunk;
  }
  if (decoder) {
    const rest = decoder.decode(new Uint8Array(0), true);
    if (rest) yield Buffer.from(rest, "utf8");
  }
}
