import { describe, expect, it } from "vitest";
import { reportSchema } from "./schemas.ts";

describe("reportSchema", () => {
  const bare = {
    id: 123,
    templateId: "42",
    status: "pending",
    startsOn: "2026-10-01",
    endsOn: "2026-10-31",
    columns: [],
  };

  it("reads a bare report", () => {
    expect(reportSchema.parse(bare)).toMatchObject({
      id: "123",
      templateId: "42",
      status: "pending",
    });
  });

  it("reads a report wrapped in data, string ids, any letter case", () => {
    const parsed = reportSchema.parse({
      data: { ...bare, id: "123", templateId: 42, status: "DONE" },
    });
    expect(parsed).toMatchObject({ id: "123", templateId: "42", status: "done" });
  });

  it("keeps null dates and cuts date-times to dates", () => {
    expect(
      reportSchema.parse({ ...bare, startsOn: null, endsOn: "2026-10-31T00:00:00" }),
    ).toMatchObject({
      startsOn: null,
      endsOn: "2026-10-31",
    });
  });

  it("rejects objects that are not reports", () => {
    expect(reportSchema.safeParse({ status: "done" }).success).toBe(false);
    expect(reportSchema.safeParse({ id: 1 }).success).toBe(false);
    expect(reportSchema.safeParse({ data: null }).success).toBe(false);
  });
});
