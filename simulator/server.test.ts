import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "./server.ts";
import { luccaClient } from "./test-client.ts";

const API = "/timmi-timesheet/api";
const running: Simulator[] = [];
let clock = 0;

async function start(options: SimulatorOptions = {}) {
  clock = 1_800_000_000_000;
  const sim = await startSimulator({ now: () => clock, ...options });
  running.push(sim);
  return { sim, lucca: luccaClient(sim) };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

describe("authentication", () => {
  it("answers 401 without a key or with another key, 403 with the key without rights", async () => {
    const { sim } = await start();
    const url = `${sim.url}${API}/reports/1001`;
    const none = await fetch(url);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ Status: 401, Message: expect.any(String) });
    for (const authorization of ["lucca application=wrong", `Bearer ${sim.apiKey}`]) {
      expect((await fetch(url, { headers: { Authorization: authorization } })).status).toBe(401);
    }
    const forbidden = luccaClient(sim, "no-rights-key");
    for (const res of [
      await forbidden.create(),
      await forbidden.status(1),
      await forbidden.download(1),
    ]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ Status: 403 });
    }
    expect(sim.requests.map((r) => r.status)).toEqual([401, 401, 401, 403, 403, 403]);
    expect(sim.requests[1]?.authorization).toBe("lucca application=wrong");
  });
});

describe("report lifecycle", () => {
  it("creates a report that is pending until generationMs has passed, by the clock", async () => {
    const { sim, lucca } = await start({ generationMs: 5000 });
    const created = await lucca.create({
      templateId: 42,
      startsOn: "2026-10-01",
      endsOn: "2026-11-01",
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      id: 1001,
      templateId: "42",
      status: "pending",
      startsOn: "2026-10-01",
      endsOn: "2026-11-01",
      filters: null,
      columns: expect.arrayContaining([expect.objectContaining({ kind: "ownerName" })]),
    });
    const report = sim.reports.get("1001");
    expect(report).toMatchObject({ createdAt: clock, finishedAt: clock + 5000, outcome: "done" });

    clock += 4999;
    expect(await (await lucca.status(1001)).json()).toMatchObject({ id: 1001, status: "pending" });
    clock += 1;
    expect(await (await lucca.status(1001)).json()).toMatchObject({ id: 1001, status: "done" });
    expect(report?.statusReads).toBe(2);
    expect((await (await lucca.create()).json()).id).toBe(1002);
  });

  it("plays the outcomes in order and repeats the last one", async () => {
    const { lucca } = await start({ generationMs: 0, outcomes: ["done", "error"] });
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await (await lucca.create()).json();
      statuses.push((await (await lucca.status(id)).json()).status);
    }
    expect(statuses).toEqual(["done", "error", "error"]);
    const download = await lucca.download(1002);
    expect(download.status).toBe(400);
    expect(await download.json()).toEqual({
      Status: 400,
      Message: "Report 1002 is not ready (status error)",
    });
  });

  it("refuses to download a pending report", async () => {
    const { lucca } = await start();
    await lucca.create();
    const res = await lucca.download(1001);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      Status: 400,
      Message: "Report 1001 is not ready (status pending)",
    });
  });

  it("can wrap the report, use string ids, change letter case and answer 200", async () => {
    const { sim, lucca } = await start({
      wrapJson: true,
      stringIds: true,
      statusCase: "upper",
      createStatus: 200,
    });
    const created = await lucca.create();
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ data: { id: "1001", status: "PENDING" } });
    sim.set({ statusCase: "title", wrapJson: false });
    clock += 1000;
    expect(await (await lucca.status("1001")).json()).toMatchObject({ id: "1001", status: "Done" });
  });

  it("answers an unknown status to the first status reads of each pending report", async () => {
    const { lucca } = await start({ unknownStatusPolls: 2 });
    await lucca.create();
    const read = async () => (await (await lucca.status(1001)).json()).status;
    expect([await read(), await read(), await read()]).toEqual(["queued", "queued", "pending"]);
  });
});

describe("validation and routing", () => {
  it("rejects bad report requests with 400 and unknown templates with 404", async () => {
    const { sim, lucca } = await start();
    for (const body of [
      "{not json",
      "[]",
      { startsOn: null },
      { templateId: "42", startsOn: "2026-13-01" },
      { templateId: "42", endsOn: "01/10/2026" },
      { templateId: "42", startsOn: "2026-11-01", endsOn: "2026-10-01" },
    ]) {
      const res = await lucca.create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.json()).toMatchObject({ Status: 400, Message: expect.any(String) });
    }
    const unknown = await lucca.create({ templateId: "99" });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ Status: 404, Message: "Template 99 not found" });
    expect(sim.reports.size).toBe(0);
  });

  it("creates templates that can then be used", async () => {
    const { sim, lucca } = await start({ generationMs: 0 });
    const post = (body: unknown) =>
      fetch(`${sim.url}${API}/report-templates`, {
        method: "POST",
        headers: { ...lucca.headers, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await post({ name: "No blueprint", columns: [] })).status).toBe(400);
    const columns = [{ kind: "ownerName", name: "Name", category: "owner", isRequired: true }];
    const res = await post({ id: 0, blueprintId: "times", name: "Mine", columns });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 500, blueprintId: "times", name: "Mine", columns });
    const report = await (await lucca.create({ templateId: "500" })).json();
    expect(report).toMatchObject({ templateId: "500", name: "Mine", columns });
  });

  it("answers 404 for unknown paths and reports, 405 for wrong methods", async () => {
    const { sim, lucca } = await start();
    const get = (path: string, method = "GET") =>
      fetch(`${sim.url}${path}`, { method, headers: lucca.headers });
    expect((await get(`${API}/nothing`)).status).toBe(404);
    expect((await get(`${API}/reports/4242`)).status).toBe(404);
    expect((await get(`${API}/reports/4242/download-csv`)).status).toBe(404);
    const wrong = await get(`${API}/reports`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    expect((await get(`${API}/reports/1001`, "DELETE")).status).toBe(405);
  });
});

describe("rate limit and injected failures", () => {
  it("answers 429 with Retry-After past the budget, counting every request", async () => {
    const { sim, lucca } = await start({ rateLimit: { requests: 3, windowMs: 10_000 } });
    expect((await fetch(`${sim.url}${API}/reports/1`)).status).toBe(401);
    expect((await lucca.status(1)).status).toBe(404);
    clock += 2000;
    expect((await lucca.status(1)).status).toBe(404);
    const limited = await lucca.status(1);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("8");
    expect(await limited.json()).toMatchObject({ Status: 429 });
    clock += 7500;
    expect((await lucca.status(1)).headers.get("retry-after")).toBe("1");
    clock += 500;
    expect((await lucca.status(1)).status).toBe(404);
    sim.set({ rateLimit: false });
    for (let i = 0; i < 5; i++) expect((await lucca.status(1)).status).toBe(404);
  });

  it("answers the configured failures to the first matching requests", async () => {
    const { sim, lucca } = await start({
      generationMs: 0,
      failures: [{ status: 503, count: 2, on: "status", retryAfter: 3 }],
    });
    expect((await lucca.create()).status).toBe(201);
    const first = await lucca.status(1001);
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("3");
    expect(await first.json()).toMatchObject({ Status: 503 });
    expect((await lucca.status(1001)).status).toBe(503);
    expect((await lucca.status(1001)).status).toBe(200);

    sim.set({ failures: [{ status: 500, count: 1 }] });
    expect((await lucca.download(1001)).status).toBe(500);
    expect((await lucca.download(1001)).status).toBe(200);
  });

  it("delays answers by slowMs, and answers 408 when that exceeds requestTimeoutMs", async () => {
    // Told by order, not by the clock: a request sent while slowMs is long is still
    // unanswered after one sent later, once slowMs is back to 0, has its answer.
    const { sim, lucca } = await start({ slowMs: 60_000 });
    let slowAnswered = false;
    const slow = lucca.status(1).then(
      (res) => {
        slowAnswered = true;
        return res;
      },
      (error: unknown) => error,
    );
    while (sim.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    sim.set({ slowMs: 0 });
    expect((await lucca.status(1)).status).toBe(404);
    expect(slowAnswered).toBe(false);
    sim.set({ slowMs: 60_000, requestTimeoutMs: 50 });
    const res = await lucca.status(1);
    expect(res.status).toBe(408);
    expect(await res.text()).toMatch(/longer than 50 ms/);
    await sim.close();
    expect(await slow).toBeInstanceOf(Error);
  });
});
