import { createReadStream } from "node:fs";

/**
 * The records of a CSV file, streamed from disk: quoted fields may hold line breaks; CRLF
 * and LF end records alike (and are written as LF inside a record); a BOM and blank lines
 * are dropped.
 */
export async function* csvRecords(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  let quoted = false;
  for await (const chunk of createReadStream(path)) {
    const text = decoder.decode(chunk as Uint8Array, { stream: true });
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const char = text.charCodeAt(i);
      if (char === 0x22) quoted = !quoted;
      else if (!quoted && (char === 0x0a || char === 0x0d)) {
        const record = pending + text.slice(start, i);
        pending = "";
        start = i + 1;
        if (record !== "") yield normalise(record);
      }
    }
    pending += text.slice(start);
  }
  pending += decoder.decode();
  if (pending !== "") yield normalise(pending);
}

function normalise(record: string): string {
  return record.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}
