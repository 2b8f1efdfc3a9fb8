import { describe, expect, it } from "vitest";
import { codeSpan, escapeCell, escapeMarkdown, escapeWithCode, linkTarget } from "./markdown.ts";

describe("markdown door", () => {
  it("escapes HTML and Markdown punctuation in text", () => {
    expect(escapeMarkdown("<!-- x -->")).toBe("&lt;\\!-- x --&gt;");
    expect(escapeMarkdown("[a](javascript:b)")).toBe("\\[a\\]\\(javascript:b\\)");
    expect(escapeMarkdown("a\nb")).toBe("a b");
    expect(escapeMarkdown("# not a heading")).toBe("\\# not a heading");
    expect(escapeMarkdown("1. not a list")).toBe("1\\. not a list");
    expect(escapeMarkdown("2026-10-01..2026-10-31")).toBe("2026-10-01..2026-10-31");
  });

  it("keeps a table cell one cell", () => {
    expect(escapeCell("a|b\nc")).toBe("a\\|b<br>c");
  });

  it("fences a code span past every backtick run inside", () => {
    expect(codeSpan("plain")).toBe("`plain`");
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("`x``")).toBe("``` `x`` ```");
    expect(codeSpan("a|b", true)).toBe("`a\\|b`");
    expect(codeSpan("a\nb")).toBe("`a b`");
  });

  it("escapes the text around our own code marks", () => {
    expect(escapeWithCode("run `report-id: 7` <b>")).toBe("run `report-id: 7` &lt;b&gt;");
    expect(escapeWithCode("a\nb")).toBe("a  \nb");
  });

  it("accepts http(s) link targets only, with parentheses encoded", () => {
    expect(linkTarget("https://x.example/a(b)")).toBe("https://x.example/a%28b%29");
    expect(linkTarget("javascript:alert(1)")).toBeUndefined();
    expect(linkTarget("data:text/html,x")).toBeUndefined();
    expect(linkTarget("not a url")).toBeUndefined();
  });
});
