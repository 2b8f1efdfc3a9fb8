import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { nodeSha256 } from "../node/node-hash.ts";
import { CsvStatsCollector, type CsvStatsOptions, csvStatsTransform } from "./csv-stats.ts";
import { countRecordsWordWise } from "./row-counter/row-counter.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const BOM = "\uFEFF";

function statsOf(bytes: Uint8Array, cuts: number[] = [], options: Partial<CsvStatsOptions> = {}) {
  const collector = new CsvStatsCollector({ createHasher: nodeSha256, ...options });
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    collector.update(bytes.subarray(from, cut));
    from = cut;
  }
  return collector.finish();
}

const FRENCH =
  `${BOM}Collaborateur;Département;Temps;Commentaire\r\n` +
  `Zoé Martin;Paie;151,67;\r\n` +
  `"Dupont; Jean";RH;140,00;"Astreinte; week-end"\r\n` +
  `Éloïse;IT;"7,5";"Note ligne 1\r\nligne 2 ""citée"""\r\n` +
  `Bob;IT;0,00;fin\r\n`;

describe("CsvStatsCollector", () => {
  it("counts rows and columns of a French Lucca CSV with a BOM and quoted line breaks", () => {
    const bytes = encode(FRENCH);
    const stats = statsOf(bytes);
    expect(stats).toMatchObject({
      rows: 4,
      columns: 4,
      bytes: bytes.length,
      delimiter: ";",
      bom: true,
      lineEnding: "\r\n",
    });
    expect(stats.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(stats.header).toEqual(["Collaborateur", "Département", "Temps", "Commentaire"]);
    expect(stats.preview[1]).toEqual(["Dupont; Jean", "RH", "140,00", "Astreinte; week-end"]);
    expect(stats.preview[2]).toEqual(["Éloïse", "IT", "7,5", 'Note ligne 1\r\nligne 2 "citée"']);
  });

  it("gives the same result however the bytes are cut, even inside characters and quotes", () => {
    const bytes = encode(FRENCH);
    const whole = statsOf(bytes);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(statsOf(bytes, [cut]), `cut at ${cut}`).toEqual(whole);
    }
    expect(
      statsOf(
        bytes,
        Array.from({ length: bytes.length }, (_, i) => i),
      ),
    ).toEqual(whole);
  });

  it("reads LF files with commas, without a BOM and without a final line break", () => {
    const stats = statsOf(encode('Employee,Hours\nAda,"1,5"\n"Bob\nSmith",2'));
    expect(stats).toMatchObject({
      rows: 2,
      columns: 2,
      delimiter: ",",
      bom: false,
      lineEnding: "\n",
    });
    expect(stats.preview).toEqual([
      ["Ada", "1,5"],
      ["Bob\nSmith", "2"],
    ]);
  });

  it("does not count a trailing line break or blank lines as rows", () => {
    expect(statsOf(encode("a;b\r\n1;2\r\n\r\n")).rows).toBe(1);
    expect(statsOf(encode("a;b\n\n1;2\n\n")).rows).toBe(1);
  });

  it("handles an empty file, a header alone and a single column", () => {
    expect(statsOf(new Uint8Array())).toMatchObject({
      rows: 0,
      columns: 0,
      bytes: 0,
      delimiter: null,
      header: [],
    });
    expect(statsOf(encode("a;b;c\r\n"))).toMatchObject({ rows: 0, columns: 3 });
    expect(statsOf(encode("name\nAda\nBob\n"))).toMatchObject({
      rows: 2,
      columns: 1,
      delimiter: null,
    });
  });

  it("keeps only the preview rows asked for, with long cells cut", () => {
    const lines = ["id;text", ...Array.from({ length: 50 }, (_, i) => `${i};${"x".repeat(500)}`)];
    const stats = statsOf(encode(lines.join("\n")), [], { previewRows: 3, maxCellLength: 20 });
    expect(stats.rows).toBe(50);
    expect(stats.preview).toHaveLength(3);
    expect(stats.preview[2]).toEqual(["2", "x".repeat(20)]);
    expect(statsOf(encode(lines.join("\n")), [], { previewRows: 0 }).preview).toEqual([]);
  });

  it("detects the delimiter on the whole header record, across a quoted line break", () => {
    // The first physical line holds one comma and no semicolon.
    const stats = statsOf(encode('"Nom, prénom\nlégal";Heures;Date\nAda;7;2026-10-01\n'));
    expect(stats).toMatchObject({ delimiter: ";", columns: 3, rows: 1 });
    expect(stats.header).toEqual(["Nom, prénom\nlégal", "Heures", "Date"]);
  });

  it("detects each delimiter, the most frequent one winning", () => {
    expect(statsOf(encode("a\tb\tc\n1\t2\t3\n")).delimiter).toBe("\t");
    expect(statsOf(encode("a|b|c\n")).delimiter).toBe("|");
    expect(statsOf(encode("a,b;c;d\n")).delimiter).toBe(";");
    expect(statsOf(encode('"a;b";"c;d",e,f\n')).delimiter).toBe(",");
  });

  it("detects a BOM cut across chunks and keeps it out of the first column name", () => {
    const bytes = encode(`${BOM}id;name\n1;x\n`);
    for (const cuts of [[1], [2], [1, 2], [3]]) {
      const stats = statsOf(bytes, cuts);
      expect(stats).toMatchObject({ bom: true, bytes: bytes.length, header: ["id", "name"] });
      expect(stats.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
    expect(statsOf(encode("id;name\n")).bom).toBe(false);
  });

  it("keeps the preview within a megabyte, without a record cut short", () => {
    const big = "y".repeat(600_000);
    const bytes = encode(`id;text;end\n1;${big};a\n2;${big};b\n3;${big};c\n`);
    const stats = statsOf(bytes, [100, 700_000], { previewRows: 3, maxCellLength: 5 });
    expect(stats.rows).toBe(3);
    expect(stats.preview).toEqual([["1", "yyyyy", "a"]]);
  });

  it("counts large inputs fed in many chunks", () => {
    const row = '"a;b";"line\r\nbreak";3,5\r\n';
    const bytes = encode(`h1;h2;h3\r\n${row.repeat(20_000)}`);
    const cuts = Array.from(
      { length: 500 },
      (_, i) => Math.floor((i * bytes.length) / 500) + (i % 7),
    );
    expect(statsOf(bytes, cuts)).toMatchObject({ rows: 20_000, columns: 3 });
  });

  it("counts like a byte-by-byte reading, whatever the text, the cuts and the alignment", () => {
    // The collector reads four bytes at a time where it can; this is the plain rule.
    const reference = (bytes: Uint8Array) => {
      let records = 0;
      let quoted = false;
      let content = false;
      for (const byte of bytes) {
        if (byte === 0x22) quoted = !quoted;
        if (byte === 0x0a && !quoted) {
          if (content) records++;
          content = false;
        } else if (byte !== 0x0d) content = true;
      }
      return records + (content ? 1 : 0);
    };
    const pieces = ["a", "bc;", "é", '"', '""', "\r", "\n", "\r\n", "\n\n", "\r\n\r\n", "text;1,5"];
    let seed = 7;
    const random = (below: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % below;
    };
    for (let run = 0; run < 300; run++) {
      const text = Array.from({ length: random(2000) }, () => pieces[random(pieces.length)]);
      const bytes = encode(`h1;h2\r\n${text.join("")}`);
      // Copied behind 0-3 bytes, so the chunks start at every alignment.
      const shift = random(4);
      const shifted = new Uint8Array(bytes.length + shift);
      shifted.set(bytes, shift);
      const cuts: number[] = [];
      for (let at = random(300); at < bytes.length; at += 1 + random(300)) cuts.push(at);
      for (const countRecords of [undefined, countRecordsWordWise]) {
        const options = { previewRows: random(3), ...(countRecords && { countRecords }) };
        const stats = statsOf(shifted.subarray(shift), cuts, options);
        expect(stats.rows + 1).toBe(reference(bytes));
      }
    }
  });

  it("splits the preview by the same rule as the count: a bare CR is data, not a line break", () => {
    const stats = statsOf(encode("id;note\r\n1;a\rb\r\n\r\n2;c\n"));
    expect(stats.rows).toBe(2);
    expect(stats.preview).toEqual([
      ["1", "a\rb"],
      ["2", "c"],
    ]);
  });

  it("passes bytes through a stream unchanged", async () => {
    const collector = new CsvStatsCollector({ createHasher: nodeSha256 });
    const chunks: Uint8Array[] = [];
    await new Blob([FRENCH])
      .stream()
      .pipeThrough(csvStatsTransform(collector))
      .pipeTo(new WritableStream({ write: (chunk) => void chunks.push(chunk) }));
    expect(Buffer.concat(chunks).toString("utf8")).toBe(FRENCH);
    expect(collector.finish().rows).toBe(4);
  });
});
