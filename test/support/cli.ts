import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { constants as osConstants, tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/run.ts";

/** Every key of a report's `--json` object, in order, whatever its status (docs/cli.md). */
export const REPORT_JSON_KEYS = [
  "templateId",
  "startsOn",
  "endsOn",
  "status",
  "reportId",
  "path",
  "format",
  "rows",
  "columns",
  "bytes",
  "sha256",
  "encoding",
  "bom",
  "rangeSent",
  "attempts",
  "polls",
  "durationMs",
  "polling",
  "totals",
  "error",
];

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  cwd: string;
}

export async function tempDir(prefix = "lucca-cli-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Runs the CLI's real code path in this process, with real fetch and files. */
export async function runCliHere(
  argv: string[],
  options: {
    env?: Record<string, string | undefined>;
    cwd?: string;
    signal?: AbortSignal;
    fetch?: typeof fetch;
  } = {},
): Promise<CliRun> {
  const cwd = options.cwd ?? (await tempDir());
  let stdout = "";
  let stderr = "";
  const code = await runCli({
    argv,
    env: options.env ?? {},
    cwd,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    fetch: options.fetch ?? globalThis.fetch,
    signal: options.signal ?? new AbortController().signal,
    readTextFile: (path) => readFile(join(cwd, path), "utf8"),
  });
  return { code, stdout, stderr, cwd };
}

export interface SpawnedCli {
  child: ReturnType<typeof spawn>;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or 128 + signal number when killed). */
  exit: Promise<number>;
  waitForStderr: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
}

/** Starts the CLI as its own process, as users and the runner do. */
export function spawnCli(
  command: string[],
  options: { env: Record<string, string>; cwd: string; uid?: number; gid?: number },
): SpawnedCli {
  const [file, ...args] = command as [string, ...string[]];
  const child = spawn(file, args, {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      // The CLI's poll history stays inside the test's directory.
      XDG_CACHE_HOME: join(options.cwd, ".cache"),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });
  let stdout = "";
  let stderr = "";
  const listeners = new Set<() => void>();
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const listener of listeners) listener();
  });
  const exit = new Promise<number>((resolve) => {
    child.on("close", (code, signal) =>
      resolve(code ?? 128 + (signal ? osConstants.signals[signal] : 2)),
    );
  });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exit,
    waitForStderr: (pattern, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(stderr)) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`stderr never matched ${pattern}: ${stderr}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
  };
}

export async function sha256OfFile(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}

export async function sha256Of(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest("hex");
}

/** Polls a directory a real process writes until a .part file shows up; returns its name. */
export async function waitForPart(dir: string): Promise<string> {
  for (let tries = 0; tries < 400; tries++) {
    const part = existsSync(dir)
      ? (await readdir(dir)).find((name) => name.endsWith(".part"))
      : undefined;
    if (part) return part;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no .part file appeared in ${dir}`);
}
