import { describe, expect, it } from "vitest";
import { escapeControls, logSafe, logSafeLines, truncate } from "./safe-text.ts";

/** A line the runner would read as a workflow command (v2 `::`, legacy `##[`). */
const COMMAND_LINE = /^\s*(::|##\[)/m;

describe("logSafe", () => {
  it.each([
    "77\n::set-output name=path::/etc/passwd",
    "pending\n::error title=Forged::hi",
    "pending\r::error::hi",
    "pending\r\n::warning::hi",
    "x\u2028::add-mask::x",
    "x\u2029::stop-commands::tok",
    "x\u0085::error::next line",
    "::add-mask::x",
    "  ::stop-commands::tok",
    "\t::error::tab",
    "x\n##[set-output name=a;]b",
    "##[error]legacy",
  ])("keeps %j on one line that starts no command", (hostile) => {
    const safe = logSafe(hostile);
    expect(safe).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
    expect(safe).not.toMatch(COMMAND_LINE);
    expect(`Report ${safe}`).not.toMatch(COMMAND_LINE);
    expect(safe).not.toContain("##[");
  });

  it("shows control characters as visible escapes", () => {
    expect(escapeControls("a\nb\rc\td\u0000e\u001bf\u007fg\u009bh")).toBe(
      "a\\nb\\rc\\td\\x00e\\x1bf\\x7fg\\x9bh",
    );
    expect(escapeControls("x\u202eevil\u2066\u200f\ufeff")).toBe(
      "x\\u202eevil\\u2066\\u200f\\ufeff",
    );
  });

  it("escapes every character of the unsafe set, with fixed-width codes", () => {
    expect(escapeControls("\u0001\u001f\u009f\u061c\u200e\u2028\u2029\u202a\u2069")).toBe(
      "\\x01\\x1f\\x9f\\u061c\\u200e\\u2028\\u2029\\u202a\\u2069",
    );
    expect(escapeControls(" ~\u00a0\u00ff\u202f\u2065")).toBe(" ~\u00a0\u00ff\u202f\u2065");
  });

  it("escapes the first colon of a leading ::, after any leading space", () => {
    expect(logSafe("::error::x")).toBe("\\::error::x");
    expect(logSafe("  ::error::x ")).toBe("  \\::error::x ");
    expect(logSafe("a ::error::x")).toBe("a ::error::x");
    expect(logSafe(":x")).toBe(":x");
  });

  it("breaks every legacy ##[ marker", () => {
    expect(logSafe("##[a] ##[b]")).toBe("#\\#[a] #\\#[b]");
  });

  it("leaves ordinary text alone and is stable when applied twice", () => {
    for (const text of ["Report 1001: pending", "https://acme.ilucca.net/x", "a::b", "été 2026"]) {
      expect(logSafe(text)).toBe(text);
    }
    const once = logSafe("::x\n::y ##[z");
    expect(logSafe(once)).toBe(once);
  });

  it("logSafeLines keeps line structure but neutralises each line", () => {
    const text = "Error: one\n::error::two\r\n  ::add-mask::three\u2028##[four]";
    const safe = logSafeLines(text);
    expect(safe.split("\n")).toHaveLength(4);
    expect(safe).not.toMatch(COMMAND_LINE);
  });

  it("logSafeLines splits on every kind of line break, CRLF as one", () => {
    expect(logSafeLines("a\r\nb\rc\nd\u2028e\u2029f")).toBe("a\nb\nc\nd\ne\nf");
    expect(logSafeLines("::x\n##[y\tz")).toBe("\\::x\n#\\#[y\\tz");
  });
});

describe("truncate", () => {
  it("cuts on whole code points", () => {
    expect(truncate("abcdef", 3)).toBe("abc…");
    expect(truncate("abc", 3)).toBe("abc");
    expect(truncate("😀😀😀😀", 2)).toBe("😀😀…");
    expect(truncate("😀😀", 2)).toBe("😀😀");
    expect(truncate("abcd", 3)).toBe("abc…");
    expect(truncate("", 0)).toBe("");
    expect(truncate("a", 0)).toBe("…");
    expect(truncate("a😀b", 2)).toBe("a😀…");
    expect(truncate("😀a", 1)).toBe("😀…");
    expect(truncate("😀", 1)).toBe("😀");
  });
});
