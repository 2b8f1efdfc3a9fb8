import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCliHere } from "./support/cli.ts";

// Long enough that any 8-character piece of it is unmistakable in a log.
const KEY = "live-key-7Hq2ZpX9wLm4Rt8KbV3n";

/** Every 8-character piece of the key: a partial leak counts as a leak. */
function keyPieces(key: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i + 8 <= key.length; i++) pieces.push(key.slice(i, i + 8));
  return pieces;
}

function expectNoPieceOfKey(text: string) {
  for (const piece of keyPieces(KEY)) expect(text).not.toContain(piece);
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/**
 * A loopback stand-in for a Lucca that echoes the Authorization header back in its error
 * body, as some gateways do. The simulator never echoes the key, hence this server.
 */
async function echoingServer(status: number): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests++;
    const body = JSON.stringify({
      Status: status,
      Message: `Invalid request for ${req.headers.authorization ?? "no key"}`,
    });
    res.writeHead(status, { "content-type": "application/json" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests: () => requests };
}

describe("the API key never reaches the log, even when Lucca echoes it", () => {
  it("exits 3 on a 400 that echoes the key, printing the excerpt with the key blanked", async () => {
    const server = await echoingServer(400);
    const run = await runCliHere(["--domain", server.url, "--template-id", "42"], {
      env: { LUCCA_API_KEY: KEY },
    });
    expect(run.code).toBe(3);
    expect(server.requests()).toBe(1);
    // The excerpt is shown (so the redaction, not a missing excerpt, keeps the key out).
    expect(run.stderr).toMatch(/400.*Invalid request for lucca application=/);
    expectNoPieceOfKey(run.stderr);
    expectNoPieceOfKey(run.stdout);
  });

  it("blanks the key in a retried 5xx's excerpt and in the final error", async () => {
    const server = await echoingServer(503);
    const run = await runCliHere(
      ["--domain", server.url, "--template-id", "42", "--max-retries", "0", "--verbose"],
      { env: { LUCCA_API_KEY: KEY } },
    );
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/503.*Invalid request for lucca application=/);
    expectNoPieceOfKey(run.stderr);
    expectNoPieceOfKey(run.stdout);
  });
});

describe("the API key never reaches the trace, wherever the server puts it", () => {
  it("as a JSON key of an error body, in a redirect's path and query, in a header", async () => {
    let requests = 0;
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      requests++;
      const key = (req.headers.authorization ?? "").replace("lucca application=", "");
      if (req.url?.startsWith("/timmi-timesheet/api/reports") && req.method === "POST") {
        // Same origin, so the key goes along, and comes back in the target's path and query.
        res.writeHead(307, { location: `/echo/${key}/x.csv?${key}=1&sig=2` });
        res.end();
        return;
      }
      res.writeHead(401, { "content-type": "application/json", "x-echo": key });
      res.end(JSON.stringify({ [req.headers.authorization ?? "none"]: "not accepted" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    close = () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    const { port } = server.address() as AddressInfo;
    const run = await runCliHere(
      ["--domain", `http://127.0.0.1:${port}`, "--template-id", "42", "--trace", "t.jsonl"],
      { env: { LUCCA_API_KEY: KEY } },
    );
    expect(run.code).toBe(3);
    expect(requests).toBe(2);
    const trace = await readFile(join(run.cwd, "t.jsonl"), "utf8");
    const [post, echo] = trace
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(post.responseHeaders.location).toBe("/*/*/*.csv?…");
    expect(echo).toMatchObject({
      path: "/*/*/*.csv",
      query: ["***", "sig"],
      responseBody: { "…": "1 other key: string" },
    });
    expectNoPieceOfKey(trace);
    expectNoPieceOfKey(run.stderr + run.stdout);
  });
});
