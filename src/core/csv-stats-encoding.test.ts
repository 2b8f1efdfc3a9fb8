import { describe, expect, it } from "vitest";
import { nodeSha256 } from "../node/node-hash.ts";
import { CsvStatsCollector } from "./csv-stats.ts";

const TEXT = 'Nom;Département;Coût\r\nZoé;"R&D; études";12,5 €\r\nÉlodie;Paie;7,0\r\n';

function utf16(text: string, order: "le" | "be"): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const units = [0xfeff, ...[...text].map((char) => char.charCodeAt(0))];
  units.forEach((unit, i) => {
    out[i * 2 + (order === "le" ? 0 : 1)] = unit & 0xff;
    out[i * 2 + (order === "le" ? 1 : 0)] = unit >> 8;
  });
  return out;
}

const cp1252 = (text: string) =>
  new Uint8Array([...text].map((char) => (char === "€" ? 0x80 : (char.codePointAt(0) as number))));

function statsOf(bytes: Uint8Array, cut: number) {
  const collector = new CsvStatsCollector({ createHasher: nodeSha256 });
  collector.update(bytes.subarray(0, cut));
  collector.update(bytes.subarray(cut));
  return collector.finish();
}

describe("CsvStatsCollector across encodings", () => {
  const cases = [
    ["utf-16le", utf16(TEXT, "le"), true],
    ["utf-16be", utf16(TEXT, "be"), true],
    ["windows-1252", cp1252(TEXT), false],
  ] as const;
  for (const [encoding, bytes, bom] of cases) {
    it(`previews a ${encoding} CSV as text, whatever the chunk cuts`, () => {
      for (const cut of [0, 1, 5, 31, bytes.length]) {
        const stats = statsOf(bytes, cut);
        expect(stats, `${encoding} cut at ${cut}`).toMatchObject({
          encoding,
          bom,
          delimiter: ";",
          columns: 3,
          bytes: bytes.length,
          header: ["Nom", "Département", "Coût"],
          preview: [
            ["Zoé", "R&D; études", "12,5 €"],
            ["Élodie", "Paie", "7,0"],
          ],
        });
      }
    });
  }

  it("counts the rows of a Windows-1252 and a UTF-16 file", () => {
    expect(statsOf(cp1252(TEXT), 7).rows).toBe(2);
    expect(statsOf(utf16(TEXT, "be"), 7).rows).toBe(2);
    expect(statsOf(utf16(TEXT, "le"), 7).rows).toBe(2);
  });
});
