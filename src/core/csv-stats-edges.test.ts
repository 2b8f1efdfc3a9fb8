import { describe, expect, it } from "vitest";
import { nodeSha256 } from "../node/node-hash.ts";
import { CsvStatsCollector, type CsvStatsOptions } from "./csv-stats.ts";
import { countRecordsByteWise, type RecordCounter } from "./row-counter/row-counter.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const MIB = 1 << 20;

function statsOf(chunks: Uint8Array[], options: Partial<CsvStatsOptions> = {}) {
  const collector = new CsvStatsCollector({ createHasher: nodeSha256, ...options });
  for (const chunk of chunks) collector.update(chunk);
  return collector.finish();
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

const bytewise = (bytes: Uint8Array) => Array.from(bytes, (byte) => Uint8Array.of(byte));

describe("CsvStatsCollector defaults", () => {
  it("previews ten data records and cuts cells at 200 characters", () => {
    const lines = ["id;text", ...Array.from({ length: 15 }, (_, i) => `${i};${"x".repeat(250)}`)];
    const stats = statsOf([encode(lines.join("\n"))]);
    expect(stats.rows).toBe(15);
    expect(stats.preview).toHaveLength(10);
    expect(stats.preview[9]).toEqual(["9", "x".repeat(200)]);
  });

  it("cuts cells by characters, not by UTF-16 units", () => {
    const stats = statsOf([encode("a;b\n😀😀😀;😀😀\n")], { maxCellLength: 2 });
    expect(stats.preview).toEqual([["😀😀", "😀😀"]]);
  });
});

describe("CsvStatsCollector, counting past the preview", () => {
  it("hands every chunk after the preview to the counter it is given", () => {
    const seen: string[] = [];
    const countRecords: RecordCounter = (chunk, count) => {
      seen.push(new TextDecoder().decode(chunk));
      countRecordsByteWise(chunk, count);
    };
    const stats = statsOf([encode("h;i\r\n1;2\r\n"), encode("3;4\r\n"), encode("5;6\r\n")], {
      previewRows: 1,
      countRecords,
    });
    expect(seen).toEqual(["3;4\r\n", "5;6\r\n"]);
    expect(stats).toMatchObject({ rows: 3, preview: [["1", "2"]], lineEnding: "\r\n" });
  });

  it("stops collecting once the preview records are in, keeping the last of them", () => {
    // Far more than a megabyte after the preview: none of it may push the preview out.
    const rest = encode("9;z\n".repeat(300_000));
    const stats = statsOf([encode("h;i\n1;a\n2;b\n"), rest], { previewRows: 2 });
    expect(stats.rows).toBe(300_002);
    expect(stats.preview).toEqual([
      ["1", "a"],
      ["2", "b"],
    ]);
  });

  it("collects no further than the preview's last record within one large chunk", () => {
    const text = `h;i\n1;a\n2;b\n${"9;z\n".repeat(300_000)}`;
    const stats = statsOf([encode(text)], { previewRows: 2 });
    expect(stats.preview).toEqual([
      ["1", "a"],
      ["2", "b"],
    ]);
  });

  it("keeps its own copy of the preview bytes, whatever the caller does with its buffer", () => {
    const buffer = encode("h;i\n1;a\n");
    const collector = new CsvStatsCollector({ createHasher: nodeSha256 });
    collector.update(buffer);
    buffer.fill(0x78); // a reader that reuses its buffer for the next chunk
    collector.update(encode("2;b\n"));
    expect(collector.finish()).toMatchObject({ header: ["h", "i"], rows: 2 });
  });

  it("keeps a preview record that ends exactly at the megabyte", () => {
    const header = "id;text\n";
    const record = `1;${"y".repeat(MIB - header.length - 3)}\n`;
    expect(header.length + record.length).toBe(MIB);
    const stats = statsOf([encode(`${header}${record}2;z\n`)], {
      previewRows: 1,
      maxCellLength: 3,
    });
    expect(stats.rows).toBe(2);
    expect(stats.preview).toEqual([["1", "yyy"]]);
  });

  it("keeps a header cut by the megabyte, then counts on and tells its line ending", () => {
    let calls = 0;
    const countRecords: RecordCounter = (chunk, count) => {
      calls++;
      countRecordsByteWise(chunk, count);
    };
    const stats = statsOf(
      [encode(`a;${"b".repeat(MIB)}`), encode(";c\r\n1;2;3\r\n"), encode("4;5;6\r\n")],
      { countRecords, maxCellLength: 3 },
    );
    // The header alone is kept, cut short; the line ending is the first one after the cut.
    expect(stats.header).toEqual(["a", "bbb"]);
    expect(stats.lineEnding).toBe("\r\n");
    expect(stats.rows).toBe(2);
    // Once the line ending is known, the chunks go to the counter it was given.
    expect(calls).toBe(1);
  });
});

describe("CsvStatsCollector line ends", () => {
  it("takes the line ending of the first record, whatever comes after", () => {
    expect(statsOf([encode("a;b\r\n1;2\n3;4\n")]).lineEnding).toBe("\r\n");
    expect(statsOf([encode("a;b\n1;2\r\n3;4\r\n")]).lineEnding).toBe("\n");
    expect(statsOf([encode("a;b")]).lineEnding).toBeNull();
  });

  it("sees a CRLF cut by an empty chunk", () => {
    const stats = statsOf([encode("h;i\r"), new Uint8Array(0), encode("\n1;2\r\n")]);
    expect(stats).toMatchObject({ lineEnding: "\r\n", rows: 1, bytes: 10 });
  });

  it("does not count the 00 after a UTF-16LE final line feed as a record, however it is cut", () => {
    const ended = utf16le("a;b\r\n1;2\r\n");
    expect(statsOf(bytewise(ended)).rows).toBe(1);
    expect(statsOf([ended.subarray(0, -1), ended.subarray(-1)]).rows).toBe(1);
    expect(statsOf([ended]).rows).toBe(1);
  });

  it("counts a UTF-16LE last record without a line feed", () => {
    const open = utf16le("a;b\r\n1;2\r\n3;4");
    expect(statsOf([open]).rows).toBe(2);
    expect(statsOf(bytewise(open)).rows).toBe(2);
  });

  it("counts a UTF-8 file ending in a NUL after a line feed as having a record there", () => {
    expect(statsOf([encode("a;b\n1;2\n\u0000")]).rows).toBe(2);
  });

  it("tells the delimiter from the header record alone, with CRLF or LF", () => {
    for (const end of ["\r\n", "\n"]) {
      const stats = statsOf([encode(`a,b${end}1;2;3;4${end}`)]);
      expect(stats, JSON.stringify(end)).toMatchObject({
        delimiter: ",",
        columns: 2,
        header: ["a", "b"],
      });
    }
  });

  it("does not count blank lines before the header as records", () => {
    // (The delimiter is then told from the empty first line: a known gap, left for now.)
    expect(statsOf([encode("\n\r\na;b\n1;2\n")]).rows).toBe(1);
  });

  it("counts a record of spaces or tabs as a record, not a blank line", () => {
    const stats = statsOf([encode("h\n \n\t\n!\n")]);
    expect(stats).toMatchObject({ rows: 3, preview: [[" "], ["\t"], ["!"]] });
  });
});
