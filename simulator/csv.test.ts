import { describe, expect, it } from "vitest";
import { type CsvOptions, csvByteLength, csvChunks, MAX_CSV_ROWS } from "./csv.ts";
import { PERIOD } from "./csv-rows.ts";

function generate(options: CsvOptions): Buffer {
  return Buffer.concat([...csvChunks(options)]);
}

/** RFC 4180 records: quoted fields may hold delimiters, line breaks and doubled quotes. */
function parse(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === delimiter) {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else {
      field += c;
    }
  }
  return records;
}

describe("csvByteLength", () => {
  const counts = [0, 1, 7, 13, 91, PERIOD - 1, PERIOD, PERIOD + 1, 3 * PERIOD + 17];
  for (const culture of ["fr", "en"] as const) {
    for (const lineEnding of ["\r\n", "\n"] as const) {
      it(`matches the generated length (${culture}, ${JSON.stringify(lineEnding)})`, () => {
        for (const rows of counts) {
          const options = { rows, culture, lineEnding, startsOn: "2026-10-01", endsOn: null };
          expect(csvByteLength(options), `${rows} rows`).toBe(generate(options).length);
        }
      });
    }
  }

  // Computed, not generated: ten million rows would take minutes to generate, so the suite's
  // test timeout is what would catch a regression here. Speed itself is measured in bench/.
  it("computes the length of ten million rows", () => {
    const length = csvByteLength({ rows: 10_000_000, culture: "fr" });
    expect(length).toBeGreaterThan(500_000_000);
    // Rows are numbered, so each row adds at least as much as the one before.
    const nine = csvByteLength({ rows: 9_999_999, culture: "fr" });
    const eight = csvByteLength({ rows: 9_999_998, culture: "fr" });
    expect(length - nine).toBeGreaterThanOrEqual(nine - eight);
  });

  it("refuses row counts it cannot number", () => {
    expect(() => csvByteLength({ rows: MAX_CSV_ROWS + 1, culture: "fr" })).toThrow(RangeError);
    expect(() => csvByteLength({ rows: 1.5, culture: "fr" })).toThrow(RangeError);
  });
});

describe("csvChunks", () => {
  it("writes French CSV: BOM, semicolons, decimal commas, CRLF", () => {
    const bytes = generate({ rows: 30, culture: "fr" });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith("Collaborateur;Matricule;Département;Temps de présence;")).toBe(true);
    const records = parse(text, ";");
    expect(records).toHaveLength(31);
    for (const record of records) expect(record).toHaveLength(7);
    expect(records[1]?.[3]).toMatch(/^\d+,\d\d$/);
    expect(records[7]?.[6]).toBe("Astreinte; week-end");
    expect(records[13]?.[6]).toBe('Note ligne 1\r\nligne 2 : "à valider"');
    expect(text).toContain('"Note ligne 1\r\nligne 2 : ""à valider"""\r\n');
  });

  it("writes English CSV: no BOM, commas, dots; bom and lineEnding override", () => {
    const text = generate({ rows: 14, culture: "en", lineEnding: "\n" }).toString("utf8");
    expect(text.startsWith("Employee,Employee number,Department,Attendance time,")).toBe(true);
    const records = parse(text, ",");
    expect(records[1]?.[3]).toMatch(/^\d+\.\d\d$/);
    expect(records[7]?.[6]).toBe("On call, weekend");
    expect(records[13]?.[6]).toBe('Note line 1\nline 2: "to check"');
    expect([...generate({ rows: 0, culture: "en", bom: true }).subarray(0, 3)]).toEqual([
      0xef, 0xbb, 0xbf,
    ]);
  });

  it("numbers every row across pool cycles and chunk boundaries", () => {
    const rows = 2 * PERIOD + 5;
    const chunks = [...csvChunks({ rows, culture: "en" })];
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks.slice(1, -1)) expect(chunk.length).toBeGreaterThanOrEqual(65536);
    const records = parse(Buffer.concat(chunks).toString("utf8"), ",").slice(1);
    expect(records.map((record) => Number(record[1]))).toEqual(
      Array.from({ length: rows }, (_, i) => i + 1),
    );
    expect(records[PERIOD]?.slice(2)).toEqual(records[0]?.slice(2));
  });

  it("is deterministic and depends on the period", () => {
    const october = {
      rows: 50,
      culture: "fr",
      startsOn: "2026-10-01",
      endsOn: "2026-11-01",
    } as const;
    expect(generate(october).equals(generate(october))).toBe(true);
    expect(generate(october).equals(generate({ ...october, startsOn: "2026-09-01" }))).toBe(false);
  });
});
