import { mkdtempSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffCsvFiles, normalisedSha256 } from "./csv-diff.ts";

const dir = mkdtempSync(join(tmpdir(), "csv-diff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
async function file(content: string | Buffer): Promise<string> {
  const path = join(dir, `${files++}.csv`);
  await writeFile(path, content);
  return path;
}

describe("diffCsvFiles", () => {
  it("finds rows added and removed by content, whatever the order", async () => {
    const before = await file("name;hours\r\nAda;7\r\nBob;8\r\nCy;6\r\n");
    const after = await file("name;hours\r\nCy;6\r\nDee;5\r\nAda;7\r\n");
    expect(await diffCsvFiles(before, after)).toEqual({
      changed: true,
      added: 1,
      removed: 1,
      addedExamples: ["Dee;5"],
      removedExamples: ["Bob;8"],
      comparedRecords: true,
    });
  });

  it("sees no change in a reordered file, with CRLF against LF, with or without a BOM", async () => {
    const before = await file('\uFEFFname;note\r\nAda;"two\r\nlines"\r\nBob;x\r\n\r\n');
    const after = await file('name;note\nBob;x\nAda;"two\nlines"');
    expect(await diffCsvFiles(before, after)).toEqual({
      changed: false,
      added: 0,
      removed: 0,
      addedExamples: [],
      removedExamples: [],
      comparedRecords: true,
    });
    // The hash keeps the order, so only the same records in the same order hash alike.
    const sameOrder = await file('name;note\nAda;"two\nlines"\nBob;x');
    expect(await normalisedSha256(before)).toBe(await normalisedSha256(sameOrder));
    expect(await normalisedSha256(before)).not.toBe(await normalisedSha256(after));
  });

  it("keeps a quoted line break inside its record and shows it as ⏎", async () => {
    const before = await file('h;note\nAda;"a\r\nb"\n');
    const after = await file('h;note\nAda;"a\nc"\nBob;"x;""y""\rz"\n');
    const diff = await diffCsvFiles(before, after);
    expect(diff).toMatchObject({ changed: true, added: 2, removed: 1 });
    expect(diff.addedExamples).toEqual(['Ada;"a⏎c"', 'Bob;"x;""y""⏎z"']);
    expect(diff.removedExamples).toEqual(['Ada;"a⏎b"']);
  });

  it("counts duplicated rows", async () => {
    const before = await file("h\na\na\nb\n");
    const after = await file("h\na\nb\nb\n");
    expect(await diffCsvFiles(before, after)).toMatchObject({
      changed: true,
      added: 1,
      removed: 1,
      addedExamples: ["b"],
      removedExamples: ["a"],
    });
  });

  it("treats a changed header as a change, without counting it as a row", async () => {
    expect(await diffCsvFiles(await file("a;b\n1;2\n"), await file("a;c\n1;2\n"))).toMatchObject({
      changed: true,
      added: 0,
      removed: 0,
    });
    expect((await diffCsvFiles(await file(""), await file("a;b\n"))).changed).toBe(true);
    expect((await diffCsvFiles(await file(""), await file("\r\n"))).changed).toBe(false);
  });

  it("leaves out records matching ignoreLines, also before the header", async () => {
    const before = await file("Exported 2026-11-01\nh\n1\n");
    const after = await file("Exported 2026-12-01\r\nh\r\n1\r\n");
    expect((await diffCsvFiles(before, after)).changed).toBe(true);
    expect(await diffCsvFiles(before, after, { ignoreLines: /^Exported / })).toMatchObject({
      changed: false,
      added: 0,
      removed: 0,
    });
    expect(await normalisedSha256(before, /^Exported /)).toBe(
      await normalisedSha256(after, /^Exported /),
    );
    expect(await normalisedSha256(before)).not.toBe(await normalisedSha256(after));
  });

  it("uses a global ignoreLines pattern without skipping matches", async () => {
    const before = await file("h\n#1\n#2\n#3\nx\n");
    const after = await file("h\n#4\n#5\nx\n");
    expect((await diffCsvFiles(before, after, { ignoreLines: /^#/g })).changed).toBe(false);
  });

  it("cuts long examples and keeps only a few", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i};${"é".repeat(300)}`);
    const diff = await diffCsvFiles(await file("h;v\n"), await file(`h;v\n${rows.join("\n")}`), {
      examples: 2,
    });
    expect(diff.added).toBe(10);
    expect(diff.addedExamples).toHaveLength(2);
    expect(diff.addedExamples[0]).toHaveLength(200);
    expect(diff.addedExamples[0]).toMatch(/^0;é+…$/);
    const none = await diffCsvFiles(await file(`h;v\n${rows[0]}\n`), await file("h;v\n"), {
      examples: 0,
    });
    expect(none).toMatchObject({ removed: 1, removedExamples: [] });
  });

  it("splits records right where they straddle the 64 KiB read chunks", async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `${i};"note ${i}\r\nsecond line; ""quoted""";${"x".repeat(i % 50)}`,
    );
    const shuffled = [...rows].reverse();
    shuffled[123] = '123;"changed"';
    const before = await file(`\uFEFFid;note;pad\r\n${rows.join("\r\n")}\r\n`);
    const after = await file(`id;note;pad\n${shuffled.join("\n")}\n`);
    const diff = await diffCsvFiles(before, after);
    expect(diff).toMatchObject({ changed: true, added: 1, removed: 1, comparedRecords: true });
    expect(diff.addedExamples).toEqual(['123;"changed"']);
    expect(diff.removedExamples[0]).toMatch(/^19876;"note 19876⏎second line; ""quoted""";x+$/);
    const same = await file(`id;note;pad\n${[...rows].reverse().join("\n")}`);
    expect((await diffCsvFiles(before, same)).changed).toBe(false);
  });

  it("falls back to the normalised hash above maxRecords", async () => {
    const big = `h\n${Array.from({ length: 50 }, (_, i) => i).join("\n")}\n`;
    const diff = await diffCsvFiles(await file(big), await file(`${big}50\n`), { maxRecords: 10 });
    expect(diff).toEqual({
      changed: true,
      added: 0,
      removed: 0,
      addedExamples: [],
      removedExamples: [],
      comparedRecords: false,
    });
    // Only the current file is too large: still not compared record by record.
    expect(
      await diffCsvFiles(await file("h\n1\n"), await file(big), { maxRecords: 10 }),
    ).toMatchObject({ changed: true, comparedRecords: false });
    const crlf = big.replace(/\n/g, "\r\n");
    expect(await diffCsvFiles(await file(big), await file(crlf), { maxRecords: 10 })).toMatchObject(
      { changed: false, comparedRecords: false },
    );
  });

  // README: "Reports over 2 million rows are compared by a hash of their content only."
  // Checked at the default itself, on either side of it (short identical rows keep it cheap).
  it("compares record by record up to 2 million rows, and by hash only past them", async () => {
    const rows = (count: number, last: string) => `h\n${"1\n".repeat(count - 1)}${last}\n`;
    const atLimit = await diffCsvFiles(
      await file(rows(2_000_000, "1")),
      await file(rows(2_000_000, "2")),
    );
    expect(atLimit).toMatchObject({ changed: true, added: 1, removed: 1, comparedRecords: true });
    const past = await diffCsvFiles(
      await file(rows(2_000_001, "1")),
      await file(rows(2_000_001, "2")),
    );
    expect(past).toMatchObject({ changed: true, added: 0, removed: 0, comparedRecords: false });
    // Millions of records take seconds, and many times that under Stryker's instrumentation.
  }, 180_000);

  it("compares bytes when an unbalanced quote makes one record of the whole file", async () => {
    const broken = `h\n"${"x".repeat(17 * 1024 * 1024)}\n`;
    const diff = await diffCsvFiles(await file(broken), await file(broken));
    expect(diff).toMatchObject({ changed: false, comparedRecords: false });
    expect((await diffCsvFiles(await file(broken), await file(`${broken}y\n`))).changed).toBe(true);
  });
});

describe("diffCsvFiles from bytes", () => {
  it("compares a version held in memory with a file, as it compares two files", async () => {
    const before = "a;b\r\n1;2\r\n3;4\r\n";
    const after = await file("a;b\n1;2\n5;6\n");
    const fromBytes = await diffCsvFiles(Buffer.from(before), after);
    expect(fromBytes).toEqual(await diffCsvFiles(await file(before), after));
    expect(fromBytes).toMatchObject({ changed: true, added: 1, removed: 1 });
    // Bytes longer than one chunk, cut anywhere.
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i};x`).join("\n");
    const big = `h;v\n${rows}\n`;
    expect(await diffCsvFiles(new TextEncoder().encode(big), await file(big))).toMatchObject({
      changed: false,
    });
  });
});
