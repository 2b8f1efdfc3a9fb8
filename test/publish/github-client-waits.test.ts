import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AbortedError } from "../../src/core/errors.ts";
import { GitHubClient } from "../../src/publish/github/client.ts";
import { GitHubApiError } from "../../src/publish/github/errors.ts";

// How the client waits: GitHub's rate limits (plugin-throttling), retries of a 5xx
// (plugin-retry), the spacing of writes, against a node:http server that answers what GitHub
// would. One second of a wait lasts 1 ms here (retryAfterUnitMs) unless a test says otherwise.
let server: Server | undefined;

// The primary limit's wait is computed from x-ratelimit-reset and the clock: Date alone is
// frozen (on a whole second) so that the wait is exact; timers stay real.
const NOW = new Date("2026-11-02T06:00:00Z");
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});

afterEach(async () => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function serve(
  handler: (request: IncomingMessage, response: ServerResponse, count: number) => void,
): Promise<{ url: string; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = [];
  server = createServer((request, response) => {
    requests.push(request);
    handler(request, response, requests.length);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

function client(
  url: string,
  warnings: string[],
  retries = 0,
  extra: Partial<ConstructorParameters<typeof GitHubClient>[0]> = {},
) {
  return new GitHubClient({
    token: "ghs_rate_limited_token",
    repository: "acme/payroll",
    apiUrl: url,
    spacing: { writeMs: 0, notifyMs: 0 },
    retries,
    retryAfterUnitMs: 1,
    warn: (message) => warnings.push(message),
    ...extra,
  });
}

/**
 * The delays asked of setTimeout (Bottleneck schedules every wait with it); those listed in
 * `shorten` run at once, so a test sees how long the client would wait without waiting.
 */
function recordDelays(shorten: number[]): number[] {
  const asked: number[] = [];
  const real = globalThis.setTimeout;
  vi.spyOn(globalThis, "setTimeout").mockImplementation(((
    callback: () => void,
    ms?: number,
    ...args: unknown[]
  ) => {
    asked.push(ms ?? 0);
    return real(callback, shorten.includes(ms ?? 0) ? 0 : ms, ...args);
  }) as typeof setTimeout);
  return asked;
}

const json = (
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
};

const limits = {
  // https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
  secondary: {
    warning: "GitHub's secondary rate limit was reached; ",
    refuse: (response: ServerResponse, afterSeconds: number) =>
      json(
        response,
        403,
        { message: "You have exceeded a secondary rate limit. Please wait a few minutes." },
        { "retry-after": String(afterSeconds) },
      ),
  },
  primary: {
    warning: "GitHub's rate limit was reached; ",
    // The plugin waits until one second after the reset.
    refuse: (response: ServerResponse, afterSeconds: number) =>
      json(
        response,
        403,
        { message: "API rate limit exceeded for installation ID 1." },
        {
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(NOW.getTime() / 1000 + afterSeconds - 1),
        },
      ),
  },
};

describe.each(Object.entries(limits))("GitHub's %s rate limit", (_name, limit) => {
  it("is waited out twice, then the call gives up with GitHub's 403", async () => {
    // Four refusals then an answer: a client that waited out a third would get "trunk".
    const { url, requests } = await serve((_request, response, count) =>
      count <= 4 ? limit.refuse(response, 1) : json(response, 200, { default_branch: "trunk" }),
    );
    const warnings: string[] = [];
    const error = await client(url, warnings)
      .defaultBranch()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).status).toBe(403);
    // A rate limit, not a missing permission: the hint must not send users to `permissions:`.
    expect((error as GitHubApiError).message).toMatch(
      /: [^:]*\. GitHub's rate limit for this token was reached: run the job again later\.$/,
    );
    expect((error as GitHubApiError).message).not.toContain("permissions:");
    expect(requests).toHaveLength(3);
    expect(warnings).toEqual([
      `${limit.warning}retrying in 1 s`,
      `${limit.warning}retrying in 1 s`,
      `${limit.warning}giving up`,
    ]);
  });

  it("is waited out when GitHub asks for 60 s", async () => {
    const { url, requests } = await serve((_request, response, count) =>
      count === 1 ? limit.refuse(response, 60) : json(response, 200, { default_branch: "trunk" }),
    );
    const warnings: string[] = [];
    await expect(client(url, warnings).defaultBranch()).resolves.toBe("trunk");
    expect(requests).toHaveLength(2);
    expect(warnings).toEqual([`${limit.warning}retrying in 60 s`]);
  });

  it("is not waited out when GitHub asks for more than 60 s", async () => {
    const { url, requests } = await serve((_request, response, count) =>
      count === 1 ? limit.refuse(response, 61) : json(response, 200, { default_branch: "trunk" }),
    );
    const warnings: string[] = [];
    const error = await client(url, warnings)
      .defaultBranch()
      .catch((e: unknown) => e);
    expect((error as GitHubApiError).status).toBe(403);
    expect(requests).toHaveLength(1);
    expect(warnings).toEqual([`${limit.warning}giving up`]);
  });
});

describe("plugin-retry", () => {
  it("retries a 5xx as many times as told, then fails with GitHub's status", async () => {
    const { url, requests } = await serve((_request, response) =>
      json(response, 502, { message: "Bad gateway" }),
    );
    const error = await client(url, [], 2)
      .defaultBranch()
      .catch((e: unknown) => e);
    expect((error as GitHubApiError).status).toBe(502);
    expect(requests).toHaveLength(3);
  });

  it("retries a connection dropped before any answer", async () => {
    const { url, requests } = await serve((request, response, count) => {
      if (count === 1) request.socket.destroy();
      else json(response, 200, { default_branch: "trunk" });
    });
    await expect(client(url, [], 1).defaultBranch()).resolves.toBe("trunk");
    expect(requests).toHaveLength(2);
  });
});

describe("how long the client waits", () => {
  it("waits GitHub's retry-after in whole seconds by default", async () => {
    const asked = recordDelays([7000]);
    const { url, requests } = await serve((_request, response, count) =>
      count === 1
        ? limits.secondary.refuse(response, 7)
        : json(response, 200, { default_branch: "trunk" }),
    );
    const warnings: string[] = [];
    const github = client(url, warnings, 0, { retryAfterUnitMs: undefined });
    await expect(github.defaultBranch()).resolves.toBe("trunk");
    expect(requests).toHaveLength(2);
    expect(asked).toContain(7000);
  });

  it("spaces writes 1 s apart by default", async () => {
    const asked = recordDelays([1000]);
    const { url } = await serve((_request, response) =>
      json(response, 201, { sha: "b".repeat(40) }),
    );
    const github = client(url, [], 0, { spacing: undefined });
    await github.createBlob(Buffer.from("a"));
    expect(asked.filter((ms) => ms === 1000)).toEqual([]);
    await github.createBlob(Buffer.from("b"));
    expect(asked.filter((ms) => ms === 1000)).toEqual([1000]);
  });

  it("spaces writes, and notifying writes, by the gaps it was given", async () => {
    // Date is frozen: each gap is asked of setTimeout in full, and gaps add up within a client.
    const asked = recordDelays([7001, 7002]);
    const { url } = await serve((request, response) =>
      request.url?.endsWith("/pulls")
        ? json(response, 201, {
            number: 3,
            html_url: "https://x/pull/3",
            head: { sha: "c".repeat(40) },
          })
        : json(response, 201, { sha: "b".repeat(40) }),
    );
    const writes = client(url, [], 0, { spacing: { writeMs: 7001, notifyMs: 0 } });
    await writes.createBlob(Buffer.from("a"));
    expect(asked).not.toContain(7001);
    await writes.createBlob(Buffer.from("b"));
    expect(asked).toContain(7001);

    asked.length = 0;
    const notifications = client(url, [], 0, { spacing: { writeMs: 0, notifyMs: 7002 } });
    const pull = { branch: "b", base: "main", title: "t", body: "", draft: false };
    await notifications.createPullRequest(pull);
    expect(asked).not.toContain(7002);
    await notifications.createPullRequest(pull);
    expect(asked).toContain(7002);
  });
});

describe("a cancelled job", () => {
  // Octokit must see an AbortError: anything else it would retry after UNIT ms.
  const UNIT = 4321;

  it("stops a request in flight without a retry being scheduled", async () => {
    const asked = recordDelays([UNIT]);
    const { url, requests } = await serve(() => {}); // never answers
    const job = new AbortController();
    const reason = new AbortedError("Cancelled by SIGTERM", { signal: "SIGTERM" });
    const github = client(url, [], 1, { signal: job.signal, retryAfterUnitMs: UNIT });
    const call = github.defaultBranch();
    while (requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    job.abort(reason);
    await expect(call).rejects.toBe(reason);
    expect(asked).not.toContain(UNIT);
    expect(requests).toHaveLength(1);
  });

  it("sends nothing once the job is cancelled, and schedules no retry", async () => {
    const asked = recordDelays([UNIT]);
    const { url, requests } = await serve((_request, response) =>
      json(response, 200, { default_branch: "trunk" }),
    );
    const job = new AbortController();
    const reason = new AbortedError("Cancelled by SIGINT", { signal: "SIGINT" });
    job.abort(reason);
    const github = client(url, [], 1, { signal: job.signal, retryAfterUnitMs: UNIT });
    await expect(github.defaultBranch()).rejects.toBe(reason);
    expect(asked).not.toContain(UNIT);
    expect(requests).toEqual([]);
  });
});
