import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { runCliHere } from "../support/cli.ts";

const KEY = "test-key-end-date";
let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function run(extra: string[]) {
  sim = await startSimulator({ apiKey: KEY, generationMs: 20, rows: 3 });
  return runCliHere(
    [
      ...["--domain", sim.url, "--template-id", "42", "--poll-interval", "20ms"],
      ...["--period", "2026-02", "--json", ...extra],
    ],
    { env: { LUCCA_API_KEY: KEY } },
  );
}

const sentDates = (s: Simulator) => {
  const report = s.reports.get("1001");
  return { startsOn: report?.startsOn, endsOn: report?.endsOn };
};

describe("--end-date-convention", () => {
  it("sends the last day by default and says so", async () => {
    const result = await run([]);
    expect(result.code).toBe(0);
    expect(sentDates(sim as Simulator)).toEqual({ startsOn: "2026-02-01", endsOn: "2026-02-28" });
    expect(JSON.parse(result.stdout)).toMatchObject({
      startsOn: "2026-02-01",
      endsOn: "2026-02-28",
      rangeSent: { startsOn: "2026-02-01", endsOn: "2026-02-28", convention: "inclusive" },
    });
    // The period once, with the convention: the dates sent are the same.
    expect(result.stderr).toContain("for 2026-02-01..2026-02-28 (end date inclusive)");
    expect(result.stderr).not.toContain("sent startsOn");
  });

  it("sends the day after with exclusive, and keeps the period and file name as given", async () => {
    const result = await run(["--end-date-convention", "exclusive"]);
    expect(result.code).toBe(0);
    expect(sentDates(sim as Simulator)).toEqual({ startsOn: "2026-02-01", endsOn: "2026-03-01" });
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      startsOn: "2026-02-01",
      endsOn: "2026-02-28",
      rangeSent: { startsOn: "2026-02-01", endsOn: "2026-03-01", convention: "exclusive" },
    });
    expect(json.path).toMatch(/42_2026-02-01_2026-02-28\.csv$/);
    expect(result.stderr).toContain("endsOn 2026-03-01 (end date exclusive)");
  });

  it("refuses another value before any request", async () => {
    const result = await run(["--end-date-convention", "half-open"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--end-date-convention: "half-open" must be inclusive or exclusive',
    );
    expect(sim?.requests).toEqual([]);
  });
});

describe("--end-date-convention with --report-id", () => {
  it("reads a resumed report's dates back as the period they stand for", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 20, rows: 3 });
    const created = await fetch(`${sim.url}/timmi-timesheet/api/reports`, {
      method: "POST",
      headers: { authorization: `lucca application=${KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ templateId: "42", startsOn: "2026-02-01", endsOn: "2026-03-01" }),
    });
    expect(created.status).toBe(201);
    const result = await runCliHere(
      ["--domain", sim.url, "--report-id", "1001", "--end-date-convention", "exclusive", "--json"],
      { env: { LUCCA_API_KEY: KEY } },
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      startsOn: "2026-02-01",
      endsOn: "2026-02-28",
      rangeSent: { startsOn: "2026-02-01", endsOn: "2026-03-01", convention: "exclusive" },
    });
    expect(json.path).toMatch(/42_2026-02-01_2026-02-28\.csv$/);
  });
});
