import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "../simulator/server.ts";
import { collect } from "../simulator/test-client.ts";
import { runCliHere } from "./support/cli.ts";

/**
 * The CLI across every variant of the real Lucca API the simulator plays (lucca-api.md,
 * "What the public record adds"): real HTTP on loopback, real files.
 */
const KEY = "variants-key-1f7d3b";
let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function run(options: SimulatorOptions, extra: string[] = [], cwd?: string) {
  sim = await startSimulator({ apiKey: KEY, generationMs: 80, rows: 8, ...options });
  const result = await runCliHere(
    [
      ...["--domain", sim.url, "--poll-interval", "20ms", "--max-poll-interval", "50ms"],
      ...(extra.includes("--report-id") ? [] : ["--template-id", "42"]),
      ...extra,
    ],
    { env: { LUCCA_API_KEY: KEY }, cwd },
  );
  const json =
    result.code === 0 && extra.includes("--json") ? JSON.parse(result.stdout) : undefined;
  return { ...result, json, sim };
}

const lucca = (s: Simulator) => s.requests.filter((r) => r.origin === "lucca");

async function expectExpectedFile(s: Simulator, path: string, reportId = "1001") {
  expect((await readFile(path)).equals(await collect(s.expectedCsv(reportId)))).toBe(true);
}

describe("status endpoint missing: the download is the status signal", () => {
  for (const [statusEndpoint, pendingDownloadStatus] of [
    [404, 400],
    [404, 409],
    [405, 404],
  ] as const) {
    it(`status ${statusEndpoint}, downloads refused with ${pendingDownloadStatus} while pending`, async () => {
      // Long enough that the first downloads come while it is still pending, even on a busy machine.
      const r = await run({ statusEndpoint, pendingDownloadStatus, generationMs: 600 }, ["--json"]);
      expect(r.stderr).not.toMatch(/does not exist/);
      expect(r.code).toBe(0);
      await expectExpectedFile(r.sim, r.json.path);
      expect(r.stderr.match(/using the download endpoint as the status signal/g)).toHaveLength(1);
      const downloads = lucca(r.sim).filter((q) => q.path.endsWith("/download-csv"));
      expect(downloads.at(-1)?.status).toBe(200);
      expect(downloads.some((q) => q.status === pendingDownloadStatus)).toBe(true);
      expect(r.stderr.match(/Downloading report/g)).toHaveLength(1);
    });
  }

  it("works for report-id too", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 80, rows: 8 });
    const created = await fetch(`${sim.url}/timmi-timesheet/api/reports`, {
      method: "POST",
      headers: { authorization: `lucca application=${KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ templateId: "42" }),
    });
    expect(created.status).toBe(201);
    sim.set({ statusEndpoint: 405 });
    const r = await runCliHere(
      ["--domain", sim.url, "--report-id", "1001", "--poll-interval", "20ms", "--json"],
      { env: { LUCCA_API_KEY: KEY } },
    );
    expect(r.code).toBe(0);
    await expectExpectedFile(sim, JSON.parse(r.stdout).path);
  });
});

describe("status words and envelopes", () => {
  it.each(["failed", "Canceled", "EXPIRED"])(
    "ends with exit 4 on %s after regenerating once, well before the timeout",
    async (failureWord) => {
      const r = await run({ outcomes: ["error"], failureWord }, ["--timeout", "10m"]);
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(`treating it as "error"`);
      expect(lucca(r.sim).filter((q) => q.method === "POST")).toHaveLength(2);
    },
  );

  it.each(["header", "items", "array", "data"] as const)(
    "reads reports sent in the %s envelope",
    async (envelope) => {
      const r = await run({ envelope, stringIds: envelope === "items" }, ["--json"]);
      expect(r.code).toBe(0);
      expect(r.json.reportId).toBe("1001");
      await expectExpectedFile(r.sim, r.json.path);
    },
  );
});

describe("Lucca's framework errors give messages that say what to check", () => {
  const failure = { failures: [{ status: 400, count: 1, on: "create" as const }] };
  it.each([
    ["status-message", /with 400 \(Simulated failure \(HTTP 400\)\)/],
    ["text-as-json", /with 400 \(Simulated failure \(HTTP 400\)\)/],
    ["empty", /with 400 \(empty body\)\. Check the template id/],
    ["id-error", /with 400 \(Simulated failure \(HTTP 400\)\)/],
    ["stack-trace", /with 400 \(Simulated failure \(HTTP 400\)\)/],
    ["problem", /One or more validation errors occurred\.: request: Simulated failure/],
  ] as const)("%s", async (errorShape, message) => {
    const r = await run({ errorShape, ...failure });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/StackTrace|ReportsController|\.cs:line/);
  });

  it("a 404 of the framework names the template to check", async () => {
    const r = await run({ errorShape: "id-error", templates: ["7"] });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Template 42 not found.*Check the template id/);
  });
});

describe("rate-limit headers are harmless", () => {
  it("completes with X-RateLimit-* headers on every answer", async () => {
    const r = await run({ rateLimitHeaders: true }, ["--json"]);
    expect(r.code).toBe(0);
  });
});

describe("downloads that are not the report (sec-net's content checks)", () => {
  it.each(["html", "json", "empty"] as const)(
    "a 200 with %s never replaces the target and ends non-zero",
    async (body) => {
      const cwd = await import("./support/cli.ts").then((m) => m.tempDir());
      await writeFile(join(cwd, "report.csv"), "kept;as;is\r\n");
      const r = await run(
        { badDownloads: { body, count: 10 } },
        ["--output", "report.csv", "--max-retries", "1"],
        cwd,
      );
      expect(r.code).toBe(6);
      expect(r.stderr).toMatch(/instead of the CSV report/);
      expect(await readFile(join(cwd, "report.csv"), "utf8")).toBe("kept;as;is\r\n");
    },
  );

  it("one HTML answer is retried, then the real file is saved", async () => {
    const r = await run({ badDownloads: { body: "html", count: 1 } }, ["--json"]);
    expect(r.code).toBe(0);
    await expectExpectedFile(r.sim, r.json.path);
  });

  it("an xlsx served as application/octet-stream without a file name is saved as .xlsx", async () => {
    const r = await run({ excelFile: "xlsx", fileHeaders: "bare" }, [
      "--format",
      "excel",
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(r.json.path).toMatch(/\.xlsx$/);
    const bytes = await readFile(r.json.path);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });
});

describe("retries of POST /reports after an ambiguous failure", () => {
  it("warn that a duplicate report may exist, with the id used", async () => {
    const r = await run({ failures: [{ status: 502, count: 1, on: "create" }] }, ["--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /POST \/reports was retried after .*502.*: Lucca may have created a duplicate report\. Report id used: 1001/,
    );
  });

  it("stay quiet after a 429, which turned the request away", async () => {
    const r = await run({ failures: [{ status: 429, count: 1, on: "create", retryAfter: 0 }] });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/duplicate/);
  });
});

describe("redirects (sec-net's redirect policy) against the simulator's variants", () => {
  it("a 302 of a JSON call to the login page is an authentication problem: exit 3, key hint", async () => {
    const r = await run({ loginRedirect: true }, ["--max-retries", "5"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/API key/);
    expect(r.stderr).not.toMatch(/after 6 attempt/);
    expect(lucca(r.sim).filter((q) => q.method === "POST")).toHaveLength(1);
  });

  it.each([301, 302, 303] as const)(
    "a POST answered %i is never sent again as a POST",
    async (createRedirect) => {
      const r = await run({ createRedirect });
      const posts = lucca(r.sim).filter((q) => q.method === "POST");
      expect(posts).toHaveLength(1);
      expect(r.sim.reports.size).toBe(1);
      // sec-net's policy: the redirect ends the run (exit 3) rather than being followed.
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`was redirected (${createRedirect})`);
    },
  );
});
