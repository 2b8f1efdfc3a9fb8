import { describe, expect, it } from "vitest";
import { isNumericColumn, previewTable } from "./preview-table.ts";

const LIMITS = { maxCell: 20, maxColumns: 5, maxChars: 10_000 };

describe("previewTable", () => {
  it("right-aligns the columns that hold numbers, decimal commas included", () => {
    const { table } = previewTable(
      ["Nom", "Heures", "Matricule", "Note"],
      [
        ["Ann", "7,5", "0042", ""],
        ["Bo", "1 234,25", "0043", "ok"],
      ],
      LIMITS,
    );
    // Matricule holds zero-padded ids: not numbers.
    expect(table[1]).toBe("| --- | ---: | --- | --- |");
  });

  it("stops at maxChars", () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`row ${i}`]);
    const { table, shown } = previewTable(["h"], rows, { ...LIMITS, maxChars: 60 });
    expect(shown).toBeLessThan(50);
    expect(table).toHaveLength(shown + 2);
  });
});

describe("isNumericColumn", () => {
  it.each([
    [["1", "2.5", "-3,75"], true],
    [["1\u00a0234,5"], true],
    [["", "  "], false],
    [["1", "n/a"], false],
    [["1,2,3"], false],
    [["12 34"], false],
    [["00000042", "00000043"], false],
    [["0,00", "0"], true],
  ])("%j -> %s", (cells, numeric) => {
    expect(isNumericColumn(cells)).toBe(numeric);
  });
});
