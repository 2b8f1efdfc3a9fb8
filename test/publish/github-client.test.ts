import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { AbortedError } from "../../src/core/errors.ts";
import { GitHubClient } from "../../src/publish/github/client.ts";
import { GitHubApiError } from "../../src/publish/github/errors.ts";

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
    const github = client(url, { retries: 2, retryAfterUnitMs: 1 });
    await expect(github.defaultBranch()).resolves.toBe("trunk");
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

  it("blanks out anything shaped like a GitHub token, not only its own", async () => {
    const other = "ghs_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123";
    const pat = "github_pat_11ABCDEFGHIJ_KLMNOPQRSTUVWXYZ";
    const { url } = await serve((_request, response) =>
      json(response, 422, {
        message: `${other}, ${pat}, ghp_tooShort1234 and xghs_${"a".repeat(24)}`,
      }),
    );
    const error = (await client(url)
      .createBlob(Buffer.from("x"))
      .catch((e: unknown) => e)) as GitHubApiError;
    expect(error.message).toBe(
      "GitHub API POST /repos/acme/payroll/git/blobs failed (422): " +
        `***, ***, ghp_tooShort1234 and xghs_${"a".repeat(24)}.`,
    );
  });

  it("ends GitHub's own sentence once, with no second full stop", async () => {
    const { url } = await serve((_request, response) =>
      json(response, 422, { message: "A pull request already exists for acme:reports." }),
    );
    const error = (await client(url)
      .createBlob(Buffer.from("x"))
      .catch((e: unknown) => e)) as GitHubApiError;
    expect(error.message).toBe(
      "GitHub API POST /repos/acme/payroll/git/blobs failed (422): A pull request already exists for acme:reports.",
    );
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
    for (const repository of ["/payroll", "acme/"]) {
      expect(() => client("http://127.0.0.1:9", { repository })).toThrow(/not of the form/);
    }
    expect(() => client("http://127.0.0.1:9", { repository: "acme/payroll/extra" })).toThrow(
      'Cannot call GitHub as the repository "acme/payroll/extra" is not of the form owner/name',
    );
    expect(() => client("http://127.0.0.1:9", { token: "" })).toThrow(/without a token/);
  });

  it("calls api.github.com by default, and an API URL without its trailing slashes", async () => {
    expect(new GitHubClient({ token: TOKEN, repository: "acme/payroll" }).apiUrl).toBe(
      "https://api.github.com",
    );
    const { url, requests } = await serve((_request, response) =>
      json(response, 200, { default_branch: "trunk" }),
    );
    const github = client(`${url}/api/v3//`);
    expect(github.apiUrl).toBe(`${url}/api/v3`);
    await expect(github.defaultBranch()).resolves.toBe("trunk");
    expect(requests.map((request) => request.url)).toEqual(["/api/v3/repos/acme/payroll"]);
  });

  it("reads a tree entry GitHub sent without some fields as empty strings", async () => {
    const { url } = await serve((_request, response) =>
      json(response, 200, {
        sha: "f".repeat(40),
        truncated: false,
        tree: [{ path: "a.csv", mode: "100644", type: "blob", sha: "a".repeat(40) }, {}],
      }),
    );
    await expect(client(url).tree("f".repeat(40))).resolves.toEqual([
      { path: "a.csv", mode: "100644", type: "blob", sha: "a".repeat(40) },
      { path: "", mode: "", type: "", sha: "" },
    ]);
  });

  it("says what to check for each refusal, naming the call and GitHub's status", async () => {
    const answers: Record<string, [number, string]> = {
      "/repos/acme/payroll": [401, "Bad credentials"],
      "/repos/acme/payroll/git/ref/heads/main": [403, "Resource not accessible by integration"],
      "/repos/acme/payroll/pulls": [403, "Resource not accessible by integration"],
      "/repos/acme/payroll/git/commits/abc": [404, "Not Found"],
      "/repos/acme/payroll/git/refs": [409, "Git Repository is empty"],
    };
    const { url } = await serve((request, response) => {
      const [status, message] = answers[decodeURIComponent(request.url ?? "")] ?? [500, "?"];
      json(response, status, { message });
    });
    const github = client(url, { retries: 0 });
    const failure = (call: Promise<unknown>) =>
      call.then(
        () => "resolved",
        (error: GitHubApiError) =>
          `${error.status} ${error.method} ${error.path} | ${error.message}`,
      );
    expect(await failure(github.defaultBranch())).toBe(
      "401 GET /repos/acme/payroll | GitHub API GET /repos/acme/payroll failed (401): " +
        "Bad credentials. The token was refused: check github-token.",
    );
    expect(await failure(github.branchTip("main"))).toBe(
      "403 GET /repos/acme/payroll/git/ref/heads/main | " +
        "GitHub API GET /repos/acme/payroll/git/ref/heads/main failed (403): " +
        "Resource not accessible by integration. " +
        "The token needs `permissions: contents: read` in the workflow (or job).",
    );
    expect(
      await failure(
        github.createPullRequest({ branch: "b", base: "main", title: "t", body: "", draft: false }),
      ),
    ).toBe(
      "403 POST /repos/acme/payroll/pulls | GitHub API POST /repos/acme/payroll/pulls failed (403): " +
        "Resource not accessible by integration. " +
        "The token needs `permissions: pull-requests: write` in the workflow (or job), and the " +
        "repository must allow it: Settings > Actions > General > " +
        '"Allow GitHub Actions to create and approve pull requests".',
    );
    expect(await failure(github.commit("abc"))).toBe(
      "404 GET /repos/acme/payroll/git/commits/abc | " +
        "GitHub API GET /repos/acme/payroll/git/commits/abc failed (404): " +
        "Not Found. Check the repository name and that the token can read it.",
    );
    expect(await failure(github.createBranch("b", "abc"))).toBe(
      "409 POST /repos/acme/payroll/git/refs | " +
        "GitHub API POST /repos/acme/payroll/git/refs failed (409): Git Repository is empty.",
    );
  });
});
