import { describe, expect, it } from "vitest";
import { bodyFacts, describeBody } from "./body-description.ts";

const KEY = "body-key-5c0ffee5c0ffee";
const bytes = (text: string) => new TextEncoder().encode(text);
const sample = (text: string, contentType: string | null = "text/csv", more = false) => ({
  bytes: bytes(text),
  more,
  contentType,
});

// Made-up people, as a report's rows would hold them.
const PEOPLE = ["Jeanne Varenne", "E-20931", "jeanne.varenne@example.org", "Bastien Ollier"];
const CSV = `\ufeffNom;Matricule;E-mail\r\nJeanne Varenne;E-20931;jeanne.varenne@example.org\r\nBastien Ollier;E-20932;b.ollier@example.org\r\n`;

describe("describeBody", () => {
  it("quotes a page's title or an error's message, the key redacted", () => {
    expect(describeBody(sample("<html><title>Sign in</title>", "text/html"), [KEY])).toBe(
      'an HTML page titled "Sign in"',
    );
    expect(describeBody(sample(`{"Message":"bad key ${KEY}"}`, "application/json"), [KEY])).toBe(
      "bad key ***",
    );
    expect(describeBody(sample("  Service   unavailable \n"), [])).toBe("Service unavailable");
  });

  it.each([
    ["a CSV labelled JSON", "application/json; charset=utf-8"],
    ["a CSV labelled HTML", "text/html"],
    ["a CSV labelled CSV", "text/csv"],
  ])("gives %s as its type, size and first bytes, never a row", (_label, type) => {
    const shown = describeBody(sample(CSV, type), [KEY]);
    expect(shown).toBe(
      `not shown, as it may hold the report's rows: ${type.split(";")[0]}${type.includes("charset") ? "; charset=utf-8" : ""}, ${bytes(CSV).byteLength} bytes, first bytes ef bb bf 4e 6f 6d 3b 4d`,
    );
    for (const person of PEOPLE) expect(shown).not.toContain(person);
  });

  it("stops the bytes shown at the first line break: a short header is all they can show", () => {
    expect(bodyFacts(sample("a;b\r\nJeanne;E-20931\r\n"))).toBe(
      "text/csv, 21 bytes, first bytes 61 3b 62",
    );
    expect(bodyFacts(sample("\nJeanne"))).toBe(
      "text/csv, 7 bytes, first bytes none before a line break",
    );
  });

  it("tells the size of a body read in part from its Content-Length, or says more than", () => {
    expect(bodyFacts({ ...sample("x;y;z", null, true), declaredBytes: 123456 })).toBe(
      "no Content-Type, 123456 bytes, first bytes 78 3b 79 3b 7a",
    );
    expect(bodyFacts(sample("x;y;z", null, true))).toBe(
      "no Content-Type, more than 5 bytes, first bytes 78 3b 79 3b 7a",
    );
  });

  it("shows no byte of a body that starts with the key: hex is no disguise", () => {
    expect(describeBody(sample(`{"lucca application=${KEY}": 1, "a": [1, 2]}`), [KEY])).toBe(
      "not shown, as it may hold the report's rows: text/csv, 61 bytes, first bytes not shown (they hold the key)",
    );
    expect(describeBody(sample(`${KEY.slice(3, 12)};x;y`), [KEY])).toMatch(/not shown \(they/);
  });

  it("gives the media type, never the parameters a server adds to it", () => {
    expect(bodyFacts(sample("x;y;z", 'text/csv; name="Varenne_Jeanne.csv"'))).toBe(
      "text/csv, 5 bytes, first bytes 78 3b 79 3b 7a",
    );
  });
});
