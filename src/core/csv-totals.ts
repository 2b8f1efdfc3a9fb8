import { ColumnSums } from "./column-sums.ts";
import {
  isNumber,
  mantissa,
  N_CR,
  N_SKIP,
  N_START,
  newNumberScan,
  numberCharacter,
  numberDigit,
  resetNumber,
  SEP_LATIN,
  SEP_UTF8,
} from "./csv-number.ts";
import { detectDelimiter, firstRecord, parseCsvRecords } from "./csv-parse.ts";
import { newRecordSplit, type RecordSplit, splitRecords } from "./csv-records.ts";
import { createDecoder, decodeText, type StreamDecoder } from "./encoding.ts";

/** The sum of one numeric column: column sums, never a row's values. */
export interface ColumnTotal {
  /** The column's name in the header (cut like the preview's cells). */
  column: string;
  /** Its position in the header, from 0. */
  index: number;
  /** The exact sum rounded once to a double: `sum.toFixed(decimals)` prints it exactly. */
  sum: number;
  /** The most decimals one of its values had. */
  decimals: number;
}

export interface CsvTotalsOptions {
  /** Columns past this many get no total, so the state held stays small. @default 200 */
  maxColumns?: number;
}

/** The header is kept whole to read the delimiter and count columns; past this, no totals. */
const MAX_HEADER_BYTES = 1 << 20;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const ZERO = 0x30;

/** Where the scan of the data records is, between two chunks. */
interface Scan {
  /** Inside quotes by the record rule (every quote toggles), which decides where records end. */
  parity: boolean;
  /** Quoting by the field rule: 0 outside, 1 inside, 2 just after a quote inside quotes. */
  fieldQuote: number;
  /** The field has a character: a quote now is a character, not an opening. */
  started: boolean;
  /** The record has a byte other than CR (a record of CRs alone is a blank line). */
  content: boolean;
  column: number;
  /** The number grammar's state (csv-number.ts) for the field being read. */
  state: number;
}

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
  #inHeader = true;
  /** The header is too long: no totals. */
  #gaveUp = false;
  /** Every summed column has met a value that is no number. */
  #allText = false;
  #delimiter = -1;
  #mark = 0x2c;
  #columns = 0;
  #alive = 0;
  #dead: Uint8Array = new Uint8Array(0);
  #counted: Uint8Array = new Uint8Array(0);
  #separators: Uint8Array = new Uint8Array(0);
  #sums: ColumnSums = new ColumnSums(0);
  /** Bytes that end a stretch of text: bit 1 outside quotes, bit 2 inside. */
  readonly #stops = new Uint8Array(256);
  readonly #scan: Scan = {
    parity: false,
    fieldQuote: 0,
    started: false,
    content: false,
    column: 0,
    state: N_START,
  };
  readonly #number = newNumberScan();

  constructor(options: CsvTotalsOptions = {}) {
    this.#maxColumns = options.maxColumns ?? 200;
  }

  update(chunk: Uint8Array): void {
    if (this.#gaveUp || this.#allText || chunk.length === 0) return;
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
    if (this.#utf16) this.#bytes(new TextEncoder().encode(this.#utf16.decode(chunk, false)));
    else this.#bytes(chunk);
  }

  /**
   * The totals, named from the header as the preview parsed it; null when the header is
   * too long to hold. `windows1252`: the file's encoding, which decides what an NBSP looks like.
   */
  finish(header: string[], windows1252: boolean): ColumnTotal[] | null {
    if (!this.#decided && this.#start.length > 0) this.#decide(this.#start);
    if (this.#utf16)
      this.#bytes(new TextEncoder().encode(this.#utf16.decode(new Uint8Array(), true)));
    if (this.#gaveUp) return null;
    if (this.#inHeader || this.#allText) return [];
    const scan = this.#scan;
    // A CR ending the file belongs to the line end.
    if (scan.state === N_CR) scan.state = this.#number.beforeCR;
    if (scan.content) this.#endField(scan.column, scan.state);
    const latin = windows1252 && !this.#utf16;
    const totals: ColumnTotal[] = [];
    for (let index = 0; index < this.#columns && index < header.length; index++) {
      const separators = this.#separators[index] as number;
      // Bytes that only the other encoding reads as an NBSP made the value text.
      const text = separators & (latin ? SEP_UTF8 : SEP_LATIN);
      if (this.#dead[index] === 1 || this.#counted[index] === 0 || text) continue;
      totals.push({ column: header[index] as string, index, ...this.#sums.result(index) });
    }
    return totals;
  }

  #decide(start: Uint8Array): void {
    this.#decided = true;
    this.#start = new Uint8Array(0);
    if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) {
      this.#utf16 = createDecoder(start[0] === 0xff ? "utf-16le" : "utf-16be");
      this.#bytes(new TextEncoder().encode(this.#utf16.decode(start, false)));
    } else {
      const bom = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf;
      this.#bytes(bom ? start.subarray(3) : start);
    }
  }

  #bytes(bytes: Uint8Array): void {
    if (this.#gaveUp || this.#allText) return;
    let from = 0;
    if (this.#inHeader) {
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
    this.#data(bytes, from);
  }

  /** Reads the header as csv-stats.ts does, so the columns are the ones it names. */
  #startData(): void {
    this.#inHeader = false;
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
    this.#delimiter = delimiter === null ? -1 : delimiter.charCodeAt(0);
    this.#mark = delimiter === "," ? 0x2e : 0x2c;
    const columns = Math.min(fields, this.#maxColumns);
    this.#columns = columns;
    this.#alive = columns;
    this.#dead = new Uint8Array(columns);
    this.#counted = new Uint8Array(columns);
    this.#separators = new Uint8Array(columns);
    this.#sums = new ColumnSums(columns);
    for (const stop of [this.#delimiter, QUOTE, LF, CR]) if (stop >= 0) this.#stops[stop] = 1;
    this.#stops[QUOTE] = 3;
    this.#stops[LF] = 3;
    this.#scan.state = columns > 0 ? N_START : N_SKIP;
    if (columns === 0) this.#allText = true;
  }

  /** Called at the end of each field of a data record, with the number state it ended in. */
  #endField(column: number, state: number): void {
    if (column >= this.#columns || this.#dead[column] === 1 || state === N_START) return;
    const number = this.#number;
    if (!isNumber(number, state)) {
      this.#fail(column);
      return;
    }
    this.#counted[column] = 1;
    this.#separators[column] = (this.#separators[column] as number) | number.separators;
    this.#sums.add(column, number.negative, mantissa(number), number.decimals);
  }

  /** The state a field in `column` starts in. */
  #fieldStart(column: number): number {
    resetNumber(this.#number);
    return column < this.#columns && this.#dead[column] === 0 ? N_START : N_SKIP;
  }

  #data(bytes: Uint8Array, from: number): void {
    const scan = this.#scan;
    const stops = this.#stops;
    const delimiter = this.#delimiter;
    const mark = this.#mark;
    const number = this.#number;
    let { parity, fieldQuote, started, content, column, state } = scan;
    const n = bytes.length;
    chunk: for (let i = from; i < n; i++) {
      let byte = bytes[i] as number;
      if (state === N_SKIP) {
        // Text of a field that is not summed: skip to the next byte that can end it.
        if (fieldQuote === 1) {
          while ((stops[byte] as number) < 2) {
            if (++i === n) break chunk;
            byte = bytes[i] as number;
          }
        } else if (stops[byte] === 0) {
          fieldQuote = 0;
          started = true;
          content = true;
          do {
            if (++i === n) break chunk;
            byte = bytes[i] as number;
          } while (stops[byte] === 0);
        }
      }
      if (fieldQuote === 1) {
        if (byte === QUOTE) {
          parity = !parity;
          fieldQuote = 2;
          continue;
        }
      } else {
        if (byte === delimiter) {
          content = true;
          // The CR was no line end: a character of the value.
          if (state === N_CR) state = this.#fail(column);
          this.#endField(column, state);
          column++;
          state = this.#fieldStart(column);
          fieldQuote = 0;
          started = false;
          continue;
        }
        if (byte === QUOTE) {
          parity = !parity;
          content = true;
          if (fieldQuote === 0 && !started) {
            fieldQuote = 1;
          } else {
            // A doubled quote inside quotes, or a quote within a field: a character.
            fieldQuote = fieldQuote === 2 ? 1 : 0;
            started = true;
            if (state !== N_SKIP) state = this.#fail(column);
          }
          continue;
        }
        fieldQuote = 0;
        started = true;
      }
      if (byte === LF && !parity) {
        if (state === N_CR) state = number.beforeCR;
        if (content) this.#endField(column, state);
        column = 0;
        state = this.#fieldStart(0);
        fieldQuote = 0;
        started = false;
        content = false;
        if (this.#allText) break;
        continue;
      }
      if (byte !== CR) content = true;
      if (state === N_SKIP) continue;
      // A character of a summed column's value.
      const digit = byte - ZERO;
      state =
        digit >= 0 && digit <= 9
          ? numberDigit(number, state, digit)
          : numberCharacter(number, state, byte, mark);
      if (state === N_SKIP) this.#fail(column);
    }
    scan.parity = parity;
    scan.fieldQuote = fieldQuote;
    scan.started = started;
    scan.content = content;
    scan.column = column;
    scan.state = state;
  }

  /** A value of `column` is no number: the column gets no total. */
  #fail(column: number): number {
    if (column < this.#columns && this.#dead[column] === 0) {
      this.#dead[column] = 1;
      if (--this.#alive === 0) this.#allText = true;
    }
    return N_SKIP;
  }
}
