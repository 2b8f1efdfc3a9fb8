import { describe, expect, it } from "vitest";
import { isFailureStatus, isPendingRefusal, isStatusEndpointMissing } from "./status-words.ts";

describe("isFailureStatus", () => {
  it.each(["error", "failed", "failure", "canceled", "cancelled", "expired", "aborted"])(
    "takes %j for a failure, in any letter case",
    (word) => {
      expect(isFailureStatus(word)).toBe(true);
      expect(isFailureStatus(word.toUpperCase())).toBe(true);
      expect(isFailureStatus(word[0]?.toUpperCase() + word.slice(1))).toBe(true);
    },
  );

  it.each([
    "",
    "ready",
    "pending",
    "inProgress",
    "errors",
    "not failed",
    "fail",
    "Stryker was here",
  ])("does not take %j for a failure", (word) => {
    expect(isFailureStatus(word)).toBe(false);
  });
});

describe("isStatusEndpointMissing", () => {
  it("reads 404 and 405 as no status endpoint, nothing else", () => {
    const missing = [400, 401, 403, 404, 405, 406, 410, 500].filter(isStatusEndpointMissing);
    expect(missing).toEqual([404, 405]);
  });
});

describe("isPendingRefusal", () => {
  it("reads 400, 404, 409, 423 and 425 as not yet, nothing else", () => {
    const statuses = [200, 400, 401, 403, 404, 405, 408, 409, 410, 422, 423, 424, 425, 429, 500];
    expect(statuses.filter(isPendingRefusal)).toEqual([400, 404, 409, 423, 425]);
  });
});
