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
  it("sums up to the cap and gives null past it, still counting every row", () => {
    expect(TOTALS_MAX_BYTES).toBe(64 * 1024 * 1024);
    const cap = 64 * 1024;
    const row = encode("Ann;7,5\n");
    const run = (rows: number) => {
      const collector = new CsvStatsCollector({ createHasher: nodeSha256, totalsMaxBytes: cap });
      collector.update(encode("Nom;Heures\n"));
      for (let i = 0; i < rows; i++) collector.update(row);
      return collector.finish();
    };
    const within = Math.floor((cap - 11) / row.length);
    expect(run(within).totals?.[0]?.sum).toBe(7.5 * within);
    const past = run(within + 1);
    expect(past.totals).toBeNull();
    expect(past.rows).toBe(within + 1);
  });
});
