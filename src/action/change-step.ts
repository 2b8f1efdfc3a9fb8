import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import { periodWords } from "../core/period-text.ts";
import type { ReportJobResult } from "../core/report-job.ts";
import { logSafe } from "../core/safe-text.ts";
import type { CsvDiff } from "../publish/csv-diff.ts";
import type { ActionInputs } from "./inputs.ts";
import type { ChangeFacts } from "./step-facts.ts";

type Env = Record<string, string | undefined>;

function workDir(env: Env): string {
  // Must be the same path on every run: the cache version is derived from it.
  return join(env.RUNNER_TEMP || tmpdir(), "lucca-report-cache");
}

function identityOf(result: ReportJobResult, inputs: ActionInputs) {
  return {
    domain: inputs.settings.baseUrl.origin,
    templateId: result.templateId ?? "",
    startsOn: result.startsOn,
    endsOn: result.endsOn,
    format: result.format,
  };
}

/** Compares the report with the one the previous run of the same template and period published. */
export async function detectChange(
  result: ReportJobResult,
  inputs: ActionInputs,
  env: Env,
): Promise<ChangeFacts> {
  const name = `${result.templateId ?? `report ${result.reportId}`}, ${periodWords(result.startsOn, result.endsOn)}`;
  return core.group(logSafe(`Compare with the previous run: ${name}`), async () => {
    const { restorePrevious } = await import("../publish/change-cache.ts");
    const previous = await restorePrevious(identityOf(result, inputs), { workDir: workDir(env) });
    if (previous.status === "unavailable") {
      core.warning(
        `Change detection is off for this run: ${previous.reason}. The report is published anyway.`,
      );
      return { state: "unavailable", reason: previous.reason };
    }
    if (previous.status === "miss") {
      core.info("No earlier run of this template and period is remembered: this is the first.");
      return { state: "first" };
    }
    let diff: CsvDiff | undefined;
    let changed: boolean;
    if (result.format === "csv") {
      const { diffCsvFiles } = await import("../publish/csv-diff.ts");
      try {
        diff = await diffCsvFiles(previous.csvPath, result.path, {
          ignoreLines: inputs.commit.ignoreLines,
        });
      } catch (error) {
        // Comparing is a courtesy: a file problem here must not fail a report that is done.
        const reason = `could not compare with the previous report: ${(error as Error).message}`;
        core.warning(`Change detection is off for this run: ${reason}.`);
        return { state: "unavailable", reason };
      }
      changed = diff.changed;
    } else {
      changed = previous.sha256 !== result.sha256;
    }
    core.info(
      changed
        ? `Changed since the previous run${diff?.comparedRecords ? `: ${diff.added} row(s) added, ${diff.removed} removed` : ""}`
        : "Unchanged since the previous run",
    );
    return { state: changed ? "changed" : "unchanged", diff };
  });
}

/** Remembers this report for the next run; a cache problem is said once and does not fail the run. */
export async function rememberReport(
  result: ReportJobResult,
  inputs: ActionInputs,
  env: Env,
): Promise<void> {
  const { savePrevious } = await import("../publish/change-cache.ts");
  const saved = await savePrevious(
    identityOf(result, inputs),
    { csvPath: result.path, sha256: result.sha256 },
    {
      workDir: workDir(env),
      runId: env.GITHUB_RUN_ID ?? "local",
      runAttempt: env.GITHUB_RUN_ATTEMPT ?? "1",
    },
  );
  if (saved.status === "unavailable")
    core.warning(`Could not remember this report for the next run: ${saved.reason}`);
}
