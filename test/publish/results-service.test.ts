import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { DefaultArtifactClient } from "@actions/artifact";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ResultsService, startResultsService } from "../support/results-service/index.ts";
import { runCacheClient } from "../support/results-service/run-cache-client.ts";
import { shortenSleeps } from "../support/results-service/shorten-sleeps.ts";
import { readZip } from "../support/results-service/zip.ts";

const CSV = 'Employee;Project;Hours\n"Dupont, Marie";Apollo;7.5\nÉlise Martin;"Line\nbreak";3\n';
const sha256 = (bytes: Uint8Array | string): string =>
  createHash("sha256").update(bytes).digest("hex");

describe("results service stand-in with the real @actions/artifact and @actions/cache", () => {
  let service: ResultsService;
  let work: string;
  let csvPath: string;
  const savedEnv: Record<string, string | undefined> = {};
  const artifacts = new DefaultArtifactClient();

  // @actions/core prints workflow commands (::debug:: and all) on stdout: keep them out of the
  // test report unless a test fails, and let tests read what the in-process client printed.
  let clientOutput: string[] = [];
  const stdoutWrite = process.stdout.write;
  beforeEach((context) => {
    clientOutput = [];
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      clientOutput.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
    context.onTestFailed(() => {
      process.stderr.write(`--- in-process client output ---\n${clientOutput.join("")}`);
    });
  });
  afterEach(() => {
    process.stdout.write = stdoutWrite;
  });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "results-service-test-"));
    await mkdir(join(work, "out"));
    csvPath = join(work, "out", "report.csv");
    await writeFile(csvPath, CSV);
    service = await startResultsService();
    // The artifact client reads process.env on every call, so it runs in-process.
    const env = { ...service.env, GITHUB_WORKSPACE: work };
    for (const [name, value] of Object.entries(env)) {
      savedEnv[name] = process.env[name];
      process.env[name] = value;
    }
  });

  afterAll(async () => {
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await service?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("starts Azurite and hands out a runner-like environment", () => {
    expect(service.env.ACTIONS_RESULTS_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(service.env.ACTIONS_CACHE_SERVICE_V2).toBe("True");
    const payload = JSON.parse(
      Buffer.from(service.env.ACTIONS_RUNTIME_TOKEN?.split(".")[1] ?? "", "base64url").toString(),
    ) as { scp: string };
    expect(payload.scp).toMatch(/Actions\.Results:[\w-]+:[\w-]+/);
    expect(service.blobEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1$/);
    expect(service.blobStartupMs).toBeLessThan(30_000);
  });

  it("refuses a forged token and unknown routes like a Twirp server", async () => {
    const url = `${service.resultsUrl}twirp/github.actions.results.api.v1.ArtifactService/ListArtifacts`;
    const forged = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer a.b.c" },
      body: "{}",
    });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ code: "unauthenticated" });
    const unknown = await fetch(`${service.resultsUrl}twirp/nope.Service/Method`, {
      method: "POST",
      body: "{}",
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "bad_route" });
  });

  it("uploads a single file as is with skipArchive, named after the file", async () => {
    const result = await artifacts.uploadArtifact("ignored-name", [csvPath], join(work, "out"), {
      skipArchive: true,
    });
    const stored = service.artifacts().find((a) => a.name === "report.csv");
    expect(stored).toMatchObject({
      finalized: true,
      size: Buffer.byteLength(CSV),
      mimeType: "text/csv",
      version: 7,
    });
    expect(result).toEqual({ id: stored?.id, size: Buffer.byteLength(CSV), digest: sha256(CSV) });
    expect(stored?.digest).toBe(`sha256:${sha256(CSV)}`);
    expect(Buffer.from(await service.artifactBytes("report.csv")).toString("utf8")).toBe(CSV);

    const create = service.calls.find((c) => c.method === "CreateArtifact");
    // The generated client sends proto field names and wrapper values as bare JSON values.
    expect(create?.body).toMatchObject({ name: "report.csv", mime_type: "text/csv", version: 7 });
    expect(create?.body).toHaveProperty("workflow_run_backend_id");
  });

  it("uploads a zip holding the file by default", async () => {
    const result = await artifacts.uploadArtifact("lucca-report", [csvPath], join(work, "out"), {
      retentionDays: 5,
    });
    const stored = service.artifacts().find((a) => a.name === "lucca-report");
    expect(stored).toMatchObject({
      finalized: true,
      mimeType: "application/zip",
      retentionDays: 5,
    });
    expect(stored?.blobName).toMatch(/\/lucca-report\.zip$/);
    const zip = await service.artifactBytes("lucca-report");
    expect(result.id).toBe(stored?.id);
    expect(result.size).toBe(zip.length);
    expect(result.digest).toBe(sha256(zip));
    expect(Buffer.from(zip.subarray(0, 4)).toString("latin1")).toBe("PK\x03\x04");
    const entries = readZip(zip);
    expect(entries.map((e) => [e.name, e.localName])).toEqual([["report.csv", "report.csv"]]);
    const [entry] = entries;
    expect(Buffer.from(entry?.data ?? []).toString("utf8")).toBe(CSV);
    expect(entry?.crc32).toBe(crc32(CSV));
  });

  it("refuses a second artifact with the same name with 409, at once", async () => {
    const started = Date.now();
    await expect(
      artifacts.uploadArtifact("lucca-report", [csvPath], join(work, "out")),
    ).rejects.toThrow(
      "Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run",
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(service.artifacts().filter((a) => a.name === "lucca-report")).toHaveLength(1);
  });

  it("lists, gets, downloads, deletes and re-uploads", async () => {
    const before = service.artifacts().find((a) => a.name === "lucca-report");
    const { artifacts: listed } = await artifacts.listArtifacts();
    expect(listed.map((a) => a.name).sort()).toEqual(["lucca-report", "report.csv"]);
    const listedZip = listed.find((a) => a.name === "lucca-report");
    expect(listedZip).toMatchObject({ id: before?.id, size: before?.size, digest: before?.digest });
    expect(listedZip?.createdAt).toBeInstanceOf(Date);

    const { artifact } = await artifacts.getArtifact("lucca-report");
    expect(artifact.id).toBe(before?.id);
    await expect(artifacts.getArtifact("missing")).rejects.toThrow(
      /Artifact not found for name: missing/,
    );

    // A zip is extracted; a raw file keeps the name from the signed URL's Content-Disposition.
    const zipDir = join(work, "download-zip");
    const zipDownload = await artifacts.downloadArtifact(artifact.id, {
      path: zipDir,
      expectedHash: artifact.digest,
    });
    expect(zipDownload).toEqual({ downloadPath: zipDir, digestMismatch: false });
    expect(await readFile(join(zipDir, "report.csv"), "utf8")).toBe(CSV);
    const raw = listed.find((a) => a.name === "report.csv");
    const rawDir = join(work, "download-raw");
    await artifacts.downloadArtifact(raw?.id ?? 0, { path: rawDir });
    expect(await readdir(rawDir)).toEqual(["report.csv"]);
    expect(await readFile(join(rawDir, "report.csv"), "utf8")).toBe(CSV);

    const deleted = await artifacts.deleteArtifact("lucca-report");
    expect(deleted).toEqual({ id: before?.id });
    expect(service.artifacts().some((a) => a.name === "lucca-report")).toBe(false);
    await expect(artifacts.deleteArtifact("lucca-report")).rejects.toThrow(/Artifact not found/);

    const again = await artifacts.uploadArtifact("lucca-report", [csvPath], join(work, "out"));
    expect(again.id).toBeGreaterThan(before?.id ?? 0);
    const { artifacts: after } = await artifacts.listArtifacts();
    expect(after.find((a) => a.name === "lucca-report")?.id).toBe(again.id);
  });

  it("saves a cache and restores it elsewhere; other keys miss", async () => {
    const saveDir = join(work, "ws-save");
    await mkdir(join(saveDir, "cache-dir", "nested"), { recursive: true });
    await writeFile(join(saveDir, "cache-dir", "report.csv"), CSV);
    await writeFile(join(saveDir, "cache-dir", "nested", "state.json"), '{"reportId":"r-42"}');
    const paths = ["cache-dir"];

    const saved = await runCacheClient(service.env, saveDir, {
      op: "save",
      paths,
      key: "lucca-2026-10-abc",
    });
    expect(saved.outcome).toEqual({ ok: true, value: 1 });
    expect(service.caches()).toMatchObject([{ key: "lucca-2026-10-abc", finalized: true }]);
    expect(service.caches()[0]?.size).toBe((await service.cacheBytes("lucca-2026-10-abc")).length);

    const restoreDir = join(work, "ws-restore");
    await mkdir(restoreDir);
    const restored = await runCacheClient(service.env, restoreDir, {
      op: "restore",
      paths,
      key: "lucca-2026-10-abc",
    });
    expect(restored.outcome).toEqual({ ok: true, value: "lucca-2026-10-abc" });
    expect(await readFile(join(restoreDir, "cache-dir", "report.csv"), "utf8")).toBe(CSV);
    expect(await readFile(join(restoreDir, "cache-dir", "nested", "state.json"), "utf8")).toBe(
      '{"reportId":"r-42"}',
    );

    const prefixDir = join(work, "ws-prefix");
    await mkdir(prefixDir);
    const byPrefix = await runCacheClient(service.env, prefixDir, {
      op: "restore",
      paths,
      key: "lucca-2026-11-zzz",
      restoreKeys: ["lucca-2026-"],
    });
    expect(byPrefix.outcome).toEqual({ ok: true, value: "lucca-2026-10-abc" });

    const missDir = join(work, "ws-miss");
    await mkdir(missDir);
    const miss = await runCacheClient(service.env, missDir, {
      op: "restore",
      paths,
      key: "other-key",
    });
    expect(miss.outcome).toEqual({ ok: true, value: null });
    expect(miss.warnings).toEqual([]);
    expect(await readdir(missDir)).toEqual([]);

    // The version hashes the path list: the same key under other paths misses.
    const otherPaths = await runCacheClient(service.env, missDir, {
      op: "restore",
      paths: ["elsewhere"],
      key: "lucca-2026-10-abc",
    });
    expect(otherPaths.outcome).toEqual({ ok: true, value: null });

    // Saving an existing key is refused (409); the client only logs it with core.info.
    const duplicate = await runCacheClient(service.env, saveDir, {
      op: "save",
      paths,
      key: "lucca-2026-10-abc",
    });
    expect(duplicate.outcome).toEqual({ ok: true, value: -1 });
    expect(duplicate.warnings).toEqual([]);
    expect(duplicate.output).toContain(
      "Failed to save: Unable to reserve cache with key lucca-2026-10-abc, another job may be creating this cache.",
    );
  });

  it("when the service is unavailable, cache calls degrade and uploadArtifact rejects", async () => {
    const saveDir = join(work, "ws-save");
    const restoreDir = join(work, "ws-unavailable");
    await mkdir(restoreDir);
    service.failAll = true;
    // The clients retry 503 five times with 3 s, 4.5 s, 6.75 s, 10 s (+ jitter) pauses: those
    // pauses are skipped (and recorded) by a fake clock here and in the cache client's process.
    const sleeps = shortenSleeps();
    const fastEnv = { ...service.env, LUCCA_TEST_SHORTEN_SLEEPS: "1" };
    try {
      const [upload, save, restore] = await Promise.allSettled([
        artifacts.uploadArtifact("unavailable", [csvPath], join(work, "out")),
        runCacheClient(fastEnv, saveDir, {
          op: "save",
          paths: ["cache-dir"],
          key: "lucca-unavailable",
        }),
        runCacheClient(fastEnv, restoreDir, {
          op: "restore",
          paths: ["cache-dir"],
          key: "lucca-2026-10-abc",
        }),
      ]);
      expect(upload.status).toBe("rejected");
      expect(upload.status === "rejected" && String(upload.reason)).toContain(
        "Failed to CreateArtifact: Failed to make request after 5 attempts: Failed request: (503) Service Unavailable: service unavailable",
      );
      expect(clientOutput.join("")).toContain(
        "Attempt 4 of 5 failed with error: Failed request: (503) Service Unavailable: service unavailable. Retrying request in",
      );
      // saveCache: the failed CreateCacheEntry becomes a ReserveCacheError, logged as info (no warning).
      expect(save.status === "fulfilled" && save.value.outcome).toEqual({ ok: true, value: -1 });
      expect(save.status === "fulfilled" && save.value.warnings).toEqual([]);
      expect(save.status === "fulfilled" && save.value.output).toContain(
        "Failed to save: Unable to reserve cache with key lucca-unavailable, another job may be creating this cache.",
      );
      // restoreCache: a warning, and a miss.
      expect(restore.status === "fulfilled" && restore.value.outcome).toEqual({
        ok: true,
        value: null,
      });
      expect(restore.status === "fulfilled" && restore.value.warnings).toEqual([
        "Failed to restore: Failed to GetCacheEntryDownloadURL: Failed to make request after 5 attempts: Failed request: (503) Service Unavailable: service unavailable",
      ]);
      const attempts = (method: string): number =>
        service.calls.filter((c) => c.method === method).length;
      expect(attempts("CreateCacheEntry")).toBe(2 + 5); // two saves above, five attempts now
      expect(attempts("GetCacheEntryDownloadURL")).toBeGreaterThanOrEqual(5);
      // The artifact client's four pauses, growing from its 3 s base (with jitter).
      expect(sleeps.slept).toHaveLength(4);
      expect(sleeps.slept[0]).toBeGreaterThanOrEqual(3000);
      expect(sleeps.slept).toEqual([...sleeps.slept].sort((a, b) => a - b));
    } finally {
      sleeps.restore();
      service.failAll = false;
    }
  });
});
