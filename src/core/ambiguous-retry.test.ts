import { describe, expect, it } from "vitest";
import { duplicateWarning, mayHaveBeenProcessed } from "./ambiguous-retry.ts";

describe("mayHaveBeenProcessed", () => {
  it.each([undefined, 408, 500, 502, 504])(
    "holds a POST that failed with %s as possibly carried out",
    (status) => {
      expect(mayHaveBeenProcessed({ status })).toBe(true);
    },
  );

  // 429 and 503 are Lucca turning the request away; the others say nothing was done.
  it.each([200, 400, 401, 404, 407, 409, 429, 499, 501, 503, 505])(
    "holds a POST that failed with %s as not carried out",
    (status) => {
      expect(mayHaveBeenProcessed({ status })).toBe(false);
    },
  );
});

describe("duplicateWarning", () => {
  it("names every ambiguous failure and the report id used", () => {
    expect(duplicateWarning(["HTTP 502", "no answer within 30000 ms"], "1001")).toBe(
      "POST /reports was retried after HTTP 502; no answer within 30000 ms: Lucca may have created a duplicate report. " +
        "Report id used: 1001; an earlier attempt's report, if any, was never seen (look for it in the Lucca UI).",
    );
  });
});
