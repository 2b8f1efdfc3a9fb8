import { describe, expect, it } from "vitest";
import { codeSpan, escapeCell, escapeMarkdown, escapeWithCode, linkTarget } from "./markdown.ts";

describe("escapeMarkdown, character by character", () => {
  it("makes each HTML character an entity", () => {
    expect(escapeMarkdown(`x & < > " '`)).toBe("x &amp; &lt; &gt; &quot; &#39;");
  });

  it("escapes each Markdown punctuation mark", () => {
    expect(escapeMarkdown("x \\ ` * _ [ ] ( ) ! | ~ . , : ; ? @")).toBe(
      "x \\\\ \\` \\* \\_ \\[ \\] \\( \\) \\! \\| \\~ . , : ; ? @",
    );
  });

  it("turns every kind of line break into one space, and escapes other controls", () => {
    expect(escapeMarkdown("a\r\nb\rc\nd\u2028e\u2029f\u0085g\u0000h")).toBe(
      "a b c d e f g\\\\x00h",
    );
  });

  it("escapes each line-start construct, after any leading space", () => {
    expect(escapeMarkdown("#x")).toBe("\\#x");
    expect(escapeMarkdown("  # x")).toBe("  \\# x");
    expect(escapeMarkdown("+ x")).toBe("\\+ x");
    expect(escapeMarkdown("= x")).toBe("\\= x");
    expect(escapeMarkdown("- x")).toBe("\\- x");
    expect(escapeMarkdown("12. x")).toBe("12\\. x");
    expect(escapeMarkdown(" 3. x")).toBe(" 3\\. x");
    expect(escapeMarkdown("> quote")).toBe("&gt; quote");
  });

  it("leaves the same marks alone past the start of the line", () => {
    expect(escapeMarkdown("a # b - c + d = e 1. f")).toBe("a # b - c + d = e 1. f");
    expect(escapeMarkdown("12 x. y")).toBe("12 x. y");
  });
});

describe("escapeCell", () => {
  it("shows each line break as <br>, CRLF as one", () => {
    expect(escapeCell("a\r\nb\rc\u2028# d")).toBe("a<br>b<br>c<br>\\# d");
  });
});

describe("codeSpan", () => {
  it("pads a span that starts or ends with a backtick, or is empty", () => {
    expect(codeSpan("`x")).toBe("`` `x ``");
    expect(codeSpan("x`")).toBe("`` x` ``");
    expect(codeSpan("")).toBe("`  `");
    expect(codeSpan(" x ")).toBe("` x `");
  });

  it("fences past the longest run, wherever it is", () => {
    expect(codeSpan("a```b`c``d")).toBe("````a```b`c``d````");
  });

  it("escapes pipes only in a table", () => {
    expect(codeSpan("a|b|c")).toBe("`a|b|c`");
    expect(codeSpan("a|b|c", true)).toBe("`a\\|b\\|c`");
  });

  it("keeps the span on one line, controls escaped", () => {
    expect(codeSpan("a\r\nb\u2029c\u0007")).toBe("`a b c\\x07`");
  });
});

describe("escapeWithCode", () => {
  it("escapes only outside the code marks, on every line", () => {
    expect(escapeWithCode("*a* `b*c` d `e|f` _g_")).toBe("\\*a\\* `b*c` d `e|f` \\_g\\_");
    expect(escapeWithCode("# one `x`\r\n- two `y`")).toBe("\\# one `x`  \n\\- two `y`");
  });
});

describe("linkTarget", () => {
  it("keeps http and https URLs, normalised", () => {
    expect(linkTarget("http://x.example")).toBe("http://x.example/");
    expect(linkTarget("HTTPS://X.Example/a?b=c#d")).toBe("https://x.example/a?b=c#d");
  });

  it("encodes what could end the link", () => {
    expect(linkTarget("https://x.example/a b<c>(d)?e=(f)#(g)")).toBe(
      "https://x.example/a%20b%3Cc%3E%28d%29?e=%28f%29#%28g%29",
    );
  });

  it("refuses other schemes", () => {
    expect(linkTarget("ftp://x.example/")).toBeUndefined();
    expect(linkTarget("file:///etc/passwd")).toBeUndefined();
  });
});
