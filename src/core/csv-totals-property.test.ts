import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectDelimiter, firstRecord, parseCsvRecords } from "./csv-parse.ts";
import { type ColumnTotal, CsvTotals } from "./csv-totals.ts";
import { decodeText, detectEncoding } from "./encoding.ts";

/**
 * The reference: the whole file decoded and parsed by csv-parse.ts, each column checked
 * against the number pattern, and the values added as BigInts.
 */
function referenceTotals(bytes: Uint8Array, maxColumns: number): ColumnTotal[] {
  const text = decodeText(bytes, detectEncoding(bytes).encoding);
  const delimiter = detectDelimiter(firstRecord(text));
  const [header = [], ...rows] = parseCsvRecords(text, delimiter, Number.POSITIVE_INFINITY);
  const mark = delimiter === "," ? "." : ",";
  const number = new RegExp(
    `^-?(0|[1-9]\\d*|[1-9]\\d{0,2}([ \\u00a0\\u202f]\\d{3})+)(\\${mark}\\d+)?$`,
  );
  const totals: ColumnTotal[] = [];
  for (let index = 0; index < Math.min(header.length, maxColumns); index++) {
    const values = rows.map((row) => row[index] ?? "").filter((value) => value !== "");
    const numeric = (value: string) =>
      number.test(value) && (value.match(/\d/g) ?? []).length <= 40;
    if (values.length === 0 || !values.every(numeric)) continue;
    const parsed = values.map((value) => {
      const [whole = "", fraction = ""] = value.replace(/[- \u00a0\u202f]/g, "").split(mark);
      return { scaled: BigInt(whole + fraction) * (value.startsWith("-") ? -1n : 1n), fraction };
    });
    const decimals = Math.max(...parsed.map((p) => p.fraction.length));
    let sum = 0n;
    for (const p of parsed) sum += p.scaled * 10n ** BigInt(decimals - p.fraction.length);
    totals.push({
      column: header[index] as string,
      index,
      sum: Number(sum) / 10 ** decimals,
      decimals,
    });
  }
  return totals;
}

function totalsOf(bytes: Uint8Array, cuts: number[], maxColumns: number) {
  const text = decodeText(bytes, detectEncoding(bytes).encoding);
  const header = parseCsvRecords(text, detectDelimiter(firstRecord(text)), 1)[0] ?? [];
  const totals = new CsvTotals({ maxColumns });
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    totals.update(bytes.subarray(from, cut));
    from = cut;
  }
  return totals.finish(header, detectEncoding(bytes).encoding === "windows-1252");
}

/** Values a Lucca column may hold, and near misses. */
const value = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("0", "7,5", "151,67", "-0,25", "12", "0,1", "0,2") },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.boolean(),
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.constantFrom("", ",", "."),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(" ", "\u00a0", "\u202f", ""),
      )
      .map(([negative, whole, mark, fraction, space]) => {
        const grouped = space ? whole.toLocaleString("en-US").replaceAll(",", space) : `${whole}`;
        return `${negative ? "-" : ""}${grouped}${mark && `${mark}${fraction}`}`;
      }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "", "x", "007", "1 23", " 1", "1,5,", "9".repeat(20)),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom('"', ";", ",", "\r", "\n", "1", " ") }),
  },
);

/** A field as a CSV writer would put it, sometimes quoted. */
const field = fc.tuple(value, fc.boolean()).map(([text, quote]) => {
  const needs = /[";,\t|\r\n]/.test(text);
  return quote || needs ? `"${text.replaceAll('"', '""')}"` : text;
});

const csvText = fc
  .record({
    delimiter: fc.constantFrom(";", ",", "\t", "|"),
    eol: fc.constantFrom("\r\n", "\n"),
    columns: fc.integer({ min: 1, max: 5 }),
    rows: fc.array(fc.array(field, { minLength: 0, maxLength: 6 }), { maxLength: 12 }),
    blankLines: fc.boolean(),
    finalEol: fc.boolean(),
  })
  .map(({ delimiter, eol, columns, rows, blankLines, finalEol }) => {
    const header = Array.from({ length: columns }, (_, i) => `col ${i}`).join(delimiter);
    const lines = [header, ...rows.map((row) => row.join(delimiter))];
    return lines.join(blankLines ? `${eol}${eol}` : eol) + (finalEol ? eol : "");
  });

function windows1252(text: string): Uint8Array {
  return new Uint8Array([...text].map((char) => Math.min(char.charCodeAt(0), 0xff)));
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const units = [0xfeff, ...[...text].map((char) => char.charCodeAt(0))];
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (const [i, unit] of units.entries()) view.setUint16(i * 2, unit, littleEndian);
  return bytes;
}

const encoded = fc
  .tuple(csvText, fc.constantFrom("utf-8", "bom", "1252", "le", "be"))
  .map(([text, encoding]) =>
    encoding === "utf-8"
      ? new TextEncoder().encode(text)
      : encoding === "bom"
        ? new TextEncoder().encode(`\ufeff${text}`)
        : encoding === "1252"
          ? windows1252(text)
          : utf16(text, encoding === "le"),
  );

/** Raw bytes from the ones the scan treats apart: broken quoting, lone CRs, stray NBSP bytes. */
const SOUP = [...'1111222333000555;;;;\n\n\n"",,\r -.a\t'].map((char) => char.charCodeAt(0));
const soup = fc
  .array(
    fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...SOUP) },
      { weight: 1, arbitrary: fc.constantFrom(0xa0, 0xc2, 0xe2, 0x80, 0xaf) },
    ),
    { maxLength: 120 },
  )
  .map((bytes) => new Uint8Array(bytes));

const withCuts = (bytes: fc.Arbitrary<Uint8Array>) =>
  bytes.chain((b) =>
    fc.tuple(
      fc.constant(b),
      fc.uniqueArray(fc.integer({ min: 0, max: b.length }), { maxLength: 8 }),
    ),
  );

describe("CsvTotals against csv-parse.ts", () => {
  it("matches the reference on generated CSVs in every encoding, however they are cut", () => {
    fc.assert(
      fc.property(withCuts(encoded), fc.integer({ min: 1, max: 6 }), ([bytes, cuts], max) => {
        const cutsSorted = [...cuts].sort((a, b) => a - b);
        expect(totalsOf(bytes, cutsSorted, max)).toEqual(referenceTotals(bytes, max));
      }),
      { numRuns: 1500 },
    );
  });

  it("matches the reference on byte soup (broken quoting, stray CRs and NBSP bytes)", () => {
    fc.assert(
      fc.property(withCuts(soup), ([bytes, cuts]) => {
        const cutsSorted = [...cuts].sort((a, b) => a - b);
        expect(totalsOf(bytes, cutsSorted, 200)).toEqual(referenceTotals(bytes, 200));
      }),
      { numRuns: 3000 },
    );
  });
});
