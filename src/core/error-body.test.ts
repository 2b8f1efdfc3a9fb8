import { describe, expect, it } from "vitest";
import { messageOfErrorBody } from "./error-body.ts";

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

  it("shows text that is not JSON as it is, trimmed", () => {
    expect(messageOfErrorBody("  Bad Request\n")).toBe("Bad Request");
    expect(messageOfErrorBody("{not json")).toBe("{not json");
  });

  it("shows a JSON string as the string, and other JSON values as written", () => {
    expect(messageOfErrorBody(' "Report not found" ')).toBe("Report not found");
    expect(messageOfErrorBody("null")).toBe("null");
    expect(messageOfErrorBody("false")).toBe("false");
    expect(messageOfErrorBody(" 42 ")).toBe("42");
    expect(messageOfErrorBody('["a", "b"]')).toBe('["a", "b"]');
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

  it("names the keys, not the values, of JSON without a message", () => {
    expect(messageOfErrorBody('{"Status": 500, "StackTrace": "at Secret.Method()"}')).toBe(
      "JSON without a message (keys: Status, StackTrace)",
    );
    expect(messageOfErrorBody("{}")).toBe("JSON without a message (keys: )");
    expect(messageOfErrorBody('{"errors": ["not", "an", "object"], "code": 7}')).toBe(
      "JSON without a message (keys: errors, code)",
    );
    expect(messageOfErrorBody('{"errors": null}')).toBe("JSON without a message (keys: errors)");
    expect(messageOfErrorBody('{"errors": "flat"}')).toBe("JSON without a message (keys: errors)");
    expect(messageOfErrorBody('{"errors": {"a": [1], "b": []}}')).toBe(
      "JSON without a message (keys: errors)",
    );
  });

  it("names at most ten keys", () => {
    const keys = Array.from({ length: 11 }, (_, index) => `k${index}`);
    const body = JSON.stringify(Object.fromEntries(keys.map((key) => [key, 0])));
    expect(messageOfErrorBody(body)).toBe(
      "JSON without a message (keys: k0, k1, k2, k3, k4, k5, k6, k7, k8, k9)",
    );
  });
});
