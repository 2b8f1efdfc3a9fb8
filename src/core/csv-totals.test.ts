import { describe, expect, it } from "vitest";
import { detectDelimiter, firstRecord, parseCsvRecords } from "./csv-parse.ts";
import { CsvTotals, type CsvTotalsOptions } from "./csv-totals.ts";
import { decodeHead } from "./encoding.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const BOM = "\uFEFF";

/** Totals of a file fed in pieces cut at `cuts`, named from its header as csv-stats.ts reads it. */
function totalsOf(input: string | Uint8Array, cuts: number[] = [], options: CsvTotalsOptions = {}) {
  const bytes = typeof input === "string" ? encode(input) : input;
  const { text, encoding } = decodeHead(bytes);
  const header = parseCsvRecords(text, detectDelimiter(firstRecord(text)), 1)[0] ?? [];
  const totals = new CsvTotals(options);
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    totals.update(bytes.subarray(from, cut));
    from = cut;
  }
  return totals.finish(header, encoding === "windows-1252");
}

/** The sum as a renderer prints it. */
const printed = (input: string | Uint8Array) =>
  Object.fromEntries((totalsOf(input) ?? []).map((t) => [t.column, t.sum.toFixed(t.decimals)]));

const FRENCH =
  `${BOM}Collaborateur;Matricule;Département;Temps de présence;Absences;Commentaire\r\n` +
  `Zoé Martin;00000001;Paie;151,67;;\r\n` +
  `"Dupont; Jean";00000002;RH;"140,00";7;"Astreinte; week-end"\r\n` +
  `Éloïse;00000003;IT;7,5;0;"Note ligne 1\r\nligne 2 ""citée"" 12"\r\n` +
  `Bob;00000004;IT;25 131,58;14,25;\r\n`;

describe("CsvTotals", () => {
  it("sums the numeric columns of a French Lucca CSV, and only those", () => {
    expect(totalsOf(FRENCH)).toEqual([
      { column: "Temps de présence", index: 3, sum: 25430.75, decimals: 2 },
      { column: "Absences", index: 4, sum: 21.25, decimals: 2 },
    ]);
  });

  it("gives the same totals wherever the chunks are cut, down to one byte each", () => {
    const bytes = encode(FRENCH);
    const whole = totalsOf(bytes);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(totalsOf(bytes, [cut]), `cut at ${cut}`).toEqual(whole);
    }
    expect(
      totalsOf(
        bytes,
        Array.from({ length: bytes.length }, (_, i) => i),
      ),
    ).toEqual(whole);
  });

  it("reads decimal points when the delimiter is a comma, and decimal commas otherwise", () => {
    expect(printed('Employee,Hours,Rate\n"Ada, L.",7.5,"1,5"\nBob,2.25,2\n')).toEqual({
      Hours: "9.75",
    });
    expect(printed("Nom;Heures;Taux\nA;7,5;1.5\nB;2,25;2\n")).toEqual({ Heures: "9.75" });
    expect(printed("Nom\tHeures\nA\t7,5\n")).toEqual({ Heures: "7.5" });
    expect(printed("Nom|Heures\nA|7,5\n")).toEqual({ Heures: "7.5" });
    // No delimiter: the only column is summed with a decimal comma.
    expect(printed("Heures\n7,5\n1\n")).toEqual({ Heures: "8.5" });
  });

  it("adds exactly: scaled integers, never 0.1 + 0.2", () => {
    expect(printed("a;b\n0,1;x\n0,2;x\n")).toEqual({ a: "0.3" });
    expect(totalsOf("a\n0,1\n0,2\n")).toEqual([{ column: "a", index: 0, sum: 0.3, decimals: 1 }]);
    const tenths = `a\n${"0,1\n".repeat(1000)}`;
    expect(totalsOf(tenths)?.[0]).toMatchObject({ sum: 100, decimals: 1 });
    expect(printed(`a\n${"1,005\n".repeat(3)}-0,015\n`)).toEqual({ a: "3.000" });
    expect(printed("a\n1\n2,5\n0,125\n")).toEqual({ a: "3.625" });
  });

  it("keeps the sum exact past 2^53, and reads values of up to 40 digits", () => {
    const big = "9007199254740993";
    // In doubles, (2^53 + 1) + 1 - (2^53 + 1) would be 0.
    expect(printed(`a\n${big}\n1\n-${big}\n`)).toEqual({ a: "1" });
    // Past 2^53 units the sum is the nearest double.
    expect(totalsOf(`a\n${big}\n${big}\n1\n`)?.[0]?.sum).toBe(Number(18014398509481987n));
    expect(totalsOf(`a\n0,${"1".repeat(39)}\n`)?.[0]).toMatchObject({ decimals: 39 });
    const sum = totalsOf(`a\n${"9".repeat(20)},5\n-${"9".repeat(20)},5\n`)?.[0];
    expect(sum).toMatchObject({ sum: 0, decimals: 1 });
    // 41 digits are a code, not a quantity.
    expect(totalsOf(`a;b\n${"1".repeat(41)};1\n`)).toEqual([
      { column: "b", index: 1, sum: 1, decimals: 0 },
    ]);
  });

  it("reads thousands grouped by a space, an NBSP or a narrow NBSP, in strict groups only", () => {
    expect(printed("a\n1 234,5\n1\u00a0000\n12\u202f345\n-1 000 000,25\n")).toEqual({
      a: "-985420.75",
    });
    // Between delimiters too, where a plain number takes a shorter path.
    expect(printed("a;b;c\n1 234,5;-2;1\u202f000\n-1;0,25;7\n")).toEqual({
      a: "1233.5",
      b: "-1.75",
      c: "1007",
    });
    for (const text of ["1 23", "1 2345", "1234 567", "0 123", " 1", "1 ", "1  234", "1 234 5"]) {
      expect(totalsOf(`a;b\n${text};1\n`), text).toEqual([
        { column: "b", index: 1, sum: 1, decimals: 0 },
      ]);
    }
  });

  it("takes only plain numbers: no leading zeros, signs but '-', exponents or bare marks", () => {
    expect(printed("a\n-0\n0\n0,50\n-7,25\n")).toEqual({ a: "-6.75" });
    for (const text of ["007", "00", "+1", "1e3", ",5", "5,", "-", "--1", "-,5", "1,2,3", "1x"]) {
      expect(totalsOf(`a;b\n${text};1\n1;1\n`), text).toEqual([
        { column: "b", index: 1, sum: 2, decimals: 0 },
      ]);
    }
  });

  it("leaves out empty columns and columns with one text value, and skips empty values", () => {
    expect(totalsOf("a;b;c;d\n;1;x;\n;;2;\n;3;;\n")).toEqual([
      { column: "b", index: 1, sum: 4, decimals: 0 },
    ]);
    expect(totalsOf('a;b\n"";1\n;2\n')).toEqual([{ column: "b", index: 1, sum: 3, decimals: 0 }]);
  });

  it("has nothing to sum in an empty file, a header alone or a file of text", () => {
    expect(totalsOf("")).toEqual([]);
    expect(totalsOf(BOM)).toEqual([]);
    expect(totalsOf("a;b")).toEqual([]);
    expect(totalsOf("a;b\r\n")).toEqual([]);
    expect(totalsOf("a;b\nx;y\n1;2\n")).toEqual([]);
  });

  it("ignores fields past the header's and reads missing ones as empty", () => {
    expect(totalsOf("a;b\n1;2;x;y\n3\n\n5;6;7\n")).toEqual([
      { column: "a", index: 0, sum: 9, decimals: 0 },
      { column: "b", index: 1, sum: 8, decimals: 0 },
    ]);
  });

  it("sums only the first maxColumns columns", () => {
    const header = Array.from({ length: 250 }, (_, i) => `c${i}`).join(";");
    const row = Array.from({ length: 250 }, () => "1").join(";");
    const totals = totalsOf(`${header}\n${row}\n${row}\n`);
    expect(totals).toHaveLength(200);
    expect(totals?.[199]).toEqual({ column: "c199", index: 199, sum: 2, decimals: 0 });
    expect(totalsOf("a;b;c\n1;2;3\n", [], { maxColumns: 2 })?.map((t) => t.column)).toEqual([
      "a",
      "b",
    ]);
  });

  it("gives up, with null, on a header over 1 MiB", () => {
    expect(totalsOf(`${"h".repeat(1 << 20)};b\n1;2\n`)).toBeNull();
    expect(totalsOf(`${"h".repeat((1 << 20) - 4)};b\n1;2\n`)).toHaveLength(2);
  });

  it("splits records and fields as csv-parse.ts does: quotes, CRs and blank lines", () => {
    // A CR before the record's line feed, or at the end of the file, is the line end.
    expect(printed("a\r\n1\r\n\r\n\r\r\n2\r")).toEqual({ a: "3" });
    // Anywhere else it is a character of the value.
    expect(totalsOf("a;b\n1\r\r\n1;2\n")).toEqual([{ column: "b", index: 1, sum: 2, decimals: 0 }]);
    expect(totalsOf("a;b\n1\r;2\n")).toEqual([{ column: "b", index: 1, sum: 2, decimals: 0 }]);
    // A line feed inside quotes is no record end; a quote within a field is a character.
    expect(printed('a;b\n"1\n";2\n3;4\n')).toEqual({ b: "6" });
    expect(printed('a;b\n1"";2\n3;4\n')).toEqual({ b: "6" });
    // Text after a closing quote belongs to the field.
    expect(printed('a;b\n"1",5;2\n')).toEqual({ a: "1.5", b: "2" });
    expect(printed('a;b\n"1""";2\n')).toEqual({ b: "2" });
    // After a closing quote and more text, a quote is a character, not a doubled quote:
    // the ";" after it ends the field, so column b gets the text '7"'.
    expect(totalsOf('a;b\nx;1\n"y"z";7"\n')).toEqual([]);
  });

  it("reads an NBSP in the bytes of the file's own encoding only", () => {
    const latin = new Uint8Array([0x61, 0x0a, 0x31, 0xa0, 0x32, 0x33, 0x34, 0x0a]);
    expect(totalsOf(latin)).toEqual([{ column: "a", index: 0, sum: 1234, decimals: 0 }]);
    // A UTF-8 file decodes a lone A0 byte as U+FFFD: text.
    const utf8 = (bytes: Uint8Array) => {
      const totals = new CsvTotals();
      totals.update(bytes);
      return totals.finish(["a"], false);
    };
    expect(utf8(latin)).toEqual([]);
    // In Windows-1252, the bytes of a UTF-8 NBSP read "Â" and an NBSP: text.
    const totals = new CsvTotals();
    totals.update(encode("a\n1\u00a0234\n"));
    expect(totals.finish(["a"], true)).toEqual([]);
    expect(totalsOf("a\n1\u00a0234\n")).toEqual([
      { column: "a", index: 0, sum: 1234, decimals: 0 },
    ]);
  });

  it.each(["utf-16le", "utf-16be"] as const)("sums a %s file however it is cut", (encoding) => {
    const text = `${BOM}Nom;Temps;Note\r\nZoé;7,5;é\r\n"Léa";1\u202f234,25;\r\n`;
    const units = [...text].map((char) => char.charCodeAt(0));
    const bytes = new Uint8Array(units.length * 2);
    units.forEach((unit, i) => {
      bytes[i * 2 + (encoding === "utf-16le" ? 0 : 1)] = unit & 0xff;
      bytes[i * 2 + (encoding === "utf-16le" ? 1 : 0)] = unit >> 8;
    });
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(totalsOf(bytes, [cut]), `cut at ${cut}`).toEqual([
        { column: "Temps", index: 1, sum: 1241.75, decimals: 2 },
      ]);
    }
  });

  it("holds column names and sums, nothing of a row", () => {
    const totals = totalsOf(FRENCH) ?? [];
    for (const total of totals) {
      expect(Object.keys(total).sort()).toEqual(["column", "decimals", "index", "sum"]);
    }
    expect(JSON.stringify(totals)).not.toMatch(/Zoé|Dupont|151|00000001/);
  });
});
