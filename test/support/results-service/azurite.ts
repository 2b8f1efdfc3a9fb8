import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BlobSASPermissions,
  BlobServiceClient,
  type ContainerClient,
  generateBlobSASQueryParameters,
  RestError,
  StorageSharedKeyCredential,
} from "@azure/storage-blob";

/** Azurite's documented development account (the same for every Azurite install). */
const ACCOUNT_NAME = "devstoreaccount1";
const ACCOUNT_KEY =
  "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
/** The container name GitHub's signed URLs point into. */
const CONTAINER = "actions-results";
const STARTUP_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;

export interface BlobStoreOptions {
  /**
   * Port for Azurite's blob endpoint on 127.0.0.1.
   * @default 0 (Azurite picks a free port and prints it)
   */
  port?: number;
}

export interface BlobStore {
  /** e.g. `http://127.0.0.1:41234/devstoreaccount1` */
  readonly endpoint: string;
  readonly container: string;
  /** How long Azurite took from spawn to listening, in milliseconds. */
  readonly startupMs: number;
  /** A SAS URL that lets its holder create and write the blob, and nothing else. */
  uploadUrl(blobName: string): string;
  /** A SAS URL that lets its holder read the blob; the download carries `contentDisposition`. */
  downloadUrl(blobName: string, options?: { contentDisposition?: string }): string;
  /** The blob's size, or undefined when it does not exist (or has no committed content). */
  size(blobName: string): Promise<number | undefined>;
  read(blobName: string): Promise<Uint8Array>;
  delete(blobName: string): Promise<void>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

/**
 * Starts `azurite-blob` as a child process with in-memory persistence. Its working directory
 * is a fresh temp dir (Azurite may write debug or lock files there) that close() removes.
 */
export async function startBlobStore(options: BlobStoreOptions = {}): Promise<BlobStore> {
  const workdir = await mkdtemp(join(tmpdir(), "azurite-"));
  const started = performance.now();
  // Run the bin's script with this very Node: Azurite needs Node 22+, and `node` on PATH
  // may be older than the one running the tests.
  const main = require.resolve("azurite/dist/src/blob/main.js");
  const child = spawn(
    process.execPath,
    [
      main,
      "--blobHost",
      "127.0.0.1",
      "--blobPort",
      String(options.port ?? 0),
      // --location cannot be combined with --inMemoryPersistence in Azurite 3.x.
      "--inMemoryPersistence",
      "--silent",
      "--skipApiVersionCheck",
      "--loose",
      "--disableTelemetry",
    ],
    { cwd: workdir, stdio: ["ignore", "pipe", "pipe"] },
  );
  const killOnExit = (): void => {
    child.kill("SIGKILL");
  };
  process.once("exit", killOnExit);

  const stop = async (): Promise<void> => {
    process.removeListener("exit", killOnExit);
    await stopChild(child);
    await rm(workdir, { recursive: true, force: true });
  };

  let port: number;
  try {
    port = await waitForListening(child);
  } catch (error) {
    await stop();
    throw error;
  }
  const startupMs = performance.now() - started;

  const endpoint = `http://127.0.0.1:${port}/${ACCOUNT_NAME}`;
  const credential = new StorageSharedKeyCredential(ACCOUNT_NAME, ACCOUNT_KEY);
  const service = new BlobServiceClient(endpoint, credential);
  const container: ContainerClient = service.getContainerClient(CONTAINER);
  try {
    await container.create();
  } catch (error) {
    await stop();
    throw error;
  }

  const sasUrl = (
    blobName: string,
    permissions: string,
    extra: { contentDisposition?: string },
  ): string => {
    const blob = container.getBlobClient(blobName);
    const sas = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        // Allow for clock skew, as services that hand out SAS URLs usually do.
        startsOn: new Date(Date.now() - 5 * 60_000),
        expiresOn: new Date(Date.now() + 60 * 60_000),
        ...extra,
      },
      credential,
    );
    return `${blob.url}?${sas.toString()}`;
  };

  return {
    endpoint,
    container: CONTAINER,
    startupMs,
    uploadUrl: (blobName) => sasUrl(blobName, "cw", {}),
    downloadUrl: (blobName, opts = {}) => sasUrl(blobName, "r", opts),
    async size(blobName) {
      try {
        const props = await container.getBlobClient(blobName).getProperties();
        return props.contentLength;
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 404) return undefined;
        throw error;
      }
    },
    async read(blobName) {
      return new Uint8Array(await container.getBlobClient(blobName).downloadToBuffer());
    },
    async delete(blobName) {
      await container.getBlobClient(blobName).deleteIfExists();
    },
    close: stop,
  };
}

/** Resolves with the port once Azurite prints that it listens; rejects if it exits first. */
function waitForListening(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer): void => {
      output += chunk.toString("utf8");
      const match = /successfully listens on http:\/\/[^:\s]+:(\d+)/.exec(output);
      if (match?.[1]) {
        settle();
        resolve(Number(match[1]));
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      settle();
      reject(
        new Error(
          `Cannot start azurite-blob: it exited (code ${code}, signal ${signal}) before listening. Output:\n${output}`,
        ),
      );
    };
    const onError = (error: Error): void => {
      settle();
      reject(error);
    };
    const timer = setTimeout(() => {
      settle();
      reject(
        new Error(
          `Cannot start azurite-blob: not listening after ${STARTUP_TIMEOUT_MS} ms. Output:\n${output}`,
        ),
      );
    }, STARTUP_TIMEOUT_MS);
    const settle = (): void => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
      child.off("error", onError);
      // Keep draining so a chatty child never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
    child.once("error", onError);
  });
}

/** SIGTERM lets Azurite close its server; SIGKILL follows if it has not exited in time. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
