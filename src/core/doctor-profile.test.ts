import { describe, expect, it } from "vitest";
import type { CsvStats } from "./csv-stats.ts";
import { buildDoctorProfile, decimalSeparator, envelopeOf } from "./doctor-profile.ts";
import type { JobEvent } from "./job-events.ts";
import type { RangeSent } from "./range-sent.ts";
import type { TraceRecord } from "./trace.ts";

// Hand-written traces: the records tracingFetch writes, one line per exchange.
const LUCCA = "https://acme.ilucca.net";
const STORAGE = "https://storage.example";
const API = "/timmi-timesheet/api/reports";

function rec(
  method: string,
  path: string,
  status: number,
  extra: Partial<TraceRecord> = {},
): TraceRecord {
  return {
    at: 0,
    method,
    origin: LUCCA,
    path,
    status,
    durationMs: 1,
    requestHeaders: {},
    ...extra,
  };
}

const create = (status: number, extra: Partial<TraceRecord> = {}) =>
  rec("POST", API, status, extra);
const poll = (status: number, id = "1001") => rec("GET", `${API}/${id}`, status);
const download = (status: number, extra: Partial<TraceRecord> = {}) =>
  rec("GET", `${API}/1001/download-csv`, status, extra);
const statusEvent = (status: string, elapsedMs = 0): JobEvent => ({
  type: "status",
  reportId: "1001",
  status,
  changed: true,
  polls: 1,
  elapsedMs,
  nextCheckMs: undefined,
});
const SENT: RangeSent = { startsOn: "2026-10-01", endsOn: "2026-10-31", convention: "inclusive" };

const profileOf = (records: TraceRecord[], events: JobEvent[] = [], extra = {}) =>
  buildDoctorProfile({ records, events, ...extra });

describe("buildDoctorProfile: a run that worked", () => {
  it("gives every fact of the run, exactly", () => {
    const stats: CsvStats = {
      rows: 2,
      columns: 3,
      bytes: 40,
      sha256: "0".repeat(64),
      delimiter: ";",
      encoding: "utf-8",
      bom: true,
      header: ["Name", "Hours", "Days"],
      preview: [
        ["Ann", "7,5", "1"],
        ["Bob", "3,25", "0.5"],
      ],
      lineEnding: "\r\n",
      totals: [{ column: "Hours", index: 1, sum: 10.75, decimals: 2 }],
    };
    const profile = profileOf(
      [
        create(201, { responseBody: { id: "number", status: "string" } }),
        poll(200),
        poll(200),
        download(302, {
          responseHeaders: { location: `${STORAGE}/files/report.csv?…` },
        }),
        rec("GET", "/files/report.csv", 200, {
          origin: STORAGE,
          query: ["signature"],
          responseHeaders: {
            "content-type": "text/csv",
            "content-disposition": 'attachment; filename="report-1001.CSV"',
            "content-length": "40",
          },
        }),
      ],
      [statusEvent("pending", 10), statusEvent("done", 2500)],
      { result: { stats, rangeSent: SENT, polls: 5, format: "csv" } },
    );
    expect(profile).toEqual({
      keyAccepted: true,
      templateReachable: true,
      create: { status: 201, envelope: "bare", idType: "number" },
      statusPath: { path: "GET /timmi-timesheet/api/reports/{id}", statuses: [200] },
      statusSignal: "status endpoint",
      statusWords: ["pending", "done"],
      timeToDoneMs: 2500,
      statusChecks: 5,
      download: {
        status: 200,
        redirect: "other origin",
        contentType: "text/csv",
        contentDisposition: "attachment; filename=*.csv",
        contentLength: true,
        refusals: [],
      },
      file: {
        encoding: "utf-8",
        bom: true,
        delimiter: ";",
        lineEnding: "CRLF",
        decimalSeparator: ",",
        columns: 3,
        header: ["Name", "Hours", "Days"],
      },
      rangeSent: SENT,
      rateLimitHeaders: [],
      throttled: 0,
      retryAfterSeen: false,
      requests: 5,
    });
  });

  it("reads LF and no line end, and leaves out the file of an Excel download", () => {
    const stats = (lineEnding: CsvStats["lineEnding"]): CsvStats => ({
      rows: 0,
      columns: 1,
      bytes: 1,
      sha256: "",
      delimiter: null,
      encoding: "windows-1252",
      bom: false,
      header: ["a"],
      preview: [],
      lineEnding,
      totals: [],
    });
    const fileOf = (lineEnding: CsvStats["lineEnding"], format = "csv") =>
      profileOf([], [], { result: { stats: stats(lineEnding), rangeSent: SENT, polls: 0, format } })
        .file;
    expect(fileOf("\n")).toEqual({
      encoding: "windows-1252",
      bom: false,
      delimiter: null,
      lineEnding: "LF",
      decimalSeparator: null,
      columns: 1,
      header: ["a"],
    });
    expect(fileOf(null)?.lineEnding).toBeNull();
    expect(fileOf("\n", "excel")).toBeNull();
  });

  it("counts status reads when there is no result, and takes the range from the events", () => {
    const creating: JobEvent = {
      type: "creating",
      templateId: "42",
      startsOn: "2026-10-01",
      endsOn: "2026-10-31",
      sent: SENT,
      attempt: 1,
    };
    const profile = profileOf(
      [create(201), poll(200, "1001"), poll(500, "1001"), poll(200, "1001"), download(200)],
      [{ type: "warning", message: "unrelated" }, creating],
    );
    expect(profile.statusChecks).toBe(3);
    expect(profile.statusPath).toEqual({
      path: "GET /timmi-timesheet/api/reports/{id}",
      statuses: [200, 500],
    });
    expect(profile.rangeSent).toBe(SENT);
    expect(profileOf([create(201)], [statusEvent("done")]).rangeSent).toBeNull();
  });
});

describe("buildDoctorProfile: which record is which", () => {
  it("counts only POSTs to the reports collection as creations", () => {
    const profile = profileOf([
      rec("GET", API, 201),
      rec("POST", `${API}/1001`, 201),
      rec("POST", `${API}x`, 201),
    ]);
    expect(profile.create).toBeNull();
    expect(profile.templateReachable).toBeNull();
  });

  it("counts only GETs of one report as status reads, not its download", () => {
    const profile = profileOf([
      create(201),
      rec("POST", `${API}/1001`, 404),
      rec("GET", `${API}/1001/download-csv`, 200),
      rec("GET", `${API}/1001/x`, 200),
      rec("GET", `${API}/`, 200),
    ]);
    expect(profile.statusPath).toBeNull();
    expect(profile.statusSignal).toBeNull();
    expect(profile.statusChecks).toBe(0);
  });

  it("takes ids of any length, and the excel download too", () => {
    const profile = profileOf([
      create(201),
      poll(200, "a"),
      poll(202, "rep_7-A"),
      rec("GET", `${API}/rep_7-A/download-excel`, 200, {
        responseHeaders: { "content-type": "application/vnd.ms-excel" },
      }),
      rec("GET", `${API}/rep_7-A/download-excelx`, 500),
      rec("GET", `${API}/rep_7-A/download-pdf`, 500),
    ]);
    expect(profile.statusPath?.statuses).toEqual([200, 202]);
    expect(profile.download).toMatchObject({
      status: 200,
      contentType: "application/vnd.ms-excel",
    });
  });

  it("sees a download by its path, whatever the method", () => {
    expect(profileOf([rec("HEAD", `${API}/1001/download-csv`, 204)]).download?.status).toBe(204);
  });
});

describe("buildDoctorProfile: the key", () => {
  it("is accepted when Lucca answered anything but 401", () => {
    expect(profileOf([create(500)]).keyAccepted).toBe(true);
    expect(profileOf([poll(404)]).keyAccepted).toBe(true);
  });

  it("is refused on a 401 from Lucca, even after other answers", () => {
    expect(profileOf([create(201), poll(401)]).keyAccepted).toBe(false);
    expect(profileOf([poll(401)]).keyAccepted).toBe(false);
  });

  it("is unknown when nothing answered, or only another origin did", () => {
    expect(profileOf([]).keyAccepted).toBeNull();
    expect(profileOf([create(0)]).keyAccepted).toBeNull();
    // The storage origin answering 401 says nothing about the key.
    const storage = rec("GET", "/files/x.csv", 401, { origin: STORAGE });
    expect(profileOf([storage]).keyAccepted).toBeNull();
    expect(profileOf([create(0), storage]).keyAccepted).toBeNull();
    expect(profileOf([create(201), storage]).keyAccepted).toBe(true);
  });

  it("is Lucca's origin as the first API call names it", () => {
    // A download path is no API call: its origin is not taken for Lucca's.
    const other = rec("GET", `${API}/1001/download-csv`, 200, { origin: STORAGE });
    expect(profileOf([other, create(0)]).keyAccepted).toBeNull();
    expect(profileOf([other, poll(401)]).keyAccepted).toBe(false);
  });

  it("is refused when an API call was redirected (a sign-in page) and the run ended with 3", () => {
    const failure = { exitCode: 3, message: "rejected" };
    const refusedBy = (status: number, path = `${API}/1001`) =>
      profileOf([rec("GET", path, status)], [], { failure }).keyAccepted;
    expect(refusedBy(302)).toBe(false);
    expect(refusedBy(300)).toBe(false);
    expect(refusedBy(399)).toBe(false);
    expect(refusedBy(302, API)).toBe(false);
    expect(refusedBy(400)).toBe(true);
    expect(refusedBy(299)).toBe(true);
    expect(refusedBy(302, `${API}/1001/download-csv`)).toBeNull();
    expect(profileOf([poll(302)], [], { failure: { exitCode: 4, message: "x" } }).keyAccepted).toBe(
      true,
    );
    expect(profileOf([poll(302)]).keyAccepted).toBe(true);
  });
});

describe("buildDoctorProfile: the template and the creation", () => {
  it("is reachable once a creation was answered 2xx or 3xx", () => {
    for (const status of [200, 201, 303, 399]) {
      expect(profileOf([create(status)]).templateReachable).toBe(true);
    }
  });

  it("is unreachable on 403 or 404, unknown on other failures", () => {
    expect(profileOf([create(403)]).templateReachable).toBe(false);
    expect(profileOf([create(404)]).templateReachable).toBe(false);
    expect(profileOf([create(500), create(404)]).templateReachable).toBe(false);
    for (const status of [0, 199, 400, 401, 500]) {
      expect(profileOf([create(status)]).templateReachable).toBeNull();
    }
  });

  it("describes the successful creation, else the last one", () => {
    const body = { id: "string" };
    expect(
      profileOf([create(500), create(201, { responseBody: body }), create(502)]).create,
    ).toEqual({ status: 201, envelope: "bare", idType: "string" });
    expect(profileOf([create(400), create(403), create(404)]).create).toEqual({
      status: 404,
      envelope: "unknown",
      idType: null,
    });
    expect(profileOf([create(199), create(400)]).create?.status).toBe(400);
  });

  it("finds the id's type in each envelope", () => {
    const idTypeOf = (responseBody: TraceRecord["responseBody"]) =>
      profileOf([create(201, { responseBody })]).create?.idType;
    expect(idTypeOf({ data: { id: "number" } })).toBe("number");
    expect(idTypeOf({ header: {}, data: { id: "string" } })).toBe("string");
    expect(idTypeOf({ data: { items: [{ id: "number" }] } })).toBe("number");
    expect(idTypeOf([{ id: "string" }])).toBe("string");
    expect(idTypeOf({ id: "number" })).toBe("number");
    expect(idTypeOf({ id: { nested: "number" } })).toBeNull();
    expect(idTypeOf({ data: [{ id: "number" }] })).toBeNull();
    expect(idTypeOf({ data: "string" })).toBeNull();
    expect(idTypeOf([])).toBeNull();
    expect(idTypeOf("text (5 chars, not JSON)")).toBeNull();
    expect(idTypeOf(undefined)).toBeNull();
  });
});

describe("envelopeOf", () => {
  it.each([
    [undefined, "unknown"],
    ["empty", "empty"],
    [[{ id: "number" }], "array"],
    [{ data: { items: [] } }, "items"],
    [{ header: {}, data: { items: [] } }, "items"],
    [{ header: { generated: "string" }, data: { id: "number" } }, "header+data"],
    [{ data: { id: "number" } }, "data"],
    [{ data: [{ id: "number" }] }, "data"],
    [{ data: "null" }, "data"],
    [{ header: {}, id: "number" }, "bare"],
    [{ id: "number" }, "bare"],
  ] as const)("of %j is %s", (shape, envelope) => {
    expect(envelopeOf(shape as never)).toBe(envelope);
  });
});

describe("buildDoctorProfile: the status", () => {
  it("keeps the words Lucca sent, in order, until the download stood in for the status", () => {
    const profile = profileOf(
      [create(201), poll(200)],
      [
        statusEvent("pending"),
        statusEvent("Running"),
        statusEvent("pending"),
        { type: "warning", message: "Lucca: using the download endpoint as the status signal" },
        statusEvent("waiting"),
        statusEvent("done", 900),
      ],
    );
    expect(profile.statusWords).toEqual(["pending", "Running"]);
    expect(profile.statusSignal).toBe("download");
    expect(profile.timeToDoneMs).toBe(900);
  });

  it("takes the first done, and none when the report was not seen done", () => {
    expect(profileOf([], [statusEvent("done", 5), statusEvent("done", 9)]).timeToDoneMs).toBe(5);
    expect(profileOf([], [statusEvent("pending", 5)]).timeToDoneMs).toBeNull();
    const downloaded: JobEvent = { type: "downloaded", path: "x", bytes: 1 };
    expect(profileOf([], [downloaded]).timeToDoneMs).toBeNull();
  });

  it("names the status endpoint only once it answered 200", () => {
    expect(profileOf([poll(500), poll(200)]).statusSignal).toBe("status endpoint");
    expect(profileOf([poll(500), poll(201)]).statusSignal).toBeNull();
  });
});

describe("buildDoctorProfile: the download", () => {
  it("is none without a download", () => {
    expect(profileOf([create(201), poll(200)]).download).toBeNull();
  });

  it("follows a redirect on the same origin to the record after it", () => {
    const profile = profileOf([
      download(409),
      download(425),
      download(409),
      download(302, { responseHeaders: { location: "/files/r.csv?…" } }),
      rec("GET", "/files/r.csv", 200, {
        responseHeaders: { "content-disposition": "inline", "content-type": "text/csv" },
      }),
    ]);
    expect(profile.download).toEqual({
      status: 200,
      redirect: "same origin",
      contentType: "text/csv",
      contentDisposition: "inline",
      contentLength: false,
      refusals: [409, 425],
    });
  });

  it("takes the last download, and counts only 4xx as refusals", () => {
    const profile = profileOf([
      download(400),
      download(499),
      download(500),
      download(399),
      download(200),
    ]);
    expect(profile.download).toEqual({
      status: 200,
      redirect: "none",
      contentType: null,
      contentDisposition: null,
      contentLength: false,
      refusals: [400, 499],
    });
  });

  it("sees 300 and 399 as redirects, and 299 and 400 not", () => {
    const target = rec("GET", "/files/r.csv", 200, { origin: STORAGE });
    const redirectOf = (status: number) =>
      profileOf([download(status, { responseHeaders: { location: `${STORAGE}/r.csv` } }), target])
        .download?.redirect;
    expect(redirectOf(300)).toBe("other origin");
    expect(redirectOf(399)).toBe("other origin");
    expect(redirectOf(299)).toBe("none");
    expect(redirectOf(400)).toBe("none");
  });

  it("keeps the hop itself when nothing came after it, or its target is no URL", () => {
    const hop = download(307, { responseHeaders: { location: "http://[bad" } });
    expect(profileOf([hop]).download).toMatchObject({ status: 307, redirect: "other origin" });
    const noLocation = download(302, {});
    expect(profileOf([noLocation, poll(200)]).download).toMatchObject({
      status: 200,
      redirect: "same origin",
    });
  });

  it.each([
    ["attachment", "attachment"],
    [" Attachment ; filename=report.CSV", "attachment; filename=*.csv"],
    ['attachment; filename="a b.xlsx"; size=3', "attachment; filename=*.xlsx"],
    ["attachment; filename*=UTF-8''r%C3%A9.csv", "attachment; filename=*.csv"],
    ['attachment; filename="report.csv" ', "attachment; filename=*.csv"],
    ["attachment; filename=report.toolong", "attachment"],
    ["attachment; filename=report.csv.gz", "attachment; filename=*.gz"],
    ["attachment; filename=report", "attachment"],
    ["attachment; filename=.", "attachment"],
    ["attachment; filename=r.c_v", "attachment"],
    ["attachment; name=r.csv", "attachment"],
    ["attachment; filename=r.csvx-y", "attachment"],
    ['attachment; filename="Dupont_Jean_timesheet.csv"', "attachment; filename=*.csv"],
    ['Jean Dupont; filename="x.Jean"', "unrecognised; filename=*.…"],
    ["", "unrecognised"],
  ])("shows Content-Disposition %j as %j", (value, shown) => {
    const profile = profileOf([
      download(200, { responseHeaders: { "content-disposition": value } }),
    ]);
    expect(profile.download?.contentDisposition).toBe(shown);
  });

  it.each([
    ['text/csv; name="Dupont_Jean_timesheet.csv"', "text/csv"],
    ["text/csv; charset=utf-8", "text/csv; charset=utf-8"],
    ["application/vnd.jean-dupont+json", "application/…+json"],
  ])("shows Content-Type %j as its media type, %j", (value, shown) => {
    const profile = profileOf([download(200, { responseHeaders: { "content-type": value } })]);
    expect(profile.download?.contentType).toBe(shown);
  });
});

describe("buildDoctorProfile: rate limits", () => {
  it("lists rate-limit headers by name, sorted, with Retry-After and 429s apart", () => {
    const headers = (responseHeaders: Record<string, string>) =>
      rec("GET", `${API}/1001`, 200, { responseHeaders });
    const profile = profileOf([
      headers({ "x-ratelimit-reset": "1", "content-type": "application/json" }),
      headers({ "ratelimit-remaining": "3", "x-rate-limit-limit": "50" }),
      rec("GET", `${API}/1001`, 429, { responseHeaders: { "retry-after": "5" } }),
      rec("GET", `${API}/1001`, 429),
      headers({ "x-retry-after": "1", "retry-after-ms": "2", "x-ratelimit-reset": "2" }),
    ]);
    expect(profile.rateLimitHeaders).toEqual([
      "ratelimit-remaining",
      "x-rate-limit-limit",
      "x-ratelimit-reset",
    ]);
    expect(profile.throttled).toBe(2);
    expect(profile.retryAfterSeen).toBe(true);
    expect(profile.requests).toBe(5);
    expect(profileOf([rec("GET", `${API}/1001`, 429)]).retryAfterSeen).toBe(false);
  });
});

describe("decimalSeparator", () => {
  it("is none without a decimal number", () => {
    expect(decimalSeparator([])).toBeNull();
    const notDecimals = [
      "1",
      "a,b",
      "1.",
      ",5",
      ".5",
      "1,2,3",
      "1.2.3",
      "x1,5",
      "1,5x",
      "x1.5",
      "1.5x",
      "x,5",
      "5,x",
      "x.5",
      "5.x",
    ];
    expect(decimalSeparator([notDecimals])).toBeNull();
  });

  it("reads signed numbers with surrounding spaces and digits of any count", () => {
    expect(decimalSeparator([[" -1,5 "]])).toBe(",");
    expect(decimalSeparator([[" -10.25 "]])).toBe(".");
    expect(decimalSeparator([["2.5"]])).toBe(".");
  });

  it("is the separator most numbers use, a comma on a tie", () => {
    expect(decimalSeparator([["12,50", "1.5"]])).toBe(",");
    expect(decimalSeparator([["1,5"], ["10.25", "3.14"]])).toBe(".");
    expect(decimalSeparator([["1,5", "2,5"], ["3.5"]])).toBe(",");
  });
});
