import { describe, expect, it } from "vitest";
import { calendarDay, reportSchema } from "./schemas.ts";

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

describe("reportSchema refuses what it cannot trust", () => {
  const good = { id: 77, templateId: "42", status: "pending", startsOn: null, endsOn: null };
  it.each([
    ["an id with a line break", { id: "77\n::set-output name=path::/etc/passwd" }],
    ["an id with a path", { id: "../../etc" }],
    ["an id too long", { id: "a".repeat(65) }],
    ["a negative id", { id: -1 }],
    ["a fractional id", { id: 1.5 }],
    ["a missing id", { id: undefined }],
    ["a null status", { status: null }],
    ["a numeric status", { status: 3 }],
    ["a status with a line break", { status: "pending\n::error title=Forged::hi" }],
    ["a status with a command", { status: "::add-mask::x" }],
    ["a status too long", { status: "p".repeat(33) }],
    ["a templateId with a path", { templateId: "../../../../tmp/x" }],
    ["a templateId of slashes", { templateId: "/../../" }],
    ["a date that is a path", { startsOn: "../../x" }],
    ["a date that does not exist", { endsOn: "2026-02-30" }],
    ["a date with a tail", { endsOn: "2026-10-31/../../x" }],
    ["a date-time with a bad day", { endsOn: "2026-13-01T00:00:00" }],
  ])("refuses %s", (_label, patch) => {
    expect(reportSchema.safeParse({ ...good, ...patch }).success).toBe(false);
    expect(reportSchema.safeParse({ data: { ...good, ...patch } }).success).toBe(false);
  });

  it("accepts the forms Lucca uses", () => {
    expect(
      reportSchema.parse({
        ...good,
        id: "rep_7-A",
        templateId: 42,
        startsOn: "2024-02-29",
        endsOn: "2026-10-31T23:59:59.000+02:00",
      }),
    ).toMatchObject({
      id: "rep_7-A",
      templateId: "42",
      startsOn: "2024-02-29",
      endsOn: "2026-10-31",
    });
    expect(reportSchema.safeParse({ ...good, startsOn: "2026-02-29" }).success).toBe(false);
    expect(reportSchema.safeParse({ ...good, startsOn: "2000-02-29" }).success).toBe(true);
    expect(reportSchema.safeParse({ ...good, startsOn: "1900-02-29" }).success).toBe(false);
  });
});

describe("calendarDay", () => {
  it("accepts real days and date-time prefixes only", () => {
    expect(calendarDay("2026-10-31")).toBe("2026-10-31");
    expect(calendarDay("2026-10-31T00:00:00Z")).toBe("2026-10-31");
    expect(calendarDay("2026-04-31")).toBeUndefined();
    expect(calendarDay("2026-10-31 junk")).toBeUndefined();
    expect(calendarDay("2026-10-00")).toBeUndefined();
  });
});
