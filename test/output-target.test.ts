import { execFileSync } from "node:child_process";
import { existsSync, lstatSync } from "node:fs";
import { chmod, mkdir, readdir, readFile, readlink, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../simulator/server.ts";
import { InvalidInputError } from "../src/core/errors.ts";
import { nodeFileSink } from "../src/node/node-file-sink.ts";
import { resolveOutputTarget } from "../src/node/output-target.ts";
import { runAction } from "./support/action.ts";
import { runCliHere, spawnCli, tempDir } from "./support/cli.ts";
import { git, makeRepos } from "./support/git-repos.ts";
import { othersCanRun } from "./support/runs-as-nobody.ts";

const root = resolve(import.meta.dirname, "..");
const KEY = "target-key-5f1e7a90c3";
let sim: Simulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function simulator(): Promise<Simulator> {
  sim = await startSimulator({ apiKey: KEY, generationMs: 0, rows: 5 });
  return sim;
}

function cli(url: string, output: string) {
  return ["--domain", url, "--template-id", "42", "--output", output, "--poll-interval", "10ms"];
}

describe("output targets on the command line, refused before any request", () => {
  it("refuses a FIFO and leaves it a FIFO (the /dev/null case, without touching /dev)", async () => {
    const server = await simulator();
    const cwd = await tempDir();
    execFileSync("mkfifo", [join(cwd, "pipe")]);
    const run = await runCliHere(cli(server.url, "pipe"), { cwd, env: { LUCCA_API_KEY: KEY } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--output: "pipe" is a named pipe \(FIFO\)/);
    expect(server.requests).toHaveLength(0);
    expect(lstatSync(join(cwd, "pipe")).isFIFO()).toBe(true);
    expect(await readdir(cwd)).toEqual(["pipe"]);
  });

  it("refuses a symbolic link to a device and leaves the link in place", async () => {
    const server = await simulator();
    const cwd = await tempDir();
    await symlink("/dev/null", join(cwd, "null"));
    const run = await runCliHere(cli(server.url, "null"), { cwd, env: { LUCCA_API_KEY: KEY } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"null" is a symbolic link/);
    expect(server.requests).toHaveLength(0);
    expect(await readlink(join(cwd, "null"))).toBe("/dev/null");
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("refuses a directory, and any path inside .git whatever its case", async () => {
    const server = await simulator();
    const cwd = await tempDir();
    git(cwd, "init", "--quiet");
    const config = await readFile(join(cwd, ".git/config"), "utf8");
    await mkdir(join(cwd, "out"));
    for (const [output, message] of [
      ["out", /"out" is a directory/],
      [".git/config", /inside a \.git directory/],
      ["sub/.GIT/x.csv", /inside a \.git directory/],
    ] as const) {
      const run = await runCliHere(cli(server.url, output), { cwd, env: { LUCCA_API_KEY: KEY } });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    expect(server.requests).toHaveLength(0);
    expect(await readFile(join(cwd, ".git/config"), "utf8")).toBe(config);
    expect(existsSync(join(cwd, "sub"))).toBe(false);
  });

  it("writes an explicit path outside the working directory, which the user asked for", async () => {
    const server = await simulator();
    const cwd = await tempDir();
    const elsewhere = await tempDir();
    const run = await runCliHere(cli(server.url, join(elsewhere, "r.csv")), {
      cwd,
      env: { LUCCA_API_KEY: KEY },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(await readdir(elsewhere)).toEqual(["r.csv"]);
  });

  // As root the CLI must drop to "nobody", who needs to be able to start this very Node.
  const asRoot = process.getuid?.() === 0;
  it.skipIf(asRoot && !othersCanRun())(
    "finds a directory it cannot write before the report is generated (finding 16)",
    async () => {
      const server = await simulator();
      const cwd = await tempDir();
      // Root writes anywhere: the CLI then runs as "nobody", for whom the directory is read-only.
      await chmod(cwd, 0o555);
      const asNobody = asRoot ? { uid: 65534, gid: 65534 } : {};
      const child = spawnCli(
        [process.execPath, join(root, "src/cli.ts"), "--domain", server.url, "--template-id", "42"],
        { env: { LUCCA_API_KEY: KEY }, cwd, ...asNobody },
      );
      expect(await child.exit, child.stderr()).toBe(2);
      expect(child.stderr()).toMatch(/the default output path: "reports" cannot be written/);
      expect(server.requests).toHaveLength(0);
      expect(await readdir(cwd)).toEqual([]);
    },
  );
});

describe("output targets of the action, refused before any request", () => {
  it("refuses an untracked symlink out of the workspace, in commit mode (finding 8)", async () => {
    const server = await simulator();
    const repos = await makeRepos();
    const workspace = await repos.clone();
    const outside = await tempDir("lucca-outside-");
    await symlink(outside, join(workspace, "link"));
    const run = await runAction(
      {
        domain: server.url,
        "api-key": KEY,
        "template-id": "42",
        "output-path": "link/x.csv",
        publish: "commit",
        "poll-interval": "10ms",
      },
      { workspace, fromSource: true },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/output-path: "link\/x\.csv" resolves to .*outside .*symbolic link/);
    expect(server.requests).toHaveLength(0);
    expect(await readdir(outside)).toEqual([]);
    expect(git(repos.origin, "log", "--oneline", "main")).not.toMatch(/report/i);
  });

  it("refuses .git/config as output-path and leaves the checkout's config as it was", async () => {
    const server = await simulator();
    const repos = await makeRepos();
    const workspace = await repos.clone();
    const config = await readFile(join(workspace, ".git/config"), "utf8");
    const run = await runAction(
      { domain: server.url, "api-key": KEY, "template-id": "42", "output-path": ".git/config" },
      { workspace, fromSource: true },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/inside a \.git directory/);
    expect(server.requests).toHaveLength(0);
    expect(await readFile(join(workspace, ".git/config"), "utf8")).toBe(config);
  });

  it("lets an artifact-only run write under RUNNER_TEMP, but not a committing one", async () => {
    const server = await simulator();
    const runnerTemp = await tempDir("lucca-runner-temp-");
    const inputs = {
      domain: server.url,
      "api-key": KEY,
      "template-id": "42",
      "output-path": join(runnerTemp, "r.csv"),
      "poll-interval": "10ms",
    };
    const refused = await runAction(
      { ...inputs, publish: "commit" },
      { env: { RUNNER_TEMP: runnerTemp }, fromSource: true },
    );
    expect(refused.code).toBe(1);
    expect(server.requests).toHaveLength(0);
    const allowed = await runAction(
      { ...inputs, publish: "none" },
      { env: { RUNNER_TEMP: runnerTemp }, fromSource: true },
    );
    expect(allowed.code, allowed.stdout).toBe(0);
    expect(await readdir(runnerTemp)).toEqual(["r.csv"]);
  });
});

describe("a default name built from a hostile server's answer (finding 2)", () => {
  it("writes nothing outside the working directory when templateId climbs out", async () => {
    const outside = await tempDir("lucca-escape-");
    const requests: string[] = [];
    const hostile = createServer((request, response) => {
      requests.push(request.url ?? "");
      if (request.url?.endsWith("/download-csv")) {
        response.writeHead(200, { "content-type": "text/csv" }).end("a;b\n1;2\n");
        return;
      }
      response.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          id: 77,
          templateId: `../../../../../../../../../..${outside}/escape`,
          status: "done",
          startsOn: "2026-10-01",
          endsOn: "2026-10-31",
        }),
      );
    });
    await new Promise<void>((done) => hostile.listen(0, "127.0.0.1", done));
    try {
      const { port } = hostile.address() as { port: number };
      const cwd = await tempDir();
      const run = await runCliHere(["--domain", `http://127.0.0.1:${port}`, "--report-id", "77"], {
        cwd,
        env: { LUCCA_API_KEY: KEY },
      });
      expect(run.code, run.stderr).not.toBe(0);
      expect(requests.length).toBeGreaterThan(0);
      expect(await readdir(outside)).toEqual([]);
      expect(await readdir(cwd, { recursive: true })).not.toContainEqual(
        expect.stringMatching(/escape|\.part$/),
      );
    } finally {
      await new Promise((done) => hostile.close(done));
    }
  });
});

describe("resolveOutputTarget and the sink", () => {
  it("refuses a default name that climbs out of the allowed directory once it is known", async () => {
    const base = await tempDir();
    const sink = nodeFileSink({ baseDir: base, roots: [base], label: "the default output path" });
    await expect(sink.create("reports/../../../../tmp/x.csv")).rejects.toThrow(
      /is outside|resolves to/,
    );
    await expect(sink.create("/etc/passwd")).rejects.toBeInstanceOf(InvalidInputError);
    expect(await readdir(base)).toEqual([]);
  });

  it("resolves symlinked parents to the real path inside the root", async () => {
    const base = await tempDir();
    await mkdir(join(base, "real"));
    await symlink(join(base, "real"), join(base, "alias"));
    const target = await resolveOutputTarget("alias/new/r.csv", {
      baseDir: base,
      roots: [base],
      label: "--output",
    });
    expect(target).toBe(join(base, "real/new/r.csv"));
  });

  it("does not rename over a target that became a FIFO during the download", async () => {
    const base = await tempDir();
    const file = await nodeFileSink({ baseDir: base, roots: [base], label: "--output" }).create(
      "r.csv",
    );
    const writer = file.writable.getWriter();
    await writer.write(new TextEncoder().encode("a;b\n1;2\n"));
    await writer.close();
    execFileSync("mkfifo", [join(base, "r.csv")]);
    await expect(file.commit()).rejects.toThrow(/became a named pipe/);
    expect(lstatSync(join(base, "r.csv")).isFIFO()).toBe(true);
    expect(await readdir(base)).toEqual(["r.csv"]);
  });

  it("writes over an existing regular file", async () => {
    const base = await tempDir();
    await writeFile(join(base, "r.csv"), "old");
    const file = await nodeFileSink({ baseDir: base, roots: [base], label: "--output" }).create(
      "r.csv",
    );
    const writer = file.writable.getWriter();
    await writer.write(new TextEncoder().encode("new"));
    await writer.close();
    await file.commit();
    expect(await readFile(join(base, "r.csv"), "utf8")).toBe("new");
  });
});
