import { describe, expect, it } from "vitest";
import { END_DATE_CONVENTIONS, periodFromSent, rangeToSend } from "./range-sent.ts";

describe("rangeToSend", () => {
  it("sends the last day as is when the end is inclusive", () => {
    expect(rangeToSend({ startsOn: "2026-10-01", endsOn: "2026-10-31" }, "inclusive")).toEqual({
      startsOn: "2026-10-01",
      endsOn: "2026-10-31",
      convention: "inclusive",
    });
  });

  it("sends the day after the last when the end is exclusive, across months and leap days", () => {
    const send = (endsOn: string) =>
      rangeToSend({ startsOn: "2024-01-01", endsOn }, "exclusive").endsOn;
    expect(send("2026-10-31")).toBe("2026-11-01");
    expect(send("2024-02-28")).toBe("2024-02-29");
    expect(send("2026-12-31")).toBe("2027-01-01");
  });

  it("leaves the template's default period alone", () => {
    expect(rangeToSend({ startsOn: null, endsOn: null }, "exclusive")).toEqual({
      startsOn: null,
      endsOn: null,
      convention: "exclusive",
    });
  });

  it("is undone by periodFromSent", () => {
    const period = { startsOn: "2026-02-01", endsOn: "2026-02-28" };
    expect(periodFromSent(rangeToSend(period, "exclusive"), "exclusive")).toEqual(period);
    expect(periodFromSent(rangeToSend(period, "inclusive"), "inclusive")).toEqual(period);
  });
});

describe("periodFromSent", () => {
  it("takes a day off an exclusive end, across years and leap days", () => {
    const back = (endsOn: string) =>
      periodFromSent({ startsOn: "2024-01-01", endsOn }, "exclusive").endsOn;
    expect(back("2027-01-01")).toBe("2026-12-31");
    expect(back("2024-03-01")).toBe("2024-02-29");
    expect(back("2026-03-01")).toBe("2026-02-28");
  });

  it("reads an inclusive end as it is", () => {
    expect(periodFromSent({ startsOn: "2026-10-01", endsOn: "2026-11-01" }, "inclusive")).toEqual({
      startsOn: "2026-10-01",
      endsOn: "2026-11-01",
    });
  });

  it("leaves the template's default period alone", () => {
    expect(periodFromSent({ startsOn: null, endsOn: null }, "exclusive")).toEqual({
      startsOn: null,
      endsOn: null,
    });
  });
});

describe("END_DATE_CONVENTIONS", () => {
  it("lists both conventions, inclusive first", () => {
    expect(END_DATE_CONVENTIONS).toEqual(["inclusive", "exclusive"]);
  });
});
