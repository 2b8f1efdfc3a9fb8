import { describe, expect, it } from "vitest";
import { dispositionShape, mediaTypeOf, visibleHeaders } from "./header-shape.ts";

describe("mediaTypeOf", () => {
  it.each([
    ["text/csv", "text/csv"],
    ["Text/CSV ; Charset=UTF-8", "text/csv; charset=utf-8"],
    ['text/csv; charset="windows-1252"', "text/csv; charset=windows-1252"],
    ['text/csv; name="Dupont_Jean_timesheet.csv"', "text/csv"],
    ['text/csv; charset=utf-8; name="Dupont_Jean.csv"', "text/csv; charset=utf-8"],
    ["text/csv; charset=jean-dupont", "text/csv"],
    ["application/vnd.jean.dupont+json", "application/…+json"],
    ["application/x-jean-dupont", "application/…"],
    ["jean dupont", "unrecognised"],
    ["", null],
    [null, null],
  ])("%j is %j", (value, shown) => {
    expect(mediaTypeOf(value)).toBe(shown);
  });
});

describe("dispositionShape", () => {
  it.each([
    ['attachment; filename="Dupont_Jean_timesheet.csv"', "attachment; filename=*.csv"],
    ["attachment; filename*=UTF-8''Dupont%20Jean.XLSX", "attachment; filename=*.xlsx"],
    ['inline; filename="report.Jean"', "inline; filename=*.…"],
    ["Jean Dupont; filename=x.csv", "unrecognised; filename=*.csv"],
    ["attachment", "attachment"],
    ["", "unrecognised"],
    [undefined, null],
  ])("%j is %j", (value, shown) => {
    expect(dispositionShape(value)).toBe(shown);
  });
});

describe("visibleHeaders", () => {
  const shape = (init: Record<string, string>) =>
    visibleHeaders(new Headers(init), ["hdr-key-0123456789"], (value) => `L(${value.length})`);

  it("keeps listed headers in the form each allows and counts the others", () => {
    expect(
      shape({
        "content-type": 'text/csv; name="Dupont_Jean.csv"',
        "content-disposition": 'attachment; filename="Dupont_Jean.csv"',
        "content-length": "42",
        "content-encoding": "GZIP",
        "transfer-encoding": "chunked",
        "retry-after": "Wed, 21 Oct 2026 07:28:00 GMT",
        "x-ratelimit-remaining": "49",
        ratelimit: "limit=50, remaining=49",
        location: "/x",
        authorization: "lucca application=hdr-key-0123456789",
        "set-cookie": "s=1",
        "x-owner": "jean.dupont@example.org",
        server: "Jean Dupont's server",
        "x-request-id": "abc",
      }),
    ).toEqual({
      shown: {
        "content-type": "text/csv",
        "content-disposition": "attachment; filename=*.csv",
        "content-length": "42",
        "content-encoding": "gzip",
        "transfer-encoding": "chunked",
        "retry-after": "Wed, 21 Oct 2026 07:28:00 GMT",
        "x-ratelimit-remaining": "49",
        ratelimit: "(other)",
        location: "L(2)",
      },
      left: 3,
    });
  });

  it("never keeps a listed header's value in a form that could hold a name", () => {
    expect(
      shape({
        "content-length": "Jean",
        "content-encoding": "jean",
        "retry-after": "Jean Dupont",
        sunset: "jean@example.org",
        "x-ratelimit-limit": "Jean",
      }).shown,
    ).toEqual({
      "content-length": "(not a number)",
      "content-encoding": "(other)",
      "retry-after": "(other)",
      sunset: "(other)",
      "x-ratelimit-limit": "(other)",
    });
  });
});
