import { AbortedError, LuccaReportError } from "../core/errors.ts";
import type { ReportOutcome } from "../core/run-many.ts";
import { logSafeLines } from "../core/safe-text.ts";
import { cliHistoryPath } from "../node/poll-history.ts";
import { periodText, progressLines } from "../node/progress-lines.ts";
import { runManyFromSettings } from "../node/run-many-job.ts";
import type { Settings } from "../node/settings.ts";
import type { CliArgs } from "./args.ts";
import type { CliIo } from "./run.ts";

/**
 * Several reports: progress lines prefixed with template and period; with --json one JSON
 * object per report (JSON Lines), in the order the reports were asked for, once all ended;
 * the exit code of the worst failure.
 */
export async function reportMany(settings: Settings, args: CliArgs, io: CliIo): Promise<number> {
  const say = (line: string) => {
    if (!args.quiet) io.stderr(`${logSafeLines(line)}\n`);
  };
  const lines = new Map<string, ReturnType<typeof progressLines>>();
  const outcomes = await runManyFromSettings(settings, {
    fetch: io.fetch,
    // A path the user typed may go anywhere they can write; a default name stays in cwd.
    output: {
      baseDir: io.cwd,
      roots: settings.outputPath === undefined ? [io.cwd] : undefined,
      label: settings.outputPath === undefined ? "the default output path" : "--output",
    },
    signal: io.signal,
    now: io.now,
    pollHistoryPath: cliHistoryPath(io.env),
    onEvent: (spec, event) => {
      const prefix = `[${spec.templateId} ${periodText(spec.period.startsOn, spec.period.endsOn)}]`;
      const format = lines.get(prefix) ?? progressLines({ verbose: args.verbose });
      lines.set(prefix, format);
      const line = format(event);
      if (line !== undefined) say(`${prefix} ${line}`);
    },
  });
  for (const outcome of outcomes) {
    if (args.json) io.stdout(`${JSON.stringify(jsonOutcome(outcome))}\n`);
    else if (!args.quiet || outcome.status !== "done") {
      io.stdout(`${logSafeLines(textOutcome(outcome))}\n`);
    }
  }
  return exitCodeOf(outcomes);
}

/** 0 when all succeeded; a cancellation's code first, then the highest failure code. */
export function exitCodeOf(outcomes: readonly ReportOutcome[]): number {
  let worst = 0;
  for (const outcome of outcomes) {
    if (outcome.status !== "failed") continue;
    const { error } = outcome;
    if (error instanceof AbortedError) return error.exitCode;
    worst = Math.max(worst, error instanceof LuccaReportError ? error.exitCode : 1);
  }
  return worst;
}

function jsonOutcome(outcome: ReportOutcome) {
  const base = {
    templateId: outcome.spec.templateId,
    startsOn: outcome.spec.period.startsOn,
    endsOn: outcome.spec.period.endsOn,
    status: outcome.status,
  };
  if (outcome.status === "done") {
    const { stats: _stats, ...result } = outcome.result;
    return { ...base, ...result, status: "done", error: null };
  }
  if (outcome.status === "skipped")
    return { ...base, reportId: null, error: "not started (fail-fast)" };
  return { ...base, reportId: outcome.reportId ?? null, error: messageOf(outcome.error) };
}

function textOutcome(outcome: ReportOutcome): string {
  const what = `template ${outcome.spec.templateId}, ${periodText(outcome.spec.period.startsOn, outcome.spec.period.endsOn)}`;
  if (outcome.status === "done") {
    const r = outcome.result;
    return `done    ${what}: report ${r.reportId} -> ${r.path} (${r.rows ?? "?"} rows, ${r.bytes} bytes)`;
  }
  if (outcome.status === "skipped") return `skipped ${what}: not started (fail-fast)`;
  const resume = outcome.reportId ? `; resume with --report-id ${outcome.reportId}` : "";
  return `failed  ${what}: ${messageOf(outcome.error)}${resume}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
