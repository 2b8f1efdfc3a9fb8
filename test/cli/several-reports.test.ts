import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "../../simulator/server.ts";
import { UnusableAnswerError } from "../../src/core/errors.ts";
import { peakPerWindow } from "../../src/core/request-budget.ts";
import { runReportsFromSettings } from "../../src/node/run-reports.ts";
import {
  CLI_LABELS,
  MAX_REPORTS,
  parseSettings,
  type RawSettings,
} from "../../src/node/settings.ts";
import { runCliHere, sha256Of, tempDir } from "../support/cli.ts";

// Lucca's window is 60 s; the simulator's and the client's are both scaled down to WINDOW_MS
// here so that a 24-report backfill takes seconds. Counts per window are what is checked.
const WINDOW_MS = 1000;
const KEY = "test-key-many";
const NOW = new Date("2026-11-15T12:00:00Z");
let sim: Simulator | undefined;
const stops: (() => void)[] = [];

async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
  sim = await startSimulator({
    apiKey: KEY,
    generationMs: 30,
    rows: 20,
    templates: ["42", "43"],
    rateLimit: { requests: 50, windowMs: WINDOW_MS },
    ...options,
  });
  return sim;
}

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await sim?.close();
  sim = undefined;
});

function settingsFor(s: Simulator, raw: RawSettings = {}) {
  return parseSettings(
    {
      domain: s.url,
      apiKey: KEY,
      templateId: "42,43",
      period: "2025-11..2026-10",
      pollInterval: "20ms",
      maxPollInterval: "50ms",
      ...raw,
    },
    CLI_LABELS,
    NOW,
  );
}

async function backfill(s: Simulator, raw: RawSettings = {}) {
  const cwd = await tempDir("lucca-many-");
  const outcomes = await runReportsFromSettings(settingsFor(s, raw), {
    fetch: globalThis.fetch,
    output: { baseDir: cwd, roots: [cwd], label: "--output" },
    signal: new AbortController().signal,
    onEvent: () => {},
    windowMs: WINDOW_MS,
  });
  return { cwd, outcomes };
}

const digest = async (chunks: AsyncIterable<Uint8Array>) => sha256Of(chunks);

describe("several templates over a range of months, one shared request budget", () => {
  it("fetches 2 templates x 12 months into 24 correct files, never above requests-per-minute", async () => {
    const s = await simulator();
    const { cwd, outcomes } = await backfill(s, { requestsPerMinute: "20" });
    expect(outcomes.map((o) => o.status)).toEqual(Array(24).fill("done"));
    const files = (await readdir(join(cwd, "reports"))).sort();
    expect(files).toHaveLength(24);
    expect(files[0]).toBe("42_2025-11-01_2025-11-30.csv");
    expect(files).toContain("43_2026-02-01_2026-02-28.csv");
    for (const outcome of outcomes) {
      if (outcome.status !== "done") continue;
      const { result, spec } = outcome;
      const report = s.reports.get(result.reportId);
      expect(report).toMatchObject({
        templateId: spec.templateId,
        startsOn: spec.period.startsOn,
        endsOn: spec.period.endsOn,
      });
      const bytes = await readFile(result.path);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(
        await digest(s.expectedCsv(result.reportId)),
      );
    }
    const lucca = s.requests.filter((r) => r.origin === "lucca");
    expect(lucca.filter((r) => r.status === 429)).toHaveLength(0);
    expect(
      peakPerWindow(
        lucca.map((r) => r.at),
        WINDOW_MS,
      ),
    ).toBeLessThanOrEqual(20);
    // The budget was the bottleneck, so it was used: not a vacuous pass.
    expect(
      peakPerWindow(
        lucca.map((r) => r.at),
        WINDOW_MS,
      ),
    ).toBeGreaterThanOrEqual(15);
  });

  it("completes, slower, while another client spends 40 of the tenant's 50 requests per window", async () => {
    const s = await simulator();
    let other = 0;
    const timer = setInterval(() => {
      other++;
      void fetch(new URL("/api/timesheet/reports/1", s.url), {
        headers: { authorization: `lucca application=${KEY}` },
      }).then(
        (response) => response.body?.cancel(),
        () => {},
      );
    }, WINDOW_MS / 40);
    stops.push(() => clearInterval(timer));
    const { outcomes } = await backfill(s, { requestsPerMinute: "20", period: "2026-05..2026-10" });
    expect(outcomes.map((o) => o.status)).toEqual(Array(12).fill("done"));
    expect(other).toBeGreaterThan(40);
    // The tenant really was over its budget: the simulator turned requests away meanwhile.
    expect(s.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
  });
});

describe("fail-fast", () => {
  it("stops at the first failed report and starts no other", async () => {
    const s = await simulator();
    const { outcomes } = await backfill(s, {
      templateId: "nope,42,43",
      period: "2026-10",
      concurrency: "1",
      failFast: "true",
    });
    expect(outcomes.map((o) => `${o.spec.templateId}:${o.status}`)).toEqual([
      "nope:failed",
      "42:skipped",
      "43:skipped",
    ]);
    expect(s.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });
});

describe("refused before any request", () => {
  const cliEnv = { LUCCA_API_KEY: KEY };
  it("refuses an output-path template that sends two reports to one file", async () => {
    const s = await simulator();
    const run = await runCliHere(
      [
        "--domain",
        s.url,
        "--template-id",
        "42",
        "--template-id",
        "43",
        "--period",
        "2026-01..2026-02",
        "--output",
        "out/{year}-{month}.csv",
      ],
      { env: cliEnv },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /--output: "out\/\{year\}-\{month\}.csv" gives the same file out\/2026-01.csv to template 42 2026-01-01..2026-01-31 and template 43 2026-01-01..2026-01-31/,
    );
    expect(s.requests).toHaveLength(0);
  });

  it("refuses a range of 37 months and accepts 36", async () => {
    const s = await simulator();
    const run = await runCliHere(
      ["--domain", s.url, "--template-id", "42", "--period", "2023-01..2026-01"],
      { env: cliEnv },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--period: "2023-01..2026-01" spans 37 months; at most 36');
    expect(s.requests).toHaveLength(0);
    expect(settingsFor(s, { templateId: "42", period: "2023-01..2025-12" }).reports).toHaveLength(
      36,
    );
  });
});

describe("one file per report, one report per id", () => {
  const cliEnv = { LUCCA_API_KEY: KEY };
  const posts = (s: Simulator) => s.requests.filter((r) => r.method === "POST");

  it("fetches a template given twice once, with a warning", async () => {
    const s = await simulator({ rateLimit: false });
    const run = await runCliHere(
      [
        "--domain",
        s.url,
        "--template-id",
        "42,42",
        "--period",
        "2026-10",
        "--poll-interval",
        "20ms",
      ],
      { env: cliEnv },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      "Warning: --template-id: 42 given more than once; each template is fetched once per period",
    );
    expect(posts(s)).toHaveLength(1);
    expect(await readdir(join(run.cwd, "reports"))).toEqual(["42_2026-10-01_2026-10-31.csv"]);
  });

  it("refuses, before any request, default names that are one file where case does not count", async () => {
    const s = await simulator();
    const run = await runCliHere(
      ["--domain", s.url, "--template-id", "Abc,abc", "--period", "2026-10"],
      { env: cliEnv },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--output (not given, so the default name): "reports/{templateId}_{startsOn}_{endsOn}.{extension}" gives reports/Abc_2026-10-01_2026-10-31.csv and reports/abc_2026-10-01_2026-10-31.csv, one file where case does not count (macOS, Windows), to template Abc 2026-10-01..2026-10-31 and template abc 2026-10-01..2026-10-31',
    );
    expect(s.requests).toHaveLength(0);
  });

  it("fails every report Lucca gives an id another already has, without downloading it again", async () => {
    const s = await simulator({ rateLimit: false });
    // A server that answers every creation with the first report's id.
    let firstId: unknown;
    const sameId: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method !== "POST") return response;
      const body = (await response.json()) as { id?: unknown; data?: { id?: unknown } };
      const report = body.data ?? body;
      firstId ??= report.id;
      report.id = firstId;
      const headers = new Headers(response.headers);
      headers.delete("content-length");
      return new Response(JSON.stringify(body), { status: response.status, headers });
    };
    const run = await runCliHere(
      [
        "--domain",
        s.url,
        "--template-id",
        "42,43",
        "--period",
        "2026-09..2026-10",
        "--output",
        "out/{reportId}.csv",
        "--poll-interval",
        "20ms",
        "--json",
      ],
      { env: cliEnv, fetch: sameId },
    );
    expect(run.code).toBe(new UnusableAnswerError("").exitCode);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.status).sort()).toEqual(["done", "failed", "failed", "failed"]);
    for (const failed of lines.filter((l) => l.status === "failed")) {
      expect(failed.error).toBe(
        `Lucca gave this report the id ${firstId}, which another report of this run already has; it is not downloaded, so that it cannot replace the other's file`,
      );
      expect(failed.reportId).toBeNull();
    }
    expect(posts(s)).toHaveLength(4);
    expect(s.requests.filter((r) => r.path.includes("/download-"))).toHaveLength(1);
    expect(await readdir(join(run.cwd, "out"))).toEqual([`${firstId}.csv`]);
  });

  it(`refuses more than ${MAX_REPORTS} reports before any request, and takes ${MAX_REPORTS}`, async () => {
    const s = await simulator();
    const run = await runCliHere(
      ["--domain", s.url, "--template-id", "1,2,3", "--period", "2023-01..2025-12"],
      { env: cliEnv },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "--template-id and --period: 108 reports (3 template(s) × 36 period(s)) in one run; at most 100: split them over several runs",
    );
    expect(s.requests).toHaveLength(0);
    expect(
      settingsFor(s, { templateId: "1,2,3,4", period: "2024-01..2026-01" }).reports,
    ).toHaveLength(100);
  });
});

describe("the CLI with several reports", () => {
  it("publishes the reports that worked, and exits with the failure naming the unknown template", async () => {
    const s = await simulator({ rateLimit: false });
    const run = await runCliHere(
      [
        "--domain",
        s.url,
        "--template-id",
        "42,nope",
        "--template-id",
        "43",
        "--period",
        "2026-10",
        "--poll-interval",
        "20ms",
        "--json",
      ],
      { env: { LUCCA_API_KEY: KEY } },
    );
    expect(run.code).toBe(3);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.templateId, l.status])).toEqual([
      ["42", "done"],
      ["nope", "failed"],
      ["43", "done"],
    ]);
    expect(lines[1].error).toMatch(/404|template/i);
    expect((await readdir(join(run.cwd, "reports"))).sort()).toEqual([
      "42_2026-10-01_2026-10-31.csv",
      "43_2026-10-01_2026-10-31.csv",
    ]);
    expect(run.stderr).toMatch(/^\[43 2026-10-01\.\.2026-10-31\] /m);
  });
});
