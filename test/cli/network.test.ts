import { join, resolve } from "node:path";
import process from "node:process";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { spawnCli, tempDir } from "../support/cli.ts";
import { makeCertificates, startTlsFront, type TlsFront } from "../support/tls.ts";

// What the CLI answers when the network, not Lucca, says no: a name that does not resolve,
// a certificate the runtime does not trust. Both fail at once; neither is worth a retry.
const root = resolve(import.meta.dirname, "../..");
const KEY = "network-key-3b9d0c55";
let sim: Simulator | undefined;
let front: TlsFront | undefined;

afterEach(async () => {
  await front?.close();
  await sim?.close();
  front = undefined;
  sim = undefined;
});

async function runCli(args: string[], env: Record<string, string> = {}) {
  const cli = spawnCli([process.execPath, join(root, "src/cli.ts"), ...args], {
    env: { LUCCA_API_KEY: KEY, ...env },
    cwd: await tempDir(),
  });
  const code = await cli.exit;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

describe("the CLI and the network", () => {
  it("fails at once, saying to check --domain, when the host name does not resolve", async () => {
    // RFC 2606: a name under .invalid never resolves, with or without a network.
    const run = await runCli([
      "--domain",
      "https://acme.invalid",
      "--allow-host",
      "acme.invalid",
      "--template-id",
      "42",
      "--verbose",
    ]);
    expect(run.code, run.stderr).toBe(6);
    expect(run.stderr).toContain(
      "the host name acme.invalid could not be found in DNS (ENOTFOUND): check --domain",
    );
    expect(run.stderr).not.toMatch(/; retry \d/);
  });

  it("fails at once on a certificate it does not trust, and says how to trust a company CA", async (context) => {
    const certificates = await makeCertificates(await tempDir("lucca-tls-"));
    if (!certificates) {
      expect(process.env.CI, "openssl must be on PATH in CI").toBeFalsy();
      context.skip();
      return;
    }
    sim = await startSimulator({ apiKey: KEY, generationMs: 20, rows: 5 });
    front = await startTlsFront(certificates, sim.url);
    const args = ["--domain", front.url, "--template-id", "42", "--poll-interval", "20ms"];

    const refused = await runCli([...args, "--verbose"]);
    expect(refused.code, refused.stderr).toBe(6);
    expect(refused.stderr).toContain(
      "the TLS certificate presented for 127.0.0.1 is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE)",
    );
    expect(refused.stderr).toContain("NODE_EXTRA_CA_CERTS=/path/to/company-ca.pem");
    expect(refused.stderr).not.toMatch(/; retry \d/);
    expect(front.connections()).toBe(1);
    expect(sim.requests).toEqual([]);

    // The advice works: the same run, given the CA, gets its report through the same front.
    const trusted = await runCli([...args, "--json"], { NODE_EXTRA_CA_CERTS: certificates.caPath });
    expect(trusted.code, trusted.stderr).toBe(0);
    expect(JSON.parse(trusted.stdout)).toMatchObject({ rows: 5, status: "done" });
    expect(sim.requests.length).toBeGreaterThanOrEqual(3);
  });

  it("answers a mistyped Lucca domain with the host meant, not with --allow-host", async () => {
    const run = await runCli(["--domain", "https://acme.iluca.net", "--template-id", "42"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--domain: "acme.iluca.net" is not a Lucca host; did you mean https://acme.ilucca.net?',
    );
    expect(run.stderr).not.toContain("--allow-host");
    const bare = await runCli(["--domain", "bigcorp", "--template-id", "42"]);
    expect(bare.stderr).toContain("did you mean https://bigcorp.ilucca.net?");
  });
});
