import {
  type Culture,
  headerLine,
  type LineEnding,
  NUMBER_DIGITS,
  PERIOD,
  periodSeed,
  rowParts,
} from "./csv-rows.ts";

export type { Culture, LineEnding } from "./csv-rows.ts";

export interface CsvOptions {
  /** Data rows after the header; at most MAX_CSV_ROWS. */
  rows: number;
  culture: Culture;
  /** @default culture === "fr" */
  bom?: boolean;
  /** @default "\r\n" */
  lineEnding?: LineEnding;
  /** The report period; it seeds the numbers. */
  startsOn?: string | null;
  endsOn?: string | null;
}

/** Employee numbers have 8 digits. */
export const MAX_CSV_ROWS = 10 ** NUMBER_DIGITS - 1;

const CHUNK_BYTES = 64 * 1024;
const BOM = [0xef, 0xbb, 0xbf];

/** One PERIOD of rows, encoded once, with placeholder employee numbers. */
interface Layout {
  head: Buffer;
  block: Buffer;
  /** Byte offset of each row in `block`; PERIOD + 1 entries. */
  rowStart: Uint32Array;
  /** Byte offset of each row's employee number in `block`. */
  numberAt: Uint32Array;
}

const layouts = new Map<string, Layout>();
const MAX_LAYOUTS = 16;

function layoutFor(options: CsvOptions): Layout {
  const bom = options.bom ?? options.culture === "fr";
  const eol = options.lineEnding ?? "\r\n";
  const seed = periodSeed(options.startsOn, options.endsOn);
  const key = `${options.culture}|${bom}|${eol === "\n" ? "lf" : "crlf"}|${seed}`;
  let layout = layouts.get(key);
  if (!layout) {
    layout = buildLayout(options.culture, bom, eol, seed);
    if (layouts.size >= MAX_LAYOUTS) {
      const oldest = layouts.keys().next().value;
      if (oldest !== undefined) layouts.delete(oldest);
    }
    layouts.set(key, layout);
  }
  return layout;
}

function buildLayout(culture: Culture, bom: boolean, eol: LineEnding, seed: number): Layout {
  const header = Buffer.from(headerLine(culture, eol), "utf8");
  const head = bom ? Buffer.concat([Buffer.from(BOM), header]) : header;
  const placeholder = "0".repeat(NUMBER_DIGITS);
  const rowStart = new Uint32Array(PERIOD + 1);
  const numberAt = new Uint32Array(PERIOD);
  const pieces: string[] = [];
  let offset = 0;
  for (let k = 0; k < PERIOD; k++) {
    const { before, after } = rowParts(k + 1, seed, culture, eol);
    rowStart[k] = offset;
    numberAt[k] = offset + Buffer.byteLength(before, "utf8");
    offset += Buffer.byteLength(before, "utf8") + NUMBER_DIGITS + Buffer.byteLength(after, "utf8");
    pieces.push(before, placeholder, after);
  }
  rowStart[PERIOD] = offset;
  return { head, block: Buffer.from(pieces.join(""), "utf8"), rowStart, numberAt };
}

function checkRows(rows: number): number {
  if (!Number.isSafeInteger(rows) || rows < 0 || rows > MAX_CSV_ROWS) {
    throw new RangeError(
      `Cannot generate a CSV with ${rows} rows: expected an integer from 0 to ${MAX_CSV_ROWS}`,
    );
  }
  return rows;
}

/** Exact size in bytes of the CSV that csvChunks yields, in O(1) once the layout is built. */
export function csvByteLength(options: CsvOptions): number {
  const rows = checkRows(options.rows);
  const { head, rowStart } = layoutFor(options);
  const blockBytes = rowStart[PERIOD] ?? 0;
  return head.length + Math.floor(rows / PERIOD) * blockBytes + (rowStart[rows % PERIOD] ?? 0);
}

function writeNumber(target: Buffer, at: number, value: number): void {
  let rest = value;
  for (let i = at + NUMBER_DIGITS - 1; i >= at; i--) {
    target[i] = 48 + (rest % 10);
    rest = Math.floor(rest / 10);
  }
}

/**
 * The CSV as fresh chunks of about 64 KiB (the first one is the BOM and header). Each chunk
 * is copied from the precomputed block and gets its employee numbers patched in, so the cost
 * per byte is close to a memcpy.
 */
export function* csvChunks(options: CsvOptions): Generator<Buffer> {
  const rows = checkRows(options.rows);
  const { head, block, rowStart, numberAt } = layoutFor(options);
  yield Buffer.from(head);
  let row = 0;
  while (row < rows) {
    let end = row;
    let size = 0;
    while (end < rows && size < CHUNK_BYTES) {
      const k = end % PERIOD;
      size += (rowStart[k + 1] ?? 0) - (rowStart[k] ?? 0);
      end++;
    }
    const chunk = Buffer.allocUnsafe(size);
    let at = 0;
    // A chunk may wrap around the end of the block: one copy per block segment.
    while (row < end) {
      const first = row % PERIOD;
      const stop = Math.min(PERIOD, first + (end - row));
      const from = rowStart[first] ?? 0;
      const to = rowStart[stop] ?? 0;
      block.copy(chunk, at, from, to);
      for (let k = first; k < stop; k++) {
        writeNumber(chunk, at + (numberAt[k] ?? 0) - from, row + (k - first) + 1);
      }
      at += to - from;
      row += stop - first;
    }
    yield chunk;
  }
}
