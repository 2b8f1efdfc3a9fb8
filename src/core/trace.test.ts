import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { type TraceRecord, tracingFetch } from "./trace.ts";
import { shapeOf } from "./trace-shape.ts";

const KEY = "trace-key-0123456789";
let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe("shapeOf", () => {
  it("keeps known keys and types, never values", () => {
    expect(
      shapeOf({ id: 1001, status: "done", filters: null, columns: [{ kind: "x" }], ok: true }),
    ).toEqual({
      id: "number",
      status: "string",
      filters: "null",
      columns: [{ kind: "string" }],
      "…": "1 other key: boolean",
    });
  });

  it("counts the keys a server chose, with their types, and never names them", () => {
    const shape = shapeOf(
      JSON.parse(
        JSON.stringify({
          Message: "x",
          [`lucca application=${KEY}`]: "echoed",
          "Jean Dupont <jean.dupont@acme.fr>": { hours: 7.5 },
          "E-20931": [1],
        }).replace(/}$/, ',"__proto__":null}'),
      ),
    );
    expect(shape).toEqual({ Message: "string", "…": "4 other keys: array, null, object, string" });
    const text = JSON.stringify(shape);
    for (const hidden of [KEY, "Jean", "acme", "E-20931", "hours", "proto"])
      expect(text).not.toContain(hidden);
  });

  it("names known keys in any letter case, as they were sent", () => {
    expect(shapeOf({ ID: 1, STATUS: "x", Data: { Items: [] } })).toEqual({
      ID: "number",
      STATUS: "string",
      Data: { Items: [] },
    });
  });
});

describe("tracingFetch", () => {
  it("records each exchange without credentials, values or query tokens", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 0, redirectDownload: true });
    const records: TraceRecord[] = [];
    const fetch = tracingFetch(globalThis.fetch, {
      write: (record) => records.push(record),
      secrets: [KEY],
    });
    const headers = { authorization: `lucca application=${KEY}`, cookie: "session=s3cr3t" };
    const created = await fetch(`${sim.url}/timmi-timesheet/api/reports`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ templateId: "42", startsOn: "2026-10-01", endsOn: null }),
    });
    expect((await created.json()).id).toBe(1001);
    const redirect = await fetch(`${sim.url}/timmi-timesheet/api/reports/1001/download-csv`, {
      headers,
      redirect: "manual",
    });
    const stored = await fetch(redirect.headers.get("location") as string);
    expect((await stored.arrayBuffer()).byteLength).toBeGreaterThan(100);

    expect(records.map((r) => [r.method, r.path, r.status])).toEqual([
      ["POST", "/timmi-timesheet/api/reports", 201],
      ["GET", "/timmi-timesheet/api/reports/1001/download-csv", 302],
      ["GET", "/*/*/*.csv", 200],
    ]);
    const [create, hop, file] = records as [TraceRecord, TraceRecord, TraceRecord];
    expect(create.requestBody).toEqual({
      templateId: "string",
      startsOn: "string",
      endsOn: "null",
    });
    expect(create.responseBody).toMatchObject({ id: "number", status: "string" });
    expect(create.requestHeaders).toEqual({ "content-type": "application/json" });
    expect(hop.responseHeaders?.location).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/\*\/\*\/\*\.csv\?…$/,
    );
    expect(file.query).toEqual(["expires", "signature"]);
    expect(file.responseBody).toMatch(/text\/csv.*bytes \(not read\)/);
    const text = JSON.stringify(records);
    for (const secret of [KEY, "s3cr3t", "2026-10-01", "signature="]) {
      expect(text).not.toContain(secret);
    }
  });

  it("records a failed exchange with status 0 and rethrows", async () => {
    const records: TraceRecord[] = [];
    const failing = tracingFetch(() => Promise.reject(new TypeError("fetch failed")), {
      write: (record) => records.push(record),
      secrets: [],
    });
    await expect(failing("http://127.0.0.1:9/x")).rejects.toThrow("fetch failed");
    expect(records).toMatchObject([{ method: "GET", path: "/*", status: 0, error: "TypeError" }]);
  });
});
