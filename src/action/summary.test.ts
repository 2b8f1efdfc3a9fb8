import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import type { ReportJobResult } from "../core/report-job.ts";
import type { ReportOutcome } from "../core/run-reports.ts";
import type { ReportRow } from "./step-facts.ts";
import { renderSummary } from "./summary.ts";

const OCTOBER = { startsOn: "2026-10-01", endsOn: "2026-10-31" };

function result(extra: Partial<ReportJobResult> = {}): ReportJobResult {
  return {
    reportId: "1001",
    templateId: "42",
    ...OCTOBER,
    rangeSent: { ...OCTOBER, convention: "inclusive" },
    status: "done",
    format: "csv",
    path: "/w/reports/42_2026-10-01_2026-10-31.csv",
    bytes: 7434,
    rows: 12345,
    columns: 3,
    sha256: "ab".repeat(32),
    attempts: 1,
    polls: 3,
    durationMs: 21_000,
    polling: { expectedMs: null, generationMs: 20_000, requestsSaved: 0 },
    stats: {
      header: ["Nom", "Heures", "Service"],
      preview: [["Ann", "7,5", "RH"]],
      encoding: "utf-8",
      bom: true,
      totals: [{ column: "Heures", index: 1, sum: 25430.75, decimals: 2 }],
    } as never,
    ...extra,
  };
}

const doneRow = (
  extra: Partial<ReportJobResult> = {},
  more: Partial<ReportRow> = {},
): ReportRow => {
  const r = result(extra);
  return {
    outcome: {
      spec: { templateId: r.templateId, period: { startsOn: r.startsOn, endsOn: r.endsOn } },
      status: "done",
      result: r,
    },
    ...more,
  };
};

const failedRow = (templateId: string, error: unknown, reportId?: string): ReportRow => ({
  outcome: {
    spec: { templateId, period: OCTOBER },
    status: "failed",
    error,
    reportId,
  } as ReportOutcome,
});

const renderer = new MarkdownIt({ html: true, linkify: false });

describe("renderSummary, one report", () => {
  it("leads with the template, the period in words, the rows, the change and the link", () => {
    const markdown = renderSummary({
      rows: [
        doneRow(
          {},
          {
            change: {
              state: "changed",
              diff: {
                changed: true,
                comparedRecords: true,
                added: 6,
                removed: 0,
                addedExamples: [],
                removedExamples: [],
              },
            },
            artifact: { name: "october", url: "https://github.com/a/b/actions/runs/1/artifacts/2" },
          },
        ),
      ],
    });
    const lines = markdown.split("\n");
    expect(lines[0]).toBe("## ✅ Lucca report: template 42, October 2026");
    expect(markdown).toContain(
      "Artifact: [october](https://github.com/a/b/actions/runs/1/artifacts/2)",
    );
    expect(markdown).toContain("| Template | Period | Status | Rows | Size | Change | Totals |");
    expect(markdown).toContain("| --- | --- | --- | ---: | ---: | --- | --- |");
    expect(markdown).toContain("Totals over all 12,345 rows: Heures: 25,430.75");
    expect(markdown).toContain(
      "| 42 | October 2026 | done | 12,345 | 7.3 KiB | +6 −0 | Heures: 25,430.75 |",
    );
    // The technical facts are collapsed, in a table with a real header.
    expect(markdown).toMatch(/<details>\n<summary>Details<\/summary>\n\n\| Fact \| Value \|/);
    expect(markdown).not.toMatch(/^\| \| \|$/m);
    expect(markdown).toContain("| Size | 7.3 KiB (7,434 bytes) |");
    expect(markdown).toContain("| Encoding | UTF-8 with BOM |");
    // The preview right-aligns its numbers (decimal commas included).
    expect(markdown).toContain("| --- | ---: | --- |");
  });

  it("says new on a first run and same when unchanged", () => {
    expect(renderSummary({ rows: [doneRow({}, { change: { state: "first" } })] })).toContain(
      "| new |",
    );
    expect(
      renderSummary({ rows: [doneRow({}, { change: { state: "unchanged", diff: undefined } })] }),
    ).toContain("| same |");
  });
});

describe("renderSummary, several reports", () => {
  it("has one artifact link above the table, the change per report, and failures by template and period", () => {
    const artifact = {
      name: "lucca-reports",
      url: "https://github.com/a/b/actions/runs/1/artifacts/9",
    };
    const markdown = renderSummary({
      rows: [
        doneRow({}, { change: { state: "first" }, artifact }),
        doneRow(
          { templateId: "43", reportId: "1002" },
          {
            change: {
              state: "changed",
              diff: {
                changed: true,
                comparedRecords: true,
                added: 3,
                removed: 0,
                addedExamples: [],
                removedExamples: [],
              },
            },
            artifact,
          },
        ),
        failedRow("44", new Error("Lucca refused <b>x</b>"), "1003"),
      ],
    });
    expect(markdown.split("\n")[0]).toBe("## ❌ Lucca reports: 2 of 3 done");
    expect(markdown.match(/artifacts\/9/g)).toHaveLength(1);
    expect(markdown).toContain(
      "| 42 | October 2026 | done | 12,345 | 7.3 KiB | new | Heures: 25,430.75 |",
    );
    expect(markdown).toContain(
      "| 43 | October 2026 | done | 12,345 | 7.3 KiB | +3 −0 | Heures: 25,430.75 |",
    );
    // A totals row: the rows, the size and each column's sum over the reports done.
    expect(markdown).toContain(
      "| **Total** |  | 2 done | 24,690 | 14.5 KiB |  | Heures: 50,861.50 |",
    );
    expect(markdown).not.toContain("| changed |");
    expect(markdown).toContain("- template 44, October 2026: Lucca refused &lt;b&gt;x&lt;/b&gt;");
    expect(markdown).toContain(
      "To resume, re-run with the inputs `template-id: 44` and `report-id: 1003`.",
    );
    expect(markdown).not.toContain("<b>");
  });

  it("stays under GitHub's 1 MiB step summary limit with 36 reports of wide previews", () => {
    const wide = Array.from({ length: 40 }, (_, i) => `column ${i} ${"x".repeat(200)}`);
    const rows = Array.from({ length: 36 }, (_, i) =>
      doneRow({
        reportId: String(1000 + i),
        stats: {
          header: wide,
          preview: Array.from({ length: 100 }, () => wide),
          encoding: "utf-8",
          bom: false,
        } as never,
      }),
    );
    const markdown = renderSummary({ rows });
    expect(new TextEncoder().encode(markdown).length).toBeLessThan(1024 * 1024);
    expect(markdown.match(/^\| 42 \| October 2026 \| done \|/gm)).toHaveLength(36);
    expect(markdown).not.toMatch(/first 0 of/);
  });
});

describe("renderSummary with hostile values", () => {
  const HOSTILE = [
    "<!-- hide the rest",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "`code` ``more``",
    "</details><script>x</script>",
    "a | b\n## Forged heading",
  ];
  const ours =
    /^<\/?(h2|h3|p|strong|table|thead|tbody|tr|th|td|code|details|summary|br|ul|li|em)\b/;

  it.each(HOSTILE)("escapes %j wherever the server's text lands", (text) => {
    const markdown = renderSummary({
      rows: [
        doneRow({
          reportId: text,
          templateId: text,
          startsOn: text,
          endsOn: text,
          path: `/w/${text}`,
          stats: {
            header: [text, "b"],
            preview: [[text, text]],
            encoding: "utf-8",
            bom: false,
          } as never,
        }),
      ],
      failure: { title: "t", message: `Lucca said: ${text}`, resume: undefined },
    });
    const html = renderer.render(markdown);
    const foreign = [...html.matchAll(/<!--|<\/?[a-z][^>]*>/gi)]
      .map((m) => m[0])
      .filter((tag) => !ours.test(tag));
    expect(foreign).toEqual([]);
    expect(html.match(/<h2/g)).toHaveLength(1);
  });

  it("drops a link target that is not http(s)", () => {
    const markdown = renderSummary({
      rows: [doneRow({}, { artifact: { name: "a", url: "javascript:alert(1)" } })],
    });
    expect(markdown).toContain("Artifact: a");
    expect(markdown).not.toContain("javascript:");
  });
});
