import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createArtifactService, type StoredArtifact } from "./artifact-service.ts";
import { startBlobStore } from "./azurite.ts";
import { createCacheService, type StoredCacheEntry } from "./cache-service.ts";
import { createTokenIssuer } from "./token.ts";
import {
  codeForStatus,
  type Handler,
  type JsonObject,
  readBody,
  sendJson,
  sendTwirpError,
  TwirpError,
} from "./twirp.ts";

export type { StoredArtifact } from "./artifact-service.ts";
export type { StoredCacheEntry } from "./cache-service.ts";

export interface TwirpCall {
  /** e.g. `CreateArtifact`, `GetCacheEntryDownloadURL` */
  method: string;
  /** e.g. `github.actions.results.api.v1.ArtifactService` */
  service: string;
  /** The parsed JSON request body (the raw text when it was not JSON). */
  body: unknown;
}

export interface ResultsService {
  /**
   * Everything a client process needs, as a runner gives it: ACTIONS_RESULTS_URL (with its
   * trailing slash), ACTIONS_RUNTIME_TOKEN, ACTIONS_CACHE_SERVICE_V2, GITHUB_RUN_ID,
   * GITHUB_RUN_ATTEMPT, GITHUB_REPOSITORY, GITHUB_REF, GITHUB_SERVER_URL and RUNNER_TEMP
   * (a dir the service removes on close). Callers add GITHUB_WORKSPACE themselves.
   */
  env: Record<string, string>;
  /** The Twirp base URL, the same as env.ACTIONS_RESULTS_URL. */
  resultsUrl: string;
  /** Azurite's blob endpoint, e.g. `http://127.0.0.1:41234/devstoreaccount1`. */
  blobEndpoint: string;
  /** How long Azurite took to listen, in milliseconds. */
  blobStartupMs: number;
  /** Snapshot of every artifact, finalized or not, in creation order. */
  artifacts(): StoredArtifact[];
  /** The exact bytes in the blob of the newest artifact with that name (zip or raw file). */
  artifactBytes(name: string): Promise<Uint8Array>;
  /** Snapshot of every cache entry, finalized or not, in creation order. */
  caches(): StoredCacheEntry[];
  /** The exact bytes in the blob of the newest cache entry with that key (the tar archive). */
  cacheBytes(key: string): Promise<Uint8Array>;
  /** Every Twirp call received, in order, including refused ones. */
  calls: TwirpCall[];
  /** When true every Twirp call answers `failStatus` (a Twirp `unavailable` error by default). */
  failAll?: boolean | undefined;
  /**
   * The HTTP status for `failAll`. The clients retry 500/502/503/504 (and the artifact
   * client 429) five times over roughly 25-35 s before giving up; a 4xx fails at once.
   * @default 503
   */
  failStatus?: number | undefined;
  /** Like failAll, for the Twirp services whose name ends with one of these (e.g. "CacheService"). */
  failServices?: string[] | undefined;
  /** Stops the Twirp server and Azurite and removes the temp dirs. Safe to call twice. */
  close(): Promise<void>;
}

export interface ResultsServiceOptions {
  /**
   * Port for Azurite's blob endpoint.
   * @default 0 (a free port)
   */
  blobPort?: number;
}

const ARTIFACT_SERVICE = "github.actions.results.api.v1.ArtifactService";
const CACHE_SERVICE = "github.actions.results.api.v1.CacheService";
const TWIRP_PATH = /^\/twirp\/([\w.]+)\/(\w+)$/;
const REF = "refs/heads/main";

/** Starts Azurite and a Twirp server on 127.0.0.1 that plays GitHub's results service. */
export async function startResultsService(
  options: ResultsServiceOptions = {},
): Promise<ResultsService> {
  const workdir = await mkdtemp(join(tmpdir(), "results-service-"));
  const runnerTemp = join(workdir, "runner-temp");
  await mkdir(runnerTemp);
  const blobs = await startBlobStore(
    options.blobPort === undefined ? {} : { port: options.blobPort },
  ).catch(async (error: unknown) => {
    await rm(workdir, { recursive: true, force: true });
    throw error;
  });

  const identity = { workflowRunBackendId: randomUUID(), workflowJobRunBackendId: randomUUID() };
  const issuer = createTokenIssuer(identity, REF);
  const artifactService = createArtifactService(blobs);
  const cacheService = createCacheService(blobs, REF);
  const services: Record<string, Record<string, Handler>> = {
    [ARTIFACT_SERVICE]: artifactService.handlers,
    [CACHE_SERVICE]: cacheService.handlers,
  };

  const calls: TwirpCall[] = [];
  // `state` is the returned object, so tests flip `failAll` on it directly.
  let state: ResultsService | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const route = TWIRP_PATH.exec(new URL(req.url ?? "/", "http://localhost").pathname);
    const text = await readBody(req);
    if (!route || req.method !== "POST") {
      throw new TwirpError("bad_route", `no handler for ${req.method} ${req.url}`);
    }
    const [, service = "", method = ""] = route;
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // recorded as text; answered as malformed below
    }
    calls.push({ method, service, body });

    if (state?.failAll || state?.failServices?.some((name) => service.endsWith(name))) {
      const status = state.failStatus ?? 503;
      sendJson(res, status, { code: codeForStatus(status), msg: "service unavailable" });
      return;
    }
    const handler = services[service]?.[method];
    if (!handler) throw new TwirpError("bad_route", `no handler for ${service}/${method}`);
    const contentType = (req.headers["content-type"] ?? "").split(";")[0]?.trim();
    if (contentType !== "application/json") {
      throw new TwirpError(
        "bad_route",
        `unexpected Content-Type: ${contentType} (only JSON is served)`,
      );
    }
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const caller = bearer === undefined ? undefined : issuer.verify(bearer);
    if (!caller) throw new TwirpError("unauthenticated", "missing or invalid runtime token");
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new TwirpError("malformed", "the request body is not a JSON object");
    }
    sendJson(res, 200, await handler(body as JsonObject, caller));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const twirpError =
        error instanceof TwirpError
          ? error
          : new TwirpError("internal", error instanceof Error ? error.message : String(error));
      if (!res.headersSent) sendTwirpError(res, twirpError);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const resultsUrl = `http://127.0.0.1:${port}/`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      server.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => server.close(() => resolve())),
        blobs.close(),
      ]);
      await rm(workdir, { recursive: true, force: true });
    })();
    return closing;
  };

  const newestByName = <T extends { createdAt: Date; id: number }>(items: T[]): T | undefined =>
    items.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)[0];

  state = {
    env: {
      ACTIONS_RESULTS_URL: resultsUrl,
      ACTIONS_RUNTIME_TOKEN: issuer.token,
      ACTIONS_CACHE_SERVICE_V2: "True",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_REPOSITORY: "lucca-report/results-service-test",
      GITHUB_REF: REF,
      GITHUB_RUN_ID: "1000001",
      GITHUB_RUN_ATTEMPT: "1",
      RUNNER_TEMP: runnerTemp,
    },
    resultsUrl,
    blobEndpoint: blobs.endpoint,
    blobStartupMs: blobs.startupMs,
    artifacts: () => artifactService.artifacts.map((a) => ({ ...a })),
    async artifactBytes(name) {
      const artifact = newestByName(artifactService.artifacts.filter((a) => a.name === name));
      if (!artifact) throw new Error(`Cannot read artifact ${name}: no artifact has that name`);
      return blobs.read(artifact.blobName);
    },
    caches: () => cacheService.entries.map((e) => ({ ...e })),
    async cacheBytes(key) {
      const entry = newestByName(cacheService.entries.filter((e) => e.key === key));
      if (!entry) throw new Error(`Cannot read cache ${key}: no entry has that key`);
      return blobs.read(entry.blobName);
    },
    calls,
    failAll: false,
    close,
  };
  return state;
}
