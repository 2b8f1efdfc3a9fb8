import { join } from "node:path";
import * as core from "@actions/core";
import { readHistoryText } from "../node/poll-history.ts";
import type { Settings } from "../node/settings.ts";

type Env = Record<string, string | undefined>;

export interface PollHistoryStep {
  /** The history file the job reads and updates. */
  path: string;
  /**
   * Carries the file to the next run when the job changed it (a time learned, or a history
   * forgotten after a timeout), whether the job succeeded or not; a cache problem is only logged.
   */
  save(): Promise<void>;
}

/**
 * The poll history for this run, restored from the Actions cache; undefined (polling does not
 * learn) when the cache is turned off (input `cache`), the runner has no cache service, or the
 * job resumes an existing report.
 */
export async function restorePollHistoryStep(
  settings: Settings,
  env: Env,
  options: { cache: boolean },
): Promise<PollHistoryStep | undefined> {
  const hasCache = Boolean(env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL);
  // A resumed report does not wait on generation: only new reports learn.
  const learns = settings.reports.some((spec) => spec.templateId && !spec.reportId);
  if (!options.cache || !hasCache || !env.RUNNER_TEMP || !learns) return undefined;
  // Loaded only here: @actions/cache costs start-up time that runs without a cache need not pay.
  const { restorePollHistory, savePollHistory } = await import("../publish/poll-history-cache.ts");
  const workDir = join(env.RUNNER_TEMP, "lucca-report-poll-history");
  const restored = await restorePollHistory(workDir);
  if (restored.problem) core.info(`Poll history not restored: ${restored.problem}`);
  const before = await readHistoryText(restored.path);
  return {
    path: restored.path,
    save: async () => {
      if ((await readHistoryText(restored.path)) === before) return;
      const problem = await savePollHistory(workDir, {
        runId: env.GITHUB_RUN_ID ?? "local",
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? "1",
      });
      if (problem) core.info(`Poll history not saved: ${problem}`);
    },
  };
}
