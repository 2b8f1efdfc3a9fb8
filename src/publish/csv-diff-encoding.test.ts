import { mkdtempSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffCsvFiles, normalisedSha256 } from "./csv-diff.ts";

const dir = mkdtempSync(join(tmpdir(), "csv-diff-enc-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BEFORE = "Nom;Département\r\nZoé;Paie\r\nExporté le 01/11;\r\n";
const AFTER = "Nom;Département\r\nZoé;Paie\r\nÉlodie;Coût €\r\nExporté le 02/11;\r\n";

const encoders = {
  "utf-16le": (text: string) => Buffer.from(`\uFEFF${text}`, "utf16le"),
  "utf-16be": (text: string) => Buffer.from(`\uFEFF${text}`, "utf16le").swap16(),
  "windows-1252": (text: string) =>
    Buffer.from([...text].map((char) => (char === "€" ? 0x80 : (char.codePointAt(0) as number)))),
};

describe("diffCsvFiles across encodings", () => {
  for (const [encoding, encode] of Object.entries(encoders)) {
    it(`compares ${encoding} files record by record and shows examples as text`, async () => {
      const before = join(dir, `${encoding}-before.csv`);
      const after = join(dir, `${encoding}-after.csv`);
      await writeFile(before, encode(BEFORE));
      await writeFile(after, encode(AFTER));
      const diff = await diffCsvFiles(before, after, { ignoreLines: /^Exporté le/ });
      expect(diff).toEqual({
        changed: true,
        added: 1,
        removed: 0,
        addedExamples: ["Élodie;Coût €"],
        removedExamples: [],
        comparedRecords: true,
      });
      // The same text in another encoding normalises to the same hash.
      const utf8 = join(dir, `${encoding}-utf8.csv`);
      await writeFile(utf8, BEFORE);
      expect(await normalisedSha256(before)).toBe(await normalisedSha256(utf8));
    });
  }
});
