import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { tempDir } from "../cli.ts";
import { BareRepo } from "./bare-repo.ts";
import { compare } from "./compare.ts";
import {
  errorBody,
  gitCommit,
  gitRef,
  label,
  type PullState,
  pullRequest,
  repository,
  type Site,
  user,
} from "./objects.ts";

/** One request the stand-in answered, kept for the OpenAPI check and for assertions. */
export interface Exchange {
  method: string;
  /** Path without the prefix and the query, e.g. /repos/acme/payroll/git/refs/heads/main */
  path: string;
  query: Record<string, string>;
  status: number;
  requestBody: unknown;
  responseBody: unknown;
  token: string | undefined;
}

export interface TokenRights {
  contentsWrite: boolean;
  pullRequestsWrite: boolean;
}

export interface StandInOptions {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** "/api/v3" plays GitHub Enterprise Server. @default "" (api.github.com) */
  prefix?: string;
  /** Tokens accepted, with what each may do. @default { "ghs_standin_token": all rights } */
  tokens?: Record<string, TokenRights>;
  /** Largest blob accepted. @default 100 MiB */
  maxBlobBytes?: number;
}

export interface GitHubStandIn {
  /** What GITHUB_API_URL would hold. */
  apiUrl: string;
  /** What GITHUB_SERVER_URL would hold. */
  webUrl: string;
  repository: string;
  token: string;
  repo: BareRepo;
  exchanges: Exchange[];
  pulls: PullState[];
  /** Runs once, just before the next ref update is applied (to move the branch meanwhile). */
  beforeNextRefUpdate(hook: () => Promise<void>): void;
  /**
   * A commit on `branch` made directly in the bare repository, as another run would (or a
   * person, or the action itself: `as`). @default as "Other run <other@example.com>"
   */
  commitOnBranch(
    branch: string,
    files: Record<string, string>,
    message: string,
    as?: { author: Person; committer?: Person },
  ): Promise<string>;
  close(): Promise<void>;
}

export interface Person {
  name: string;
  email: string;
}

const BOT = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com",
};
const OTHER = { name: "Other run", email: "other@example.com" };
const DEFAULT_TOKEN = "ghs_standin_token";
const NOT_FF = "Update is not a fast forward";

/**
 * A local stand-in for the parts of GitHub's REST API the action uses, keeping its state in a
 * real bare git repository: blobs, trees, commits and refs are made with git's plumbing, so a
 * test can clone the result. Every request and answer is recorded in `exchanges`.
 */
export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const owner = options.owner ?? "acme";
  const name = options.repo ?? "payroll";
  const defaultBranch = options.defaultBranch ?? "main";
  const prefix = options.prefix ?? "";
  const tokens = options.tokens ?? {
    [DEFAULT_TOKEN]: { contentsWrite: true, pullRequestsWrite: true },
  };
  const maxBlobBytes = options.maxBlobBytes ?? 100 * 1024 * 1024;
  const root = await tempDir("github-standin-");
  const repo = await BareRepo.init(join(root, `${name}.git`), defaultBranch);
  const signed = new Set<string>();
  const pulls: PullState[] = [];
  const exchanges: Exchange[] = [];
  let refHook: (() => Promise<void>) | undefined;
  const site: Site = { api: "", web: "", owner, repo: name };

  const seedDate = "2026-10-01T00:00:00Z";
  const seedTree = await repo.writeTree(undefined, [
    {
      path: "README.md",
      mode: "100644",
      sha: await repo.writeBlob(Buffer.from("payroll archive\n")),
    },
  ]);
  const seed = await repo.commitTree({
    tree: seedTree,
    parents: [],
    message: "Initial commit",
    author: { name: "Admin", email: "admin@example.com", date: seedDate },
    committer: { name: "Admin", email: "admin@example.com", date: seedDate },
  });
  await repo.updateRef(defaultBranch, seed, undefined);

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ message: String(error) }));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://standin");
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    const method = request.method ?? "GET";
    const auth = /^(?:token|bearer) (.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const path = url.pathname.startsWith(`${prefix}/`)
      ? url.pathname.slice(prefix.length)
      : undefined;
    const reply = (status: number, json: unknown) => {
      exchanges.push({
        method,
        path: path ?? url.pathname,
        query: Object.fromEntries(url.searchParams),
        status,
        requestBody: body,
        responseBody: json,
        token: auth,
      });
      const text = json === undefined ? "" : JSON.stringify(json);
      response.writeHead(status, {
        "content-type": "application/json; charset=utf-8",
        "x-github-media-type": "github.v3; format=json",
        "x-ratelimit-remaining": "4999",
      });
      response.end(text);
    };
    const fail = (status: number, message: string) =>
      reply(status, errorBody(site, message, status));
    if (path === undefined) return fail(404, "Not Found");
    const rights = auth === undefined ? undefined : tokens[auth];
    if (!rights) return fail(401, "Bad credentials");
    const base = `/repos/${owner}/${name}`;
    if (path !== base && !path.startsWith(`${base}/`)) return fail(404, "Not Found");
    const rest = decodeURIComponent(path.slice(base.length));
    const input = (body ?? {}) as Record<string, unknown>;
    const needContents = () => {
      if (rights.contentsWrite) return false;
      fail(403, "Resource not accessible by integration");
      return true;
    };
    const needPulls = () => {
      if (rights.pullRequestsWrite) return false;
      fail(403, "Resource not accessible by integration");
      return true;
    };
    const repoJson = repository(site, defaultBranch);
    const bot = user(site, BOT.name, 41898282, "Bot");
    const on = (verb: string, pattern: RegExp) => (method === verb ? pattern.exec(rest) : null);

    if (method === "GET" && rest === "") return reply(200, repoJson);

    const m1 = on("GET", /^\/git\/ref\/heads\/(.+)$/);
    if (m1) {
      const match = m1;
      const branch = decodeURIComponent(match[1] as string);
      const tip = await repo.branchTip(branch);
      return tip ? reply(200, gitRef(site, branch, tip)) : fail(404, "Not Found");
    }
    if (method === "POST" && rest === "/git/refs") {
      if (needContents()) return;
      const ref = String(input.ref ?? "");
      const sha = String(input.sha ?? "");
      if (!ref.startsWith("refs/heads/"))
        return fail(422, "Reference name must start with refs/heads/");
      if ((await repo.objectType(sha)) !== "commit") return fail(422, "Object does not exist");
      const branch = ref.slice("refs/heads/".length);
      await runRefHook();
      if (!(await repo.updateRef(branch, sha, undefined)))
        return fail(422, "Reference already exists");
      return reply(201, gitRef(site, branch, sha));
    }
    const m2 = on("PATCH", /^\/git\/refs\/heads\/(.+)$/);
    if (m2) {
      const match = m2;
      if (needContents()) return;
      const branch = decodeURIComponent(match[1] as string);
      const sha = String(input.sha ?? "");
      if ((await repo.objectType(sha)) !== "commit") return fail(422, "Object does not exist");
      await runRefHook();
      const tip = await repo.branchTip(branch);
      if (!tip) return fail(422, "Reference does not exist");
      if (input.force !== true && !(await repo.isAncestor(tip, sha))) return fail(422, NOT_FF);
      if (!(await repo.updateRef(branch, sha, tip))) return fail(422, NOT_FF);
      return reply(200, gitRef(site, branch, sha));
    }
    const m3 = on("GET", /^\/git\/commits\/([0-9a-f]{40})$/);
    if (m3) {
      const match = m3;
      const commit = await repo.readCommit(match[1] as string);
      if (!commit) return fail(404, "Not Found");
      return reply(200, gitCommit(site, { ...commit, verified: signed.has(commit.sha) }));
    }
    if (method === "POST" && rest === "/git/commits") {
      if (needContents()) return;
      const tree = String(input.tree ?? "");
      const parents = Array.isArray(input.parents) ? input.parents.map(String) : [];
      if ((await repo.objectType(tree)) !== "tree") return fail(422, "Tree SHA does not exist");
      for (const parent of parents) {
        if ((await repo.objectType(parent)) !== "commit")
          return fail(422, "Parent SHA does not exist or is not a commit object");
      }
      const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");
      const given = (value: unknown) =>
        value as { name: string; email: string; date?: string } | undefined;
      const author = given(input.author);
      const committer = given(input.committer) ?? author;
      // As GitHub does: a commit with neither author nor committer is the token's own, and signed.
      const sign = author === undefined && committer === undefined;
      const sha = await repo.commitTree({
        tree,
        parents,
        message: String(input.message ?? ""),
        author: { ...(author ?? BOT), date: author?.date ?? date },
        committer: committer
          ? { ...committer, date: committer.date ?? date }
          : { name: "GitHub", email: "noreply@github.com", date },
      });
      if (sign) signed.add(sha);
      const commit = await repo.readCommit(sha);
      return reply(
        201,
        gitCommit(site, { ...(commit as NonNullable<typeof commit>), verified: sign }),
      );
    }
    const compared = on("GET", /^\/compare\/([^/]+)$/);
    if (compared) {
      const answer = await compare(repo, site, compared[1] as string, (sha) => signed.has(sha));
      return answer.status === 200 ? reply(200, answer.body) : fail(404, answer.message);
    }
    const m4 = on("GET", /^\/git\/trees\/([0-9a-f]{40})$/);
    if (m4) {
      const match = m4;
      if ((await repo.objectType(match[1] as string)) !== "tree") return fail(404, "Not Found");
      const entries = await repo.listTree(match[1] as string);
      return reply(200, {
        sha: match[1],
        url: `${site.api}${base}/git/trees/${match[1]}`,
        truncated: false,
        tree: entries.map((entry) => ({
          path: entry.path,
          mode: entry.mode,
          type: entry.type,
          sha: entry.sha,
          ...(entry.size === undefined ? {} : { size: entry.size }),
          url: `${site.api}${base}/git/${entry.type}s/${entry.sha}`,
        })),
      });
    }
    if (method === "POST" && rest === "/git/trees") {
      if (needContents()) return;
      const baseTree = input.base_tree === undefined ? undefined : String(input.base_tree);
      if (baseTree && (await repo.objectType(baseTree)) !== "tree")
        return fail(422, "base_tree is not a valid tree oid");
      const entries = (Array.isArray(input.tree) ? input.tree : []) as {
        path: string;
        mode: string;
        sha: string;
      }[];
      for (const entry of entries) {
        if ((await repo.objectType(entry.sha)) !== "blob")
          return fail(422, `tree.sha ${entry.sha} is not a valid blob`);
      }
      const sha = await repo.writeTree(baseTree, entries);
      const listed = await repo.listTree(sha);
      return reply(201, {
        sha,
        url: `${site.api}${base}/git/trees/${sha}`,
        truncated: false,
        tree: listed.map((entry) => ({
          path: entry.path,
          mode: entry.mode,
          type: entry.type,
          sha: entry.sha,
        })),
      });
    }
    const m5 = on("GET", /^\/git\/blobs\/([0-9a-f]{40})$/);
    if (m5) {
      const match = m5;
      const content = await repo.readBlob(match[1] as string);
      if (!content) return fail(404, "Not Found");
      return reply(200, {
        sha: match[1],
        node_id: `B_${(match[1] as string).slice(0, 12)}`,
        url: `${site.api}${base}/git/blobs/${match[1]}`,
        size: content.length,
        content: content.toString("base64"),
        encoding: "base64",
      });
    }
    if (method === "POST" && rest === "/git/blobs") {
      if (needContents()) return;
      const content = Buffer.from(
        String(input.content ?? ""),
        input.encoding === "base64" ? "base64" : "utf8",
      );
      if (content.length > maxBlobBytes) return fail(422, "content is too large");
      const sha = await repo.writeBlob(content);
      return reply(201, { url: `${site.api}${base}/git/blobs/${sha}`, sha });
    }
    if (method === "GET" && rest === "/pulls") {
      const state = url.searchParams.get("state") ?? "open";
      const head = url.searchParams.get("head");
      const baseBranch = url.searchParams.get("base");
      const found = pulls.filter(
        (pull) =>
          (state === "all" || pull.state === state) &&
          (!head || `${owner}:${pull.head}` === head) &&
          (!baseBranch || pull.base === baseBranch),
      );
      return reply(
        200,
        found.map((pull) => pullRequest(site, pull, bot, repoJson, "simple")),
      );
    }
    if (method === "POST" && rest === "/pulls") {
      if (needPulls()) return;
      const head = String(input.head ?? "").replace(`${owner}:`, "");
      const baseBranch = String(input.base ?? "");
      const headSha = await repo.branchTip(head);
      const baseSha = await repo.branchTip(baseBranch);
      if (!headSha || !baseSha) return fail(422, "Validation Failed");
      if (
        pulls.some(
          (pull) => pull.state === "open" && pull.head === head && pull.base === baseBranch,
        )
      ) {
        return fail(422, `A pull request already exists for ${owner}:${head}.`);
      }
      const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
      const pull: PullState = {
        number: pulls.length + 1,
        title: String(input.title ?? ""),
        body: String(input.body ?? ""),
        head,
        headSha,
        base: baseBranch,
        baseSha,
        draft: input.draft === true,
        state: "open",
        labels: [],
        reviewers: [],
        teamReviewers: [],
        createdAt: now,
        updatedAt: now,
      };
      pulls.push(pull);
      return reply(201, pullRequest(site, pull, bot, repoJson, "full"));
    }
    const m6 = on("PATCH", /^\/pulls\/(\d+)$/);
    if (m6) {
      const match = m6;
      if (needPulls()) return;
      const pull = pulls.find((candidate) => candidate.number === Number(match[1]));
      if (!pull) return fail(404, "Not Found");
      if (typeof input.title === "string") pull.title = input.title;
      if (typeof input.body === "string") pull.body = input.body;
      if (input.state === "open" || input.state === "closed") pull.state = input.state;
      pull.headSha = (await repo.branchTip(pull.head)) ?? pull.headSha;
      pull.updatedAt = new Date().toISOString().replace(/\.\d+Z$/, "Z");
      return reply(200, pullRequest(site, pull, bot, repoJson, "full"));
    }
    const m7 = on("POST", /^\/issues\/(\d+)\/labels$/);
    if (m7) {
      const match = m7;
      if (needPulls()) return;
      const pull = pulls.find((candidate) => candidate.number === Number(match[1]));
      if (!pull) return fail(404, "Not Found");
      for (const name of (input.labels ?? []) as string[]) {
        if (!pull.labels.includes(name)) pull.labels.push(name);
      }
      return reply(
        200,
        pull.labels.map((name, index) => label(site, name, 7000 + index)),
      );
    }
    const m8 = on("POST", /^\/pulls\/(\d+)\/requested_reviewers$/);
    if (m8) {
      const match = m8;
      if (needPulls()) return;
      const pull = pulls.find((candidate) => candidate.number === Number(match[1]));
      if (!pull) return fail(404, "Not Found");
      pull.reviewers.push(...((input.reviewers ?? []) as string[]));
      pull.teamReviewers.push(...((input.team_reviewers ?? []) as string[]));
      return reply(201, pullRequest(site, pull, bot, repoJson, "simple"));
    }
    return fail(404, "Not Found");
  }

  async function runRefHook(): Promise<void> {
    const hook = refHook;
    refHook = undefined;
    await hook?.();
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  site.web = `http://127.0.0.1:${port}`;
  site.api = `${site.web}${prefix}`;

  return {
    apiUrl: site.api,
    webUrl: site.web,
    repository: `${owner}/${name}`,
    token: Object.keys(tokens)[0] as string,
    repo,
    exchanges,
    pulls,
    beforeNextRefUpdate(hook) {
      refHook = hook;
    },
    async commitOnBranch(branch, files, message, as) {
      const tip = await repo.branchTip(branch);
      const parent = tip ? await repo.readCommit(tip) : undefined;
      const entries = [];
      for (const [path, text] of Object.entries(files)) {
        entries.push({ path, mode: "100644", sha: await repo.writeBlob(Buffer.from(text)) });
      }
      const tree = await repo.writeTree(parent?.tree, entries);
      const date = new Date().toISOString();
      const sha = await repo.commitTree({
        tree,
        parents: tip ? [tip] : [],
        message,
        author: { ...(as?.author ?? OTHER), date },
        committer: { ...(as?.committer ?? as?.author ?? OTHER), date },
      });
      await repo.updateRef(branch, sha, tip);
      return sha;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
