/**
 * Publishing reports as workflow artifacts, in-process, with the real @actions/artifact client
 * against the local results service. The client reads process.env on every call, so each test
 * points process.env at the service (and puts it back after); TMPDIR is a directory of the
 * test's own, so the staging directory of an unzipped upload can be seen and checked gone.
 */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { GHESNotSupportedError } from "@actions/artifact";
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
import { LuccaReportError } from "../../src/core/errors.ts";
import { artifactUrl, commonDirectory, publishArtifact } from "../../src/publish/artifact.ts";
import { EnvOverrides } from "../support/env-overrides.ts";
import { type ResultsService, startResultsService } from "../support/results-service/index.ts";
import { readZip } from "../support/results-service/zip.ts";

const CSV = "Collaborateur;Heures\r\nAda;151,67\r\nBob;140,00\r\n";
const sha256 = (bytes: Uint8Array | string): string =>
  createHash("sha256").update(bytes).digest("hex");
const RUN = { serverUrl: "https://github.com", repository: "acme/reports", runId: "42" };
const urlOf = (id: number | undefined) =>
  `https://github.com/acme/reports/actions/runs/42/artifacts/${id}`;

let service: ResultsService;
let dir: string;
/** TMPDIR during each test: emptied before it, checked after. */
let staging: string;
const env = new EnvOverrides();
/** What the client printed during the current test: shown only if it fails. */
let output = "";

beforeAll(async () => {
  service = await startResultsService();
  dir = await mkdtemp(join(tmpdir(), "artifact-publish-"));
}, 60_000);
afterAll(async () => {
  await service?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});
let tests = 0;
beforeEach(async () => {
  const workspace = join(dir, "workspace");
  await mkdir(workspace, { recursive: true });
  staging = join(dir, `tmp-${tests++}`);
  await mkdir(staging);
  env.set({ ...service.env, GITHUB_WORKSPACE: workspace, TMPDIR: staging });
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

let files = 0;
async function report(name = `report-${files++}.csv`, content = CSV, under = "out") {
  const path = join(dir, under, name);
  await mkdir(join(dir, under), { recursive: true });
  await writeFile(path, content);
  return path;
}
const stored = (name: string) => service.artifacts().filter((a) => a.name === name);
const methodsSince = (from: number) => service.calls.slice(from).map((call) => call.method);
async function rejection(promise: Promise<unknown>): Promise<LuccaReportError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LuccaReportError);
  return error as LuccaReportError;
}

describe("publishArtifact (one report)", () => {
  it("uploads the CSV unzipped under the name plus its extension, from a staged link", async () => {
    const filePath = await report("lucca-2026-10.csv");
    const published = await publishArtifact(
      {
        filePaths: [filePath],
        name: "monthly",
        archive: false,
        overwrite: false,
        retentionDays: 3,
      },
      RUN,
    );
    const [artifact] = stored("monthly.csv");
    expect(published).toEqual({
      name: "monthly.csv",
      id: artifact?.id,
      url: urlOf(artifact?.id),
      digest: sha256(CSV),
      size: Buffer.byteLength(CSV),
    });
    expect(artifact).toMatchObject({ finalized: true, mimeType: "text/csv", retentionDays: 3 });
    expect(Buffer.from(await service.artifactBytes("monthly.csv")).toString()).toBe(CSV);
    // The client read a link named after the artifact, in a staging directory under TMPDIR,
    // which is gone afterwards; the report itself is untouched.
    const streamed = /::debug::Creating raw file upload stream for: (.*)$/m.exec(output)?.[1];
    expect(streamed).toMatch(new RegExp(`^${staging}/lucca-artifact-\\w{6}/monthly\\.csv$`));
    expect(await readdir(staging)).toEqual([]);
    expect(await readFile(filePath, "utf8")).toBe(CSV);
  });

  it("keeps a name that already ends with the extension", async () => {
    const published = await publishArtifact(
      {
        filePaths: [await report()],
        name: "kept.csv",
        archive: false,
        overwrite: false,
        retentionDays: undefined,
      },
      RUN,
    );
    expect(published.name).toBe("kept.csv");
    expect(stored("kept.csv")).toMatchObject([{ finalized: true, retentionDays: 90 }]);
  });

  it("zips the file under the name as given, without staging it", async () => {
    const filePath = await report("october.csv");
    const published = await publishArtifact(
      {
        filePaths: [filePath],
        name: "zipped",
        archive: true,
        overwrite: false,
        retentionDays: undefined,
      },
      RUN,
    );
    const [artifact] = stored("zipped");
    expect(artifact).toMatchObject({ finalized: true, mimeType: "application/zip" });
    const zip = await service.artifactBytes("zipped");
    expect(published).toEqual({
      name: "zipped",
      id: artifact?.id,
      url: urlOf(artifact?.id),
      digest: sha256(zip),
      size: zip.length,
    });
    const entries = readZip(zip).map((entry) => [entry.name, Buffer.from(entry.data).toString()]);
    expect(entries).toEqual([["october.csv", CSV]]);
    expect(output).not.toContain("Creating raw file upload stream");
    expect(await readdir(staging)).toEqual([]);
  });

  it("copies the file when it cannot be linked into TMPDIR (another file system)", async (context) => {
    const shm = "/dev/shm";
    const other = await stat(shm).catch(() => undefined);
    if (!other || other.dev === (await stat(dir)).dev) context.skip();
    const tmp = await mkdtemp(join(shm, "artifact-publish-"));
    try {
      env.set({ TMPDIR: tmp });
      const published = await publishArtifact(
        {
          filePaths: [await report()],
          name: "copied",
          archive: false,
          overwrite: false,
          retentionDays: undefined,
        },
        RUN,
      );
      expect(published).toMatchObject({ name: "copied.csv", digest: sha256(CSV) });
      expect(Buffer.from(await service.artifactBytes("copied.csv")).toString()).toBe(CSV);
      expect(await readdir(tmp)).toEqual([]);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });

  it("explains a second artifact of the same name, and replaces it when told to overwrite", async () => {
    const request = {
      filePaths: [await report()],
      name: "twice",
      archive: false,
      retentionDays: undefined,
    };
    const first = await publishArtifact({ ...request, overwrite: false }, RUN);

    const error = await rejection(publishArtifact({ ...request, overwrite: false }, RUN));
    expect(error.message).toBe(
      'An artifact named "twice.csv" already exists in this run; set artifact-overwrite: true, or give each job its own artifact-name.',
    );
    expect(String((error.cause as Error).message)).toContain("(409) Conflict");

    const from = service.calls.length;
    const second = await publishArtifact({ ...request, overwrite: true }, RUN);
    expect(methodsSince(from)).toEqual([
      "ListArtifacts",
      "DeleteArtifact",
      "CreateArtifact",
      "FinalizeArtifact",
    ]);
    expect(second.id).toBeGreaterThan(first.id ?? 0);
    expect(stored("twice.csv").map((a) => a.id)).toEqual([second.id]);
  });

  it("overwrites nothing when no artifact has the name yet", async () => {
    const from = service.calls.length;
    const published = await publishArtifact(
      {
        filePaths: [await report()],
        name: "fresh",
        archive: true,
        overwrite: true,
        retentionDays: undefined,
      },
      RUN,
    );
    expect(methodsSince(from)).toEqual(["ListArtifacts", "CreateArtifact", "FinalizeArtifact"]);
    expect(stored("fresh").map((a) => a.id)).toEqual([published.id]);
  });

  it("stops at a failed lookup before overwriting, and removes the staging directory", async () => {
    service.failAll = true;
    service.failStatus = 400;
    const from = service.calls.length;
    const error = await rejection(
      publishArtifact(
        {
          filePaths: [await report()],
          name: "refused",
          archive: false,
          overwrite: true,
          retentionDays: undefined,
        },
        RUN,
      ),
    );
    expect(methodsSince(from)).toEqual(["ListArtifacts"]);
    expect(error.message).toMatch(
      /^Cannot upload the artifact "refused\.csv": Failed to ListArtifacts: Received non-retryable error: Failed request: \(400\) /,
    );
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.message).toContain((error.cause as Error).message);
    expect(await readdir(staging)).toEqual([]);
  });

  it("says what to do instead on GitHub Enterprise Server, without a request", async () => {
    env.set({ GITHUB_SERVER_URL: "https://github.example.com" });
    const from = service.calls.length;
    const error = await rejection(
      publishArtifact(
        {
          filePaths: [await report()],
          name: "ghes",
          archive: true,
          overwrite: false,
          retentionDays: undefined,
        },
        RUN,
      ),
    );
    expect(error.message).toBe(
      "Workflow artifacts of this kind are not available on GitHub Enterprise Server. " +
        "Use `publish: commit` to archive the report in the repository, or `publish: none` and upload the file with another step.",
    );
    expect(error.cause).toBeInstanceOf(GHESNotSupportedError);
    expect(methodsSince(from)).toEqual([]);
  });
});

describe("artifactUrl", () => {
  it("links the artifact in its run, and only with every part known", () => {
    expect(artifactUrl(RUN, 7)).toBe("https://github.com/acme/reports/actions/runs/42/artifacts/7");
    expect(artifactUrl(RUN, 0)).toBe("https://github.com/acme/reports/actions/runs/42/artifacts/0");
    expect(artifactUrl(RUN, undefined)).toBeUndefined();
    expect(artifactUrl({ ...RUN, serverUrl: undefined }, 7)).toBeUndefined();
    expect(artifactUrl({ ...RUN, repository: "" }, 7)).toBeUndefined();
    expect(artifactUrl({ ...RUN, runId: undefined }, 7)).toBeUndefined();
  });
});

describe("publishArtifact with several reports (one zip)", () => {
  it("zips the files with their paths below the directory they share", async () => {
    const one = await report("one.csv", CSV, "many/a");
    const two = await report("two.csv", "x;y\r\n", "many/b/deeper");
    const published = await publishArtifact(
      { filePaths: [one, two], name: "bundle", archive: false, overwrite: false, retentionDays: 2 },
      RUN,
    );
    const [artifact] = stored("bundle");
    expect(artifact).toMatchObject({
      finalized: true,
      mimeType: "application/zip",
      retentionDays: 2,
    });
    const zip = await service.artifactBytes("bundle");
    expect(published).toEqual({
      name: "bundle",
      id: artifact?.id,
      url: urlOf(artifact?.id),
      digest: sha256(zip),
      size: zip.length,
    });
    const entries = readZip(zip).map((entry) => [entry.name, Buffer.from(entry.data).toString()]);
    expect(entries.sort()).toEqual([
      ["a/one.csv", CSV],
      ["b/deeper/two.csv", "x;y\r\n"],
    ]);
  });

  it("refuses a taken name unless told to overwrite; overwriting a new name is fine", async () => {
    const request = {
      filePaths: [await report()],
      name: "bundle-twice",
      archive: true,
      retentionDays: undefined,
    };
    const first = await publishArtifact({ ...request, overwrite: false }, RUN);

    const error = await rejection(publishArtifact({ ...request, overwrite: false }, RUN));
    expect(error.message).toBe(
      'An artifact named "bundle-twice" already exists in this run; set artifact-overwrite: true, or give each job its own artifact-name.',
    );
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).message).toContain("(409) Conflict");

    const second = await publishArtifact({ ...request, overwrite: true }, RUN);
    expect(second.id).toBeGreaterThan(first.id ?? 0);
    expect(stored("bundle-twice").map((a) => a.id)).toEqual([second.id]);

    const from = service.calls.length;
    const fresh = await publishArtifact({ ...request, name: "bundle-new", overwrite: true }, RUN);
    expect(methodsSince(from)).toEqual(["ListArtifacts", "CreateArtifact", "FinalizeArtifact"]);
    expect(stored("bundle-new").map((a) => a.id)).toEqual([fresh.id]);
  });

  it("stops at a failed lookup before overwriting", async () => {
    service.failAll = true;
    service.failStatus = 400;
    const from = service.calls.length;
    const error = await rejection(
      publishArtifact(
        {
          filePaths: [await report()],
          name: "bundle-refused",
          archive: true,
          overwrite: true,
          retentionDays: undefined,
        },
        RUN,
      ),
    );
    expect(methodsSince(from)).toEqual(["ListArtifacts"]);
    expect(error.message).toMatch(
      /^Cannot upload the artifact "bundle-refused": Failed to ListArtifacts: Received non-retryable error: Failed request: \(400\) /,
    );
  });
});

describe("commonDirectory", () => {
  it("is the deepest directory every file is below", () => {
    expect(commonDirectory(["/r/a/x.csv", "/r/b/y.csv"])).toBe("/r");
    expect(commonDirectory(["/r/a/b/x.csv", "/r/a/y.csv"])).toBe("/r/a");
    expect(commonDirectory(["/r/a/x.csv", "/r/a/b/c/y.csv"])).toBe("/r/a");
    expect(commonDirectory(["/r/a/b/x.csv", "/r/y.csv"])).toBe("/r");
    expect(commonDirectory(["/a/x.csv", "/b/y.csv"])).toBe("/");
    expect(commonDirectory(["/r/a/x.csv"])).toBe("/r/a");
    // A folder whose name starts with ".." is still below: no extra level in the zip.
    expect(commonDirectory(["/r/a/x.csv", "/r/a/..foo/y.csv"])).toBe("/r/a");
    expect(commonDirectory(["/r/a/..foo/y.csv", "/r/a/x.csv"])).toBe("/r/a");
    expect(commonDirectory(["/r/..a/x.csv", "/r/a/y.csv"])).toBe("/r");
    expect(commonDirectory([])).toBe(".");
    expect(commonDirectory([`${process.cwd()}/x.csv`, basename("y.csv")])).toBe(process.cwd());
  });
});
