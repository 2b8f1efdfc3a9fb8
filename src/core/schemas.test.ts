import { describe, expect, it } from "vitest";
import {
  calendarDay,
  isKnownStatus,
  isSafeId,
  reportSchema,
  templatePayloadSchema,
  templateSchema,
} from "./schemas.ts";

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

describe("isSafeId", () => {
  it("takes 1 to 64 letters, digits, _ and -, and nothing around them", () => {
    for (const id of ["1", "a", "Z", "rep_7-A", "0123456789", "x".repeat(64)])
      expect(isSafeId(id)).toBe(true);
    for (const id of ["", "x".repeat(65), "a b", "/a", "a/", "a.b", "é", "a\n", "\na"])
      expect(isSafeId(id)).toBe(false);
  });
});

describe("calendarDay boundaries", () => {
  it.each([
    ["2026-01-01", "2026-01-01"],
    ["2026-01-31", "2026-01-31"],
    ["2026-12-31", "2026-12-31"],
    ["2026-04-30", "2026-04-30"],
    ["2026-02-28", "2026-02-28"],
    ["2024-02-29", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
    ["2400-02-29", "2400-02-29"],
    ["2026-10-31T10:00", "2026-10-31"],
    ["2026-10-31T10:00:59", "2026-10-31"],
    ["2026-10-31T10:00:59.1", "2026-10-31"],
    ["2026-10-31T10:00:59.123456789Z", "2026-10-31"],
    ["2026-10-31T10:00+02:00", "2026-10-31"],
    ["2026-10-31T10:00:00-0530", "2026-10-31"],
  ])("reads %s as %s", (value, day) => {
    expect(calendarDay(value)).toBe(day);
  });

  it.each([
    "2026-00-10",
    "2026-13-01",
    "2026-01-00",
    "2026-01-32",
    "2026-12-32",
    "2026-02-29",
    "2024-02-30",
    "1900-02-29",
    "2100-02-29",
    "2026-06-31",
    "26-10-31",
    "02026-10-31",
    "2026-1-31",
    "2026-10-1",
    "x2026-10-31",
    "2026/10/31",
    "2026-10-31T",
    "2026-10-31T10",
    "2026-10-31T1:00",
    "2026-10-31T10:0",
    "2026-10-31T10:00:5",
    "2026-10-31T10:00:59.",
    "2026-10-31T10:00:59.1234567890",
    "2026-10-31T10:00Zx",
    "2026-10-31T10:00+2:00",
    "2026-10-31T10:00+02:0",
    "2026-10-31 10:00",
    "",
  ])("refuses %j", (value) => {
    expect(calendarDay(value)).toBeUndefined();
  });
});

describe("the report's fields", () => {
  const good = { id: 77, status: "pending" };

  it("takes ids from 0 to the largest safe integer, as text", () => {
    expect(reportSchema.parse({ ...good, id: 0 }).id).toBe("0");
    expect(reportSchema.parse({ ...good, id: Number.MAX_SAFE_INTEGER }).id).toBe(
      "9007199254740991",
    );
    expect(reportSchema.safeParse({ ...good, id: Number.MAX_SAFE_INTEGER + 1 }).success).toBe(
      false,
    );
    expect(reportSchema.safeParse({ ...good, id: "" }).success).toBe(false);
  });

  it("takes a status of 1 to 32 letters, _ and -, in lower case", () => {
    expect(reportSchema.parse({ ...good, status: "In_Progress-" }).status).toBe("in_progress-");
    expect(reportSchema.parse({ ...good, status: "P".repeat(32) }).status).toBe("p".repeat(32));
    for (const status of ["", "done1", "a b", "done.", "/done", "done/"])
      expect(reportSchema.safeParse({ ...good, status }).success).toBe(false);
  });

  it("gives no template id and null dates when Lucca leaves them out or sends null", () => {
    const parsed = reportSchema.parse({ ...good, templateId: null });
    expect(parsed).toEqual({ id: "77", status: "pending", startsOn: null, endsOn: null });
    expect(parsed).toHaveProperty("templateId", undefined);
    expect(reportSchema.parse(good)).toEqual({
      id: "77",
      status: "pending",
      startsOn: null,
      endsOn: null,
    });
  });

  it("says what is wrong with each field", () => {
    const result = reportSchema.safeParse({
      id: "a/b",
      status: "done!",
      startsOn: "2026-02-30",
      endsOn: "soon",
    });
    const messages = result.success
      ? []
      : result.error.issues.flatMap((issue) =>
          issue.code === "invalid_union"
            ? (issue.errors.at(-1) ?? []).map(
                (inner) => `${inner.path.join(".")}: ${inner.message}`,
              )
            : [],
        );
    expect(messages).toEqual(
      expect.arrayContaining([
        "id: must be digits or a short token of letters, digits, _ and -",
        "status: must be a short word (letters, _ and -)",
        "startsOn: must be a date as YYYY-MM-DD",
        "endsOn: must be a date as YYYY-MM-DD",
      ]),
    );
  });
});

describe("templateSchema", () => {
  it("reads a template bare or wrapped in data, its id as text", () => {
    expect(templateSchema.parse({ id: 5, name: "Hours" })).toEqual({ id: "5", name: "Hours" });
    expect(templateSchema.parse({ data: { id: "t-5", name: "Hours" } })).toEqual({
      id: "t-5",
      name: "Hours",
    });
    for (const body of [{}, { data: {} }, { id: "a b" }, { data: { id: -1 } }, []])
      expect(templateSchema.safeParse(body).success).toBe(false);
  });
});

describe("templatePayloadSchema", () => {
  const payload = { blueprintId: "b1", name: "Hours", columns: [{ kind: "userName" }], x: 1 };

  it("takes the UI's payload with whatever else it holds", () => {
    expect(templatePayloadSchema.parse(payload)).toEqual(payload);
  });

  it.each([
    ["no blueprintId", { blueprintId: undefined }],
    ["an empty blueprintId", { blueprintId: "" }],
    ["no name", { name: undefined }],
    ["an empty name", { name: "" }],
    ["no columns", { columns: [] }],
    ["a column without kind", { columns: [{}] }],
    ["a column with an empty kind", { columns: [{ kind: "" }] }],
  ])("refuses %s", (_label, patch) => {
    expect(templatePayloadSchema.safeParse({ ...payload, ...patch }).success).toBe(false);
  });
});

describe("isKnownStatus", () => {
  it("knows pending, done and error only", () => {
    expect(["pending", "done", "error"].map(isKnownStatus)).toEqual([true, true, true]);
    expect(["failed", "Done", "", "pending "].some(isKnownStatus)).toBe(false);
  });
});
