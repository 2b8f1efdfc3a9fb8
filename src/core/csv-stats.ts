import { type Delimiter, detectDelimiter, parseCsvRecords } from "./csv-parse.ts";
import { type Hasher, Sha256 } from "./sha256.ts";

export interface CsvStats {
  /** Data records, header excluded. */
  rows: number;
  /** Fields in the header record. */
  columns: number;
  bytes: number;
  sha256: string;
  delimiter: Delimiter | null;
  bom: boolean;
  header: string[];
  /** The first data records, parsed. */
  preview: string[][];
  lineEnding: "\r\n" | "\n" | null;
}

export interface CsvStatsOptions {
  /** Data records kept for the preview. @default 10 */
  previewRows?: number;
  /** Preview cells are cut to this many characters. @default 200 */
  maxCellLength?: number;
  /** @default a pure TypeScript SHA-256 */
  createHasher?: () => Hasher;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
/** The preview never holds more than this, however long its records are. */
const MAX_PREVIEW_BYTES = 1 << 20;

/**
 * Counts records, bytes and the hash of a CSV as it streams past, in one pass over the bytes
 * and without decoding them; only the header and preview records are decoded. Quoted fields
 * with line breaks and doubled quotes count right, wherever the chunks are cut. Records end
 * with LF or CRLF (a file of bare CR line ends counts as one record).
 */
export class CsvStatsCollector {
  readonly #previewRows: number;
  readonly #maxCellLength: number;
  readonly #hash: Hasher;
  #bytes = 0;
  #records = 0;
  #quoted = false;
  #lastByte = -1;
  #recordHasContent = false;
  #lineEnding: "\r\n" | "\n" | null = null;
  #head: Uint8Array[] = [];
  #headBytes = 0;
  #collecting = true;

  constructor(options: CsvStatsOptions = {}) {
    this.#previewRows = options.previewRows ?? 10;
    this.#maxCellLength = options.maxCellLength ?? 200;
    this.#hash = (options.createHasher ?? (() => new Sha256()))();
  }

  update(chunk: Uint8Array): void {
    this.#bytes += chunk.byteLength;
    this.#hash.update(chunk);
    const wanted = this.#previewRows + 1;
    const length = chunk.length;
    let quoted = this.#quoted;
    let content = this.#recordHasContent;
    let records = this.#records;
    let cut = -1;
    // Jumps from one quote or line feed to the next with indexOf (native, fast), instead of
    // looking at every byte: the scan keeps up with the network. Toggling on each quote is
    // exact for well-formed CSV, where a doubled quote leaves and re-enters the quoted field.
    let lastByte = this.#lastByte;
    let lineEnding = this.#lineEnding;
    // One tight pass with locals only: most bytes are above '"' and cost a single compare.
    for (let i = 0; i < length; i++) {
      const byte = chunk[i] as number;
      if (byte > QUOTE) {
        content = true;
        continue;
      }
      if (byte === QUOTE) {
        // Toggling is exact for well-formed CSV: a doubled quote leaves and re-enters.
        quoted = !quoted;
        content = true;
      } else if (byte === LF) {
        if (!quoted) {
          if (lineEnding === null)
            lineEnding = (i > 0 ? chunk[i - 1] : lastByte) === CR ? "\r\n" : "\n";
          if (content) {
            records++;
            content = false;
            if (records === wanted && cut < 0) cut = i + 1;
          }
        }
      } else if (byte !== CR) {
        content = true;
      }
    }
    this.#lineEnding = lineEnding;
    lastByte = length > 0 ? (chunk[length - 1] as number) : lastByte;
    this.#lastByte = lastByte;
    this.#quoted = quoted;
    this.#recordHasContent = content;
    this.#records = records;
    if (this.#collecting) this.#collect(cut < 0 ? chunk : chunk.subarray(0, cut), cut >= 0);
  }

  #collect(part: Uint8Array, complete: boolean): void {
    const room = MAX_PREVIEW_BYTES - this.#headBytes;
    const kept = part.byteLength > room ? part.subarray(0, room) : part;
    this.#head.push(kept.slice());
    this.#headBytes += kept.byteLength;
    if (complete || this.#headBytes >= MAX_PREVIEW_BYTES) this.#collecting = false;
  }

  finish(): CsvStats {
    const records = this.#records + (this.#recordHasContent ? 1 : 0);
    const head = concat(this.#head, this.#headBytes);
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    // TextDecoder drops a leading BOM, which must not become part of the first column name.
    const text = new TextDecoder("utf-8").decode(head);
    const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? "";
    const delimiter = detectDelimiter(firstLine);
    const parsed = parseCsvRecords(text, delimiter, this.#previewRows + 1);
    const cutCell = (cell: string) => {
      const chars = Array.from(cell);
      return chars.length > this.#maxCellLength
        ? chars.slice(0, this.#maxCellLength).join("")
        : cell;
    };
    const header = parsed[0] ?? [];
    return {
      rows: Math.max(0, records - 1),
      columns: header.length,
      bytes: this.#bytes,
      sha256: this.#hash.digestHex(),
      delimiter,
      bom,
      header: header.map(cutCell),
      preview: parsed.slice(1).map((record) => record.map(cutCell)),
      lineEnding: this.#lineEnding,
    };
  }
}

/** Passes bytes through unchanged while the collector counts them. */
export function csvStatsTransform(
  collector: CsvStatsCollector,
): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream({
    transform(chunk, controller) {
      collector.update(chunk);
      controller.enqueue(chunk);
    },
  });
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
