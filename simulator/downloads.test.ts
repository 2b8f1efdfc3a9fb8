import { afterEach, describe, expect, it } from "vitest";
import { WRONG_LENGTH_EXTRA } from "./send-file.ts";
import { type Simulator, type SimulatorOptions, startSimulator } from "./server.ts";
import { collect, luccaClient, rawGet } from "./test-client.ts";

const running: Simulator[] = [];
let clock = 0;

/** A simulator whose first report (1001) is already done. */
async function withReport(options: SimulatorOptions = {}) {
  clock = 1_800_000_000_000;
  const sim = await startSimulator({ now: () => clock, generationMs: 0, ...options });
  running.push(sim);
  const lucca = luccaClient(sim);
  await lucca.create({ templateId: "42", startsOn: "2026-10-01", endsOn: "2026-11-01" });
  const downloadUrl = `${sim.url}/timmi-timesheet/api/reports/1001/download-csv`;
  const small = (options.rows ?? 200) <= 100_000;
  const expected = small ? await collect(sim.expectedCsv(1001)) : Buffer.alloc(0);
  return { sim, lucca, downloadUrl, expected };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

describe("CSV download", () => {
  it("streams the expected bytes with exact Content-Length and file headers", async () => {
    const { sim, lucca, expected } = await withReport({ rows: 5000 });
    const res = await lucca.download(1001);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="report-1001.csv"');
    expect(res.headers.get("content-length")).toBe(String(expected.length));
    expect(sim.expectedCsvLength(1001)).toBe(expected.length);
    expect(Buffer.from(await res.arrayBuffer()).equals(expected)).toBe(true);
    expect(expected.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(sim.reports.get("1001")?.downloads).toBe(1);
  });

  it("follows the culture, BOM and line ending options", async () => {
    const { lucca, expected } = await withReport({ culture: "en", lineEnding: "\n", rows: 3 });
    const text = await (await lucca.download(1001)).text();
    expect(Buffer.from(text).equals(expected)).toBe(true);
    expect(text.startsWith("Employee,Employee number,Department,")).toBe(true);
    expect(text).not.toContain("\r\n");
    expect(text.split("\n")).toHaveLength(5);
  });

  it("streams chunked without Content-Length, or declares a wrong one", async () => {
    const { sim, lucca, downloadUrl, expected } = await withReport({ contentLength: "none" });
    const chunked = await lucca.download(1001);
    expect(chunked.headers.get("content-length")).toBeNull();
    expect(chunked.headers.get("transfer-encoding")).toBe("chunked");
    expect(Buffer.from(await chunked.arrayBuffer()).equals(expected)).toBe(true);

    sim.set({ contentLength: "wrong" });
    const wrong = await rawGet(downloadUrl, luccaClient(sim).headers);
    expect(wrong.headers.get("content-length")).toBe(String(expected.length + WRONG_LENGTH_EXTRA));
    expect(wrong.body.equals(expected)).toBe(true);
  });

  it("serves a small deterministic Excel file", async () => {
    const { lucca } = await withReport();
    const res = await lucca.download(1001, "excel");
    expect(res.headers.get("content-type")).toBe("application/vnd.ms-excel");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="report-1001.xls"');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 4)).toEqual(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    expect(Buffer.from(await (await lucca.download(1001, "excel")).arrayBuffer())).toEqual(body);
  });
});

describe("cut downloads", () => {
  it("resets the connection half way through the first resetDownloads downloads", async () => {
    const { lucca, expected } = await withReport({ rows: 20_000, resetDownloads: 1 });
    const cut = await lucca.download(1001);
    expect(cut.status).toBe(200);
    await expect(cut.arrayBuffer()).rejects.toThrow();
    const whole = await lucca.download(1001);
    expect(Buffer.from(await whole.arrayBuffer()).equals(expected)).toBe(true);
  });

  it("ends the body cleanly at half its declared Content-Length", async () => {
    const { sim, downloadUrl, expected } = await withReport({ truncateDownloads: 2 });
    const { headers } = luccaClient(sim);
    for (let i = 0; i < 2; i++) {
      const cut = await rawGet(downloadUrl, headers);
      expect(cut.status).toBe(200);
      expect(cut.error).toBeUndefined();
      expect(cut.headers.get("content-length")).toBe(String(expected.length));
      expect(cut.body.equals(expected.subarray(0, Math.floor(expected.length / 2)))).toBe(true);
    }
    expect((await rawGet(downloadUrl, headers)).body.equals(expected)).toBe(true);
    sim.set({ truncateDownloads: 1 });
    expect((await rawGet(downloadUrl, headers)).body.length).toBe(Math.floor(expected.length / 2));
  });
});

describe("stalled downloads", () => {
  it("sends half the body, then nothing until the client leaves", async () => {
    const { lucca, expected } = await withReport({ rows: 20_000, stallDownloads: true });
    const controller = new AbortController();
    const res = await lucca.download(1001, "csv", { signal: controller.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const half = Math.floor(expected.length / 2);
    let received = 0;
    while (received < half) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the body ended instead of stalling");
      received += value.length;
    }
    expect(received).toBe(half);
    // Nothing more comes: the next read only ends when the client gives up.
    const next = reader.read();
    controller.abort(new Error("gave up"));
    await expect(next).rejects.toThrow();
  });
});

describe("redirected download", () => {
  it("redirects to a signed URL on another origin that needs no key", async () => {
    const { sim, lucca, expected } = await withReport({ redirectDownload: true });
    const redirect = await lucca.download(1001, "csv", { redirect: "manual" });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get("location") ?? "";
    expect(location.startsWith(`${sim.storageUrl}/`)).toBe(true);
    expect(new URL(location).origin).not.toBe(new URL(sim.url).origin);

    const file = await fetch(location, { headers: { "X-Client": "test" } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(expected)).toBe(true);
    const stored = sim.requests.filter((r) => r.origin === "storage");
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 200, authorization: undefined, method: "GET" });
    expect(stored[0]?.headers["x-client"]).toBe("test");

    expect((await fetch(location)).status).toBe(403);
    const tampered = location.replace("report-1001", "report-1002").replace("/1001/", "/1002/");
    expect((await fetch(tampered)).status).toBe(403);
  });

  it("refuses the API key, and expires its URLs", async () => {
    const { lucca } = await withReport({ redirectDownload: true });
    const location = (await lucca.download(1001, "csv", { redirect: "manual" })).headers.get(
      "location",
    );
    const withKey = await fetch(location ?? "", { headers: lucca.headers });
    expect(withKey.status).toBe(400);
    clock += 10 * 60_000;
    expect((await fetch(location ?? "")).status).toBe(403);
  });

  it("works with fetch following the redirect, which drops the key", async () => {
    const { sim, lucca, expected } = await withReport({ redirectDownload: true });
    const res = await lucca.download(1001);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(expected)).toBe(true);
    expect(sim.requests.at(-1)).toMatchObject({ origin: "storage", authorization: undefined });
    const excel = await lucca.download(1001, "excel");
    expect(excel.headers.get("content-disposition")).toBe('attachment; filename="report-1001.xls"');
    expect(sim.requests.at(-1)).toMatchObject({ origin: "storage", status: 200 });
    expect(sim.reports.get("1001")?.downloads).toBe(2);
  });
});

describe("close", () => {
  it("does not hang on an open download or a delayed answer", async () => {
    const { sim, lucca } = await withReport({ rows: 5_000_000 });
    const res = await lucca.download(1001);
    const reader = res.body?.getReader();
    expect((await reader?.read())?.done).toBe(false);
    sim.set({ slowMs: 60_000 });
    const pending = lucca.status(1001).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A close that hung would hit the test timeout; how fast it is belongs to bench/.
    await sim.close();
    expect(await pending).toBeInstanceOf(Error);
    await expect(
      (async () => {
        while (!(await reader?.read())?.done) {}
      })(),
    ).rejects.toThrow();
  });
});
