import { describe, expect, it } from "vitest";
import {
  AbortedError,
  CANCEL_SIGNALS,
  InvalidInputError,
  LuccaRejectedError,
  NetworkError,
  ReportFailedError,
  ReportTimeoutError,
  UnusableAnswerError,
} from "./errors.ts";

const cause = new Error("underneath");

describe("each error keeps what it was given", () => {
  it("LuccaRejectedError", () => {
    const error = new LuccaRejectedError("rejected", {
      status: 403,
      method: "POST",
      url: "https://acme.ilucca.net/x",
      bodyExcerpt: "Forbidden",
      hint: "check the key's rights",
      cause,
    });
    expect(error.message).toBe("rejected");
    expect({ ...error, cause: error.cause }).toEqual({
      exitCode: 3,
      name: "LuccaRejectedError",
      status: 403,
      method: "POST",
      url: "https://acme.ilucca.net/x",
      bodyExcerpt: "Forbidden",
      hint: "check the key's rights",
      cause,
    });
  });

  it("ReportFailedError", () => {
    const error = new ReportFailedError("failed", { reportId: "r9", attempts: 2 });
    expect(error.message).toBe("failed");
    expect({ ...error }).toEqual({
      exitCode: 4,
      name: "ReportFailedError",
      reportId: "r9",
      attempts: 2,
    });
  });

  it("ReportTimeoutError", () => {
    const error = new ReportTimeoutError("late", { reportId: "r9", cause });
    expect(error.message).toBe("late");
    expect(error.reportId).toBe("r9");
    expect(error.cause).toBe(cause);
    expect("cause" in new ReportTimeoutError("late", { reportId: undefined })).toBe(false);
  });

  it("NetworkError", () => {
    const error = new NetworkError("down", {
      method: "GET",
      url: "https://acme.ilucca.net/y",
      status: 502,
      attempts: 4,
      cause,
    });
    expect({ ...error, cause: error.cause, message: error.message }).toEqual({
      exitCode: 6,
      name: "NetworkError",
      method: "GET",
      url: "https://acme.ilucca.net/y",
      status: 502,
      attempts: 4,
      cause,
      message: "down",
    });
  });

  it("UnusableAnswerError, with an empty excerpt unless given one", () => {
    const error = new UnusableAnswerError("odd", { excerpt: "<html>", cause });
    expect(error.message).toBe("odd");
    expect(error.excerpt).toBe("<html>");
    expect(error.cause).toBe(cause);
    expect(new UnusableAnswerError("odd").excerpt).toBe("");
    expect(new UnusableAnswerError("odd", { cause }).excerpt).toBe("");
  });

  it("InvalidInputError with no issue has an empty message", () => {
    const error = new InvalidInputError([]);
    expect(error.issues).toEqual([]);
    expect(error.message).toBe("");
  });

  it("AbortedError, with the exit code of its signal", () => {
    expect(CANCEL_SIGNALS).toEqual({ SIGHUP: 129, SIGINT: 130, SIGTERM: 143 });
    const error = new AbortedError("hung up", { signal: "SIGHUP" });
    expect(error.message).toBe("hung up");
    expect(error.signal).toBe("SIGHUP");
    expect(error.exitCode).toBe(129);
    expect(new AbortedError("x", {}).exitCode).toBe(130);
  });
});
