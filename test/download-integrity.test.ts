import { existsSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "../simulator/server.ts";
import { runCliHere, sha256Of, sha256OfFile, tempDir } from "./support/cli.ts";

const KEY = "test-key-5f1c9a7e";
const env = { LUCCA_API_KEY: KEY };
const fast = ["--poll-interval", "20ms", "--max-poll-interval", "100ms"];
let sim: Simulator | undefined;

async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
  sim = await startSimulator({ apiKey: KEY, generationMs: 20, rows: 2000, ...options });
  return sim;
}

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const isDownload = (input: string | URL | Request) =>
  /\/download-(csv|excel)$/.test(new URL(input instanceof Request ? input.url : input).pathname);

/**
 * Real fetch to the simulator, except that chosen downloads come back as a hand-built
 * Response carrying the simulator's full Content-Length over only the first half of the
 * body. Node's own fetch would notice the mismatch itself; a hand-built Response (like
 * other transports) does not, so only the product's length check stands in the way.
 */
function truncatingFetch(truncate: (download: number) => boolean, onDownload?: () => void) {
  let downloads = 0;
  const wrapped: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (!isDownload(input as string | URL | Request) || !response.ok) return response;
    onDownload?.();
    downloads++;
    if (!truncate(downloads)) return response;
    const whole = new Uint8Array(await response.arrayBuffer());
    const half = whole.slice(0, Math.floor(whole.length / 2));
    const headers = new Headers(response.headers);
    headers.set("content-length", String(whole.length));
    return new Response(half, { status: 200, headers });
  };
  return wrapped;
}

describe("a download is whole and non-empty before it reaches the target", () => {
  it("retries a body shorter than its Content-Length; the short bytes never reach the target", async () => {
    const s = await simulator();
    const cwd = await tempDir();
    const target = join(cwd, "out/report.csv");
    const targetSeenAtDownload: boolean[] = [];
    const run = await runCliHere(
      [
        ...fast,
        "--domain",
        s.url,
        "--template-id",
        "42",
        "--output",
        "out/report.csv",
        "--json",
        "--verbose",
      ],
      {
        env,
        cwd,
        fetch: truncatingFetch(
          (n) => n === 1,
          () => targetSeenAtDownload.push(existsSync(target)),
        ),
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/truncated: received \d+ of \d+ bytes/);
    // The second download started while the target still did not exist: the truncated
    // first attempt was never moved into place.
    expect(targetSeenAtDownload).toEqual([false, false]);
    const result = JSON.parse(run.stdout);
    expect(result.bytes).toBe(s.expectedCsvLength(result.reportId));
    expect(await sha256OfFile(target)).toBe(await sha256Of(s.expectedCsv(result.reportId)));
    expect(await readdir(join(cwd, "out"))).toEqual(["report.csv"]);
  });

  it("fails with exit 6 and writes nothing when every download is short", async () => {
    const s = await simulator();
    const cwd = await tempDir();
    const run = await runCliHere(
      [
        ...fast,
        "--domain",
        s.url,
        "--template-id",
        "42",
        "--output",
        "out/report.csv",
        "--max-retries",
        "1",
      ],
      {
        env,
        cwd,
        fetch: truncatingFetch(() => true),
      },
    );
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/failed after 2 attempt\(s\): the download is truncated/);
    expect(existsSync(join(cwd, "out/report.csv"))).toBe(false);
    expect(await readdir(join(cwd, "out"))).toEqual([]);
  });

  it("refuses an empty 200 download: exit 6, no file, no 'Saved' line", async () => {
    const s = await simulator({ csvBody: "" });
    const cwd = await tempDir();
    const run = await runCliHere(
      [
        ...fast,
        "--domain",
        s.url,
        "--template-id",
        "42",
        "--output",
        "out/report.csv",
        "--max-retries",
        "1",
      ],
      { env, cwd },
    );
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/empty file/);
    expect(run.stderr).not.toMatch(/Saved/);
    expect(s.reports.get("1001")?.downloads).toBe(2);
    expect(existsSync(join(cwd, "out/report.csv"))).toBe(false);
  });
});

/** Real fetch to the simulator, with each download's Response rebuilt by `rewrite`. */
function rewritingDownloads(
  rewrite: (response: Response, download: number, signal?: AbortSignal) => Promise<Response>,
) {
  let downloads = 0;
  const wrapped: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (!isDownload(input as string | URL | Request) || !response.ok) return response;
    return rewrite(response, ++downloads, init?.signal ?? undefined);
  };
  return wrapped;
}

describe("what the served headers decide", () => {
  it("cuts a body that stops sending, after the request timeout, and retries it", async () => {
    const s = await simulator();
    const cwd = await tempDir();
    const run = await runCliHere(
      [...fast, "--domain", s.url, "--template-id", "42", "--request-timeout", "300ms", "--json"],
      {
        env,
        cwd,
        fetch: rewritingDownloads(async (response, download, signal) => {
          if (download > 1) return response;
          // The first chunk, then nothing: neither an end nor an error, until the request's
          // signal aborts it, as fetch's own bodies do.
          const reader = response.body?.getReader();
          const first = await reader?.read();
          const stalled = new ReadableStream<Uint8Array>({
            start(controller) {
              if (first?.value) controller.enqueue(first.value);
              signal?.addEventListener("abort", () => controller.error(signal.reason));
            },
          });
          return new Response(stalled, { status: 200, headers: response.headers });
        }),
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/failed \(no data received for 300 ms\); retry 1 in/);
    const result = JSON.parse(run.stdout);
    expect(await sha256OfFile(result.path)).toBe(await sha256Of(s.expectedCsv(result.reportId)));
  });

  it.each([
    ["a Content-Length with spaces around it", (n: number) => ` ${n} `, true],
    ["a Content-Length that is not a number", (n: number) => `${n}abc`, false],
    ["a Content-Length with a sign", (n: number) => `+${n}`, false],
  ])("reads %s", async (_name, header, checked) => {
    const s = await simulator();
    const cwd = await tempDir();
    const run = await runCliHere(
      [...fast, "--domain", s.url, "--template-id", "42", "--max-retries", "0", "--json"],
      {
        env,
        cwd,
        fetch: rewritingDownloads(async (response) => {
          const body = new Uint8Array(await response.arrayBuffer());
          // Declares one byte more than it sends: only a Content-Length that is read notices.
          const headers = new Headers(response.headers);
          headers.set("content-length", header(body.length + 1));
          return new Response(body, { status: 200, headers });
        }),
      },
    );
    expect(run.code).toBe(checked ? 6 : 0);
    if (checked) expect(run.stderr).toMatch(/truncated: received (\d+) of \1?\d+ bytes/);
  });
});

describe("an output that cannot be written", () => {
  it("exits 2 before any request with a message naming the path, and leaves nothing behind", async () => {
    const s = await simulator();
    const cwd = await tempDir();
    // A file where the output's directory should be: unwritable even for root.
    await writeFile(join(cwd, "blocked"), "a file, not a directory\n");
    const run = await runCliHere(
      [...fast, "--domain", s.url, "--template-id", "42", "--output", "blocked/report.csv"],
      { env, cwd },
    );
    // Found before the report is generated (output-target.ts), like any other bad input.
    expect(run.code).toBe(2);
    expect(s.requests).toHaveLength(0);
    expect(run.stderr).toMatch(/blocked[/\\]report\.csv/);
    expect(run.stderr).not.toMatch(/^\s+at /m); // a message, not a stack trace
    expect(await readdir(cwd)).toEqual(["blocked"]);
  });
});
