import { describe, expect, it } from "vitest";
import type { ReportJobResult } from "../core/report-job.ts";
import { renderManySummary } from "./summary-many.ts";

function done(month: number): ReportJobResult {
  const wide = Array.from({ length: 40 }, (_, i) => `column ${i} ${"x".repeat(200)}`);
  return {
    reportId: String(1000 + month),
    templateId: "42",
    startsOn: "2024-01-01",
    endsOn: "2024-01-31",
    rangeSent: { startsOn: "2024-01-01", endsOn: "2024-01-31", convention: "inclusive" },
    status: "done",
    format: "csv",
    path: `/w/reports/${month}.csv`,
    bytes: 123_456,
    rows: 5000,
    columns: 40,
    sha256: "0".repeat(64),
    attempts: 1,
    polls: 3,
    durationMs: 1000,
    polling: { expectedMs: null, generationMs: null, requestsSaved: 0 },
    stats: { header: wide, preview: Array.from({ length: 100 }, () => wide) } as never,
  };
}

describe("renderManySummary", () => {
  it("stays under GitHub's 1 MiB step summary limit with 36 reports of wide previews", () => {
    const rows = Array.from({ length: 36 }, (_, i) => {
      const result = done(i);
      return {
        outcome: {
          spec: { templateId: "42", period: { startsOn: result.startsOn, endsOn: result.endsOn } },
          status: "done" as const,
          result,
        },
      };
    });
    const markdown = renderManySummary(rows, {});
    expect(new TextEncoder().encode(markdown).length).toBeLessThan(1024 * 1024);
    expect(markdown.match(/<details>/g)).toHaveLength(36);
    expect(markdown.match(/^\| 42 \| 2024-01-01\.\.2024-01-31 \| done \|/gm)).toHaveLength(36);
    // Every report still shows some rows of its preview.
    expect(markdown).not.toMatch(/first 0 of/);
  });

  it("escapes a failure message and names the report to resume", () => {
    const markdown = renderManySummary(
      [
        {
          outcome: {
            spec: { templateId: "43", period: { startsOn: "2024-02-01", endsOn: "2024-02-29" } },
            status: "failed",
            error: new Error("<b>boom</b> | pipe"),
            reportId: "1007",
          },
        },
      ],
      {},
    );
    expect(markdown).toContain("&lt;b&gt;boom&lt;/b&gt; \\| pipe");
    expect(markdown).not.toContain("<b>");
    expect(markdown).toContain("Resume with `report-id: 1007`");
  });
});
