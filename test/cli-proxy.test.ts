import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../simulator/server.ts";
import { spawnCli, tempDir } from "./support/cli.ts";
import { type ForwardProxy, startForwardProxy } from "./support/forward-proxy.ts";

const root = resolve(import.meta.dirname, "..");
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
