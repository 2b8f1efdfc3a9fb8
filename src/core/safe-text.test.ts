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
});

describe("truncate", () => {
  it("cuts on whole code points", () => {
    expect(truncate("abcdef", 3)).toBe("abc…");
    expect(truncate("abc", 3)).toBe("abc");
    expect(truncate("😀😀😀😀", 2)).toBe("😀😀…");
  });
});
