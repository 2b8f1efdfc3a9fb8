import { describe, expect, it } from "vitest";
import { doctorChecklist } from "./doctor-checklist.ts";
import type { DoctorProfile, DoctorStep } from "./doctor-profile.ts";

const servedFile: NonNullable<DoctorProfile["download"]> = {
  status: 200,
  redirect: "other origin",
  contentType: "text/csv",
  contentDisposition: "attachment; filename=*.csv",
  contentLength: true,
  refusals: [409, 425],
};

const worked: DoctorProfile = {
  keyAccepted: true,
  templateReachable: true,
  create: { status: 201, envelope: "header+data", idType: "string" },
  statusPath: { path: "GET /timmi-timesheet/api/reports/{id}", statuses: [200, 429] },
  statusSignal: "status endpoint",
  statusWords: ["pending", "done"],
  timeToDoneMs: 2_450,
  statusChecks: 3,
  download: servedFile,
  file: {
    encoding: "utf-8",
    bom: true,
    delimiter: ";",
    lineEnding: "CRLF",
    decimalSeparator: ",",
    columns: 12,
    header: ["Name"],
  },
  rangeSent: { startsOn: "2026-10-01", endsOn: "2026-11-01", convention: "exclusive" },
  rateLimitHeaders: ["x-ratelimit-limit", "x-ratelimit-remaining"],
  throttled: 2,
  retryAfterSeen: true,
  requests: 9,
};

const nothing: DoctorProfile = {
  keyAccepted: null,
  templateReachable: null,
  create: null,
  statusPath: null,
  statusSignal: null,
  statusWords: [],
  timeToDoneMs: null,
  statusChecks: 0,
  download: null,
  file: null,
  rangeSent: null,
  rateLimitHeaders: [],
  throttled: 0,
  retryAfterSeen: false,
  requests: 0,
};

const stepOf = (steps: DoctorStep[], name: string) => steps.find((s) => s.name === name);

describe("doctorChecklist", () => {
  it("lists every step of a run that worked, in order", () => {
    expect(doctorChecklist(worked, undefined)).toEqual([
      { name: "API key", state: "ok", detail: "accepted" },
      {
        name: "Template and report creation",
        state: "ok",
        detail: "POST answered 201; envelope header+data; id string",
      },
      {
        name: "Range sent",
        state: "info",
        detail: "startsOn 2026-10-01, endsOn 2026-11-01 (end date exclusive)",
      },
      {
        name: "Status",
        state: "ok",
        detail:
          "GET /timmi-timesheet/api/reports/{id} answered 200, 429; words seen: pending, done",
      },
      { name: "Generation", state: "ok", detail: "done after 2.5 s (3 status checks)" },
      {
        name: "Download",
        state: "ok",
        detail:
          "answered 200; redirect: other origin; Content-Type: text/csv; Content-Disposition: attachment; filename=*.csv; Content-Length: sent; refused before: 409, 425",
      },
      {
        name: "File",
        state: "ok",
        detail:
          'encoding utf-8 with BOM; delimiter ";"; line ends CRLF; decimal separator ","; 12 columns',
      },
      {
        name: "Rate limit",
        state: "info",
        detail:
          "headers: x-ratelimit-limit, x-ratelimit-remaining; 2 answers 429, Retry-After sent; 9 requests in all",
      },
    ]);
  });

  it("says what was not reached when nothing answered, and ends with the failure", () => {
    expect(doctorChecklist(nothing, { message: "connect ECONNREFUSED" })).toEqual([
      { name: "API key", state: "not reached", detail: "no answer from Lucca" },
      { name: "Template and report creation", state: "not reached", detail: "no report created" },
      { name: "Status", state: "not reached", detail: "status endpoint not called" },
      { name: "Generation", state: "failed", detail: "the report was not seen done" },
      { name: "Download", state: "not reached", detail: "not attempted" },
      {
        name: "Rate limit",
        state: "info",
        detail: "no rate-limit headers seen; 0 requests in all",
      },
      { name: "Result", state: "failed", detail: "connect ECONNREFUSED" },
    ]);
    expect(stepOf(doctorChecklist(nothing, undefined), "Generation")?.state).toBe("not reached");
  });

  it("fails the key on a refusal, and shows what the refused key stopped as not reached", () => {
    const steps = doctorChecklist(
      {
        ...nothing,
        keyAccepted: false,
        templateReachable: false,
        create: { status: 404, envelope: "bare", idType: null },
      },
      { message: "rejected" },
    );
    expect(steps.slice(0, 2)).toEqual([
      {
        name: "API key",
        state: "failed",
        detail: "Lucca answered 401 (or sent a login page): the key is not accepted",
      },
      {
        name: "Template and report creation",
        state: "not reached",
        detail: "stopped by the refused key (POST answered 404; envelope bare; id not seen)",
      },
    ]);
  });

  it("fails the template when it could not be reached with a key that was accepted", () => {
    const steps = doctorChecklist(
      {
        ...nothing,
        keyAccepted: true,
        templateReachable: false,
        create: { status: 404, envelope: "bare", idType: null },
      },
      { message: "rejected" },
    );
    expect(stepOf(steps, "Template and report creation")?.state).toBe("failed");
  });

  it("fails the creation when a POST was answered but the template's state is unknown", () => {
    const steps = doctorChecklist(
      { ...nothing, create: { status: 500, envelope: "empty", idType: null } },
      undefined,
    );
    expect(stepOf(steps, "Template and report creation")?.state).toBe("failed");
  });

  it("reads a null end and the download standing in for the status", () => {
    const steps = doctorChecklist(
      {
        ...worked,
        rangeSent: { startsOn: null, endsOn: null, convention: "inclusive" },
        statusPath: null,
        statusSignal: "download",
        statusWords: [],
      },
      undefined,
    );
    expect(stepOf(steps, "Range sent")?.detail).toBe(
      "startsOn null, endsOn null (end date inclusive)",
    );
    expect(stepOf(steps, "Status")).toEqual({
      name: "Status",
      state: "ok",
      detail: "status endpoint not called; the download endpoint served as the status signal",
    });
  });

  it("fails the status when the endpoint answered but gave no usable signal", () => {
    const steps = doctorChecklist(
      { ...nothing, statusPath: { path: "GET /x/{id}", statuses: [404] } },
      undefined,
    );
    expect(stepOf(steps, "Status")).toEqual({
      name: "Status",
      state: "failed",
      detail: "GET /x/{id} answered 404",
    });
  });

  it("fails the download on a non-2xx answer or a failure after it", () => {
    const stateOf = (status: number, failure?: { message: string }) =>
      stepOf(
        doctorChecklist({ ...worked, download: { ...servedFile, status } }, failure),
        "Download",
      )?.state;
    expect(stateOf(200)).toBe("ok");
    expect(stateOf(299)).toBe("ok");
    expect(stateOf(199)).toBe("failed");
    expect(stateOf(300)).toBe("failed");
    expect(stateOf(200, { message: "the file was cut" })).toBe("failed");
  });

  it("names what the download did not send", () => {
    const steps = doctorChecklist(
      {
        ...worked,
        download: {
          status: 200,
          redirect: "none",
          contentType: null,
          contentDisposition: null,
          contentLength: false,
          refusals: [],
        },
      },
      undefined,
    );
    expect(stepOf(steps, "Download")?.detail).toBe(
      "answered 200; redirect: none; Content-Type: none; Content-Disposition: none; Content-Length: not sent",
    );
  });

  it("describes a file without BOM, delimiter, line end or decimals", () => {
    const steps = doctorChecklist(
      {
        ...worked,
        file: {
          encoding: "windows-1252",
          bom: false,
          delimiter: null,
          lineEnding: null,
          decimalSeparator: null,
          columns: 1,
          header: [],
        },
      },
      undefined,
    );
    expect(stepOf(steps, "File")?.detail).toBe(
      "encoding windows-1252; delimiter not found; line ends none; decimal separator not seen; 1 column",
    );
  });

  it("tells a 429 without Retry-After", () => {
    const steps = doctorChecklist(
      { ...nothing, throttled: 1, retryAfterSeen: false, requests: 3 },
      undefined,
    );
    expect(stepOf(steps, "Rate limit")?.detail).toBe(
      "no rate-limit headers seen; 1 answer 429, Retry-After not sent; 3 requests in all",
    );
  });

  it("rounds the time to done to a tenth of a second", () => {
    const detailOf = (timeToDoneMs: number) =>
      stepOf(doctorChecklist({ ...worked, timeToDoneMs, statusChecks: 1 }, undefined), "Generation")
        ?.detail;
    expect(detailOf(0)).toBe("done after 0.0 s (1 status check)");
    expect(detailOf(61_040)).toBe("done after 61.0 s (1 status check)");
  });
});
