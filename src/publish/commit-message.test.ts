import { describe, expect, it } from "vitest";
import { commitValue, DEFAULT_COMMIT_MESSAGE, renderCommitMessage } from "./commit-message.ts";

const values = {
  templateId: "42",
  startsOn: "2026-10-01",
  endsOn: "2026-10-31",
  reportId: "77",
  rows: "10",
  sha256: "ab",
  count: "1",
};

/** What git would read as trailers: `Token: value` lines in the last paragraph. */
function trailers(message: string): string[] {
  const paragraphs = message.trimEnd().split(/\n\s*\n/);
  const last = paragraphs.length > 1 ? (paragraphs.at(-1) ?? "") : "";
  return last.split("\n").filter((line) => /^[A-Za-z0-9-]+:\s/.test(line));
}

describe("renderCommitMessage (finding 12)", () => {
  it("renders the default message", () => {
    expect(renderCommitMessage(DEFAULT_COMMIT_MESSAGE, values)).toBe(
      "Add Lucca report 42 2026-10-01..2026-10-31",
    );
  });

  it.each([
    "77\n\nCo-authored-by: Mallory <m@evil.example>",
    "77\r\n\r\nSigned-off-by: Mallory <m@evil.example>",
    "77\u2028\u2028Co-authored-by: Mallory <m@evil.example>",
    "77\u0085\u0085Co-authored-by: Mallory <m@evil.example>",
    "77\u000b\u000cCo-authored-by: Mallory <m@evil.example>",
  ])("keeps a hostile value %j on its line: no forged trailer", (hostile) => {
    const message = renderCommitMessage("Add report {reportId}", { ...values, reportId: hostile });
    expect(message.split("\n")).toHaveLength(1);
    expect(trailers(message)).toEqual([]);
    expect(message).not.toMatch(/\n/);
  });

  it("leaves the user's own lines and trailers as written", () => {
    const message = renderCommitMessage("Report {reportId}\n\nCo-authored-by: Me <me@x>", values);
    expect(trailers(message)).toEqual(["Co-authored-by: Me <me@x>"]);
  });

  it("removes bidi controls and cuts very long values", () => {
    expect(commitValue("a\u202eb")).toBe("a b");
    expect(commitValue("x".repeat(500))).toHaveLength(100);
  });

  it("renders a value on one trimmed line with single spaces", () => {
    expect(commitValue("  77 \t\u00a0 report  ")).toBe("77 report");
    expect(commitValue("a\u202e\u202e\u2066b\r\n\r\nc")).toBe("a b c");
    expect(commitValue("")).toBe("");
  });

  it("cuts a long value after 100 characters, never inside one", () => {
    expect(commitValue(`${"x".repeat(99)}yz`)).toBe(`${"x".repeat(99)}y`);
    expect(commitValue("\u{1f600}".repeat(150))).toBe("\u{1f600}".repeat(100));
  });
});
