import { mkdtempSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { diffCsvFiles, normalisedSha256, sameContent } from "./csv-diff.ts";

const dir = mkdtempSync(join(tmpdir(), "ignore-lines-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
async function file(content: Buffer): Promise<string> {
  const path = join(dir, `${files++}.csv`);
  await writeFile(path, content);
  return path;
}

const IGNORE = /^Exported /;

/** CSV-ish files: records with quotes, CR, LF, blank lines and an export line now and then. */
const csvFile = fc
  .array(
    fc.constantFrom("a;1", "b;2", '"x\r\ny";3', '"q""\n"', "Exported 12:00", "\r", "\rz", ""),
    {
      maxLength: 8,
    },
  )
  .chain((records) =>
    fc
      .tuple(fc.constantFrom("\n", "\r\n"), fc.boolean())
      .map(([end, bom]) => Buffer.from(`${bom ? "\uFEFF" : ""}${records.join(end)}${end}`)),
  );

describe("commit-ignore-lines", () => {
  it("means the same in commit mode and in artifact mode, on any pair of files", async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, csvFile, async (a, b) => {
        const [pathA, pathB] = [await file(a), await file(b)];
        const artifactSame =
          (await normalisedSha256(pathA, IGNORE)) === (await normalisedSha256(pathB, IGNORE));
        expect(await sameContent(a, b, IGNORE)).toBe(artifactSame);
        // The diff also forgives a change of order, so it only has to agree one way.
        if (artifactSame) {
          expect((await diffCsvFiles(pathA, pathB, { ignoreLines: IGNORE })).changed).toBe(false);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it("ignores a matching record that spans a quoted line break as one record", async () => {
    const a = Buffer.from('h\r\n"Exported\r\nat 12:00"\r\n1\r\n');
    const b = Buffer.from('h\r\n"Exported\r\nat 13:00"\r\n1\r\n');
    expect(await sameContent(a, b, /^"Exported/)).toBe(true);
    // A physical-line reading would compare "at 12:00\"" with "at 13:00\"".
    expect(await sameContent(a, b, /^"Exported\nat 12/)).toBe(false);
  });

  it("treats a bare CR as data in both modes", async () => {
    const a = Buffer.from("h\nExported 1\rkept\n");
    const b = Buffer.from("h\nExported 2\rkept\n");
    expect(await sameContent(a, b, IGNORE)).toBe(true);
    // The CR does not split the record: "kept" is ignored with it.
    expect(await sameContent(a, Buffer.from("h\nkept\n"), IGNORE)).toBe(false);
    expect(await sameContent(a, Buffer.from("h\n"), IGNORE)).toBe(true);
    expect(await normalisedSha256(await file(Buffer.from("h\na\rb\n")))).not.toBe(
      await normalisedSha256(await file(Buffer.from("h\na\nb\n"))),
    );
  });

  it("drops only a true BOM, and keeps records apart, in both modes", async () => {
    // Each starts with two of a BOM's three bytes (EF BB BF).
    for (const char of ["＿", "ỿ", "ﻀ"]) {
      const a = Buffer.from(`${char}h\nExported 1\n1\n`);
      const withBom = Buffer.from(`\uFEFF${char}h\nExported 2\n1\n`);
      const without = Buffer.from("h\nExported 1\n1\n");
      expect(await sameContent(a, withBom, IGNORE)).toBe(true);
      expect(await sameContent(a, without, IGNORE)).toBe(false);
      expect(await normalisedSha256(await file(a), IGNORE)).not.toBe(
        await normalisedSha256(await file(without), IGNORE),
      );
    }
    expect(await sameContent(Buffer.from("h\na\nb\n"), Buffer.from("h\nab\n"), IGNORE)).toBe(false);
  });
});
