/**
 * The change cache against the real @actions/cache client and the local results service.
 * The client reads process.env at call time, so each test points process.env at the service
 * (and puts it back after). GITHUB_WORKSPACE is set too: the archive holds paths relative to it.
 */
import { createHash } from "node:crypto";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import * as cache from "@actions/cache";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  onTestFailed,
  vi,
} from "vitest";
import {
  cacheKeyPrefix,
  type ReportIdentity,
  restorePrevious,
  savePrevious,
} from "../../src/publish/change-cache.ts";
import { diffCsvFiles } from "../../src/publish/csv-diff.ts";
import { EnvOverrides } from "../support/env-overrides.ts";
import { type ResultsService, startResultsService } from "../support/results-service/index.ts";

let service: ResultsService;
let dir: string;
let workDir: string;
const env = new EnvOverrides();
/** What the cache client printed during the current test: shown only if it fails. */
let output = "";

beforeAll(async () => {
  service = await startResultsService();
  dir = await mkdtemp(join(tmpdir(), "change-cache-"));
}, 60_000);
afterAll(async () => {
  await service?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  const workspace = join(dir, "workspace");
  await mkdir(workspace, { recursive: true });
  env.set({ ...service.env, GITHUB_WORKSPACE: workspace });
  workDir = join(service.env.RUNNER_TEMP as string, "lucca-report-cache");
  output = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: unknown) => {
    output += String(chunk);
    return true;
  });
  onTestFailed(() => {
    process.stderr.write(output);
  });
});
afterEach(() => {
  env.restore();
  service.failAll = false;
  service.failStatus = undefined;
  vi.restoreAllMocks();
});

let identities = 0;
/** A fresh template id per test, so no test finds another's entries. */
function identityFor(overrides: Partial<ReportIdentity> = {}): ReportIdentity {
  return {
    domain: "https://acme-corp.ilucca.net",
    templateId: `7${identities++}`,
    startsOn: "2026-10-01",
    endsOn: "2026-10-31",
    format: "csv",
    ...overrides,
  };
}

let files = 0;
async function report(content: string): Promise<{ csvPath: string; sha256: string }> {
  const csvPath = join(dir, `report-${files++}.csv`);
  await writeFile(csvPath, content);
  return { csvPath, sha256: createHash("sha256").update(content).digest("hex") };
}

const run = (runId: string, runAttempt = "1") => ({ workDir, runId, runAttempt });
const CSV = "Collaborateur;Heures\r\nAda;151,67\r\nBob;140,00\r\n";

/** Everything written to stdout while `work` runs. */
async function stdoutOf<T>(work: () => Promise<T>): Promise<{ value: T; out: string }> {
  const from = output.length;
  const value = await work();
  return { value, out: output.slice(from) };
}

describe("change cache with the real @actions/cache client", () => {
  it("misses on the first run, then saves under a key that names no tenant", async () => {
    const identity = identityFor();
    expect(await restorePrevious(identity, { workDir })).toEqual({ status: "miss" });

    const saved = await savePrevious(identity, await report(CSV), run("1000001", "2"));
    expect(saved.status).toBe("saved");
    const key = saved.status === "saved" ? saved.key : "";
    expect(key).toMatch(/^lucca-report-v1-[0-9a-f]{16}-1000001-2-\d{13}$/);
    expect(key.startsWith(cacheKeyPrefix(identity))).toBe(true);
    expect(key).not.toMatch(/acme|ilucca/);
    expect(service.caches().find((entry) => entry.key === key)?.finalized).toBe(true);
  });

  it("restores the newest report of the same identity, whatever the cwd", async () => {
    const identity = identityFor();
    const first = await report(CSV);
    await savePrevious(identity, first, run("1"));

    const cwd = vi.spyOn(process, "cwd").mockReturnValue(dir);
    const restored = await restorePrevious(identity, { workDir });
    cwd.mockRestore();
    expect(restored).toMatchObject({ status: "restored", sha256: first.sha256 });
    if (restored.status !== "restored") return;
    expect(restored.csvPath.startsWith(workDir)).toBe(true);
    expect(await readFile(restored.csvPath, "utf8")).toBe(CSV);
    const lookup = service.calls
      .filter((call) => call.method === "GetCacheEntryDownloadURL")
      .at(-1);
    expect(lookup?.body).toMatchObject({ restore_keys: [cacheKeyPrefix(identity)] });

    // A changed report: saved under a new key (keys are immutable), found first next time.
    const changedCsv = `${CSV}Zoé;7,50\r\n`.replace("Bob;140,00\r\n", "");
    const changed = await report(changedCsv);
    expect(first.sha256).not.toBe(changed.sha256);
    const diff = await diffCsvFiles(restored.csvPath, changed.csvPath);
    expect(diff).toMatchObject({ changed: true, added: 1, removed: 1 });
    const saved = await savePrevious(identity, changed, run("2"));
    expect(saved.status).toBe("saved");

    const next = await restorePrevious(identity, { workDir });
    expect(next).toMatchObject({ status: "restored", sha256: changed.sha256 });
    expect(next.status === "restored" && next.key).toBe(saved.status === "saved" && saved.key);
    expect(await readFile(join(workDir, "report"), "utf8")).toBe(changedCsv);
  });

  it("does not restore another period's, format's or tenant's report", async () => {
    const identity = identityFor();
    await savePrevious(identity, await report(CSV), run("1"));
    const others: ReportIdentity[] = [
      { ...identity, startsOn: "2026-09-01", endsOn: "2026-09-30" },
      { ...identity, format: "excel" },
      { ...identity, domain: "https://other.ilucca.net" },
      { ...identity, startsOn: null, endsOn: null },
    ];
    for (const other of others) {
      expect(await restorePrevious(other, { workDir })).toEqual({ status: "miss" });
    }
    expect(await restorePrevious(identity, { workDir })).toMatchObject({ status: "restored" });
  });

  it("empties the work directory, so a miss never leaves an older report behind", async () => {
    await mkdir(workDir, { recursive: true });
    await writeFile(join(workDir, "report"), "stale");
    expect(await restorePrevious(identityFor(), { workDir })).toEqual({ status: "miss" });
    expect(await readdir(workDir)).toEqual([]);
  });

  it("is unavailable, at once and with one line, when the service refuses every call", async () => {
    const identity = identityFor();
    service.failAll = true;
    service.failStatus = 400;
    const callsBefore = service.calls.length;
    const { value: restored, out } = await stdoutOf(() => restorePrevious(identity, { workDir }));
    const file = await report(CSV);
    const { value: saved } = await stdoutOf(() => savePrevious(identity, file, run("1")));
    // "At once": one call each, no retry (counted, not timed).
    expect(service.calls.slice(callsBefore).map((call) => call.method)).toEqual([
      "GetCacheEntryDownloadURL",
      "CreateCacheEntry",
    ]);

    expect(restored.status).toBe("unavailable");
    expect(restored.status === "unavailable" && restored.reason).toMatch(/^[^\n]*\(400\)[^\n]*$/);
    // The library's warning is held back (as a debug line): the caller says it once.
    expect(out).not.toMatch(/^::(warning|error)/m);
    expect(out).toMatch(/^::debug::@actions\/cache warning: Failed to restore/m);
    expect(saved).toEqual({
      status: "unavailable",
      reason: expect.stringMatching(/^the Actions cache did not take the entry lucca-report-v1-/),
    });
    expect(
      service.caches().filter((entry) => entry.key.startsWith(cacheKeyPrefix(identity))),
    ).toEqual([]);
  });

  it("is unavailable, at once, when nothing listens at the results URL", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    env.set({ ACTIONS_RESULTS_URL: `http://127.0.0.1:${port}/` });
    const identity = identityFor();
    // "At once": every connection attempt is counted (no retry), not timed.
    const connections: unknown[] = [];
    const onSocket = (message: unknown) => connections.push(message);
    subscribe("net.client.socket", onSocket);
    const { value: restored } = await stdoutOf(() => restorePrevious(identity, { workDir }));
    const restoreConnections = connections.length;
    const file = await report(CSV);
    const { value: saved } = await stdoutOf(() => savePrevious(identity, file, run("1")));
    unsubscribe("net.client.socket", onSocket);
    expect([restoreConnections, connections.length]).toEqual([1, 2]);
    expect(restored).toEqual({
      status: "unavailable",
      reason: expect.stringContaining("ECONNREFUSED"),
    });
    expect(saved.status).toBe("unavailable");
  });

  it("is unavailable without a request where the runner has no cache service", async () => {
    env.set({ ACTIONS_RESULTS_URL: undefined });
    const calls = service.calls.length;
    const unavailable = {
      status: "unavailable",
      reason: "the Actions cache service is not configured for this runner",
    };
    expect(await restorePrevious(identityFor(), { workDir })).toEqual(unavailable);
    expect(await savePrevious(identityFor(), await report(CSV), run("1"))).toEqual(unavailable);
    expect(service.calls.length).toBe(calls);
  });

  it("is unavailable when the key is taken (the same run, attempt and millisecond)", async () => {
    const identity = identityFor();
    const file = await report(CSV);
    // The key's time is the first Date.now() a save makes; the client's own stay real.
    const now = vi.spyOn(Date, "now");
    now.mockReturnValueOnce(1_790_000_000_000);
    expect(await savePrevious(identity, file, run("5"))).toMatchObject({ status: "saved" });
    now.mockReturnValueOnce(1_790_000_000_000);
    expect(await stdoutOf(() => savePrevious(identity, file, run("5")))).toMatchObject({
      value: {
        status: "unavailable",
        reason: `the Actions cache did not take the entry ${cacheKeyPrefix(identity)}5-1-1790000000000`,
      },
    });
    const key = `${cacheKeyPrefix(identity)}5-1-1790000000000`;
    expect(service.caches().filter((entry) => entry.key === key)).toHaveLength(1);
    expect(
      service.calls.filter(
        (call) => call.method === "CreateCacheEntry" && (call.body as { key?: string }).key === key,
      ),
    ).toHaveLength(2);
  });

  it("says so when the entry restored elsewhere because GITHUB_WORKSPACE moved", async () => {
    const identity = identityFor();
    await savePrevious(identity, await report(CSV), run("1"));
    // The archive holds workDir relative to the workspace; one level deeper, it lands elsewhere.
    const moved = join(dir, "deeper", "workspace");
    await mkdir(moved, { recursive: true });
    env.set({ GITHUB_WORKSPACE: moved });
    const restored = await restorePrevious(identity, { workDir });
    expect(restored).toEqual({
      status: "unavailable",
      reason: expect.stringMatching(/^the cache entry lucca-report-v1-\S+ did not restore /),
    });
  });

  it("refuses a relative work directory and a report inside the work directory", async () => {
    expect(await restorePrevious(identityFor(), { workDir: "relative/dir" })).toMatchObject({
      status: "unavailable",
    });
    await mkdir(workDir, { recursive: true });
    await writeFile(join(workDir, "report"), CSV);
    expect(
      await savePrevious(identityFor(), { csvPath: join(workDir, "report"), sha256: "" }, run("1")),
    ).toMatchObject({ status: "unavailable" });
    expect(await readFile(join(workDir, "report"), "utf8")).toBe(CSV);
  });
});

describe("change cache: what makes it unavailable, word for word", () => {
  /** An entry saved under the identity's prefix with this meta.json, as no run of ours writes. */
  async function savedWithMeta(identity: ReportIdentity, meta: string): Promise<string> {
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
    await writeFile(join(workDir, "report"), CSV);
    await writeFile(join(workDir, "meta.json"), meta);
    const key = `${cacheKeyPrefix(identity)}crafted-${files++}`;
    expect(await cache.saveCache([workDir], key)).toBeGreaterThan(0);
    return key;
  }

  it.each([
    ["null", "null"],
    ["a number", JSON.stringify({ sha256: 5 })],
    ["a character before the digest", JSON.stringify({ sha256: `Z${"0".repeat(64)}` })],
    ["a character after the digest", JSON.stringify({ sha256: `${"0".repeat(64)}Z` })],
  ])("refuses an entry whose meta.json holds %s", async (_, meta) => {
    const identity = identityFor();
    const key = await savedWithMeta(identity, meta);
    expect(await restorePrevious(identity, { workDir })).toEqual({
      status: "unavailable",
      reason: `the cache entry ${key} has no report checksum`,
    });
  });

  it("refuses an entry whose report is a link, or whose meta.json is too large to be ours", async () => {
    const valid = JSON.stringify({ sha256: "0".repeat(64) });
    // A link could show another file's lines in the summary as "removed" rows.
    const secret = join(dir, `elsewhere-${files++}.csv`);
    await writeFile(secret, "Name;Secret\r\nEve;hunter2\r\n");
    const linked = identityFor();
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
    await symlink(secret, join(workDir, "report"));
    await writeFile(join(workDir, "meta.json"), valid);
    const linkKey = `${cacheKeyPrefix(linked)}crafted-${files++}`;
    expect(await cache.saveCache([workDir], linkKey)).toBeGreaterThan(0);
    expect(await restorePrevious(linked, { workDir })).toEqual({
      status: "unavailable",
      reason: `the cache entry ${linkKey} does not hold a report and its checksum`,
    });

    const padded = identityFor();
    const key = await savedWithMeta(padded, valid.padEnd(4097, " "));
    expect(await restorePrevious(padded, { workDir })).toEqual({
      status: "unavailable",
      reason: `the cache entry ${key} does not hold a report and its checksum`,
    });
    const fits = identityFor();
    await savedWithMeta(fits, valid.padEnd(4096, " "));
    expect(await restorePrevious(fits, { workDir })).toMatchObject({ status: "restored" });
  });

  it("refuses a report inside the work directory, or the directory itself", async () => {
    await mkdir(workDir, { recursive: true });
    for (const csvPath of [join(workDir, "report"), workDir]) {
      expect(await savePrevious(identityFor(), { csvPath, sha256: "" }, run("1"))).toEqual({
        status: "unavailable",
        reason: `the report to remember is inside ${workDir}, which is emptied`,
      });
    }
  });

  it("says it cannot copy a report that is not a file", async () => {
    // The work directory's parent: outside the work directory, so only the copy can fail.
    const saved = await savePrevious(
      identityFor(),
      { csvPath: dirname(workDir), sha256: "0".repeat(64) },
      run("1"),
    );
    expect(saved.status === "unavailable" && saved.reason).toMatch(
      new RegExp(`^cannot copy the report into ${workDir}: EISDIR`),
    );
  });

  it("creates a work directory whose parents do not exist yet", async () => {
    const deep = join(dir, `deep-${files++}`, "a", "cache");
    expect(await restorePrevious(identityFor(), { workDir: deep })).toEqual({ status: "miss" });
    expect(await readdir(deep)).toEqual([]);
  });

  it("says it cannot prepare a work directory below a file", async () => {
    const file = join(dir, `a-file-${files++}`);
    await writeFile(file, "");
    const below = join(file, "cache");
    const restored = await restorePrevious(identityFor(), { workDir: below });
    expect(restored.status === "unavailable" && restored.reason).toMatch(
      new RegExp(`^cannot prepare ${below}: ENOTDIR`),
    );
  });

  it("puts a reason that holds line breaks on one line", async () => {
    expect(await restorePrevious(identityFor(), { workDir: "a\nb  \r\n  c" })).toEqual({
      status: "unavailable",
      reason: "the cache directory must be an absolute path, not a b c",
    });
  });
});
