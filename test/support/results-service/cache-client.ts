/**
 * Runs the real @actions/cache client in its own process, as an action step would: the
 * client globs relative paths against process.cwd() and tars them relative to
 * GITHUB_WORKSPACE, so a test cannot restore into another directory in-process.
 *
 * Usage: node cache-client.ts '<json CacheClientRequest>' (cwd = the workspace)
 * Prints the client's own output, then one line `RESULT <json CacheClientOutcome>`.
 */
import { restoreCache, saveCache } from "@actions/cache";
import { shortenSleeps } from "./shorten-sleeps.ts";

export type CacheClientRequest =
  | { op: "save"; paths: string[]; key: string }
  | { op: "restore"; paths: string[]; key: string; restoreKeys?: string[] };

export type CacheClientOutcome =
  | { ok: true; value: string | number | null }
  | { ok: false; name: string; message: string };

const RESULT_PREFIX = "RESULT ";

async function main(arg: string | undefined): Promise<CacheClientOutcome> {
  const request = JSON.parse(arg ?? "{}") as CacheClientRequest;
  try {
    const value =
      request.op === "save"
        ? await saveCache(request.paths, request.key)
        : await restoreCache(request.paths, request.key, request.restoreKeys);
    return { ok: true, value: value ?? null };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { ok: false, name: e.name, message: e.message };
  }
}

if (import.meta.main) {
  // A test that makes the service fail asks for the clients' retry pauses to be skipped.
  if (process.env.LUCCA_TEST_SHORTEN_SLEEPS === "1") shortenSleeps();
  const outcome = await main(process.argv[2]);
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(outcome)}\n`);
}
