import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { runAction } from "../support/action.ts";
import { spawnCli, tempDir } from "../support/cli.ts";
import { type ForwardProxy, startForwardProxy } from "../support/forward-proxy.ts";

const root = resolve(import.meta.dirname, "../..");
const KEY = "proxy-key-5e1f0a77";
let sim: Simulator | undefined;
let proxy: ForwardProxy | undefined;

afterEach(async () => {
  await sim?.close();
  await proxy?.close();
  sim = undefined;
  proxy = undefined;
});

async function runCliProcess(env: Record<string, string>) {
  if (!sim) throw new Error("start the simulator first");
  const cli = spawnCli(
    [
      process.execPath,
      join(root, "src/cli.ts"),
      "--domain",
      sim.url,
      "--template-id",
      "42",
      "--poll-interval",
      "20ms",
      "--json",
    ],
    { env: { LUCCA_API_KEY: KEY, ...env }, cwd: await tempDir() },
  );
  const code = await cli.exit;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

describe("the CLI behind a proxy", () => {
  it("sends every request through HTTP(S)_PROXY, and none when NO_PROXY covers the host", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 20, rows: 5 });
    proxy = await startForwardProxy();
    const host = new URL(sim.url).host;

    const proxied = await runCliProcess({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    expect(proxied.code, proxied.stderr).toBe(0);
    expect(JSON.parse(proxied.stdout)).toMatchObject({ rows: 5, status: "done" });
    const throughProxy = proxy.seen.filter((line) => line.includes(host));
    // create, at least one status check, download: all of them through the proxy.
    expect(throughProxy.length).toBeGreaterThanOrEqual(3);
    expect(throughProxy.length).toBe(sim.requests.length);

    const seenBefore = proxy.seen.length;
    const direct = await runCliProcess({
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      NO_PROXY: "127.0.0.1",
    });
    expect(direct.code, direct.stderr).toBe(0);
    expect(proxy.seen).toHaveLength(seenBefore);
  });

  it("uses no proxy when none is configured", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 20, rows: 5 });
    proxy = await startForwardProxy();
    const run = await runCliProcess({});
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.seen).toEqual([]);
  });
});

describe("unusable proxy variables are bad input, before any request", () => {
  it.each([
    ["HTTPS_PROXY", "http://user:secret-pw@[::1", "is not a URL"],
    ["https_proxy", "user:secret-pw@proxy:3128", "does not start with http://"],
    ["HTTP_PROXY", "http://user:secret-pw%@127.0.0.1:3128", "a % that is not followed"],
  ])("the CLI exits 2 on %s=%s, naming it without the password", async (name, value, why) => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 20, rows: 5 });
    const run = await runCliProcess({ [name]: value });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`Invalid input:\n  - ${name}: "`);
    expect(run.stderr).toContain(why);
    expect(`${run.stdout}${run.stderr}`).not.toContain("secret-pw");
    expect(run.stderr).not.toMatch(/TypeError|\n\s+at /);
    expect(sim.requests).toEqual([]);
  });

  it("the CLI exits 2 on a NO_PROXY entry undici would ignore", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 20, rows: 5 });
    proxy = await startForwardProxy();
    const run = await runCliProcess({ HTTPS_PROXY: proxy.url, NO_PROXY: "127.0.0.0/8" });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('NO_PROXY: "127.0.0.0/8" is not a host name');
    expect(sim.requests).toEqual([]);
    expect(proxy.seen).toEqual([]);
  });

  it("the action fails the step as invalid input, without the password", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 20, rows: 5 });
    const run = await runAction(
      { domain: sim.url, "api-key": KEY, "template-id": "42", publish: "none" },
      { env: { https_proxy: "http://user:secret-pw@[::1" }, fromSource: true },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error title=Invalid inputs::- https_proxy: "http://***@[::1" is not a URL',
    );
    expect(`${run.stdout}${run.stderr}`).not.toContain("secret-pw");
    expect(sim.requests).toEqual([]);
  });
});
