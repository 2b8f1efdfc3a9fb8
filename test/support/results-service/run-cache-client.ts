import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CacheClientOutcome, CacheClientRequest } from "./cache-client.ts";

const SCRIPT = fileURLToPath(new URL("./cache-client.ts", import.meta.url));
const RESULT_PREFIX = "RESULT ";

export interface CacheClientRun {
  outcome: CacheClientOutcome;
  /** Messages of `::warning::` commands the client printed. */
  warnings: string[];
  /** Messages of `::error::` commands the client printed. */
  errors: string[];
  /** Everything the process printed on stdout and stderr. */
  output: string;
}

/**
 * Runs @actions/cache's saveCache or restoreCache in a child Node process whose cwd and
 * GITHUB_WORKSPACE are `workspace`, with `env` (a ResultsService's env) on top of ours.
 */
export function runCacheClient(
  env: Record<string, string>,
  workspace: string,
  request: CacheClientRequest,
  timeoutMs = 90_000,
): Promise<CacheClientRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, JSON.stringify(request)], {
      cwd: workspace,
      env: { ...process.env, ...env, GITHUB_WORKSPACE: workspace },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      const lines = output.split(/\r?\n/);
      const result = lines.find((line) => line.startsWith(RESULT_PREFIX));
      if (!result) {
        reject(
          new Error(
            `Cannot read the cache client's result: it exited (code ${code}, signal ${signal}) with:\n${output}`,
          ),
        );
        return;
      }
      const messages = (command: string): string[] =>
        lines
          .filter((l) => l.startsWith(`::${command}`))
          .map((l) => l.slice(l.indexOf("::", 2) + 2));
      resolve({
        outcome: JSON.parse(result.slice(RESULT_PREFIX.length)) as CacheClientOutcome,
        warnings: messages("warning"),
        errors: messages("error"),
        output,
      });
    });
  });
}
