import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { VERSION } from "../../src/version.ts";
import { spawnCli, tempDir } from "../support/cli.ts";

// The package is made from the dist/ in the work tree: CI rebuilds it (and checks it is the
// committed one) before the tests run.
const root = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const KEY = "package-key-3c9e1d52";

interface Packed {
  tarball: string;
  files: string[];
}

async function pack(): Promise<Packed> {
  const dest = await tempDir("lucca-pack-");
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", dest], {
    cwd: root,
  });
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error(`npm pack said nothing: ${stdout}`);
  return { tarball: join(dest, info.filename), files: info.files.map((f) => f.path).sort() };
}

describe("the CLI as an npm package", () => {
  let packed: Packed;
  let prefix: string;
  let sim: Simulator;

  beforeAll(async () => {
    expect(existsSync(join(root, "dist/cli.js")), "run npm run build first").toBe(true);
    packed = await pack();
    prefix = await tempDir("lucca-prefix-");
    // --offline: the bundle must need nothing from the registry.
    await run(
      "npm",
      ["install", "--global", "--prefix", prefix, "--offline", "--no-audit", "--no-fund"].concat(
        packed.tarball,
      ),
      { cwd: prefix },
    );
    sim = await startSimulator({ apiKey: KEY, generationMs: 20, rows: 12 });
  }, 60_000);

  afterAll(async () => {
    await sim?.close();
  });

  it("holds the CLI bundle, all its chunks and the licenses, and not the action", async () => {
    const dist = await readdir(join(root, "dist"));
    const chunks = dist.filter((name) => name.endsWith(".cli.js")).map((name) => `dist/${name}`);
    expect(packed.files).toEqual(
      expect.arrayContaining(["dist/cli.js", "dist/licenses.txt", "package.json", ...chunks]),
    );
    expect(packed.files).not.toContain("dist/index.js");
    expect(packed.files.filter((file) => file.startsWith("src/"))).toEqual([]);
    // Packages webpack concatenates escape ncc's own list; the build adds them (zod is one).
    const licenses = await readFile(join(root, "dist/licenses.txt"), "utf8");
    const cliPart = licenses.slice(0, licenses.indexOf("Bundled in dist/index.js"));
    expect(cliPart).toMatch(/^Bundled in dist\/cli.js/);
    expect(cliPart).toMatch(/^zod\nMIT\n/m);
    expect(cliPart).toMatch(/^undici\nMIT\n/m);
    expect(packed.tarball).toMatch(/lucca-report-action-\d+\.\d+\.\d+\.tgz$/);
  });

  it("declares no dependency: everything it runs is in the bundle", async () => {
    const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
    expect(
      pkg.dependencies ?? {},
      "dist/ bundles every package: add new ones to devDependencies",
    ).toEqual({});
    expect(pkg.private).toBeUndefined();
  });

  it("installs a working lucca-report command into an empty prefix", async () => {
    const bin = join(prefix, "bin/lucca-report");
    const { stdout } = await run(bin, ["--version"], { cwd: prefix });
    expect(stdout.trim()).toBe(VERSION);
    // Nothing came along: the installed package is the tarball's files only.
    const installed = join(prefix, "lib/node_modules/lucca-report-action");
    expect(existsSync(join(installed, "node_modules"))).toBe(false);
  });

  it("runs a whole report from the installed command against the simulator", async () => {
    const cwd = await tempDir();
    const cli = spawnCli(
      [
        join(prefix, "bin/lucca-report"),
        "--domain",
        sim.url,
        "--template-id",
        "42",
        "--period",
        "2026-10",
        "--poll-interval",
        "20ms",
        "--json",
      ],
      { env: { LUCCA_API_KEY: KEY }, cwd },
    );
    expect(await cli.exit, cli.stderr()).toBe(0);
    const result = JSON.parse(cli.stdout());
    expect(result).toMatchObject({ rows: 12, status: "done", startsOn: "2026-10-01" });
    expect(existsSync(result.path)).toBe(true);
  });
});

function denoPath(): string | undefined {
  try {
    return execFileSync("sh", ["-c", "command -v deno"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

describe("dist/cli.js run by Deno from a URL (as from a tag on GitHub)", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    // Serves dist/ the way raw.githubusercontent.com serves a tag's files.
    server = createServer(async (req, res) => {
      const name = (req.url ?? "/").slice(1);
      if (!/^[\w.-]+\.js$/.test(name) || !existsSync(join(root, "dist", name))) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.end(await readFile(join(root, "dist", name)));
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await new Promise((done) => server.close(done));
  });

  it("runs a whole report with no npm install", async () => {
    const deno = denoPath();
    if (!deno) {
      expect(process.env.CI, "deno must be on PATH in CI").toBeFalsy();
      return;
    }
    const sim = await startSimulator({ apiKey: KEY, generationMs: 20, rows: 7 });
    try {
      const cwd = await tempDir();
      const cli = spawnCli(
        [
          deno,
          "run",
          "--allow-net",
          "--allow-env",
          "--allow-read",
          "--allow-write",
          "--no-config",
          `${base}/cli.js`,
          "--domain",
          sim.url,
          "--template-id",
          "42",
          "--poll-interval",
          "20ms",
          "--json",
        ],
        {
          env: { LUCCA_API_KEY: KEY, DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(cwd, ".deno") },
          cwd,
        },
      );
      expect(await cli.exit, cli.stderr()).toBe(0);
      expect(JSON.parse(cli.stdout())).toMatchObject({ rows: 7, status: "done" });
    } finally {
      await sim.close();
    }
  }, 60_000);
});
