import { type Delimiter, detectDelimiter, firstRecord, parseCsvRecords } from "./csv-parse.ts";
import { type ColumnTotal, CsvTotals } from "./csv-totals.ts";
import { decodeHead, type TextEncodingName } from "./encoding.ts";
import type { Hasher } from "./hasher.ts";
import { bestRecordCounter, type RecordCounter } from "./row-counter/row-counter.ts";

export interface CsvStats {
  /** Data records, header excluded. */
  rows: number;
  /** Fields in the header record. */
  columns: number;
  bytes: number;
  sha256: string;
  delimiter: Delimiter | null;
  /** Told from the first records (up to 1 MiB); the file itself is kept byte for byte. */
  encoding: TextEncodingName;
  /** The file opens with a byte-order mark (UTF-8 or UTF-16). */
  bom: boolean;
  header: string[];
  /** The first data records, parsed. */
  preview: string[][];
  lineEnding: "\r\n" | "\n" | null;
  /**
   * The sum of each numeric column, in header order (csv-totals.ts says which are numeric);
   * null when not computed (the `totals` option, or a header over 1 MiB).
   */
  totals: ColumnTotal[] | null;
}

export interface CsvStatsOptions {
  /** Data records kept for the preview. @default 10 */
  previewRows?: number;
  /** Preview cells are cut to this many characters. @default 200 */
  maxCellLength?: number;
  /** A new SHA-256 (node:crypto's, from the adapters). */
  createHasher: () => Hasher;
  /** @default WebAssembly SIMD where the runtime has it, else the word-wise JavaScript counter */
  countRecords?: RecordCounter;
  /** Sum the numeric columns on the way (not worth it for a file that is no CSV). @default true */
  totals?: boolean;
  /** Past this many bytes the totals are dropped (null). @default TOTALS_MAX_BYTES */
  totalsMaxBytes?: number;
}

/**
 * Totals cost about as much CPU as the rest of the pass together (bench/csv-totals.ts): they
 * are summed for files up to this size (a payroll month is a few MiB), and null beyond it, so
 * a very large download costs what it did.
 */
export const TOTALS_MAX_BYTES = 64 * 1024 * 1024;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
/** The preview never holds more than this, however long its records are. */
const MAX_PREVIEW_BYTES = 1 << 20;

/** Where the scan is between two chunks. */
interface ScanState {
  records: number;
  quoted: boolean;
  /** The record being read has a byte other than CR (a blank line is not a record). */
  content: boolean;
  lineEnding: "\r\n" | "\n" | null;
  /** The byte before the current chunk, or -1. */
  lastByte: number;
}

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
  readonly #countRecords: RecordCounter;
  readonly #totalsMaxBytes: number;
  #totals: CsvTotals | undefined;
  #bytes = 0;
  readonly #scan: ScanState = {
    records: 0,
    quoted: false,
    content: false,
    lineEnding: null,
    // Stryker disable next-line UnaryOperator: equivalent
    // Any value but CR or LF means no byte.
    lastByte: -1,
  };
  #head: Uint8Array[] = [];
  #headBytes = 0;
  #collecting = true;
  /** The preview bytes ran out before the last preview record ended. */
  #headCut = false;
  // Stryker disable next-line UnaryOperator: equivalent
  // Any value but CR or LF means no byte.
  #byteBeforeLast = -1;

  constructor(options: CsvStatsOptions) {
    this.#previewRows = options.previewRows ?? 10;
    this.#maxCellLength = options.maxCellLength ?? 200;
    this.#hash = options.createHasher();
    this.#countRecords = options.countRecords ?? bestRecordCounter();
    this.#totals = options.totals === false ? undefined : new CsvTotals();
    this.#totalsMaxBytes = options.totalsMaxBytes ?? TOTALS_MAX_BYTES;
  }

  update(chunk: Uint8Array): void {
    this.#bytes += chunk.byteLength;
    this.#hash.update(chunk);
    if (this.#totals && this.#bytes > this.#totalsMaxBytes) this.#totals = undefined;
    this.#totals?.update(chunk);
    const scan = this.#scan;
    if (!this.#collecting && scan.lineEnding !== null) {
      this.#countRecords(chunk, scan);
    } else {
      const cut = scanBytes(chunk, 0, chunk.length, scan, this.#previewRows + 1);
      // -1 when the preview's last record does not end in this chunk.
      if (this.#collecting) this.#collect(cut === -1 ? chunk : chunk.subarray(0, cut), cut !== -1);
    }
    if (chunk.length > 0) {
      this.#byteBeforeLast = chunk.length > 1 ? (chunk[chunk.length - 2] as number) : scan.lastByte;
      scan.lastByte = chunk[chunk.length - 1] as number;
    }
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
    const head = concat(this.#head, this.#headBytes);
    // The decoder drops a leading BOM, which must not become part of the first column name.
    const { text, encoding, bom } = decodeHead(head);
    // In UTF-16LE a final line feed is 0A 00: the 00 alone is no record.
    const lastLineFeed =
      encoding === "utf-16le" && this.#scan.lastByte === 0 && this.#byteBeforeLast === LF;
    const records = this.#scan.records + (this.#scan.content && !lastLineFeed ? 1 : 0);
    const delimiter = detectDelimiter(firstRecord(text));
    const parsed = parseCsvRecords(text, delimiter, this.#previewRows + 1);
    // A record cut by the size limit would show fewer fields than it has.
    if (this.#headCut && parsed.length > 1) parsed.pop();
    // By characters, so that no surrogate pair is cut in two.
    const cutCell = (cell: string) => Array.from(cell).slice(0, this.#maxCellLength).join("");
    const header = (parsed[0] ?? []).map(cutCell);
    return {
      rows: Math.max(0, records - 1),
      columns: header.length,
      bytes: this.#bytes,
      sha256: this.#hash.digestHex(),
      delimiter,
      encoding,
      bom,
      header,
      preview: parsed.slice(1).map((record) => record.map(cutCell)),
      lineEnding: this.#scan.lineEnding,
      totals: this.#totals ? this.#totals.finish(header, encoding === "windows-1252") : null,
    };
  }
}

/**
 * Scans chunk[from, to) byte by byte. Returns the offset just past the line feed that ends
 * record number `wanted` when it is in this range, else -1.
 */
function scanBytes(
  chunk: Uint8Array,
  from: number,
  to: number,
  scan: ScanState,
  wanted: number,
): number {
  let { records, quoted, content, lineEnding } = scan;
  let cut = -1;
  for (let i = from; i < to; i++) {
    const byte = chunk[i] as number;
    // Most bytes are above '"' and cost a single compare.
    // Stryker disable next-line ConditionalExpression, BlockStatement: equivalent
    // -> false or {}: those bytes reach `else if (byte !== CR) content = true`, which does the
    // same.
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
          lineEnding = (i > 0 ? chunk[i - 1] : scan.lastByte) === CR ? "\r\n" : "\n";
        if (content) {
          records++;
          content = false;
          // Records only grow, so they equal `wanted` at one line feed at most.
          if (records === wanted) cut = i + 1;
        }
      }
    } else if (byte !== CR) {
      content = true;
    }
  }
  scan.records = records;
  scan.quoted = quoted;
  scan.content = content;
  scan.lineEnding = lineEnding;
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
