import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "./server.ts";
import { collect, luccaClient } from "./test-client.ts";

const running: Simulator[] = [];
let clock = 0;

async function start(options: SimulatorOptions = {}) {
  clock = 1_800_000_000_000;
  const sim = await startSimulator({ now: () => clock, generationMs: 1000, ...options });
  running.push(sim);
  return { sim, lucca: luccaClient(sim) };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

describe("envelopes and status words", () => {
  it("wraps report objects as each envelope says", async () => {
    const { sim, lucca } = await start();
    await lucca.create();
    const shapes: Record<string, (body: unknown) => unknown> = {
      bare: (b) => b,
      data: (b) => (b as { data: unknown }).data,
      header: (b) => (b as { data: unknown }).data,
      items: (b) => (b as { data: { items: unknown[] } }).data.items[0],
      array: (b) => (b as unknown[])[0],
    };
    for (const [envelope, unwrap] of Object.entries(shapes)) {
      sim.set({ envelope: envelope as SimulatorOptions["envelope"] });
      const body = await (await lucca.status(1001)).json();
      expect(unwrap(body), envelope).toMatchObject({ id: 1001, status: "pending" });
      if (envelope === "header") expect(body).toHaveProperty("header.generated");
    }
  });

  it("shows a failed report with the chosen failure word", async () => {
    const { lucca } = await start({ outcomes: ["error"], failureWord: "Canceled" });
    await lucca.create();
    clock += 1000;
    expect(await (await lucca.status(1001)).json()).toMatchObject({ status: "Canceled" });
  });
});

describe("status endpoint and downloads while pending", () => {
  it("answers 404 or 405 on the status path, and the chosen refusal on early downloads", async () => {
    const { sim, lucca } = await start({ statusEndpoint: 404, pendingDownloadStatus: 409 });
    await lucca.create();
    expect((await lucca.status(1001)).status).toBe(404);
    sim.set({ statusEndpoint: 405 });
    const notAllowed = await lucca.status(1001);
    expect(notAllowed.status).toBe(405);
    expect(await notAllowed.text()).toBe("");
    expect((await lucca.download(1001)).status).toBe(409);
    clock += 1000;
    expect((await lucca.download(1001)).status).toBe(200);
  });
});

describe("error shapes", () => {
  const cases: [SimulatorOptions["errorShape"], (res: Response) => Promise<void>][] = [
    [
      "text-as-json",
      async (res) => {
        expect(res.headers.get("content-type")).toContain("application/json");
        expect(await res.text()).toBe("templateId is required");
      },
    ],
    ["empty", async (res) => expect(await res.text()).toBe("")],
    [
      "id-error",
      async (res) => expect(await res.json()).toEqual({ id: "reports", error: expect.any(String) }),
    ],
    [
      "stack-trace",
      async (res) =>
        expect(await res.json()).toMatchObject({ Status: 400, StackTrace: expect.any(String) }),
    ],
    [
      "problem",
      async (res) => {
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect(await res.json()).toMatchObject({
          title: expect.any(String),
          status: 400,
          errors: { templateId: ["templateId is required"] },
        });
      },
    ],
  ];
  for (const [shape, check] of cases) {
    it(`answers a bad request in the ${shape} shape`, async () => {
      const { lucca } = await start({ errorShape: shape });
      const res = await lucca.create({});
      expect(res.status).toBe(400);
      await check(res);
    });
  }
});

describe("redirects and rate limits", () => {
  it("sends every API call to an HTML login page", async () => {
    const { lucca } = await start({ loginRedirect: true });
    const res = await lucca.create();
    expect(res.status).toBe(200);
    expect(res.url).toContain("/identity/login");
    expect(await res.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it("creates the report, then answers 303 to its status path", async () => {
    const { sim, lucca } = await start({ createRedirect: 303 });
    const res = await lucca.create();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 1001, status: "pending" });
    expect(sim.requests.map((r) => `${r.method} ${r.status}`)).toEqual(["POST 303", "GET 200"]);
  });

  it("throttles with or without Retry-After, and sends rate-limit headers", async () => {
    const { sim, lucca } = await start({
      throttleUntil: 1_800_000_020_000,
      retryAfterHeader: false,
      rateLimitHeaders: true,
    });
    const throttled = await lucca.status(1);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBeNull();
    expect(throttled.headers.get("x-ratelimit-limit")).toBe("50");
    sim.set({ retryAfterHeader: true });
    expect((await lucca.status(1)).headers.get("retry-after")).toBe("20");
    clock += 20_000;
    expect((await lucca.create()).status).toBe(201);
  });
});

describe("downloads", () => {
  for (const body of ["html", "json", "empty"] as const) {
    it(`answers 200 with ${body} instead of the file, then the file`, async () => {
      const { sim, lucca } = await start({ badDownloads: { body, count: 1 } });
      await lucca.create();
      clock += 1000;
      const bad = await lucca.download(1001);
      expect(bad.status).toBe(200);
      const text = await bad.text();
      if (body === "empty") expect(text).toBe("");
      else expect(text).toMatch(body === "html" ? /^<!DOCTYPE/ : /^\{/);
      const good = Buffer.from(await (await lucca.download(1001)).arrayBuffer());
      expect(good.equals(await collect(sim.expectedCsv(1001)))).toBe(true);
    });
  }

  it("serves the report's rows where they do not belong, as each bad body says", async () => {
    const csvBody = "Nom;Matricule\r\nJeanne Varenne;E-20931\r\n";
    const { sim, lucca } = await start({ csvBody, badDownloads: { body: "csv", count: 9 } });
    await lucca.create();
    clock += 1000;
    const answer = async (body: SimulatorOptions["badDownloads"] & {}) => {
      sim.set({ badDownloads: { body: body.body, count: 1 } });
      const res = await lucca.download(1001, "excel");
      return [res.status, res.headers.get("content-type"), await res.text()];
    };
    const json = "application/json; charset=utf-8";
    expect(await answer({ body: "csv-as-json", count: 1 })).toEqual([200, json, csvBody]);
    expect(await answer({ body: "csv-as-html", count: 1 })).toEqual([
      200,
      "text/html; charset=utf-8",
      csvBody,
    ]);
    expect(await answer({ body: "csv", count: 1 })).toEqual([
      200,
      "text/csv; charset=utf-8",
      csvBody,
    ]);
    expect(await answer({ body: "csv-error", count: 1 })).toEqual([
      500,
      "text/csv; charset=utf-8",
      csvBody,
    ]);
    const [, , rows] = await answer({ body: "json-rows", count: 1 });
    expect(JSON.parse(rows as string)).toEqual({
      Status: 500,
      Message: "Export failed",
      rows: [{ Nom: "Jeanne Varenne", Matricule: "E-20931" }],
    });
  });

  it("adds the download headers asked for to every download answer", async () => {
    const downloadHeaders = {
      "Content-Disposition": 'attachment; filename="Varenne.csv"',
      "X-Owner": "jv@example.org",
    };
    const { lucca } = await start({
      downloadHeaders,
      badDownloads: { body: "html", count: 1 },
    });
    await lucca.create();
    clock += 1000;
    for (const res of [await lucca.download(1001), await lucca.download(1001)]) {
      expect(res.headers.get("content-disposition")).toBe('attachment; filename="Varenne.csv"');
      expect(res.headers.get("x-owner")).toBe("jv@example.org");
      await res.arrayBuffer();
    }
    expect((await lucca.status(1001)).headers.get("x-owner")).toBeNull();
  });

  it("sends JSON answers and errors chunked when asked", async () => {
    const { lucca } = await start({ chunkedJson: true });
    const created = await lucca.create();
    expect(created.headers.get("content-length")).toBeNull();
    expect(created.headers.get("transfer-encoding")).toBe("chunked");
    expect(await created.json()).toMatchObject({ id: 1001 });
    const missing = await lucca.status(999);
    expect(missing.headers.get("transfer-encoding")).toBe("chunked");
    expect(await missing.json()).toMatchObject({ Message: "Report 999 not found" });
  });

  it("serves an xlsx as application/octet-stream without a file name", async () => {
    const { lucca } = await start({ excelFile: "xlsx", fileHeaders: "bare" });
    await lucca.create();
    clock += 1000;
    const res = await lucca.download(1001, "excel");
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("content-disposition")).toBeNull();
    expect([...new Uint8Array(await res.arrayBuffer()).subarray(0, 4)]).toEqual([
      0x50, 0x4b, 0x03, 0x04,
    ]);
  });

  it("encodes the CSV as Windows-1252 or UTF-16 with its BOM", async () => {
    const { sim, lucca } = await start({ csvBody: "\uFEFFNom;Département\r\nZoé;R&D €\r\n" });
    await lucca.create();
    clock += 1000;
    const bytes = async () => Buffer.from(await (await lucca.download(1001)).arrayBuffer());
    sim.set({ csvEncoding: "windows-1252" });
    const cp1252 = await bytes();
    expect(cp1252.subarray(0, 4).toString("latin1")).toBe("Nom;");
    expect(cp1252.includes(Buffer.from([0x44, 0xe9, 0x70]))).toBe(true); // "Dép"
    expect(cp1252.includes(0x80)).toBe(true); // €
    sim.set({ csvEncoding: "utf-16le" });
    const le = await bytes();
    expect([...le.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x4e, 0x00]);
    expect(le.equals(await collect(sim.expectedCsv(1001)))).toBe(true);
    sim.set({ csvEncoding: "utf-16be" });
    expect([...(await bytes()).subarray(0, 4)]).toEqual([0xfe, 0xff, 0x00, 0x4e]);
  });
});
