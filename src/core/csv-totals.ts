import { ColumnTally, type ColumnTotal } from "./column-tally.ts";
import { detectDelimiter, firstRecord, parseCsvRecords } from "./csv-parse.ts";
import { newRecordSplit, type RecordSplit, splitRecords } from "./csv-records.ts";
import { TotalsScan } from "./csv-totals-scan.ts";
import { createDecoder, decodeText, type StreamDecoder } from "./encoding.ts";

export type { ColumnTotal } from "./column-tally.ts";

export interface CsvTotalsOptions {
  /** Columns past this many get no total, so the state held stays small. @default 200 */
  maxColumns?: number;
}

/** The header is kept whole to read the delimiter and count columns; past this, no totals. */
const MAX_HEADER_BYTES = 1 << 20;
const UTF8 = new TextEncoder();

/**
 * Sums each numeric column of a CSV while it streams past, in one pass over its bytes:
 * records and fields split by csv-records.ts's and csv-parse.ts's rules wherever the chunks
 * are cut; numbers as the user's culture writes them (a decimal point when the delimiter is
 * a comma, else a decimal comma; thousands grouped by a space, NBSP or narrow NBSP in
 * strict groups of three). A column is summed when it has a number and every non-empty
 * value is one. Nothing of a row is kept: each value is added and forgotten.
 *
 * UTF-8 and Windows-1252 are read as bytes (the syntax is ASCII in both). UTF-16, told by
 * its byte-order mark as encoding.ts does, is decoded and re-encoded as UTF-8 chunk by chunk:
 * it is rare enough that a second path through the bytes would cost more than it saves.
 */
export class CsvTotals {
  readonly #maxColumns: number;
  /** The first bytes, until they tell UTF-16 from the rest. */
  #start: Uint8Array = new Uint8Array(0);
  #utf16: StreamDecoder | undefined;
  #decided = false;
  readonly #headerSplit: RecordSplit = newRecordSplit();
  #header: Uint8Array[] = [];
  #headerBytes = 0;
  /** The header is too long: no totals. */
  #gaveUp = false;
  /** Both set once the header is read. */
  #tally: ColumnTally | undefined;
  #scan: TotalsScan | undefined;

  constructor(options: CsvTotalsOptions = {}) {
    this.#maxColumns = options.maxColumns ?? 200;
  }

  update(chunk: Uint8Array): void {
    if (this.#gaveUp || this.#tally?.allText || chunk.length === 0) return;
    if (!this.#decided) {
      const start = new Uint8Array(this.#start.length + chunk.length);
      start.set(this.#start);
      start.set(chunk, this.#start.length);
      // Three bytes tell a UTF-8 BOM; two tell UTF-16's.
      if (start.length < 3) {
        this.#start = start;
        return;
      }
      this.#decide(start);
      return;
    }
    if (this.#utf16) this.#bytes(UTF8.encode(this.#utf16.decode(chunk, false)));
    else this.#bytes(chunk);
  }

  /**
   * The totals, named from the header as the preview parsed it; null when the header is
   * too long to hold. `windows1252`: the file's encoding, which decides what an NBSP looks like.
   */
  finish(header: string[], windows1252: boolean): ColumnTotal[] | null {
    if (!this.#decided && this.#start.length > 0) this.#decide(this.#start);
    if (this.#utf16) this.#bytes(UTF8.encode(this.#utf16.decode(new Uint8Array(), true)));
    if (this.#gaveUp) return null;
    if (!this.#scan || !this.#tally) return [];
    this.#scan.end();
    return this.#tally.totals(header, windows1252 && !this.#utf16);
  }

  #decide(start: Uint8Array): void {
    this.#decided = true;
    this.#start = new Uint8Array(0);
    if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) {
      this.#utf16 = createDecoder(start[0] === 0xff ? "utf-16le" : "utf-16be");
      this.#bytes(UTF8.encode(this.#utf16.decode(start, false)));
    } else {
      const bom = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf;
      this.#bytes(bom ? start.subarray(3) : start);
    }
  }

  #bytes(bytes: Uint8Array): void {
    if (this.#gaveUp) return;
    let from = 0;
    if (!this.#scan) {
      from = splitRecords(bytes, 0, bytes.length, this.#headerSplit, (_lf, blank) => blank);
      const part = from === -1 ? bytes : bytes.subarray(0, from);
      this.#headerBytes += part.length;
      if (this.#headerBytes > MAX_HEADER_BYTES) {
        this.#gaveUp = true;
        this.#header = [];
        return;
      }
      this.#header.push(part.slice());
      if (from === -1) return;
      this.#startData();
    }
    // A plain view: a Buffer among Uint8Arrays would make every byte read in the scan polymorphic.
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    (this.#scan as TotalsScan).scan(view, from);
  }

  /** Reads the header as csv-stats.ts does, so the columns are the ones it names. */
  #startData(): void {
    const whole = new Uint8Array(this.#headerBytes);
    let offset = 0;
    for (const part of this.#header) {
      whole.set(part, offset);
      offset += part.length;
    }
    this.#header = [];
    // Byte for byte: the delimiters, quotes and line ends are ASCII in every encoding read here.
    const text = decodeText(whole, "windows-1252");
    const delimiter = detectDelimiter(firstRecord(text));
    const fields = parseCsvRecords(text, delimiter, 1)[0]?.length ?? 0;
    this.#tally = new ColumnTally(Math.min(fields, this.#maxColumns));
    this.#scan = new TotalsScan(
      this.#tally,
      delimiter === null ? -1 : delimiter.charCodeAt(0),
      delimiter === "," ? 0x2e : 0x2c,
    );
  }
}
