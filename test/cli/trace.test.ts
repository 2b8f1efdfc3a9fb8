import { lstat, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { runCliHere, tempDir } from "../support/cli.ts";

const KEY = "test-key-trace-4b1d";
let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const args = (s: Simulator) => [
  "--domain",
  s.url,
  "--template-id",
  "42",
  "--poll-interval",
  "20ms",
];

describe("--trace FILE", () => {
  it("writes one JSON line per exchange, with shapes and no key", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 50, rows: 5 });
    const run = await runCliHere([...args(sim), "--trace", "trace.jsonl"], {
      env: { LUCCA_API_KEY: KEY },
    });
    expect(run.code).toBe(0);
    const text = await readFile(join(run.cwd, "trace.jsonl"), "utf8");
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(sim.requests.length);
    expect(lines[0]).toMatchObject({
      method: "POST",
      path: "/timmi-timesheet/api/reports",
      status: 201,
      requestBody: { templateId: "string", startsOn: "null", endsOn: "null", filters: "null" },
      responseBody: { id: "number", status: "string" },
    });
    expect(lines.at(-1)).toMatchObject({
      path: expect.stringMatching(/download-csv$/),
      status: 200,
    });
    expect(text).not.toContain(KEY);
    expect(text).not.toContain("Collaborateur");
    expect(run.stderr).toMatch(/Trace of \d+ HTTP exchange\(s\) written to .*trace\.jsonl/);
  });

  it("is written when the run fails too", async () => {
    sim = await startSimulator({ apiKey: KEY });
    const run = await runCliHere([...args(sim), "--trace", "t.jsonl"], {
      env: { LUCCA_API_KEY: "another-key-entirely" },
    });
    expect(run.code).toBe(3);
    const line = JSON.parse((await readFile(join(run.cwd, "t.jsonl"), "utf8")).trim());
    expect(line).toMatchObject({ method: "POST", status: 401, responseBody: { Status: "number" } });
    expect(JSON.stringify(line)).not.toContain("another-key-entirely");
  });
});

describe("--trace FILE with several reports", () => {
  it("records every report of the run", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 30, rows: 5, templates: ["42", "43"] });
    const run = await runCliHere(
      [...args(sim), "--template-id", "43", "--period", "2026-09..2026-10", "--trace", "t.jsonl"],
      { env: { LUCCA_API_KEY: KEY } },
    );
    expect(run.code, run.stderr).toBe(0);
    const lines = (await readFile(join(run.cwd, "t.jsonl"), "utf8"))
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(sim.requests.length);
    expect(lines.filter((line) => line.method === "POST")).toHaveLength(4);
    expect(lines.filter((line) => /download-csv$/.test(line.path))).toHaveLength(4);
  });
});

describe("--trace FILE written as a report is", () => {
  it("never through a link planted at its place during the run, and readable by its owner only", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 30, rows: 5 });
    const cwd = await tempDir();
    await writeFile(join(cwd, "victim.txt"), "untouched\n");
    let planted = false;
    // Once the run started (the place was checked), a link appears where the trace goes.
    const planting: typeof fetch = async (input, init) => {
      if (!planted) {
        planted = true;
        await symlink(join(cwd, "victim.txt"), join(cwd, "t.jsonl"));
      }
      return fetch(input, init);
    };
    const run = await runCliHere([...args(sim), "--trace", "t.jsonl"], {
      env: { LUCCA_API_KEY: KEY },
      cwd,
      fetch: planting,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Warning: could not write the trace to .*t\.jsonl: .*symbolic link/);
    expect(await readFile(join(cwd, "victim.txt"), "utf8")).toBe("untouched\n");
    expect((await lstat(join(cwd, "t.jsonl"))).isSymbolicLink()).toBe(true);
    expect((await readdir(cwd)).filter((name) => name.endsWith(".part"))).toEqual([]);
  });

  it("into a directory made for it, with mode 0600", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 30, rows: 5 });
    const run = await runCliHere([...args(sim), "--trace", "traces/t.jsonl"], {
      env: { LUCCA_API_KEY: KEY },
    });
    expect(run.code, run.stderr).toBe(0);
    expect((await lstat(join(run.cwd, "traces/t.jsonl"))).mode & 0o777).toBe(0o600);
  });
});

describe("--trace FILE refused before any request", () => {
  it("when it names a directory", async () => {
    sim = await startSimulator({ apiKey: KEY });
    const run = await runCliHere([...args(sim), "--trace", "traces/"], {
      env: { LUCCA_API_KEY: KEY },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--trace: "traces/" names a directory');
    expect(sim.requests).toEqual([]);
  });
});

describe("--trace FILE is written like a report", () => {
  it("through a temporary file renamed into place, readable by its owner only", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 0, rows: 2 });
    const run = await runCliHere([...args(sim), "--trace", "t.jsonl"], {
      env: { LUCCA_API_KEY: KEY },
    });
    expect(run.code).toBe(0);
    expect((await lstat(join(run.cwd, "t.jsonl"))).mode & 0o777).toBe(0o600);
    expect((await readdir(run.cwd)).filter((name) => name.endsWith(".part"))).toEqual([]);
  });

  it("never through a link put in its place during the run", async () => {
    const cwd = await tempDir();
    const victim = join(cwd, "victim.txt");
    await writeFile(victim, "keep me\n");
    let swapped: Promise<void> | undefined;
    sim = await startSimulator({
      apiKey: KEY,
      generationMs: 0,
      rows: 2,
      // After the target was checked, before the trace is written: a link takes its place.
      onRequest: () => {
        swapped ??= symlink(victim, join(cwd, "t.jsonl"));
      },
    });
    const run = await runCliHere([...args(sim), "--trace", "t.jsonl"], {
      env: { LUCCA_API_KEY: KEY },
      cwd,
    });
    await swapped;
    expect(run.code).toBe(0);
    expect(await readFile(victim, "utf8")).toBe("keep me\n");
    expect((await lstat(join(cwd, "t.jsonl"))).isSymbolicLink()).toBe(true);
    expect(run.stderr).toMatch(/Warning: could not write the trace to .*t\.jsonl: .*symbolic link/);
    expect((await readdir(cwd)).filter((name) => name.endsWith(".part"))).toEqual([]);
  });
});
