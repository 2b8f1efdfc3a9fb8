import { describe, expect, it } from "vitest";
import {
  forEachRecordIn,
  newRecordSplit,
  type RecordSplit,
  recordBody,
  splitRecords,
  withoutLineEnd,
} from "./csv-records.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Every break splitRecords reports over bytes[from, to), and what it returns. */
function breaksOf(text: string, split: RecordSplit = newRecordSplit(), from = 0, to?: number) {
  const bytes = encode(text);
  const breaks: [number, boolean][] = [];
  const stop = splitRecords(bytes, from, to ?? bytes.length, split, (lf, blank) => {
    breaks.push([lf, blank]);
    return undefined;
  });
  return { breaks, stop, split };
}

function recordsIn(text: string, stopAfter = Number.POSITIVE_INFINITY): string[] {
  const records: string[] = [];
  forEachRecordIn(encode(text), (record) => {
    records.push(decode(record));
    return records.length >= stopAfter ? false : undefined;
  });
  return records;
}

describe("newRecordSplit", () => {
  it("starts outside quotes, with no record under way", () => {
    expect(newRecordSplit()).toEqual({ quoted: false, content: false });
  });
});

describe("splitRecords", () => {
  it("reports each line feed outside quotes, with whether its record was blank", () => {
    expect(breaksOf("a;b\n\nc\r\n\r\n").breaks).toEqual([
      [3, false],
      [4, true],
      [7, false],
      [9, true],
    ]);
  });

  it("takes a quote, a space, a tab or any control byte but CR as content", () => {
    expect(breaksOf('""\n \n\t\n\u0001\n\r\r\n').breaks).toEqual([
      [2, false],
      [4, false],
      [6, false],
      [8, false],
      [11, true],
    ]);
  });

  it("skips line feeds inside quotes, a doubled quote leaving and re-entering", () => {
    const { breaks, split } = breaksOf('"a\nb";"say ""x\ny"""\nc');
    expect(breaks).toEqual([[19, false]]);
    expect(split).toEqual({ quoted: false, content: true });
  });

  it("returns -1 when walked to the end, keeping the state for the next chunk", () => {
    const first = breaksOf('id\n"open\n');
    expect(first.stop).toBe(-1);
    expect(first.split).toEqual({ quoted: true, content: true });
    // The second chunk goes on inside the quotes: its first line feed is data.
    const second = breaksOf('x\n"\n', first.split);
    expect(second.breaks).toEqual([[3, false]]);
    expect(second.split).toEqual({ quoted: false, content: false });
    // A chunk that ends after CRs only leaves no record under way.
    expect(breaksOf("a\n\r\r").split).toEqual({ quoted: false, content: false });
  });

  it("carries a record's content into the next chunk", () => {
    const first = breaksOf("ab");
    expect(first.split).toEqual({ quoted: false, content: true });
    expect(breaksOf("\r\n", first.split).breaks).toEqual([[1, false]]);
  });

  it("walks only bytes[from, to)", () => {
    expect(breaksOf("a\nb\nc\nd\n", newRecordSplit(), 2, 5).breaks).toEqual([[3, false]]);
  });

  it("stops after the line feed where onBreak says false, and returns the offset after it", () => {
    const bytes = encode("a\nb\nc\n");
    const seen: number[] = [];
    const split = newRecordSplit();
    const stop = splitRecords(bytes, 0, bytes.length, split, (lf) => {
      seen.push(lf);
      return lf === 3 ? false : undefined;
    });
    expect(stop).toBe(4);
    expect(seen).toEqual([1, 3]);
    expect(split).toEqual({ quoted: false, content: false });
  });

  it("goes on when onBreak returns true or nothing", () => {
    const bytes = encode("a\nb\nc\n");
    const seen: number[] = [];
    const stop = splitRecords(bytes, 0, bytes.length, newRecordSplit(), (lf) => {
      seen.push(lf);
      return true;
    });
    expect(stop).toBe(-1);
    expect(seen).toEqual([1, 3, 5]);
  });
});

describe("withoutLineEnd", () => {
  it("drops one CR at the end, nothing else", () => {
    expect(decode(withoutLineEnd(encode("a;b\r")))).toBe("a;b");
    expect(decode(withoutLineEnd(encode("a\r\r")))).toBe("a\r");
    expect(decode(withoutLineEnd(encode("a\rb")))).toBe("a\rb");
    expect(decode(withoutLineEnd(encode("a;b")))).toBe("a;b");
    expect(withoutLineEnd(new Uint8Array(0))).toEqual(new Uint8Array(0));
  });
});

describe("recordBody", () => {
  it("drops the line end and turns CRLFs inside the record into LF, bare CRs kept", () => {
    expect(decode(recordBody(encode('ab;"x\r\ny\rz\r\n";c\r')))).toBe('ab;"x\ny\rz\n";c');
    expect(decode(recordBody(encode("a\r\r")))).toBe("a\r");
    expect(decode(recordBody(encode("\r\n\r\nq")))).toBe("\n\nq");
  });

  it("gives a record without CR back as it is", () => {
    const record = encode('a;"b\nc"');
    expect(recordBody(record)).toBe(record);
    expect(decode(recordBody(encode("a;b\r")))).toBe("a;b");
  });
});

describe("forEachRecordIn", () => {
  it("gives each record without its line end, blank lines left out", () => {
    expect(recordsIn('h1;h2\r\n\r\n1;"a\r\nb"\r\n\n2;c\r\n\r\r\n')).toEqual([
      "h1;h2",
      '1;"a\r\nb"',
      "2;c",
    ]);
  });

  it("gives a last record that has no line end, without a final CR", () => {
    expect(recordsIn("a\nb\r")).toEqual(["a", "b"]);
    expect(recordsIn("a\n\r")).toEqual(["a"]);
    expect(recordsIn("")).toEqual([]);
  });

  it("stops at the record where onRecord says false, the last one included", () => {
    expect(recordsIn("a\n\nb\nc\nd", 2)).toEqual(["a", "b"]);
    expect(recordsIn("a\nb\nc", 2)).toEqual(["a", "b"]);
    expect(recordsIn("a\nb", 3)).toEqual(["a", "b"]);
  });
});
