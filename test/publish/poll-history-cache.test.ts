/**
 * The poll history carried from run to run in the Actions cache, in-process, with the real
 * @actions/cache client against the local results service. The client reads process.env at
 * call time, so each test points process.env at the service (and puts it back after).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
import { restorePollHistory, savePollHistory } from "../../src/publish/poll-history-cache.ts";
import { EnvOverrides } from "../support/env-overrides.ts";
import { type ResultsService, startResultsService } from "../support/results-service/index.ts";

const PREFIX = "lucca-report-poll-history-v1-";
let service: ResultsService;
let dir: string;
let workDir: string;
let historyFile: string;
const env = new EnvOverrides();
let output = "";

beforeAll(async () => {
  service = await startResultsService();
  dir = await mkdtemp(join(tmpdir(), "poll-history-cache-"));
}, 60_000);
afterAll(async () => {
  await service?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  const workspace = join(dir, "workspace");
  await mkdir(workspace, { recursive: true });
  env.set({ ...service.env, GITHUB_WORKSPACE: workspace });
  workDir = join(service.env.RUNNER_TEMP as string, "lucca-report-poll-history");
  historyFile = join(workDir, "poll-history.json");
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

const lookups = () => service.calls.filter((call) => call.method === "GetCacheEntryDownloadURL");

describe("poll history in the Actions cache", () => {
  it("finds nothing on the first run and leaves an empty directory", async () => {
    await mkdir(workDir, { recursive: true });
    await writeFile(historyFile, "stale");
    expect(await restorePollHistory(workDir)).toEqual({ path: historyFile, problem: undefined });
    expect(await readdir(workDir)).toEqual([]);
    expect(lookups().at(-1)?.body).toMatchObject({
      key: `${PREFIX}latest`,
      restore_keys: [PREFIX],
    });
  });

  it("saves each run under a key of its own; the next run restores the newest", async () => {
    await writeFile(historyFile, '{"polls":[1]}');
    vi.spyOn(Date, "now").mockReturnValueOnce(1_790_000_000_000);
    expect(await savePollHistory(workDir, { runId: "77", runAttempt: "2" })).toBeUndefined();
    const key = `${PREFIX}77-2-1790000000000`;
    expect(service.caches().filter((entry) => entry.key === key)).toMatchObject([
      { finalized: true },
    ]);

    await rm(workDir, { recursive: true });
    expect(await restorePollHistory(workDir)).toEqual({ path: historyFile, problem: undefined });
    expect(await readFile(historyFile, "utf8")).toBe('{"polls":[1]}');

    await writeFile(historyFile, '{"polls":[1,2]}');
    expect(await savePollHistory(workDir, { runId: "78", runAttempt: "1" })).toBeUndefined();
    await writeFile(historyFile, "changed locally");
    expect(await restorePollHistory(workDir)).toEqual({ path: historyFile, problem: undefined });
    expect(await readFile(historyFile, "utf8")).toBe('{"polls":[1,2]}');
  });

  it("says the cache did not take a key already taken", async () => {
    await mkdir(workDir, { recursive: true });
    await writeFile(historyFile, "{}");
    const now = vi.spyOn(Date, "now");
    now.mockReturnValueOnce(1_790_000_000_001);
    expect(await savePollHistory(workDir, { runId: "5", runAttempt: "1" })).toBeUndefined();
    now.mockReturnValueOnce(1_790_000_000_001);
    expect(await savePollHistory(workDir, { runId: "5", runAttempt: "1" })).toBe(
      `the Actions cache did not take ${PREFIX}5-1-1790000000001`,
    );
  });

  it("passes on what the cache client threw when saving", async () => {
    await rm(workDir, { recursive: true, force: true });
    expect(await savePollHistory(workDir, { runId: "6", runAttempt: "1" })).toBe(
      "Path Validation Error: Path(s) specified in the action for caching do(es) not exist, hence no cache is being saved.",
    );
    await mkdir(workDir, { recursive: true });
    await writeFile(historyFile, "{}");
    vi.spyOn(Date, "now").mockReturnValueOnce(1_790_000_000_002);
    expect(await savePollHistory(workDir, { runId: "6,7", runAttempt: "1" })).toBe(
      `Key Validation Error: ${PREFIX}6,7-1-1790000000002 cannot contain commas.`,
    );
  });

  it("passes on the client's warning when the service refuses the lookup", async () => {
    service.failAll = true;
    service.failStatus = 400;
    const restored = await restorePollHistory(workDir);
    expect(restored.path).toBe(historyFile);
    expect(restored.problem).toMatch(
      /^Failed to restore: Failed to GetCacheEntryDownloadURL: Received non-retryable error: Failed request: \(400\) /,
    );
  });

  it("does not ask where the runner has no cache service", async () => {
    env.set({ ACTIONS_RESULTS_URL: undefined });
    const calls = service.calls.length;
    expect(await restorePollHistory(workDir)).toEqual({
      path: historyFile,
      problem: "the Actions cache service is not configured for this runner",
    });
    expect(service.calls.length).toBe(calls);
  });
});
