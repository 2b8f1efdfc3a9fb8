import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffCsvFiles, normalisedSha256 } from "./csv-diff.ts";

let files = 0;
async function file(content: string): Promise<string> {
  const path = join(tmpdir(), `csv-diff-${process.pid}-${files++}.csv`);
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
    const before = await file('\uFEFFname;note\r\nAda;"two\r\nlines"\r\nBob;x\r\n');
    const after = await file('name;note\nBob;x\nAda;"two\nlines"\n');
    expect(await diffCsvFiles(before, after)).toMatchObject({
      changed: false,
      added: 0,
      removed: 0,
    });
  });

  it("counts duplicated rows", async () => {
    const before = await file("h\na\na\nb\n");
    const after = await file("h\na\nb\nb\n");
    expect(await diffCsvFiles(before, after)).toMatchObject({
      changed: true,
      added: 1,
      removed: 1,
    });
  });

  it("treats a changed header as a change", async () => {
    expect((await diffCsvFiles(await file("a;b\n1;2\n"), await file("a;c\n1;2\n"))).changed).toBe(
      true,
    );
  });

  it("leaves out lines matching ignoreLines", async () => {
    const before = await file("Exported 2026-11-01\nh\n1\n");
    const after = await file("Exported 2026-12-01\nh\n1\n");
    expect((await diffCsvFiles(before, after)).changed).toBe(true);
    expect((await diffCsvFiles(before, after, { ignoreLines: /^Exported / })).changed).toBe(false);
    expect(await normalisedSha256(before, /^Exported /)).toBe(
      await normalisedSha256(after, /^Exported /),
    );
  });

  it("cuts long examples and keeps only a few", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i};${"x".repeat(300)}`);
    const diff = await diffCsvFiles(await file("h;v\n"), await file(`h;v\n${rows.join("\n")}`), {
      examples: 2,
    });
    expect(diff.added).toBe(10);
    expect(diff.addedExamples).toHaveLength(2);
    expect(diff.addedExamples[0]).toHaveLength(200);
  });

  it("falls back to a hash comparison above maxRecords", async () => {
    const big = `h\n${Array.from({ length: 50 }, (_, i) => i).join("\n")}\n`;
    const diff = await diffCsvFiles(await file(big), await file(`${big}50\n`), { maxRecords: 10 });
    expect(diff).toMatchObject({ changed: true, comparedRecords: false });
    expect((await diffCsvFiles(await file(big), await file(big), { maxRecords: 10 })).changed).toBe(
      false,
    );
  });
});
