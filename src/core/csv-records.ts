/**
 * The one rule by which a CSV's bytes become records, shared by the row count, the preview,
 * the diff and `commit-ignore-lines`:
 * - a record ends at a line feed outside quotes; a CR right before that line feed (or at the
 *   very end of the file) belongs to the line end, so CRLF and LF files split alike;
 * - a bare CR elsewhere is data, not a line break (Lucca writes CRLF or LF, never bare CR);
 * - a quote toggles "inside quotes", which is exact for well-formed CSV: a doubled quote
 *   leaves and re-enters;
 * - a record made of nothing but CRs is a blank line, not a record.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Where a split is between two chunks. Starts as `newRecordSplit()`. */
export interface RecordSplit {
  quoted: boolean;
  /** The record being read has a byte other than CR, so it is not a blank line. */
  content: boolean;
}

export function newRecordSplit(): RecordSplit {
  return { quoted: false, content: false };
}

/**
 * Walks bytes[from, to) and calls `onBreak(lf, blank)` at each line feed outside quotes: `lf`
 * is its offset, `blank` whether the record it ends is a blank line. When `onBreak` returns
 * `false` the walk stops there and the offset after that line feed is returned; else -1.
 */
export function splitRecords(
  bytes: Uint8Array,
  from: number,
  to: number,
  split: RecordSplit,
  onBreak: (lf: number, blank: boolean) => boolean | undefined,
): number {
  let { quoted, content } = split;
  let stop = -1;
  for (let i = from; i < to; i++) {
    const byte = bytes[i] as number;
    // Most bytes are above '"' and cost a single compare.
    // Stryker disable next-line ConditionalExpression: -> false is equivalent
    // Those bytes reach `else if (byte !== CR) content = true`, which does the same.
    if (byte > QUOTE) {
      content = true;
    } else if (byte === QUOTE) {
      quoted = !quoted;
      content = true;
    } else if (byte === LF) {
      if (!quoted) {
        const blank = !content;
        content = false;
        if (onBreak(i, blank) === false) {
          stop = i + 1;
          break;
        }
      }
    } else if (byte !== CR) {
      content = true;
    }
  }
  split.quoted = quoted;
  split.content = content;
  return stop;
}

/** A record's bytes without its line end: the CR of a CRLF (or a CR ending the file). */
export function withoutLineEnd(record: Uint8Array): Uint8Array {
  return record[record.length - 1] === CR ? record.subarray(0, record.length - 1) : record;
}

/**
 * A record's bytes as compared and matched: without its line end, and with the CRLFs inside
 * its quoted fields as LF (CRLF and LF files then compare equal).
 */
export function recordBody(record: Uint8Array): Uint8Array {
  const body = withoutLineEnd(record);
  const first = body.indexOf(CR);
  if (first < 0) return body;
  const out = new Uint8Array(body.length);
  out.set(body.subarray(0, first));
  let length = first;
  for (let i = first; i < body.length; i++) {
    const byte = body[i] as number;
    if (byte !== CR || body[i + 1] !== LF) out[length++] = byte;
  }
  return out.subarray(0, length);
}

/** Calls `onRecord` with each record of a whole buffer, without its line end; blank lines left out. */
export function forEachRecordIn(
  bytes: Uint8Array,
  onRecord: (record: Uint8Array) => boolean | undefined,
): void {
  const split = newRecordSplit();
  let start = 0;
  splitRecords(bytes, 0, bytes.length, split, (lf, blank) => {
    const record = withoutLineEnd(bytes.subarray(start, lf));
    start = lf + 1;
    return blank ? undefined : onRecord(record);
  });
  // A stop comes right after a line feed, so no record is under way then.
  if (split.content) onRecord(withoutLineEnd(bytes.subarray(start)));
}
