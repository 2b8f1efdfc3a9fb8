import { createReadStream } from "node:fs";
import { createDecoder, detectEncoding } from "../core/encoding.ts";

/**
 * A CSV file's chunks as UTF-8, so that records split on bytes and read as text whatever the
 * file's encoding (told from its first chunk, as the preview does). UTF-8 passes through
 * untouched; UTF-16 and Windows-1252 are transcoded, their BOM dropped.
 */
export async function* readAsUtf8(path: string): AsyncGenerator<Buffer> {
  let decoder: ReturnType<typeof createDecoder> | undefined;
  let utf8 = false;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
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
