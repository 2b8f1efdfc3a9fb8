import { describe, expect, it } from "vitest";
import { DELIMITERS, detectDelimiter, parseCsvFields, parseCsvRecords } from "./csv-parse.ts";

describe("detectDelimiter", () => {
  it("knows the four delimiters Lucca may use", () => {
    expect(DELIMITERS).toEqual([";", ",", "\t", "|"]);
  });

  it("takes the candidate seen most often, wherever it stands in the list", () => {
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter("a;b,c,d")).toBe(",");
    expect(detectDelimiter("a\tb\tc,d")).toBe("\t");
    expect(detectDelimiter("a|b|c;d,e")).toBe("|");
    expect(detectDelimiter("a;;b,c")).toBe(";");
  });

  it("breaks a tie by the order of the list", () => {
    expect(detectDelimiter("a,b;c")).toBe(";");
    expect(detectDelimiter("a|b\tc")).toBe("\t");
    expect(detectDelimiter("a|b,c")).toBe(",");
  });

  it("does not count delimiters inside quotes", () => {
    expect(detectDelimiter('"a;b;c",d')).toBe(",");
    expect(detectDelimiter('"a,b";"c,d";e,f')).toBe(";");
  });

  it("finds none in a single column or an empty line", () => {
    expect(detectDelimiter("name")).toBeNull();
    expect(detectDelimiter("")).toBeNull();
    expect(detectDelimiter('"a;b"')).toBeNull();
  });
});

describe("parseCsvFields", () => {
  it("splits on the delimiter, empty fields kept", () => {
    expect(parseCsvFields("a;b;;c;", ";")).toEqual(["a", "b", "", "c", ""]);
    expect(parseCsvFields("", ";")).toEqual([""]);
    expect(parseCsvFields("a,b;c", ",")).toEqual(["a", "b;c"]);
  });

  it("reads a quoted field with the delimiter, line breaks and doubled quotes", () => {
    expect(parseCsvFields('"a;b";"x\r\ny";"say ""hi""";""', ";")).toEqual([
      "a;b",
      "x\r\ny",
      'say "hi"',
      "",
    ]);
    expect(parseCsvFields('"""";"a"""', ";")).toEqual(['"', 'a"']);
  });

  it("keeps a quote in the middle of a field as data", () => {
    expect(parseCsvFields('a"b;c', ";")).toEqual(['a"b', "c"]);
    expect(parseCsvFields('"a"b;c', ";")).toEqual(["ab", "c"]);
  });

  it("takes the whole record as one field without a delimiter", () => {
    expect(parseCsvFields('a;b,"c;d"', null)).toEqual(['a;b,"c;d"']);
  });
});

describe("parseCsvRecords", () => {
  it("splits at LF outside quotes, a CR before it dropped, a bare CR kept", () => {
    expect(parseCsvRecords('h1;h2\r\n1;"a\r\nb"\r\n2;x\ry\n3;z\r\r\n', ";", 10)).toEqual([
      ["h1", "h2"],
      ["1", "a\r\nb"],
      ["2", "x\ry"],
      ["3", "z\r"],
    ]);
  });

  it("skips blank records, CR-only ones included, but not a record that starts with a CR", () => {
    expect(parseCsvRecords("a\n\n\r\n\r\r\n\rb\n", ";", 10)).toEqual([["a"], ["\rb"]]);
  });

  it("takes a last record without a line end", () => {
    expect(parseCsvRecords("a;b\nc;d", ";", 10)).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseCsvRecords("a;b\n", ";", 10)).toEqual([["a", "b"]]);
    expect(parseCsvRecords("", ";", 10)).toEqual([]);
  });

  it("stops at maxRecords, whether the next record has a line end or not", () => {
    expect(parseCsvRecords("a\nb\nc\nd\n", null, 2)).toEqual([["a"], ["b"]]);
    expect(parseCsvRecords("a\nb\nc", null, 2)).toEqual([["a"], ["b"]]);
    expect(parseCsvRecords("a\nb\nc", null, 3)).toEqual([["a"], ["b"], ["c"]]);
    expect(parseCsvRecords("a\nb", null, 0)).toEqual([]);
  });
});
