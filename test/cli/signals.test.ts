import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { AbortedError } from "../../src/core/errors.ts";
import { runAction } from "../support/action.ts";
import { spawnCli, tempDir, waitForPart } from "../support/cli.ts";

const root = resolve(import.meta.dirname, "../..");
const KEY = "signal-key-3c9d1e55";
let sim: Simulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe("SIGHUP", () => {
  it("maps to exit code 129", () => {
    expect(new AbortedError("x", { signal: "SIGHUP" }).exitCode).toBe(129);
    expect(new AbortedError("x", { signal: "SIGTERM" }).exitCode).toBe(143);
    expect(new AbortedError("x", { signal: "SIGINT" }).exitCode).toBe(130);
  });

  it("stops the CLI in the middle of a download with 129, leaving no .part file", async () => {
    // The download stalls half way, so the signal always lands while it streams (a fast
    // transport once finished 600 MB before a loaded machine noticed the .part file).
    sim = await startSimulator({
      apiKey: KEY,
      generationMs: 0,
      rows: 100_000,
      stallDownloads: true,
    });
    const cwd = await tempDir();
    const cli = spawnCli(
      [
        process.execPath,
        join(root, "src/cli.ts"),
        "--domain",
        sim.url,
        "--template-id",
        "42",
        "--verbose",
      ],
      { env: { LUCCA_API_KEY: KEY }, cwd },
    );
    await cli.waitForStderr(/Downloading report 1001/);
    const part = await waitForPart(join(cwd, "reports"));
    expect(part).toMatch(/^\.42_.*\.[0-9a-f]{8}\.part$/);
    cli.child.kill("SIGHUP");
    expect(await cli.exit, cli.stderr()).toBe(129);
    expect(cli.stderr()).toMatch(/Interrupted by SIGHUP/);
    expect(await readdir(join(cwd, "reports"))).toEqual([]);
  });

  it("cancels the action like SIGTERM, leaving no file", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 60_000 });
    const run = await runAction(
      { domain: sim.url, "api-key": KEY, "template-id": "42", publish: "none" },
      { fromSource: true, signalWhen: { stdout: /Report 1001 created/, signal: "SIGHUP" } },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Cancelled by SIGHUP/);
    expect(
      existsSync(join(run.workspace, "reports"))
        ? await readdir(join(run.workspace, "reports"))
        : [],
    ).toEqual([]);
  });
});
