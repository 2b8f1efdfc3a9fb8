import { describe, expect, it } from "vitest";
import { nodeSha256 } from "../node/node-hash.ts";
import { CsvStatsCollector, type CsvStatsOptions, TOTALS_MAX_BYTES } from "./csv-stats.ts";
import { countRecordsByteWise } from "./row-counter/row-counter.ts";

const encode = (text: string) => new TextEncoder().encode(text);

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
  `\uFEFFCollaborateur;Département;Temps de présence;Commentaire\r\n` +
  `Zoé Martin;Paie;151,67;\r\n` +
  `"Dupont; Jean";RH;140,00;"Astreinte; week-end"\r\n` +
  `Éloïse;IT;"7,5";"Note ligne 1\r\nligne 2 ""citée"""\r\n` +
  `Bob;IT;0,00;fin\r\n`;

describe("CsvStatsCollector totals", () => {
  it("sums the numeric columns in the same pass as the count and the hash", () => {
    const bytes = encode(FRENCH);
    const expected = [{ column: "Temps de présence", index: 2, sum: 299.17, decimals: 2 }];
    expect(statsOf(bytes).totals).toEqual(expected);
    for (const cut of [1, 3, 60, 100, bytes.length - 1]) {
      expect(statsOf(bytes, [cut]).totals, `cut at ${cut}`).toEqual(expected);
    }
  });

  it("leaves the totals out, as null, when asked to", () => {
    expect(statsOf(encode(FRENCH), [], { totals: false }).totals).toBeNull();
  });

  it("sums every record, past the preview and the first megabyte", () => {
    const big = "y".repeat(600_000);
    const rows = Array.from({ length: 5 }, (_, i) => `${i};${big};${i},5\n`).join("");
    const bytes = encode(`id;text;hours\n${rows}`);
    // Both record counters: the fast path takes over once the preview is read.
    for (const countRecords of [undefined, countRecordsByteWise]) {
      const stats = statsOf(bytes, [100, 700_000, 2_000_000], { previewRows: 1, countRecords });
      expect(stats.rows).toBe(5);
      expect(stats.totals).toEqual([
        { column: "id", index: 0, sum: 10, decimals: 0 },
        { column: "hours", index: 2, sum: 12.5, decimals: 1 },
      ]);
    }
  });

  it("names the columns as the header shows them, cut like its cells", () => {
    const stats = statsOf(encode(`${"h".repeat(30)};b\n1;2\n`), [], { maxCellLength: 5 });
    expect(stats.header).toEqual(["hhhhh", "b"]);
    expect(stats.totals?.map((t) => t.column)).toEqual(["hhhhh", "b"]);
  });

  it("reads an NBSP as the file's encoding writes it", () => {
    // Windows-1252: the é and the NBSP are single bytes.
    const windows = statsOf(Uint8Array.from("Durée\n1\u00a0234,5\n", (c) => c.charCodeAt(0)));
    expect(windows.encoding).toBe("windows-1252");
    expect(windows.totals).toEqual([{ column: "Durée", index: 0, sum: 1234.5, decimals: 1 }]);
    const utf8 = statsOf(encode("Durée\n1\u00a0234,5\n"));
    expect(utf8.encoding).toBe("utf-8");
    expect(utf8.totals).toEqual(windows.totals);
  });
});

describe("CsvStatsCollector totals on a very large file", () => {
  it("sums up to TOTALS_MAX_BYTES and gives null past it, still counting every row", () => {
    const row = encode("Ann;7,5\n");
    const chunkRows = 64 * 1024;
    const chunk = new Uint8Array(row.length * chunkRows);
    for (let i = 0; i < chunkRows; i++) chunk.set(row, i * row.length);
    const run = (chunks: number) => {
      const collector = new CsvStatsCollector({ createHasher: nodeSha256 });
      collector.update(encode("Nom;Heures\n"));
      for (let i = 0; i < chunks; i++) collector.update(chunk);
      return collector.finish();
    };
    const within = Math.floor(TOTALS_MAX_BYTES / chunk.length) - 1;
    expect(run(within).totals?.[0]?.sum).toBe(7.5 * chunkRows * within);
    const past = run(within + 2);
    expect(past.totals).toBeNull();
    expect(past.rows).toBe(chunkRows * (within + 2));
  });
});
