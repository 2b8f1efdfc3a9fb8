import { describe, expect, it } from "vitest";
import { isShortText, messageOfErrorBody } from "./error-body.ts";

describe("messageOfErrorBody", () => {
  it("calls a blank body empty", () => {
    expect(messageOfErrorBody("")).toBe("empty body");
    expect(messageOfErrorBody(" \r\n\t ")).toBe("empty body");
  });

  it("names an HTML page by its title, trimmed, whatever the tag's case or attributes", () => {
    expect(
      messageOfErrorBody(
        '\n<!DOCTYPE html><html><head><title lang="en">  502 Bad Gateway </title></head></html>',
      ),
    ).toBe('an HTML page titled "502 Bad Gateway"');
    expect(messageOfErrorBody("<HTML><TITLE>Maintenance</TITLE><p>back soon</p></HTML>")).toBe(
      'an HTML page titled "Maintenance"',
    );
    expect(messageOfErrorBody("<!doctype html><title>x</title>")).toBe('an HTML page titled "x"');
  });

  it("calls an HTML page without a usable title just an HTML page", () => {
    expect(messageOfErrorBody("<html><body>Oops</body></html>")).toBe("an HTML page");
    expect(messageOfErrorBody("<html><title>  </title></html>")).toBe("an HTML page");
    expect(messageOfErrorBody("<html><title></title></html>")).toBe("an HTML page");
    expect(messageOfErrorBody("<html><title>open")).toBe("an HTML page");
  });

  it("shows text that only mentions HTML as text", () => {
    expect(messageOfErrorBody("proxy said <html> is not allowed")).toBe(
      "proxy said <html> is not allowed",
    );
  });

  it("shows a short text as it is, trimmed", () => {
    expect(messageOfErrorBody("  Bad Request\n")).toBe("Bad Request");
    expect(messageOfErrorBody("{not json")).toBe("{not json");
    expect(messageOfErrorBody("Report 77 is not ready; retry later")).toBe(
      "Report 77 is not ready; retry later",
    );
    expect(messageOfErrorBody("No template 42, or no rights, on this domain")).toBe(
      "No template 42, or no rights, on this domain",
    );
    expect(messageOfErrorBody("x".repeat(200))).toBe("x".repeat(200));
  });

  it("shows a JSON string as the string, and JSON scalars as written", () => {
    expect(messageOfErrorBody(' "Report not found" ')).toBe("Report not found");
    expect(messageOfErrorBody("null")).toBe("null");
    expect(messageOfErrorBody("false")).toBe("false");
    expect(messageOfErrorBody(" 42 ")).toBe("42");
  });
  it.each([
    [
      '{"Status": 404, "Message": "Report 9 not found", "StackTrace": "at X"}',
      "Report 9 not found",
    ],
    ['{"message": "lower case"}', "lower case"],
    ['{"type": "about:blank", "detail": "the detail"}', "the detail"],
    ['{"id": "e1", "error": "the error"}', "the error"],
    ['{"title": "the title"}', "the title"],
  ])("reads the message of %s", (body, message) => {
    expect(messageOfErrorBody(body)).toBe(message);
  });

  it("prefers Message, then message, detail, error and title", () => {
    const all = { title: "T", error: "E", detail: "D", message: "m", Message: "M" };
    expect(messageOfErrorBody(JSON.stringify(all))).toBe("M");
    expect(messageOfErrorBody(JSON.stringify({ ...all, Message: undefined }))).toBe("m");
    expect(messageOfErrorBody(JSON.stringify({ title: "T", error: "E", detail: "D" }))).toBe("D");
    expect(messageOfErrorBody(JSON.stringify({ title: "T", error: "E" }))).toBe("E");
  });

  it("skips blank and non-text messages", () => {
    expect(messageOfErrorBody('{"Message": "  ", "message": 5, "title": "T"}')).toBe("T");
  });

  it("adds every field error after the message", () => {
    const body = {
      title: "One or more validation errors occurred.",
      errors: {
        templateId: ["is required", "must be a number"],
        startsOn: "is not a date",
        endsOn: [3, "is before startsOn", null],
        ignored: [1, 2],
        empty: [],
      },
    };
    expect(messageOfErrorBody(JSON.stringify(body))).toBe(
      "One or more validation errors occurred.: templateId: is required, must be a number; startsOn: is not a date; endsOn: is before startsOn",
    );
  });

  it("shows field errors alone when there is no message", () => {
    expect(messageOfErrorBody('{"errors": {"templateId": ["is required"]}}')).toBe(
      "templateId: is required",
    );
  });

  it("names the keys, not the values, of an error object without a message", () => {
    expect(messageOfErrorBody('{"Status": 500, "StackTrace": "at Secret.Method()"}')).toBe(
      "JSON without a message (keys: Status, StackTrace)",
    );
    expect(messageOfErrorBody("{}")).toBe("JSON without a message (keys: )");
    expect(messageOfErrorBody('{"errors": null}')).toBe("JSON without a message (keys: errors)");
    expect(messageOfErrorBody('{"errors": "flat"}')).toBe("JSON without a message (keys: errors)");
    expect(messageOfErrorBody('{"errors": {"a": [1], "b": []}}')).toBe(
      "JSON without a message (keys: errors)",
    );
  });
});

// Made-up people: what a report's rows hold, served where an error or a page was expected.
const ROW = "Jeanne Varenne;E-20931;jeanne.varenne@example.org;7,5";
const CSV = `Collaborateur;Matricule;E-mail;Heures\r\n${ROW}\r\n`;

describe("messageOfErrorBody quotes nothing that may be the report", () => {
  it.each([
    ["a CSV with its header", CSV],
    ["a CSV row alone", ROW],
    ["a comma-separated row", "Jeanne Varenne,E-20931,7.5"],
    ["a tab-separated row", "Jeanne Varenne\tE-20931\t7.5"],
    ["a pipe-separated row", "Jeanne Varenne|E-20931|7.5"],
    ["an e-mail address", "contact jeanne.varenne@example.org"],
    ["two lines", "Jeanne Varenne\nE-20931"],
    ["a text past 200 characters", "x".repeat(201)],
    ["a JSON array of rows", '[{"name": "Jeanne Varenne", "id": "E-20931"}]'],
    ["a JSON array of strings", '["Jeanne Varenne", "E-20931"]'],
    ["a JSON string holding a row", JSON.stringify(ROW)],
    ["an error object with rows", '{"Message": "Export failed", "rows": [["Jeanne Varenne"]]}'],
    ["an error object with a nested value", '{"error": "x", "data": {"name": "Jeanne"}}'],
    ["an error object keyed by a person", '{"Jeanne Varenne <jv@example.org>": "x"}'],
    ["an error message holding a row", JSON.stringify({ Message: ROW })],
    ["an error message holding an e-mail", '{"error": "no access for jv@example.org"}'],
    ["field errors keyed by a person", '{"errors": {"Jeanne Varenne": ["x"]}}'],
    ["field errors holding a row", JSON.stringify({ errors: { startsOn: [ROW] } })],
    ["field errors with an object", '{"title": "t", "errors": {"a": [{"b": 1}]}}'],
    ["field errors as an array", '{"errors": ["Jeanne Varenne"], "code": 7}'],
    ["a page-like CSV (a cell of markup)", "name;note\r\nJeanne;<html>\r\n"],
  ])("%s", (_label, body) => {
    expect(messageOfErrorBody(body)).toBeUndefined();
  });

  it("names a page by a title that is a short text only", () => {
    expect(
      messageOfErrorBody(`<html><head><title>${ROW}</title></head><body>${CSV}</body></html>`),
    ).toBe("an HTML page");
    expect(messageOfErrorBody(`<html><body><table><tr><td>${ROW}</td></tr></table>`)).toBe(
      "an HTML page",
    );
  });

  it("takes markup for a page only when it starts the body and is HTML's", () => {
    expect(messageOfErrorBody("\ufeff <body>Sign in</body>")).toBe("an HTML page");
    expect(
      messageOfErrorBody("<?xml version='1.0'?><Error><Code>AccessDenied</Code></Error>"),
    ).toBe("<?xml version='1.0'?><Error><Code>AccessDenied</Code></Error>");
    expect(messageOfErrorBody("<Error>Jeanne;E-20931;jv</Error>")).toBeUndefined();
  });
});

describe("isShortText", () => {
  it("allows one delimiter of a kind, not two", () => {
    expect(isShortText("a;b")).toBe(true);
    expect(isShortText("a;b;c")).toBe(false);
    expect(isShortText("a, b, c, d")).toBe(true);
    expect(isShortText("a,b, c")).toBe(true);
    expect(isShortText("a,b,c")).toBe(false);
    expect(isShortText("a@b")).toBe(true);
    expect(isShortText("a@b.fr")).toBe(false);
    expect(isShortText(` ${"y".repeat(200)} `)).toBe(true);
    expect(isShortText("a\u2028b")).toBe(false);
  });
});
