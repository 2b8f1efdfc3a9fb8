import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../simulator/server.ts";
import { AbortedError } from "../src/core/errors.ts";
import { runAction } from "./support/action.ts";
import { spawnCli, tempDir } from "./support/cli.ts";

const root = resolve(import.meta.dirname, "..");
const KEY = "signal-key-3c9d1e55";
let sim: Simulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** Polls the directory (a real process writes it) until a .part file shows up. */
async function waitForPart(dir: string): Promise<string> {
  for (let tries = 0; tries < 400; tries++) {
    const part = existsSync(dir)
      ? (await readdir(dir)).find((n) => n.endsWith(".part"))
      : undefined;
    if (part) return part;
    await sleep(25);
  }
  throw new Error(`no .part file appeared in ${dir}`);
}

describe("SIGHUP", () => {
  it("maps to exit code 129", () => {
    expect(new AbortedError("x", { signal: "SIGHUP" }).exitCode).toBe(129);
    expect(new AbortedError("x", { signal: "SIGTERM" }).exitCode).toBe(143);
    expect(new AbortedError("x", { signal: "SIGINT" }).exitCode).toBe(130);
  });

  it("stops the CLI in the middle of a download with 129, leaving no .part file", async () => {
    // Ten million rows: the body is still streaming when the signal lands.
    sim = await startSimulator({ apiKey: KEY, generationMs: 0, rows: 10_000_000 });
    const cwd = await tempDir();
    const cli = spawnCli(
      ["node", join(root, "src/cli.ts"), "--domain", sim.url, "--template-id", "42", "--verbose"],
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
