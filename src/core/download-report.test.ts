import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "../../simulator/server.ts";
import { collect } from "../../simulator/test-client.ts";
import { nodeFileSink } from "../node/node-file-sink.ts";
import { nodeSha256 } from "../node/node-hash.ts";
import { type DownloadOptions, downloadReport } from "./download-report.ts";
import { LuccaReportError } from "./errors.ts";
import type { FileSink } from "./file-sink.ts";
import type { FetchLike } from "./http.ts";
import type { JobEvent } from "./job-events.ts";
import { createLuccaClient } from "./lucca-client.ts";

const KEY = "test-key-download-1b7e";
let sim: Simulator | undefined;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "download-report-"));
});
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function simulator(options: SimulatorOptions = {}) {
  sim = await startSimulator({ apiKey: KEY, generationMs: 0, rows: 50, ...options });
  return sim;
}

/** The real client and file sink against the simulator; `fetch` may stand in for chosen answers. */
function setup(
  s: Simulator,
  options: { fetch?: FetchLike; maxRetries?: number; signal?: AbortSignal } = {},
) {
  const signal = options.signal ?? new AbortController().signal;
  const retries: string[] = [];
  const client = createLuccaClient({
    baseUrl: new URL(s.url),
    apiKey: KEY,
    fetch: options.fetch ?? fetch,
    signal,
    requestTimeoutMs: 5000,
    maxRetries: options.maxRetries ?? 0,
    backoff: { initialMs: 1, maxMs: 1 },
    onRetry: (info) => retries.push(info.reason),
  });
  const sink = nodeFileSink({ baseDir: dir, roots: [dir], label: "--output" });
  const events: JobEvent[] = [];
  const download = async (reportId: string, more: Partial<DownloadOptions> = {}) =>
    downloadReport(
      {
        reportId,
        format: "csv",
        target: "report.csv",
        idleTimeoutMs: 5000,
        previewRows: 2,
        createHasher: nodeSha256,
        ...more,
      },
      { client, sink, signal, onEvent: (event) => events.push(event) },
    );
  return { client, download, events, retries };
}

async function created(s: Simulator): Promise<string> {
  const { client } = setup(s);
  return (await client.createReport({ templateId: "42", startsOn: null, endsOn: null })).id;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const leftovers = async () => (await readdir(dir)).sort();

describe("downloadReport against the simulator", () => {
  it("streams the CSV to the target, tells both ends, and counts and hashes it", async () => {
    const s = await simulator();
    const id = await created(s);
    const served = await collect(s.expectedCsv(id));
    const { download, events } = setup(s);
    const result = await download(id);
    const path = join(dir, "report.csv");
    expect(result.path).toBe(path);
    expect(await readFile(path)).toEqual(served);
    expect(result.stats).toMatchObject({
      bytes: served.byteLength,
      rows: 50,
      sha256: sha256(served),
    });
    expect(result.stats.preview).toHaveLength(2);
    expect(events).toEqual([
      { type: "downloading", reportId: id, format: "csv" },
      { type: "downloaded", path, bytes: served.byteLength },
    ]);
    expect(await leftovers()).toEqual(["report.csv"]);
  });

  it.each([
    ["xls", "xls"],
    ["xlsx", "xlsx"],
  ] as const)("names an Excel file %s from its first bytes", async (excelFile, extension) => {
    const s = await simulator({ excelFile, fileHeaders: "bare" });
    const id = await created(s);
    const { download } = setup(s);
    const asked: string[] = [];
    const result = await download(id, {
      format: "excel",
      target: (ext) => {
        asked.push(ext);
        return `report.${ext}`;
      },
    });
    expect(asked).toEqual([extension]);
    expect(result.path).toBe(join(dir, `report.${extension}`));
    expect(await leftovers()).toEqual([`report.${extension}`]);
  });

  it("cuts a body that stalls past the idle timeout, and leaves nothing behind", async () => {
    const s = await simulator({ stallDownloads: true });
    const id = await created(s);
    const { download } = setup(s);
    await expect(download(id, { idleTimeoutMs: 50 })).rejects.toThrow(
      `GET ${s.url}/timmi-timesheet/api/reports/${id}/download-csv failed after 1 attempt(s): no data received for 50 ms`,
    );
    expect(await leftovers()).toEqual([]);
  });

  it("retries a body cut by a reset, from the start", async () => {
    const s = await simulator({ resetDownloads: 1, rows: 5000 });
    const id = await created(s);
    const served = await collect(s.expectedCsv(id));
    const { download, retries } = setup(s, { maxRetries: 1 });
    const result = await download(id);
    expect(retries).toHaveLength(1);
    // fetch's own words and, after them, the socket's ("other side closed", "read ECONNRESET").
    expect(retries[0]).toMatch(/^the download was cut: terminated: \S/);
    expect(await readFile(result.path)).toEqual(served);
    expect(await leftovers()).toEqual(["report.csv"]);
  });

  it("keeps what cut the download as the cause of the final error", async () => {
    const s = await simulator({ resetDownloads: 1, rows: 5000 });
    const id = await created(s);
    const { download } = setup(s);
    const error = await download(id).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe("NetworkError");
    const cut = error?.cause as Error;
    expect(cut.message).toMatch(/^the download was cut: terminated: \S/);
    expect((cut.cause as Error).message).toBe("terminated");
  });

  it.each([
    ["html", "Lucca sent an HTML page (Content-Type text/html) instead of the CSV report: "],
    ["json", "Lucca sent JSON (Content-Type application/json) instead of the CSV report: "],
    ["empty", "Lucca sent an empty file instead of the CSV report"],
  ] as const)("refuses a 200 carrying %s instead of the file", async (body, message) => {
    const s = await simulator({ badDownloads: { body, count: 1 } });
    const id = await created(s);
    const { download } = setup(s);
    const error = await download(id).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe("UnusableAnswerError");
    const prefix = `GET ${s.url}/timmi-timesheet/api/reports/${id}/download-csv failed after 1 attempt(s): `;
    if (body === "empty") expect(error?.message).toBe(prefix + message);
    else expect(error?.message.startsWith(prefix + message)).toBe(true);
    expect(await leftovers()).toEqual([]);
  });

  it("gives up at once when the job is cancelled mid-body, with the job's reason", async () => {
    const s = await simulator({ stallDownloads: true });
    const id = await created(s);
    const controller = new AbortController();
    const reason = new Error("cancelled by the test");
    const { download } = setup(s, {
      signal: controller.signal,
      maxRetries: 3,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        setTimeout(() => controller.abort(reason), 20);
        return response;
      },
    });
    await expect(download(id)).rejects.toBe(reason);
    expect(await leftovers()).toEqual([]);
  });
});

/**
 * Real client and sink, but the download answered with exactly these bytes and headers:
 * the simulator cannot serve these heads (a half ZIP signature, a BOM before a page, a
 * body whose Content-Length lies without the transport noticing).
 */
function serving(s: Simulator, chunks: (string | Uint8Array)[], headers: Record<string, string>) {
  const wrapped: FetchLike = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (!/\/download-(csv|excel)$/.test(url.pathname)) return fetch(input, init);
    const bytes = chunks.map((chunk) =>
      typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk,
    );
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of bytes) controller.enqueue(chunk);
        controller.close();
      },
    });
    return new Response(body, { status: 200, headers });
  };
  return setup(s, { fetch: wrapped });
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "downloaded",
    (error: unknown) =>
      (error as Error).message.replace(/^GET \S+ failed after 1 attempt\(s\): /, ""),
  );
}

describe("downloadReport decides from the head what it was sent", () => {
  const csv = { "content-type": "text/csv; charset=utf-8" };

  it.each([
    ["Text/HTML ; charset=utf-8", "an HTML page (Content-Type text/html)"],
    ["application/xhtml+xml", "an HTML page (Content-Type application/xhtml+xml)"],
    ["application/json", "JSON (Content-Type application/json)"],
    ["application/problem+json", "JSON (Content-Type application/problem+json)"],
  ])("refuses a body labelled %s, and shows none of it", async (type, what) => {
    const s = await simulator();
    const { download } = serving(s, ["a;b\r\n1;2\r\n"], { "content-type": type });
    const media = type.toLowerCase().split(";")[0]?.trim();
    const charset = type.includes("charset") ? "; charset=utf-8" : "";
    expect(await outcome(download("1"))).toBe(
      `Lucca sent ${what} instead of the CSV report: not shown, as it may hold the report's rows: ${media}${charset}, 10 bytes, first bytes 61 3b 62`,
    );
  });

  it.each([
    ["\ufeff \r\n\t<!DOCTYPE html><p>Sign in</p>", "an HTML page", "an HTML page"],
    [
      "  <HTML><title>Sign in</title><body>x</body>",
      "an HTML page",
      'an HTML page titled "Sign in"',
    ],
    ['\n{"error":"pending"}', "JSON", "pending"],
  ])("refuses a page or JSON labelled CSV: %j", async (body, what, shown) => {
    const s = await simulator();
    const { download } = serving(s, [body], csv);
    expect(await outcome(download("1"))).toBe(
      `Lucca sent ${what} instead of the CSV report: ${shown}`,
    );
  });

  it("keeps a CSV whose first cell only looks like markup further on", async () => {
    const s = await simulator();
    const { download } = serving(s, ["name;note\r\nAnn;<html>\r\n"], csv);
    expect(await outcome(download("1"))).toBe("downloaded");
  });

  it("skips only the blanks before the first byte, not those further on", async () => {
    const s = await simulator();
    const { download } = serving(s, ["<ht ml;x\r\n1;2\r\n"], csv);
    expect(await outcome(download("1"))).toBe("downloaded");
  });

  it("reads a refused body past the head, to 64 KiB, for a page's title", async () => {
    const s = await simulator();
    const head = `<!DOCTYPE html><html><head>${"<meta name='x'>".repeat(100)}`;
    const { download } = serving(s, [head, "<title>Maintenance</title></head>"], {
      "content-type": "text/html",
    });
    expect(await outcome(download("1"))).toBe(
      'Lucca sent an HTML page (Content-Type text/html) instead of the CSV report: an HTML page titled "Maintenance"',
    );
    const endless = serving(s, ["<html>", "x".repeat(70 * 1024), "<title>Late</title>"], {
      "content-type": "text/html",
    });
    expect(await outcome(endless.download("1"))).toBe(
      "Lucca sent an HTML page (Content-Type text/html) instead of the CSV report: an HTML page",
    );
  });

  it("tells the size of a refused body past 64 KiB from its Content-Length, or says more than", async () => {
    const s = await simulator();
    const rows = `Nom;Matricule\r\n${"Jeanne Varenne;E-20931\r\n".repeat(4000)}`;
    const told = serving(s, [rows], {
      "content-type": "application/json",
      "content-length": "96015",
    });
    expect(await outcome(told.download("1"))).toBe(
      "Lucca sent JSON (Content-Type application/json) instead of the CSV report: not shown, as it may hold the report's rows: application/json, 96015 bytes, first bytes 4e 6f 6d 3b 4d 61 74 72",
    );
    const untold = serving(s, [rows], { "content-type": "application/json" });
    expect(await outcome(untold.download("1"))).toMatch(
      /application\/json, more than 65536 bytes,/,
    );
  });

  it("takes a CSV without any Content-Type", async () => {
    const s = await simulator();
    const { download } = serving(s, ["a,b\n1,2\n"], {});
    expect(await outcome(download("1"))).toBe("downloaded");
  });

  it.each([[[0x50, 0x4b, 0x03, 0x05]], [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe0]]])(
    "refuses Excel bytes that are only half a signature",
    async (head) => {
      const s = await simulator();
      const { download } = serving(s, [new Uint8Array([...head, 0x41, 0x42])], {});
      const message = await outcome(
        download("1", { format: "excel", target: (ext) => `r.${ext}` }),
      );
      expect(
        message.startsWith(
          "Lucca sent a file that is neither .xlsx nor .xls instead of the Excel report: ",
        ),
      ).toBe(true);
    },
  );

  it("refuses an empty Excel file, naming the format", async () => {
    const s = await simulator();
    const { download } = serving(s, [], {});
    expect(await outcome(download("1", { format: "excel", target: "r.xlsx" }))).toBe(
      "Lucca sent an empty file instead of the Excel report",
    );
  });

  it("reads a head split over chunks, then the rest, byte for byte", async () => {
    const s = await simulator();
    const header = "id;name\r\n";
    const rows = Array.from({ length: 200 }, (_, i) => `${i};person ${i}\r\n`);
    const chunks = [header, ...rows];
    const whole = new TextEncoder().encode(chunks.join(""));
    const { download } = serving(s, chunks, { ...csv, "content-length": String(whole.byteLength) });
    const result = await download("1");
    expect(await readFile(result.path)).toEqual(Buffer.from(whole));
    expect(result.stats).toMatchObject({
      bytes: whole.byteLength,
      rows: 200,
      sha256: sha256(whole),
    });
  });

  it("retries a body shorter than its Content-Length; nothing reaches the target", async () => {
    const s = await simulator();
    const { download } = serving(s, ["a;b\r\n1;2\r\n"], { ...csv, "content-length": "11" });
    expect(await outcome(download("1"))).toBe("the download is truncated: received 10 of 11 bytes");
    expect(await leftovers()).toEqual([]);
  });

  it.each([
    [
      { "content-length": "11", "content-encoding": "gzip" },
      "a compressed body (its length is before decoding)",
    ],
    [{ "content-length": "x10" }, "a Content-Length that is not a number"],
    [{ "content-length": "10x" }, "a Content-Length with trailing junk"],
  ])("does not hold the body to %j: %s", async (headers: Record<string, string>, _why: string) => {
    const s = await simulator();
    const { download } = serving(s, ["a;b\r\n1;2\r\n"], { ...csv, ...headers });
    expect(await outcome(download("1"))).toBe("downloaded");
  });
});

/** Files kept in memory: the stream tests below run on a faked clock, which disk I/O would outrun. */
function memorySink(failWith?: Error) {
  const files = new Map<string, Buffer>();
  const discarded: string[] = [];
  const sink: FileSink = {
    async create(path) {
      const chunks: Uint8Array[] = [];
      return {
        path,
        writable: new WritableStream<Uint8Array>({
          write(chunk) {
            if (failWith) throw failWith;
            chunks.push(chunk);
          },
        }),
        commit: async () => void files.set(path, Buffer.concat(chunks)),
        discard: async () => void discarded.push(path),
      };
    },
  };
  return { sink, files, discarded };
}

/** A stand-in transport: the body comes one chunk every `gapMs`, and stops when the request is aborted, as fetch's does. */
function tricklingFetch(chunks: string[], gapMs: number, headers: Record<string, string> = {}) {
  const wrapped: FetchLike = async (_input, init) => {
    const signal = init?.signal ?? undefined;
    let next = 0;
    let stopped = false;
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          signal?.addEventListener("abort", () => {
            stopped = true;
            controller.error(signal.reason);
          });
        },
        cancel() {
          stopped = true;
        },
        pull(controller) {
          return new Promise<void>((resolve) => {
            setTimeout(() => {
              const chunk = chunks[next++];
              if (stopped) return resolve();
              if (chunk === undefined) controller.close();
              else controller.enqueue(new TextEncoder().encode(chunk));
              resolve();
            }, gapMs);
          });
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, { status: 200, headers: { "content-type": "text/csv", ...headers } });
  };
  return wrapped;
}

describe("downloadReport's stream", () => {
  afterEach(() => vi.useRealTimers());

  function run(fetchLike: FetchLike, sink: FileSink, idleTimeoutMs: number) {
    const client = createLuccaClient({
      baseUrl: new URL("https://acme.ilucca.net"),
      apiKey: KEY,
      fetch: fetchLike,
      signal: new AbortController().signal,
      requestTimeoutMs: 60_000,
      maxRetries: 0,
    });
    return downloadReport(
      {
        reportId: "7",
        format: "csv",
        target: "report.csv",
        idleTimeoutMs,
        previewRows: 1,
        createHasher: nodeSha256,
      },
      { client, sink, signal: new AbortController().signal, onEvent: () => {} },
    );
  }

  it("allows each silence its idle timeout, however long the whole body takes", async () => {
    vi.useFakeTimers();
    // The head (512 bytes) comes at once, then eight rows 40 ms apart: 360 ms in all,
    // against 100 ms of allowed silence.
    const rows = [
      `a;b\r\n${"0;x\r\n".repeat(120)}`,
      ...Array.from({ length: 8 }, (_, i) => `${i};x\r\n`),
    ];
    const memory = memorySink();
    const promise = run(tricklingFetch(rows, 40), memory.sink, 100);
    const settled = promise.then(
      () => "downloaded",
      (error: unknown) => String(error),
    );
    await vi.runAllTimersAsync();
    expect(await settled).toBe("downloaded");
    expect(memory.files.get("report.csv")?.toString()).toBe(rows.join(""));
  });

  it("allows each silence its idle timeout within the head too, as a short CSV trickles in", async () => {
    vi.useFakeTimers();
    // Six rows 40 ms apart, 240 ms in all and under the head's 512 bytes, against 100 ms of
    // allowed silence: the idle timer is re-armed by each chunk, not once for the head.
    const rows = ["a;b\r\n", ...Array.from({ length: 5 }, (_, i) => `${i};x\r\n`)];
    const memory = memorySink();
    const settled = run(tricklingFetch(rows, 40), memory.sink, 100).then(
      () => "downloaded",
      (error: unknown) => String(error),
    );
    await vi.runAllTimersAsync();
    expect(await settled).toBe("downloaded");
    expect(memory.files.get("report.csv")?.toString()).toBe(rows.join(""));
  });

  it("cuts a silence past the idle timeout", async () => {
    vi.useFakeTimers();
    const memory = memorySink();
    const promise = run(
      tricklingFetch([`a;b\r\n${"0;x\r\n".repeat(120)}`, "1;2\r\n"], 150),
      memory.sink,
      100,
    );
    const outcome = expect(promise).rejects.toThrow(
      "GET https://acme.ilucca.net/timmi-timesheet/api/reports/7/download-csv failed after 1 attempt(s): no data received for 100 ms",
    );
    await vi.runAllTimersAsync();
    await outcome;
    expect(memory.files.size).toBe(0);
  });

  it("passes on the sink's own failure as it is, without retrying, and discards the file", async () => {
    const full = new LuccaReportError("Cannot write report.csv: no space left on device");
    const memory = memorySink(full);
    const retried: string[] = [];
    const client = createLuccaClient({
      baseUrl: new URL("https://acme.ilucca.net"),
      apiKey: KEY,
      fetch: async () =>
        new Response("a;b\r\n1;2\r\n", { headers: { "content-type": "text/csv" } }),
      signal: new AbortController().signal,
      requestTimeoutMs: 60_000,
      maxRetries: 2,
      backoff: { initialMs: 1, maxMs: 1 },
      onRetry: (info) => retried.push(info.reason),
    });
    const promise = downloadReport(
      {
        reportId: "7",
        format: "csv",
        target: "report.csv",
        idleTimeoutMs: 1000,
        previewRows: 1,
        createHasher: nodeSha256,
      },
      { client, sink: memory.sink, signal: new AbortController().signal, onEvent: () => {} },
    );
    await expect(promise).rejects.toBe(full);
    expect(retried).toEqual([]);
    expect(memory.discarded).toEqual(["report.csv"]);
  });

  it("refuses an answer without a body", async () => {
    const memory = memorySink();
    const promise = run(async () => new Response(null, { status: 200 }), memory.sink, 1000);
    await expect(promise).rejects.toThrow(
      "GET https://acme.ilucca.net/timmi-timesheet/api/reports/7/download-csv failed after 1 attempt(s): the download has no body",
    );
  });
});
