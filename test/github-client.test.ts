import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { AbortedError } from "../src/core/errors.ts";
import { GitHubApiError, GitHubClient } from "../src/publish/github/client.ts";

// The client's door on its own, against a small node:http server that misbehaves on purpose.
const TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function serve(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ url: string; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = [];
  server = createServer((request, response) => {
    requests.push(request);
    handler(request, response);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

const client = (url: string, extra: Partial<ConstructorParameters<typeof GitHubClient>[0]> = {}) =>
  new GitHubClient({
    token: TOKEN,
    repository: "acme/payroll",
    apiUrl: url,
    spacing: { writeMs: 0, notifyMs: 0 },
    ...extra,
  });

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
};

describe("GitHubClient, the one door to GitHub's API", () => {
  it("stops at once, without retrying, when the job is cancelled mid-request", async () => {
    const { url, requests } = await serve(() => {}); // never answers
    const job = new AbortController();
    const reason = new AbortedError("Cancelled by SIGTERM", { signal: "SIGTERM" });
    const call = client(url, { signal: job.signal, retries: 3 }).defaultBranch();
    while (requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    job.abort(reason);
    await expect(call).rejects.toBe(reason);
    expect(requests).toHaveLength(1);
  });

  it("gives up on a silent server after the request timeout", async () => {
    const { url, requests } = await serve(() => {});
    const error = await client(url, { requestTimeoutMs: 50, retries: 0 })
      .defaultBranch()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toMatch(/^GitHub API GET \/repos\/acme\/payroll failed/);
    expect(requests).toHaveLength(1);
  });

  it("retries a 502 (plugin-retry) and succeeds", async () => {
    let calls = 0;
    const { url, requests } = await serve((_request, response) => {
      calls++;
      if (calls === 1) json(response, 502, { message: "Bad gateway" });
      else json(response, 200, { default_branch: "trunk" });
    });
    await expect(client(url, { retries: 2 }).defaultBranch()).resolves.toBe("trunk");
    expect(requests).toHaveLength(2);
  });

  it("keeps the token out of error messages, even when the server repeats it", async () => {
    const { url, requests } = await serve((_request, response) =>
      json(response, 422, { message: `Token ${TOKEN} says\n::error::forged`, errors: [] }),
    );
    const error = (await client(url)
      .createBlob(Buffer.from("x"))
      .catch((e: unknown) => e)) as GitHubApiError;
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error.status).toBe(422);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).toContain("***");
    expect(error.message).not.toContain("\n");
    expect(requests[0]?.headers.authorization).toBe(`token ${TOKEN}`);
  });

  it("says which permission a 403 lacks", async () => {
    const { url } = await serve((_request, response) =>
      json(response, 403, { message: "Resource not accessible by integration" }),
    );
    const error = (await client(url)
      .createBlob(Buffer.from("x"))
      .catch((e: unknown) => e)) as GitHubApiError;
    expect(error.message).toMatch(/permissions: contents: write/);
  });

  it("refuses a repository that is not owner/name before any request", () => {
    expect(() => client("http://127.0.0.1:9", { repository: "payroll" })).toThrow(
      /not of the form owner\/name/,
    );
    expect(() => client("http://127.0.0.1:9", { token: "" })).toThrow(/without a token/);
  });
});
