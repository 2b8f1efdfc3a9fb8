import { describe, expect, it } from "vitest";
import {
  AbortedError,
  InvalidInputError,
  LuccaRejectedError,
  LuccaReportError,
  NetworkError,
  ReportFailedError,
  ReportTimeoutError,
  UnusableAnswerError,
} from "./errors.ts";
import { createLuccaClient } from "./lucca-client.ts";

describe("error classes", () => {
  const cause = new TypeError("fetch failed");
  const request = { method: "GET", url: "https://example.ilucca.net/x" };
  it.each([
    [new LuccaReportError("plain"), "LuccaReportError", 1],
    [new InvalidInputError("--start: bad"), "InvalidInputError", 2],
    [
      new LuccaRejectedError("no", {
        ...request,
        status: 401,
        bodyExcerpt: "{}",
        hint: "check the key",
      }),
      "LuccaRejectedError",
      3,
    ],
    [new ReportFailedError("failed", { reportId: "r1", attempts: 3 }), "ReportFailedError", 4],
    [new ReportTimeoutError("late", { reportId: undefined }), "ReportTimeoutError", 5],
    [new NetworkError("down", { ...request, status: 503, attempts: 4 }), "NetworkError", 6],
    [new UnusableAnswerError("odd", { excerpt: "{}" }), "UnusableAnswerError", 6],
    [new AbortedError("stopped"), "AbortedError", 130],
  ])("%s is named %s and exits %i", (error, name, exitCode) => {
    expect(error).toBeInstanceOf(LuccaReportError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.exitCode).toBe(exitCode);
  });

  it("keeps the cause", () => {
    expect(new LuccaReportError("x", { cause }).cause).toBe(cause);
    expect(new NetworkError("x", { ...request, status: undefined, attempts: 1, cause }).cause).toBe(
      cause,
    );
    expect("cause" in new LuccaReportError("x")).toBe(false);
  });

  it("lists every bad input, one or many", () => {
    const many = new InvalidInputError(["--start: a", "--end: b"]);
    expect(many.issues).toEqual(["--start: a", "--end: b"]);
    expect(many.message).toBe("--start: a; --end: b");
    expect(new InvalidInputError("--period: c").issues).toEqual(["--period: c"]);
  });

  it("a rejection carries what the user needs to act on, filled in by the client", async () => {
    // Through the client, so the fields are those a real 404 produces, not read back.
    const client = createLuccaClient({
      baseUrl: new URL("https://example.ilucca.net"),
      apiKey: "k",
      fetch: async () =>
        Response.json({ Status: 404, Message: "Report 9 not found" }, { status: 404 }),
      signal: new AbortController().signal,
      requestTimeoutMs: 1000,
      maxRetries: 3,
    });
    const error = await client.getReport("9").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LuccaRejectedError);
    const rejected = error as LuccaRejectedError;
    expect(rejected).toMatchObject({
      status: 404,
      method: "GET",
      bodyExcerpt: "Report 9 not found",
      exitCode: 3,
    });
    expect(rejected.url).toMatch(/^https:\/\/example\.ilucca\.net\/.*9$/);
    expect(rejected.hint).not.toBe("");
    expect(rejected.message).toContain(rejected.hint);
    expect(rejected.message).toContain("Report 9 not found");
  });

  it("exits as shells expect for each signal", () => {
    expect(new AbortedError("x", { signal: "SIGINT" })).toMatchObject({
      signal: "SIGINT",
      exitCode: 130,
    });
    expect(new AbortedError("x", { signal: "SIGTERM" })).toMatchObject({
      signal: "SIGTERM",
      exitCode: 143,
    });
    expect(new AbortedError("x").signal).toBeUndefined();
  });
});
