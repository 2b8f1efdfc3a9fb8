import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffCsvFiles, normalisedSha256 } from "./csv-diff.ts";

const dir = mkdtempSync(join(tmpdir(), "csv-diff-records-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The size of the chunks files are read in (fs streams' default). */
const CHUNK = 64 * 1024;

let files = 0;
async function file(content: string | Buffer): Promise<string> {
  const path = join(dir, `${files++}.csv`);
  await writeFile(path, content);
  return path;
}

describe("removed examples", () => {
  it("shows the first `examples` records left over, duplicates counted once matched", async () => {
    const diff = await diffCsvFiles(await file("h\na\na\nb\nc\n"), await file("h\na\n"), {
      examples: 2,
    });
    expect(diff).toEqual({
      changed: true,
      added: 0,
      removed: 3,
      addedExamples: [],
      removedExamples: ["a", "b"],
      comparedRecords: true,
    });
  });

  it("skips ignored records and the header when picking them", async () => {
    const diff = await diffCsvFiles(await file("#x\nh\na\nh\n"), await file("h\n"), {
      ignoreLines: /^#/,
      examples: 1,
    });
    expect(diff).toMatchObject({ changed: true, removed: 2, removedExamples: ["a"] });
  });

  it("stops reading once it has them, even far from the end of the file", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `row ${i}`);
    const diff = await diffCsvFiles(await file(`h\n${rows.join("\n")}\n`), await file("h\n"), {
      examples: 1,
    });
    expect(diff).toMatchObject({ removed: 10_000, removedExamples: ["row 0"] });
  });
});

describe("byte order marks", () => {
  // Each starts with two of a BOM's three bytes (EF BB BF) and is text, not a BOM.
  it.each([
    ["＿", "EF BC BF"],
    ["ỿ", "E1 BB BF"],
    ["ﻀ", "EF BB 80"],
  ])("keeps a leading %s (%s)", async (char) => {
    const plain = await file(`${char}h\n1\n`);
    expect((await diffCsvFiles(plain, await file(`\uFEFF${char}h\n1\n`))).changed).toBe(false);
    expect((await diffCsvFiles(plain, await file("h\n1\n"))).changed).toBe(true);
    expect(await normalisedSha256(plain)).not.toBe(await normalisedSha256(await file("h\n1\n")));
  });

  it("drops a BOM at the start of the file only, not at the start of a later chunk", async () => {
    // 2 + 9362 × 7 bytes: the record holding U+FEFF starts exactly at the second chunk.
    const filler = "abcdef\n".repeat(9362);
    expect(2 + filler.length).toBe(CHUNK);
    const atChunk = await file(`h\n${filler}\uFEFFz\n`);
    const elsewhere = await file(`h\n\uFEFFz\n${filler}`);
    expect(await diffCsvFiles(atChunk, elsewhere)).toMatchObject({
      changed: false,
      added: 0,
      removed: 0,
    });
    expect((await diffCsvFiles(atChunk, await file(`h\n${filler}z\n`))).changed).toBe(true);
  });
});

describe("records across chunks", () => {
  it("forgets a blank line's CR cut off at the end of a chunk", async () => {
    // "h\r\n" + 8191 rows of 8 bytes + one of 4: the blank line's CR is the chunk's last byte.
    const rows = `${"abcdef\r\n".repeat(8191)}ab\r\n`;
    expect(3 + rows.length).toBe(CHUNK - 1);
    const crlf = await file(`h\r\n${rows}\r\nlast\r\n`);
    const lf = await file(`h\n${rows.replaceAll("\r\n", "\n")}last\n`);
    expect(await diffCsvFiles(crlf, lf)).toMatchObject({ changed: false, added: 0, removed: 0 });
    expect(await normalisedSha256(crlf)).toBe(await normalisedSha256(lf));
  });

  it("hashes a record longer than the hash's batch whole and in order", async () => {
    const long = "y".repeat(CHUNK + 4000);
    const path = await file(`\uFEFFh\r\n${long}\r\nz\r\n`);
    const expected = createHash("sha256").update(`h\n${long}\nz\n`).digest("hex");
    expect(await normalisedSha256(path)).toBe(expected);
  });
});

describe("limits and patterns", () => {
  it("compares record by record up to exactly maxRecords data records", async () => {
    const at = await diffCsvFiles(await file("h\n1\n2\n3\n"), await file("h\n1\n2\n4\n"), {
      maxRecords: 3,
    });
    expect(at).toMatchObject({ added: 1, removed: 1, comparedRecords: true });
    const past = await diffCsvFiles(await file("h\n1\n2\n3\n"), await file("h\n1\n2\n3\n4\n"), {
      maxRecords: 3,
    });
    expect(past).toMatchObject({ changed: true, added: 0, comparedRecords: false });
  });

  it("uses a sticky ignoreLines pattern on every record", async () => {
    const diff = await diffCsvFiles(await file("h\n#1\n#2\nx\n"), await file("h\n#3\nx\n"), {
      ignoreLines: /#/y,
    });
    expect(diff).toMatchObject({ changed: false, added: 0, removed: 0 });
  });

  it("shows a record of exactly 200 characters whole", async () => {
    const row = "é".repeat(200);
    const diff = await diffCsvFiles(await file("h\n"), await file(`h\n${row}\n`));
    expect(diff.addedExamples).toEqual([row]);
  });
});
