import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { renderSummary } from "./summary-markdown.ts";

const HOSTILE = [
  "<!-- hide the rest",
  '<img src=x onerror="alert(1)">',
  "[click](javascript:alert(1))",
  "![pixel](https://evil.example/p.png)",
  "`code` ``more``",
  "</details><script>x</script>",
  "a | b\n## Forged heading",
  "x\u2028<b>sep</b>",
];

/** A CommonMark + tables renderer that lets raw HTML through, as GitHub's does before sanitising. */
const renderer = new MarkdownIt({ html: true, linkify: false });

/** HTML elements and links in the rendered summary that the summary itself does not make. */
function foreignMarkup(markdown: string): string[] {
  const html = renderer.render(markdown);
  const ours =
    /^<\/?(h2|p|strong|table|thead|tbody|tr|th|td|code|details|summary|br|h3|ul|li|em)\b/;
  const found = [...html.matchAll(/<!--|<\/?[a-z][^>]*>/gi)]
    .map((match) => match[0])
    .filter((tag) => !ours.test(tag));
  return found;
}

describe("renderSummary with hostile values (finding 3)", () => {
  it.each(HOSTILE)("escapes %j wherever the server's text lands", (text) => {
    const markdown = renderSummary({
      reportId: text,
      templateId: text,
      startsOn: text,
      endsOn: text,
      status: text,
      path: `/work/${text}`,
      header: [text, "b"],
      preview: [[text, text]],
      rows: 1,
      change: {
        state: "changed",
        diff: {
          changed: true,
          comparedRecords: true,
          added: 1,
          removed: 1,
          addedExamples: [text],
          removedExamples: [text],
        },
      } as never,
      failure: {
        title: "Lucca rejected the request",
        message: `Lucca said: ${text}\nsecond line ${text}`,
        resume: `To resume, re-run with the input \`report-id: ${text}\`.`,
      },
    });
    expect(foreignMarkup(markdown)).toEqual([]);
    // No link or image at all: "[…](" from the server stays text (or sits in a code span).
    const html = renderer.render(markdown);
    expect(html).not.toMatch(/<a |<img|<h2[^>]*>Forged|javascript:alert\(1\)"/);
    expect(html.match(/<h2/g)).toHaveLength(1);
    // The heading stays one line and names the id, escaped.
    const heading = markdown.split("\n")[0] ?? "";
    expect(heading.startsWith("## ❌ Lucca report ")).toBe(true);
  });

  it("keeps our own links and code", () => {
    const markdown = renderSummary({
      reportId: "1001",
      status: "done",
      sha256: "ab".repeat(32),
      artifact: {
        name: "october.csv",
        url: "https://github.com/acme/x/actions/runs/1/artifacts/2",
      },
      failure: {
        title: "t",
        message: "m",
        resume: "To resume, re-run with the input `report-id: 1001`.",
      },
    });
    expect(markdown).toContain(
      "[october.csv](https://github.com/acme/x/actions/runs/1/artifacts/2)",
    );
    expect(markdown).toContain("re-run with the input `report-id: 1001`.");
    expect(markdown).toContain(`| SHA-256 | \`${"ab".repeat(32)}\` |`);
    expect(markdown.split("\n")[0]).toBe("## ❌ Lucca report 1001");
    expect(foreignMarkup(markdown)).toEqual([
      '<a href="https://github.com/acme/x/actions/runs/1/artifacts/2">',
      "</a>",
    ]);
  });

  it("drops a link target that is not http(s)", () => {
    const markdown = renderSummary({
      status: "done",
      artifact: { name: "a", url: "javascript:alert(1)" },
    });
    expect(markdown).toContain("| Artifact | a |");
  });
});
