import { describe, expect, it } from "vitest";
import { reportSchema } from "./schemas.ts";

const report = { id: 1001, templateId: "42", status: "Pending", startsOn: null, endsOn: null };

describe("reportSchema envelopes", () => {
  it.each([
    ["bare", report],
    ["data", { data: report }],
    [
      "header+data",
      { header: { generated: "2026-11-28T10:00:00Z", principal: "x" }, data: report },
    ],
    ["items", { data: { items: [report] } }],
    ["array", [report]],
  ])("reads a report sent %s", (_, body) => {
    expect(reportSchema.parse(body)).toMatchObject({ id: "1001", status: "pending" });
  });

  it.each([
    ["an empty collection", { data: { items: [] } }],
    ["two reports", [report, { ...report, id: 1002 }]],
  ])("refuses %s: which report it means is unknown", (_, body) => {
    expect(reportSchema.safeParse(body).success).toBe(false);
  });
});
