import { join } from "node:path";
import * as cache from "@actions/cache";
import { heldBackProblems, prepare } from "./change-cache.ts";

/**
 * The poll history file (node/poll-history.ts) carried from run to run in the Actions
 * cache, one entry per repository (the cache is scoped to it and to the branch). Never throws:
 * without the cache, polling simply does not learn.
 */
const PREFIX = "lucca-report-poll-history-v1-";
const FILE = "poll-history.json";

/** Restores the newest history into `workDir`; returns the file's path, present or not. */
export async function restorePollHistory(
  workDir: string,
): Promise<{ path: string; problem: string | undefined }> {
  const path = join(workDir, FILE);
  const unusable = await prepare(workDir);
  if (unusable) return { path, problem: unusable.reason };
  const call = await heldBackProblems(() =>
    cache.restoreCache([workDir], `${PREFIX}latest`, [PREFIX]),
  );
  return { path, problem: call.problem };
}

/** Saves `workDir` (holding the updated file) under a key of its own: keys are immutable. */
export async function savePollHistory(
  workDir: string,
  run: { runId: string; runAttempt: string },
): Promise<string | undefined> {
  const key = `${PREFIX}${run.runId}-${run.runAttempt}-${Date.now()}`;
  const call = await heldBackProblems(() => cache.saveCache([workDir], key));
  if (call.problem !== undefined) return call.problem;
  if (call.value === undefined || call.value === -1) return `the Actions cache did not take ${key}`;
  return undefined;
}
