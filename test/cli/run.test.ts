import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "../../simulator/server.ts";
import type { FetchLike } from "../../src/core/http.ts";
import { createUndiciFetch } from "../../src/node/undici-fetch.ts";
import { REPORT_JSON_KEYS, runCliHere, sha256Of, sha256OfFile, tempDir } from "../support/cli.ts";

const KEY = "test-key-5f1c9a7e";
let sim: Simulator | undefined;

async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
  sim = await startSimulator({ apiKey: KEY, generationMs: 50, rows: 50, ...options });
  return sim;
}

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const env = { LUCCA_API_KEY: KEY };
const fast = ["--poll-interval", "20ms", "--max-poll-interval", "100ms"];
const base = (s: Simulator) => ["--domain", s.url, "--template-id", "42", ...fast];
const luccaRequests = (s: Simulator) => s.requests.filter((r) => r.origin === "lucca");

function expectNoKey(...texts: string[]) {
  for (const text of texts) expect(text).not.toContain(KEY);
}

describe("lucca-report CLI against the simulator", () => {
  it("creates, waits for and downloads a report (bare JSON)", async () => {
    const s = await simulator();
    const run = await runCliHere(
      [...base(s), "--start", "2026-10-01", "--end", "2026-10-31", "--json"],
      { env },
    );
    expect(run.stderr).toMatch(/Report 1001 created/);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      reportId: "1001",
      templateId: "42",
      startsOn: "2026-10-01",
      endsOn: "2026-10-31",
      status: "done",
      format: "csv",
      rows: 50,
      attempts: 1,
    });
    expect(result.path).toBe(join(run.cwd, "reports/42_2026-10-01_2026-10-31.csv"));
    expect(result.columns).toBeGreaterThan(1);
    expect(result.polls).toBeGreaterThanOrEqual(1);
    expect(Object.keys(result)).toEqual(REPORT_JSON_KEYS);
    expect(result).toMatchObject({ encoding: "utf-8", bom: true, error: null });
    expect(await sha256OfFile(result.path)).toBe(result.sha256);
    expect(result.sha256).toBe(await sha256Of(s.expectedCsv("1001")));
    const create = luccaRequests(s).find((r) => r.method === "POST");
    expect(create?.authorization).toBe(`lucca application=${KEY}`);
    expectNoKey(run.stdout, run.stderr, await readFile(result.path, "latin1"));
  });

  it("learns the template's generation time in the cache directory, and ignores a corrupt file", async () => {
    const s = await simulator({ generationMs: 300 });
    const cache = await tempDir("lucca-cache-");
    const learning = { ...env, XDG_CACHE_HOME: cache };
    const file = join(cache, "lucca-report", "poll-history.json");
    const first = JSON.parse((await runCliHere([...base(s), "--json"], { env: learning })).stdout);
    expect(first.polling.expectedMs).toBeNull();
    const remembered = JSON.parse(await readFile(file, "utf8"));
    const [times] = Object.values(remembered.templates) as number[][];
    expect(times).toHaveLength(1);
    expect(times?.[0]).toBeGreaterThan(0);
    const second = await runCliHere([...base(s)], { env: learning });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/polling: expected after \d+\.\d s .*status check\(s\) saved/);
    await writeFile(file, "{ not json");
    const third = await runCliHere([...base(s), "--json"], { env: learning });
    expect(third.code, third.stderr).toBe(0);
    expect(JSON.parse(third.stdout).polling.expectedMs).toBeNull();
  });

  it("learns every template's generation time in a run of several reports, losing none", async () => {
    const s = await simulator({ generationMs: 100, templates: ["42", "43"] });
    const cache = await tempDir("lucca-cache-");
    const learning = { ...env, XDG_CACHE_HOME: cache };
    const args = ["--domain", s.url, "--template-id", "42,43", "--period", "2026-08..2026-09"];
    const budget = ["--concurrency", "4", "--requests-per-minute", "50", "--poll-interval", "50ms"];
    const run = await runCliHere([...args, ...budget], { env: learning });
    expect(run.code, run.stderr).toBe(0);
    const file = join(cache, "lucca-report", "poll-history.json");
    const remembered = JSON.parse(await readFile(file, "utf8"));
    // Four reports ended at about the same time: each time is kept, two per template.
    const histories = Object.values(remembered.templates) as number[][];
    expect(histories.map((times) => times.length)).toEqual([2, 2]);
  });

  it("reads wrapped JSON, string ids and upper-case status", async () => {
    const s = await simulator({ wrapJson: true, stringIds: true, statusCase: "upper" });
    const run = await runCliHere([...base(s), "--period", "2026-09", "--json"], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      reportId: "1001",
      startsOn: "2026-09-01",
      endsOn: "2026-09-30",
      rows: 50,
    });
  });

  it("keeps waiting through an unknown status, warning once", async () => {
    const s = await simulator({ unknownStatusPolls: 3, generationMs: 300 });
    const run = await runCliHere([...base(s), "--json"], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.match(/unknown status "queued"/g)).toHaveLength(1);
  });

  it("uses the template's default period when no dates are given", async () => {
    const s = await simulator();
    const run = await runCliHere([...base(s), "--json"], { env });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ startsOn: null, endsOn: null });
    expect(result.path).toBe(join(run.cwd, "reports/42_default_default.csv"));
  });

  it("regenerates a report that ends in error, then succeeds", async () => {
    const s = await simulator({ outcomes: ["error", "done"] });
    const run = await runCliHere([...base(s), "--json"], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ reportId: "1002", attempts: 2 });
    expect(run.stderr).toMatch(/1001 ended in error; creating a new one \(attempt 2 of 2\)/);
  });

  it("exits 4 when every generation attempt ends in error", async () => {
    const s = await simulator({ outcomes: ["error"] });
    const run = await runCliHere([...base(s), "--generation-attempts", "3"], { env });
    expect(run.code).toBe(4);
    expect(s.reports.size).toBe(3);
    expect(run.stderr).toMatch(/report 1003 .*after 3 attempt/);
  });

  it.each([
    ["a wrong key", "wrong-key", /Check the API key/],
    [
      "a key without rights",
      "no-rights-key",
      /lacks report generation rights or access to template 42/,
    ],
  ])("exits 3 on %s after one request, without retrying", async (_name, key, message) => {
    const s = await simulator();
    const run = await runCliHere(base(s), { env: { LUCCA_API_KEY: key } });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(message);
    expect(luccaRequests(s)).toHaveLength(1);
    expectNoKey(run.stdout, run.stderr);
  });

  it("exits 3 for an unknown template, naming it", async () => {
    const s = await simulator();
    const run = await runCliHere(["--domain", s.url, "--template-id", "99", ...fast], { env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/template 99 does not exist/);
    expect(luccaRequests(s)).toHaveLength(1);
  });

  it("sends requests to a host outside Lucca's names only when --allow-host names it", async () => {
    const seen: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      seen.push(
        `${String(input)} ${new Headers(init?.headers).get("authorization") ? "with key" : ""}`,
      );
      return new Response(JSON.stringify({ Status: 401, Message: "bad key" }), { status: 401 });
    };
    const argv = ["--domain", "https://lucca.acme-corp.example", "--template-id", "42"];
    const refused = await runCliHere(argv, { env, fetch: recording });
    expect(refused.code).toBe(2);
    expect(seen).toEqual([]);
    const allowed = await runCliHere([...argv, "--allow-host", "lucca.acme-corp.example"], {
      env,
      fetch: recording,
    });
    expect(allowed.code).toBe(3);
    expect(seen).toEqual(["https://lucca.acme-corp.example/timmi-timesheet/api/reports with key"]);
  });

  it("prints help and version without touching the network", async () => {
    const requests: string[] = [];
    const recording: typeof fetch = async (input) => {
      requests.push(String(input));
      throw new Error("no request should be sent");
    };
    // With a domain and a key given too, so that a request would be possible.
    const given = ["--domain", "https://acme.ilucca.net", "--template-id", "42"];
    const help = await runCliHere([...given, "--help"], { env, fetch: recording });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage:\n {2}lucca-report --domain URL --template-id ID/);
    expect(help.stdout).toMatch(/Exit codes: 0 done/);
    const version = await runCliHere([...given, "--version"], { env, fetch: recording });
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(requests).toEqual([]);
  });

  it("prints nothing but the result with --quiet, and every check with --verbose", async () => {
    const s = await simulator({ generationMs: 200 });
    const quiet = await runCliHere([...base(s), "--quiet", "--json"], { env });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
    expect(JSON.parse(quiet.stdout).status).toBe("done");
    const verbose = await runCliHere([...base(s), "--verbose"], { env });
    expect(verbose.code).toBe(0);
    const checks = verbose.stderr.match(/Report 1002: pending/g) ?? [];
    expect(checks.length).toBeGreaterThan(1);
    expect(verbose.stdout).toMatch(/sha256: {2}[0-9a-f]{64}/);
  });

  it("exits 5 on timeout, giving the report id and how to resume", async () => {
    const s = await simulator({ generationMs: 60_000 });
    const run = await runCliHere([...base(s), "--timeout", "300ms"], { env });
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/Report 1001 was not ready/);
    expect(run.stderr).toMatch(/--report-id 1001/);
  });

  it("resumes an existing report with --report-id", async () => {
    const s = await simulator();
    // The report is created by a plain request, not by a run cut short by a tiny timeout:
    // under load such a run may time out before its create request is even sent.
    const created = await fetch(`${s.url}/timmi-timesheet/api/reports`, {
      method: "POST",
      headers: { authorization: `lucca application=${KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ templateId: "42", startsOn: "2026-10-01", endsOn: "2026-10-31" }),
    });
    expect(created.status).toBeLessThan(300);
    const run = await runCliHere(["--domain", s.url, "--report-id", "1001", ...fast, "--json"], {
      env,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      reportId: "1001",
      templateId: "42",
      startsOn: "2026-10-01",
      attempts: 1,
    });
    expect(s.reports.size).toBe(1);
  });

  it("downloads Excel with the served extension", async () => {
    const s = await simulator();
    const run = await runCliHere([...base(s), "--format", "excel", "--json"], { env });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ format: "excel", rows: null, columns: null });
    expect(result.path).toMatch(/42_default_default\.xls$/);
    expect(luccaRequests(s).some((r) => r.path.endsWith("/download-excel"))).toBe(true);
  });

  it("writes to --output and reads the key from --api-key-file", async () => {
    const s = await simulator();
    const cwd = (await runCliHere(["--version"])).cwd;
    await writeFile(join(cwd, "key.txt"), `${KEY}\n`);
    const run = await runCliHere(
      [...base(s), "--api-key-file", "key.txt", "--output", "out/timesheet.csv", "--json"],
      { cwd },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).path).toBe(join(cwd, "out/timesheet.csv"));
  });

  it("creates a template from a JSON file", async () => {
    const s = await simulator();
    const cwd = (await runCliHere(["--version"])).cwd;
    await writeFile(
      join(cwd, "template.json"),
      JSON.stringify({
        id: 0,
        blueprintId: "times",
        name: "Monthly",
        columns: [{ kind: "ownerName", name: "Name", category: "owner" }],
      }),
    );
    const run = await runCliHere(
      ["template", "create", "--domain", s.url, "--file", "template.json"],
      { env, cwd },
    );
    expect(run.code, run.stderr).toBe(0);
    const id = run.stdout.trim();
    expect(id).toMatch(/^\d+$/);
    const report = await runCliHere(["--domain", s.url, "--template-id", id, ...fast, "--json"], {
      env,
      cwd,
    });
    expect(report.code, report.stderr).toBe(0);
  });
  it("rejects a bad template file or option before sending it", async () => {
    const s = await simulator();
    const cwd = (await runCliHere(["--version"])).cwd;
    await writeFile(join(cwd, "bad.json"), JSON.stringify({ name: "no columns" }));
    const run = await runCliHere(
      ["template", "create", "--domain", s.url, "--file", "bad.json", "--max-retries=x"],
      { env, cwd },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--file: bad\.json is not a report template/);
    expect(run.stderr).toMatch(/--max-retries: "x"/);
    expect(s.requests).toHaveLength(0);
  });
});

describe("invalid input fails with exit 2 before any request", () => {
  it.each([
    [
      "a date that is not a date",
      ["--start", "2026-13-01", "--end", "2026-12-31"],
      /--start: .*2026-13-01/,
    ],
    ["February 30th", ["--start", "2026-02-01", "--end", "2026-02-30"], /--end: .*2026-02-30/],
    ["reversed dates", ["--start", "2026-03-10", "--end", "2026-03-01"], /after --end/],
    ["an unknown period", ["--period", "last-month"], /--period: unknown value "last-month"/],
    ["a bad duration", ["--timeout", "soon"], /--timeout: cannot parse "soon"/],
    ["a bad format", ["--format", "pdf"], /--format: unknown format "pdf"/],
    ["an api key flag", ["--api-key", "x"], /LUCCA_API_KEY/],
  ])("%s", async (_name, extra, message) => {
    const s = await simulator();
    const run = await runCliHere(["--domain", s.url, "--template-id", "42", ...extra], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(s.requests).toHaveLength(0);
  });

  it.each([
    [
      "a non-Lucca host",
      ["--domain", "https://example.com", "--template-id", "42"],
      /not a Lucca host/,
    ],
    [
      "http:// to a non-loopback host",
      ["--domain", "http://acme.ilucca.net", "--template-id", "42"],
      /http:\/\//,
    ],
    [
      "an empty template id",
      ["--domain", "https://acme.ilucca.net", "--template-id", ""],
      /--template-id: missing/,
    ],
  ])("%s", async (_name, argv, message) => {
    const requests: string[] = [];
    const recording: typeof fetch = async (input) => {
      requests.push(String(input));
      throw new Error("no request should be sent");
    };
    const run = await runCliHere(argv, { env, fetch: recording });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it("lists every bad input at once", async () => {
    const run = await runCliHere([
      "--domain",
      "https://example.com",
      "--start",
      "2026-02-30",
      "--end",
      "x",
      "--max-retries=-1",
    ]);
    expect(run.code).toBe(2);
    for (const field of [
      "--domain",
      "LUCCA_API_KEY",
      "--template-id",
      "--start",
      "--end",
      "--max-retries",
    ]) {
      expect(run.stderr).toContain(`  - ${field}`);
    }
  });
});

// The network behaviour must not depend on the transport: Node's fetch, and undici.request
// as the CLI and the action use it on Node.
describe.each([
  ["fetch", globalThis.fetch as FetchLike],
  ["undici.request", createUndiciFetch()],
])("over %s", (_name, transport) => {
  it("honours Retry-After on 429", async () => {
    const s = await simulator({
      failures: [{ status: 429, count: 2, on: "create", retryAfter: 1 }],
    });
    const run = await runCliHere([...base(s), "--json", "--verbose"], { env, fetch: transport });
    expect(run.code, run.stderr).toBe(0);
    const [limited, limitedAgain, retried] = luccaRequests(s);
    expect([limited?.status, limitedAgain?.status, retried?.status]).toEqual([429, 429, 201]);
    // The wait the retry loop asked for, not a clock reading: Retry-After (1 s) wins over
    // the first backoff step (0.5 s at most); the second step (1 s at most) cannot exceed it.
    expect(
      run.stderr.match(/answered 429.*; retry \d in \S+/g)?.map((line) => line.replace(/.*; /, "")),
    ).toEqual(["retry 1 in 1.0s", "retry 2 in 1.0s"]);
  });

  it("rides out a burst of 503s", async () => {
    const s = await simulator({ failures: [{ status: 503, count: 2, on: "status" }] });
    const run = await runCliHere([...base(s), "--json"], { env, fetch: transport });
    expect(run.code, run.stderr).toBe(0);
    expect(luccaRequests(s).filter((r) => r.status === 503)).toHaveLength(2);
    expect(run.stderr).toMatch(/retry 1 in/);
  });

  it("exits 6 when the server keeps failing", async () => {
    const s = await simulator({ failures: [{ status: 500, count: 100, on: "create" }] });
    const run = await runCliHere([...base(s), "--max-retries", "1"], { env, fetch: transport });
    expect(run.code).toBe(6);
    expect(luccaRequests(s)).toHaveLength(2);
  });

  it.each([
    ["reset", { resetDownloads: 1 }],
    ["truncated", { truncateDownloads: 1 }],
  ] as const)("retries a %s download and keeps a whole file", async (_name, faults) => {
    const s = await simulator({ rows: 5000, ...faults });
    const run = await runCliHere([...base(s), "--json"], { env, fetch: transport });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.sha256).toBe(await sha256Of(s.expectedCsv(result.reportId)));
    expect(await sha256OfFile(result.path)).toBe(result.sha256);
    expect(s.reports.get(result.reportId)?.downloads).toBe(2);
    expect(await readdir(join(run.cwd, "reports"))).toEqual(["42_default_default.csv"]);
  });

  it("follows a download redirect to another origin without sending the key there", async () => {
    const s = await simulator({ redirectDownload: true });
    const run = await runCliHere([...base(s), "--json"], { env, fetch: transport });
    expect(run.code, run.stderr).toBe(0);
    const storage = s.requests.filter((r) => r.origin === "storage");
    expect(storage).toHaveLength(1);
    expect(storage[0]?.authorization).toBeUndefined();
    expect(JSON.parse(run.stdout).sha256).toBe(await sha256Of(s.expectedCsv("1001")));
  });

  it("cuts a request that hangs past --request-timeout and retries it", async () => {
    const s = await simulator({ slowMs: 2000 });
    const run = await runCliHere([...base(s), "--request-timeout", "100ms", "--max-retries", "1"], {
      env,
      fetch: transport,
    });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/no response within 100 ms/);
    expect(run.stderr).toMatch(/failed after 2 attempt/);
  });

  it("cuts a JSON body that stalls after its headers", async () => {
    // A bespoke loopback server: the simulator always finishes its JSON bodies.
    const { createServer } = await import("node:http");
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.writeHead(201, { "content-type": "application/json" });
      res.write('{"id": 10');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const run = await runCliHere(
        [
          "--domain",
          `http://127.0.0.1:${port}`,
          "--template-id",
          "42",
          "--request-timeout",
          "200ms",
          "--max-retries",
          "1",
        ],
        { env, fetch: transport },
      );
      expect(run.code).toBe(6);
      expect(run.stderr).toMatch(/no complete body within 200 ms/);
      expect(requests).toBe(2);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("stops when cancelled in the middle of a download, leaving no partial file", async () => {
    const s = await simulator({ generationMs: 0, rows: 2_000_000 });
    const controller = new AbortController();
    let seen = 0;
    const counting: typeof fetch = async (input, init) => {
      const response = await transport(input as URL, init);
      if (!String(input).includes("download")) return response;
      // Cancel once the body is flowing: a real read is under way when the signal lands.
      const tap = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          seen += chunk.byteLength;
          if (seen > 1 << 20) controller.abort(new Error("cancelled by the test"));
          out.enqueue(chunk);
        },
      });
      return new Response(response.body?.pipeThrough(tap) ?? null, response);
    };
    const run = await runCliHere(base(s), { env, fetch: counting, signal: controller.signal });
    expect(run.code).not.toBe(0);
    expect(seen).toBeGreaterThan(1 << 20);
    expect(await readdir(join(run.cwd, "reports")).catch(() => [])).toEqual([]);
  });
});
