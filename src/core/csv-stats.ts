import { type Delimiter, detectDelimiter, parseCsvFields } from "./csv-parse.ts";
import { forEachRecordIn, newRecordSplit, splitRecords } from "./csv-records.ts";
import type { Hasher } from "./hasher.ts";
import {
  bestRecordCounter,
  type RecordCount,
  type RecordCounter,
} from "./row-counter/row-counter.ts";

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
  /** A new SHA-256 (node:crypto's, from the adapters). */
  createHasher: () => Hasher;
  /** Data records kept for the preview. @default 10 */
  previewRows?: number;
  /** Preview cells are cut to this many characters. @default 200 */
  maxCellLength?: number;
  /** @default WebAssembly SIMD where the runtime has it, else the word-wise JavaScript counter */
  countRecords?: RecordCounter;
}

const CR = 0x0d;
/** The preview never holds more than this, however long its records are. */
const MAX_PREVIEW_BYTES = 1 << 20;

/** Where the scan is between two chunks. */
interface ScanState extends RecordCount {
  lineEnding: "\r\n" | "\n" | null;
  /** The byte before the current chunk, or -1. */
  lastByte: number;
}

/**
 * Counts records, bytes and the hash of a CSV as it streams past, in one pass over the bytes
 * and without decoding them; only the header and preview records are decoded. Records are
 * split by csv-records.ts's rule (LF or CRLF ends one, outside quotes), wherever the chunks
 * are cut.
 */
export class CsvStatsCollector {
  readonly #previewRows: number;
  readonly #maxCellLength: number;
  readonly #hash: Hasher;
  readonly #countRecords: RecordCounter;
  #bytes = 0;
  readonly #scan: ScanState = { ...newRecordSplit(), records: 0, lineEnding: null, lastByte: -1 };
  #head: Uint8Array[] = [];
  #headBytes = 0;
  #collecting = true;
  /** The preview bytes ran out before the last preview record ended. */
  #headCut = false;

  constructor(options: CsvStatsOptions) {
    this.#previewRows = options.previewRows ?? 10;
    this.#maxCellLength = options.maxCellLength ?? 200;
    this.#hash = options.createHasher();
    this.#countRecords = options.countRecords ?? bestRecordCounter();
  }

  update(chunk: Uint8Array): void {
    this.#bytes += chunk.byteLength;
    this.#hash.update(chunk);
    const scan = this.#scan;
    if (!this.#collecting && scan.lineEnding !== null) {
      this.#countRecords(chunk, scan);
    } else {
      const cut = scanHead(chunk, scan, this.#previewRows + 1);
      if (this.#collecting) this.#collect(cut < 0 ? chunk : chunk.subarray(0, cut), cut >= 0);
    }
    if (chunk.length > 0) scan.lastByte = chunk[chunk.length - 1] as number;
  }

  #collect(part: Uint8Array, complete: boolean): void {
    const room = MAX_PREVIEW_BYTES - this.#headBytes;
    if (part.byteLength > room) {
      this.#head.push(part.slice(0, room));
      this.#headBytes += room;
      this.#collecting = false;
      this.#headCut = true;
      return;
    }
    this.#head.push(part.slice());
    this.#headBytes += part.byteLength;
    if (complete) this.#collecting = false;
  }

  finish(): CsvStats {
    const records = this.#scan.records + (this.#scan.content ? 1 : 0);
    const head = concat(this.#head, this.#headBytes);
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    const texts: string[] = [];
    // The first decoder drops a leading BOM, which must not become part of the first column name.
    const first = new TextDecoder("utf-8");
    const rest = new TextDecoder("utf-8", { ignoreBOM: true });
    forEachRecordIn(head, (record) => {
      texts.push((texts.length === 0 ? first : rest).decode(record));
      return texts.length < this.#previewRows + 1;
    });
    // A record cut by the size limit would show fewer fields than it has.
    if (this.#headCut && texts.length > 1) texts.pop();
    const delimiter = texts[0] === undefined ? null : detectDelimiter(texts[0]);
    const cutCell = (cell: string) => {
      const chars = Array.from(cell);
      return chars.length > this.#maxCellLength
        ? chars.slice(0, this.#maxCellLength).join("")
        : cell;
    };
    const parsed = texts.map((text) => parseCsvFields(text, delimiter).map(cutCell));
    return {
      rows: Math.max(0, records - 1),
      columns: parsed[0]?.length ?? 0,
      bytes: this.#bytes,
      sha256: this.#hash.digestHex(),
      delimiter,
      bom,
      header: parsed[0] ?? [],
      preview: parsed.slice(1),
      lineEnding: this.#scan.lineEnding,
    };
  }
}

/**
 * Counts the records of a chunk of the file's head and learns its line ending. Returns the
 * offset just past the line feed that ends record number `wanted`, when it is in this chunk,
 * else -1.
 */
function scanHead(chunk: Uint8Array, scan: ScanState, wanted: number): number {
  let cut = -1;
  splitRecords(chunk, 0, chunk.length, scan, (lf, blank) => {
    if (scan.lineEnding === null)
      scan.lineEnding = (lf > 0 ? chunk[lf - 1] : scan.lastByte) === CR ? "\r\n" : "\n";
    if (!blank) {
      scan.records++;
      if (scan.records === wanted && cut < 0) cut = lf + 1;
    }
    return undefined;
  });
  return cut;
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
