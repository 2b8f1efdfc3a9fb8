import { type RecordSplit, splitRecords } from "../csv-records.ts";
import { ROW_COUNTER_WASM_BASE64 } from "./row-counter-wasm.ts";

/** A running count of the records (blank lines left out) of a CSV streaming past. */
export interface RecordCount extends RecordSplit {
  records: number;
}

/** Adds the records ended in `chunk` to `count` (the record still open is `count.content`). */
export type RecordCounter = (chunk: Uint8Array, count: RecordCount) => void;

/** Counts by csv-records.ts's rule one byte at a time: the reference the fast counters match. */
export function countRecordsByteWise(chunk: Uint8Array, count: RecordCount): void {
  countRange(chunk, 0, chunk.length, count);
}

function countRange(chunk: Uint8Array, from: number, to: number, count: RecordCount): void {
  let records = 0;
  splitRecords(chunk, from, to, count, (_lf, blank) => {
    if (!blank) records++;
    return undefined;
  });
  count.records += records;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
/** The word-at-a-time scan reads bytes out of 32-bit words in little-endian order. */
// Stryker disable next-line ConditionalExpression, EqualityOperator, ArrayDeclaration: equivalent
// On a little-endian machine the byte-wise path gives the same count.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The JavaScript counter, for runtimes without WebAssembly SIMD: four bytes at a time. A word
 * without a quote, and without a line feed followed by another line break, needs no
 * byte-by-byte look (about four times faster on Lucca's files); other words take the rule
 * byte by byte.
 */
export function countRecordsWordWise(chunk: Uint8Array, count: RecordCount): void {
  const length = chunk.length;
  const head = LITTLE_ENDIAN ? Math.min(length, (4 - (chunk.byteOffset & 3)) & 3) : length;
  const words = (length - head) >> 2;
  countRange(chunk, 0, head, count);
  if (words > 0) {
    const view = new Int32Array(chunk.buffer, chunk.byteOffset + head, words);
    let { records, quoted, content } = count;
    for (let w = 0; w < words; w++) {
      const word = view[w] as number;
      const quotes = zeroBytes(word ^ 0x22222222);
      // Inside a quoted field only a quote changes anything.
      // Stryker disable next-line ConditionalExpression: speed only
      // -> false: the word takes the byte-wise path.
      if (quotes === 0 && quoted) continue;
      const lf = zeroBytes(word ^ 0x0a0a0a0a);
      const breaks = lf | zeroBytes(word ^ 0x0d0d0d0d);
      // Every line feed here ends a record with content: the bytes after a line feed are
      // text, and so is the first byte when the record had none yet.
      // Stryker disable next-line ConditionalExpression, LogicalOperator: speed only
      // The fast path's condition -> false, or stricter: the word takes the byte-wise path.
      if (quotes === 0 && ((lf << 8) & breaks) === 0 && (content || (breaks & 0x80) === 0)) {
        records += Math.imul(lf >>> 7, 0x01010101) >>> 24;
        content = lf >= 0; // false only when the last byte is a line feed
        continue;
      }
      // The byte-by-byte rule, inlined: a call per word would cost more than the word.
      for (let i = head + w * 4, end = i + 4; i < end; i++) {
        const byte = chunk[i] as number;
        if (byte === QUOTE) {
          quoted = !quoted;
          content = true;
        } else if (byte === LF) {
          if (!quoted && content) {
            records++;
            content = false;
          }
        } else if (byte !== CR) {
          content = true;
        }
      }
    }
    count.records = records;
    count.quoted = quoted;
    count.content = content;
  }
  countRange(chunk, head + words * 4, length, count);
}

/** 0x80 in each byte of `x` that is zero, 0 in the others (exact: no borrow across bytes). */
function zeroBytes(x: number): number {
  // Stryker disable next-line UnaryOperator: speed only
  // Without `~` no word looks free of quotes and line feeds: all take the byte-wise path.
  return ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | 0 | x | 0x7f7f7f7f);
}

/** Bytes copied into the module's memory per call (its memory has a page more). */
const WINDOW = 1 << 20;

interface RowCounterExports {
  memory: WebAssembly.Memory;
  quoted: WebAssembly.Global;
  content: WebAssembly.Global;
  count(length: number, quoted: number, content: number): number;
}

/**
 * The WebAssembly SIMD counter (row-counter.wat), or undefined where the runtime has no
 * WebAssembly or no SIMD. Compiled synchronously: the module is under 1 KiB, and Node and
 * Deno allow that, so the stats collector needs no async set-up.
 */
export function wasmRecordCounter(): RecordCounter | undefined {
  let exports: RowCounterExports;
  try {
    // Without WebAssembly this throws a ReferenceError, without SIMD a CompileError.
    const bytes = Uint8Array.from(atob(ROW_COUNTER_WASM_BASE64), (char) => char.charCodeAt(0));
    exports = new WebAssembly.Instance(new WebAssembly.Module(bytes))
      .exports as unknown as RowCounterExports;
  } catch {
    return undefined;
  }
  const memory = new Uint8Array(exports.memory.buffer, 0, WINDOW);
  return (chunk, count) => {
    // Stryker disable next-line EqualityOperator: `<=` is equivalent
    // The extra window is empty.
    for (let from = 0; from < chunk.length; from += WINDOW) {
      const window = chunk.subarray(from, Math.min(chunk.length, from + WINDOW));
      const blocks = window.length & ~63;
      // Stryker disable next-line ConditionalExpression, EqualityOperator: equivalent
      // `blocks >= 0` or true: count(0, q, c) returns 0 and hands q and c back unchanged.
      if (blocks > 0) {
        memory.set(window.subarray(0, blocks));
        count.records += exports.count(blocks, count.quoted ? 1 : 0, count.content ? 1 : 0);
        count.quoted = exports.quoted.value === 1;
        count.content = exports.content.value === 1;
      }
      countRange(window, blocks, window.length, count);
    }
  };
}

let best: RecordCounter | undefined;

/** The fastest counter this runtime runs: WebAssembly SIMD, else the word-wise JavaScript one. */
export function bestRecordCounter(): RecordCounter {
  best ??= wasmRecordCounter() ?? countRecordsWordWise;
  return best;
}
