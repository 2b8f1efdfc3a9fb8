/**
 * One report or several, one path: the same `--json` keys whatever the count or status,
 * the same `Error:` lines and exit codes, progress labelled only when there are several.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "../../simulator/server.ts";
import { runCli } from "../../src/cli/run.ts";
import { AbortedError } from "../../src/core/errors.ts";
import { REPORT_JSON_KEYS, runCliHere, tempDir } from "../support/cli.ts";

const KEY = "test-key-reports-8e27";
const env = { LUCCA_API_KEY: KEY };
const fast = ["--poll-interval", "20ms", "--max-poll-interval", "50ms"];
let sim: Simulator | undefined;

async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
  sim = await startSimulator({
    apiKey: KEY,
    generationMs: 30,
    rows: 5,
    templates: ["42", "43"],
    ...options,
  });
  return sim;
}

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

function expectShape(object: Record<string, unknown>) {
  expect(Object.keys(object)).toEqual(REPORT_JSON_KEYS);
  expect(Object.keys(object.polling as object)).toEqual([
    "expectedMs",
    "generationMs",
    "requestsSaved",
  ]);
}

describe("--json: one object per report, the same keys whatever the count or status", () => {
  it("one report done", async () => {
    const s = await simulator();
    const run = await runCliHere(
      ["--domain", s.url, "--template-id", "42", "--period", "2026-10", ...fast, "--json"],
      { env },
    );
    expect(run.code, run.stderr).toBe(0);
    const [only, ...rest] = jsonLines(run.stdout);
    expect(rest).toEqual([]);
    expectShape(only as Record<string, unknown>);
    expect(only).toMatchObject({
      templateId: "42",
      startsOn: "2026-10-01",
      endsOn: "2026-10-31",
      status: "done",
      reportId: "1001",
      format: "csv",
      rows: 5,
      encoding: "utf-8",
      attempts: 1,
      error: null,
    });
    // The sums of the numeric columns (the zero-padded employee numbers are not summed).
    expect(((only?.totals ?? []) as { column: string }[]).map((total) => total.column)).toEqual([
      "Temps de présence",
      "Absences",
      "Temps théorique",
    ]);
    expect(only?.polling).toMatchObject({ expectedMs: null, requestsSaved: expect.any(Number) });
  });

  it("one report failed: the object too, with its error, and the usual exit code", async () => {
    const s = await simulator();
    const run = await runCliHere(
      ["--domain", s.url, "--template-id", "99", "--period", "2026-10", ...fast, "--json"],
      { env },
    );
    expect(run.code).toBe(3);
    const [only, ...rest] = jsonLines(run.stdout);
    expect(rest).toEqual([]);
    expectShape(only as Record<string, unknown>);
    expect(only).toMatchObject({
      templateId: "99",
      startsOn: "2026-10-01",
      status: "failed",
      reportId: null,
      path: null,
      rows: null,
      polling: { expectedMs: null, generationMs: null, requestsSaved: null },
      totals: null,
      error: expect.stringMatching(/template 99 does not exist/),
    });
    expect(run.stderr).toMatch(
      /^Error: template 99, 2026-10-01\.\.2026-10-31: .*template 99 does not exist/m,
    );
  });

  it("several reports, done, failed and skipped, in the order asked", async () => {
    const s = await simulator();
    const run = await runCliHere(
      [
        "--domain",
        s.url,
        "--template-id",
        "42,nope,43",
        "--period",
        "2026-10",
        "--concurrency",
        "1",
        "--fail-fast",
        ...fast,
        "--json",
      ],
      { env },
    );
    expect(run.code).toBe(3);
    const lines = jsonLines(run.stdout);
    for (const line of lines) expectShape(line);
    expect(lines.map((line) => [line.templateId, line.status, line.error === null])).toEqual([
      ["42", "done", true],
      ["nope", "failed", false],
      ["43", "skipped", false],
    ]);
    expect(lines[2]).toMatchObject({ reportId: null, error: "not started (fail-fast)" });
  });

  it("a timed-out report gives the id to resume it with", async () => {
    const s = await simulator({ generationMs: 60_000 });
    const run = await runCliHere(
      ["--domain", s.url, "--template-id", "42", ...fast, "--timeout", "300ms", "--json"],
      { env },
    );
    expect(run.code).toBe(5);
    expect(jsonLines(run.stdout)).toEqual([
      expect.objectContaining({ status: "failed", reportId: "1001" }),
    ]);
  });
});

describe("docs/cli.md", () => {
  it("documents every key of the --json object", async () => {
    const doc = await readFile(join(import.meta.dirname, "../../docs/cli.md"), "utf8");
    const documented = new Set(
      [...doc.matchAll(/^\| ([^|]+) \|/gm)].flatMap(([, cell]) =>
        [...(cell ?? "").matchAll(/`([\w.]+)`/g)].map(([, key]) => key),
      ),
    );
    const keys = REPORT_JSON_KEYS.flatMap((key) =>
      key === "polling"
        ? ["polling.expectedMs", "polling.generationMs", "polling.requestsSaved"]
        : [key],
    );
    expect([...documented].sort()).toEqual(keys.sort());
  });
});

describe("text output and errors", () => {
  it("one report: no label on progress lines; a failure after creation says how to resume", async () => {
    const s = await simulator({ failures: [{ status: 500, count: 100, on: "status" }] });
    const run = await runCliHere(
      ["--domain", s.url, "--template-id", "42", ...fast, "--max-retries", "0"],
      { env },
    );
    expect(run.code).toBe(6);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^Report 1001 created/m);
    expect(run.stderr).not.toMatch(/^\[/m);
    const errors = run.stderr.split("\n").filter((line) => line.startsWith("Error:"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^Error: template 42, the template's default period: .*; resume with --report-id 1001$/,
    );
  });

  it("several reports: a line per report on stdout, an Error line per failure on stderr", async () => {
    const s = await simulator();
    const run = await runCliHere(
      ["--domain", s.url, "--template-id", "42,nope", "--period", "2026-10", ...fast],
      { env },
    );
    expect(run.code).toBe(3);
    const out = run.stdout.trimEnd().split("\n");
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(
      /^done {4}template 42, 2026-10-01\.\.2026-10-31: report \d+ -> .*42_2026-10-01_2026-10-31\.csv \(5 rows, \d+ bytes\)$/,
    );
    expect(out[1]).toBe("failed  template nope, 2026-10-01..2026-10-31");
    const errors = run.stderr.split("\n").filter((line) => line.startsWith("Error:"));
    expect(errors).toEqual([
      expect.stringMatching(/^Error: template nope, 2026-10-01\.\.2026-10-31: /),
    ]);
    expect(run.stderr).toMatch(/^\[42 2026-10-01\.\.2026-10-31\] Report \d+ created/m);
  });

  it("--quiet keeps the Error lines and nothing else", async () => {
    const s = await simulator();
    const run = await runCliHere(
      ["--domain", s.url, "--template-id", "42,nope", "--period", "2026-10", ...fast, "--quiet"],
      { env },
    );
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^Error: template nope, /),
    ]);
  });
});

describe("interrupted between two reports", () => {
  it("exits with the interruption's code, the report not started said so", async () => {
    const s = await simulator();
    const cwd = await tempDir();
    const cancel = new AbortController();
    let stdout = "";
    const code = await runCli({
      argv: [
        "--domain",
        s.url,
        "--template-id",
        "42,43",
        "--period",
        "2026-10",
        "--concurrency",
        "1",
        ...fast,
        "--json",
      ],
      env,
      cwd,
      stdout: (text) => {
        stdout += text;
      },
      // The first report is saved: the interruption lands before the second starts.
      stderr: (text) => {
        if (text.startsWith("[42 ") && text.includes("Saved ")) {
          cancel.abort(new AbortedError("Interrupted by SIGINT", { signal: "SIGINT" }));
        }
      },
      fetch: globalThis.fetch,
      signal: cancel.signal,
      readTextFile: (path) => readFile(join(cwd, path), "utf8"),
    });
    expect(code).toBe(130);
    expect(jsonLines(stdout).map((line) => [line.status, line.error])).toEqual([
      ["done", null],
      ["skipped", "not started (cancelled)"],
    ]);
    expect(s.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });
});
