import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { GitHubClient } from "../../src/publish/github/client.ts";
import type { GitHubApiError } from "../../src/publish/github/errors.ts";

// What each GitHubClient method sends (method, path, query, body), what it makes of GitHub's
// answer, and how its failure is named, against a node:http server that records every request.
const TOKEN = "ghs_requests_token_0123456789abcdefghij";
let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

interface Sent {
  method: string;
  url: string;
  body: unknown;
}

async function serve(
  answer: (sent: Sent, response: ServerResponse) => void,
): Promise<{ github: GitHubClient; sent: Sent[]; warnings: string[] }> {
  const sent: Sent[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const one = {
        method: request.method ?? "",
        url: decodeURIComponent(request.url ?? ""),
        body: raw ? JSON.parse(raw) : undefined,
      };
      sent.push(one);
      answer(one, response);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const warnings: string[] = [];
  const github = new GitHubClient({
    token: TOKEN,
    repository: "acme/payroll",
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spacing: { writeMs: 0, notifyMs: 0 },
    retries: 0,
    warn: (message) => warnings.push(message),
  });
  return { github, sent, warnings };
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

const SHA = "c".repeat(40);
/** A 40-digit object id made of one repeated pair of hex digits. */
const hex = (pair: string) => pair.repeat(20);
const pull = (number: number) => ({
  number,
  html_url: `https://github.com/acme/payroll/pull/${number}`,
  head: { sha: SHA },
});

describe("GitHubClient's requests", () => {
  it("sends what GitHub's REST API documents, and reads its answers", async () => {
    const { github, sent } = await serve((request, response) => {
      const route = `${request.method} ${request.url.replace(/\?.*$/, "")}`;
      const answers: Record<string, unknown> = {
        "GET /repos/acme/payroll/git/ref/heads/main": { object: { sha: SHA } },
        "GET /repos/acme/payroll/git/commits/c1": {
          sha: hex("c1"),
          tree: { sha: hex("e1") },
          parents: [{ sha: hex("a1") }, { sha: hex("a2") }],
        },
        "GET /repos/acme/payroll/git/blobs/b1": { content: "aGVsbG8=", encoding: "base64" },
        "GET /repos/acme/payroll/git/blobs/b2": { content: "héllo", encoding: "utf-8" },
        "POST /repos/acme/payroll/git/blobs": { sha: hex("b3") },
        "POST /repos/acme/payroll/git/trees": { sha: hex("e2") },
        "POST /repos/acme/payroll/git/commits": {
          sha: hex("c2"),
          verification: { verified: true },
        },
        "POST /repos/acme/payroll/git/refs": {},
        "PATCH /repos/acme/payroll/git/refs/heads/main": {},
        "GET /repos/acme/payroll/pulls": [pull(4), pull(5)],
        "POST /repos/acme/payroll/pulls": pull(6),
        "PATCH /repos/acme/payroll/pulls/6": pull(6),
        "POST /repos/acme/payroll/issues/6/labels": [],
        "POST /repos/acme/payroll/pulls/6/requested_reviewers": pull(6),
      };
      json(response, request.method === "POST" ? 201 : 200, answers[route] ?? {});
    });
    const ada = { name: "Ada", email: "ada@example.com" };
    const bob = { name: "Bob", email: "bob@example.com" };
    expect(await github.branchTip("main")).toBe(SHA);
    expect(await github.commit("c1")).toEqual({
      sha: hex("c1"),
      tree: hex("e1"),
      parents: [hex("a1"), hex("a2")],
    });
    expect((await github.blob("b1")).toString("utf8")).toBe("hello");
    expect((await github.blob("b2")).toString("utf8")).toBe("héllo");
    expect(await github.createBlob(Buffer.from("hi"))).toBe(hex("b3"));
    expect(await github.createTree("t1", [{ path: "a/b.csv", sha: "b3" }])).toBe(hex("e2"));
    const message = { message: "Add", tree: "t2", parents: ["c1"] };
    expect(await github.createCommit(message)).toEqual({ sha: hex("c2"), verified: true });
    await github.createCommit({ ...message, author: ada });
    await github.createCommit({ ...message, committer: bob });
    expect(await github.createBranch("reports", "c2")).toBe("created");
    expect(await github.updateBranch("main", "c2", false)).toBe("updated");
    await github.updateBranch("main", "c2", true);
    expect(await github.openPullRequests("reports", "main")).toEqual([
      { number: 4, url: "https://github.com/acme/payroll/pull/4", headSha: SHA },
      { number: 5, url: "https://github.com/acme/payroll/pull/5", headSha: SHA },
    ]);
    const opened = { branch: "reports", base: "main", title: "T", body: "B", draft: true };
    const six = { number: 6, url: "https://github.com/acme/payroll/pull/6", headSha: SHA };
    expect(await github.createPullRequest(opened)).toEqual(six);
    expect(await github.updatePullRequest(6, { title: "T2", body: "B2" })).toEqual(six);
    await github.addLabels(6, ["payroll"]);
    await github.requestReviewers(6, ["hr-lead"], ["payroll-team"]);

    expect(sent).toEqual([
      { method: "GET", url: "/repos/acme/payroll/git/ref/heads/main", body: undefined },
      { method: "GET", url: "/repos/acme/payroll/git/commits/c1", body: undefined },
      { method: "GET", url: "/repos/acme/payroll/git/blobs/b1", body: undefined },
      { method: "GET", url: "/repos/acme/payroll/git/blobs/b2", body: undefined },
      {
        method: "POST",
        url: "/repos/acme/payroll/git/blobs",
        body: { content: "aGk=", encoding: "base64" },
      },
      {
        method: "POST",
        url: "/repos/acme/payroll/git/trees",
        body: {
          base_tree: "t1",
          tree: [{ path: "a/b.csv", mode: "100644", type: "blob", sha: "b3" }],
        },
      },
      { method: "POST", url: "/repos/acme/payroll/git/commits", body: message },
      { method: "POST", url: "/repos/acme/payroll/git/commits", body: { ...message, author: ada } },
      {
        method: "POST",
        url: "/repos/acme/payroll/git/commits",
        body: { ...message, committer: bob },
      },
      {
        method: "POST",
        url: "/repos/acme/payroll/git/refs",
        body: { ref: "refs/heads/reports", sha: "c2" },
      },
      {
        method: "PATCH",
        url: "/repos/acme/payroll/git/refs/heads/main",
        body: { sha: "c2", force: false },
      },
      {
        method: "PATCH",
        url: "/repos/acme/payroll/git/refs/heads/main",
        body: { sha: "c2", force: true },
      },
      {
        method: "GET",
        url: "/repos/acme/payroll/pulls?state=open&head=acme:reports&base=main",
        body: undefined,
      },
      {
        method: "POST",
        url: "/repos/acme/payroll/pulls",
        body: { head: "reports", base: "main", title: "T", body: "B", draft: true },
      },
      { method: "PATCH", url: "/repos/acme/payroll/pulls/6", body: { title: "T2", body: "B2" } },
      { method: "POST", url: "/repos/acme/payroll/issues/6/labels", body: { labels: ["payroll"] } },
      {
        method: "POST",
        url: "/repos/acme/payroll/pulls/6/requested_reviewers",
        body: { reviewers: ["hr-lead"], team_reviewers: ["payroll-team"] },
      },
    ]);
  });

  it("names the call and the permission it needs when GitHub refuses it", async () => {
    const { github } = await serve((_request, response) =>
      json(response, 403, { message: "Resource not accessible by integration" }),
    );
    const calls: [() => Promise<unknown>, string, string][] = [
      [() => github.defaultBranch(), "GET /repos/acme/payroll", "contents: read"],
      [
        () => github.branchTip("main"),
        "GET /repos/acme/payroll/git/ref/heads/main",
        "contents: read",
      ],
      [() => github.commit("c1"), "GET /repos/acme/payroll/git/commits/c1", "contents: read"],
      [() => github.tree("t1"), "GET /repos/acme/payroll/git/trees/t1", "contents: read"],
      [() => github.blob("b1"), "GET /repos/acme/payroll/git/blobs/b1", "contents: read"],
      [
        () => github.createBlob(Buffer.from("x")),
        "POST /repos/acme/payroll/git/blobs",
        "contents: write",
      ],
      [() => github.createTree("t1", []), "POST /repos/acme/payroll/git/trees", "contents: write"],
      [
        () => github.createCommit({ message: "m", tree: "t1", parents: [] }),
        "POST /repos/acme/payroll/git/commits",
        "contents: write",
      ],
      [
        () => github.createBranch("b", "c1"),
        "POST /repos/acme/payroll/git/refs",
        "contents: write",
      ],
      [
        () => github.updateBranch("b", "c1", false),
        "PATCH /repos/acme/payroll/git/refs/heads/b",
        "contents: write",
      ],
      [
        () => github.openPullRequests("b", "main"),
        "GET /repos/acme/payroll/pulls",
        "contents: read",
      ],
      [
        () => github.updatePullRequest(6, { title: "t", body: "b" }),
        "PATCH /repos/acme/payroll/pulls/6",
        "pull-requests: write",
      ],
      [
        () => github.addLabels(6, ["x"]),
        "POST /repos/acme/payroll/issues/6/labels",
        "pull-requests: write",
      ],
      [
        () => github.requestReviewers(6, ["x"], []),
        "POST /repos/acme/payroll/pulls/6/requested_reviewers",
        "pull-requests: write",
      ],
    ];
    const pullRequestsHint =
      ', and the repository must allow it: Settings > Actions > General > "Allow GitHub Actions ' +
      'to create and approve pull requests".';
    for (const [call, request, permission] of calls) {
      const error = (await call().catch((e: unknown) => e)) as GitHubApiError;
      const [method, path] = request.split(" ");
      expect({ method: error.method, path: error.path, message: error.message }).toEqual({
        method,
        path,
        message:
          `GitHub API ${request} failed (403): Resource not accessible by integration. ` +
          `The token needs \`permissions: ${permission}\` in the workflow (or job)` +
          (permission === "pull-requests: write" ? pullRequestsHint : "."),
      });
    }
  });

  it("tells a missing branch from a failure, and a raced branch from a refused one", async () => {
    const { github } = await serve((request, response) => {
      if (request.url.endsWith("/heads/gone")) return json(response, 404, { message: "Not Found" });
      if (request.url.endsWith("/heads/locked")) return json(response, 409, { message: "Locked" });
      if (request.url.endsWith("/heads/raced")) return json(response, 422, { message: "Not ff" });
      if (request.method === "POST")
        return json(response, 422, { message: "Reference already exists" });
      json(response, 500, { message: "unexpected" });
    });
    await expect(github.branchTip("gone")).resolves.toBeUndefined();
    await expect(github.branchTip("locked")).rejects.toMatchObject({ status: 409 });
    await expect(github.createBranch("raced", SHA)).resolves.toBe("exists");
    await expect(github.updateBranch("raced", SHA, false)).resolves.toBe("moved");
    await expect(github.updateBranch("raced", SHA, true)).rejects.toMatchObject({ status: 422 });
    await expect(github.updateBranch("locked", SHA, false)).rejects.toMatchObject({
      status: 409,
    });
  });

  it("refuses a 2xx answer that is not GitHub's: cut off, a proxy's page, or forged ids", async () => {
    const { github } = await serve((request, response) => {
      if (request.url.endsWith("/payroll")) {
        // A body cut off mid-way: Octokit hands the client `undefined`, not an error.
        response.writeHead(200, { "content-type": "application/json", "content-length": "200" });
        response.write('{"default_branch": "ma');
        setTimeout(() => response.destroy(), 20);
        return;
      }
      if (request.url.includes("/git/ref/")) {
        response.writeHead(200, { "content-type": "text/html" });
        return response.end("<html><body>Sign in to the proxy</body></html>");
      }
      if (request.url.includes("/git/commits/"))
        return json(response, 200, { sha: "../../x", tree: { sha: SHA }, parents: [] });
      json(response, 201, {
        number: 6,
        html_url: "javascript:alert(1)",
        head: { sha: SHA },
      });
    });
    const refused = (method: string, path: string, status: number) => ({
      status,
      method,
      path,
      message:
        `GitHub API ${method} ${path} failed (${status}): the answer is not what GitHub sends ` +
        "(a body cut off, or a page from a proxy in between). Run the job again; if it persists, check the network between the runner and GitHub.",
    });
    await expect(github.defaultBranch()).rejects.toMatchObject(
      refused("GET", "/repos/acme/payroll", 200),
    );
    await expect(github.branchTip("main")).rejects.toMatchObject(
      refused("GET", "/repos/acme/payroll/git/ref/heads/main", 200),
    );
    await expect(github.commit(SHA)).rejects.toMatchObject(
      refused("GET", `/repos/acme/payroll/git/commits/${SHA}`, 200),
    );
    const opened = { branch: "reports", base: "main", title: "T", body: "B", draft: false };
    await expect(github.createPullRequest(opened)).rejects.toMatchObject(
      refused("POST", "/repos/acme/payroll/pulls", 201),
    );
  });
});
