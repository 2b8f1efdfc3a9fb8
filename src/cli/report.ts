import { AbortedError, LuccaReportError } from "../core/errors.ts";
import type { ReportOutcome } from "../core/run-reports.ts";
import { logSafeLines } from "../core/safe-text.ts";
import { cliHistoryPath } from "../node/poll-history.ts";
import { reportProgress } from "../node/progress-lines.ts";
import { runReportsFromSettings } from "../node/run-reports.ts";
import { CLI_LABELS, parseSettings } from "../node/settings.ts";
import { resolveTraceTarget, saveTrace } from "../node/trace-file.ts";
import { recordTrace } from "../node/trace-recorder.ts";
import type { CliArgs } from "./args.ts";
import type { CliIo } from "./io.ts";
import { reportJson } from "./report-json.ts";
import { failureLines, reportText } from "./report-text.ts";

/**
 * `lucca-report`: one report or many, the same way. Progress on stderr; once every report
 * ended, one JSON object per report (--json, JSON Lines) or the summary on stdout, one
 * `Error:` line per failed report on stderr; the exit code of the worst failure.
 */
export async function reportCommand(args: CliArgs, io: CliIo): Promise<number> {
  const settings = parseSettings(args.raw, CLI_LABELS, new Date(io.now?.() ?? Date.now()));
  const say = (line: string) => {
    if (!args.quiet) io.stderr(`${logSafeLines(line)}\n`);
  };
  for (const warning of settings.warnings) say(`Warning: ${warning}`);
  const traceTarget =
    args.traceFile === undefined ? undefined : await resolveTraceTarget(args.traceFile, io.cwd);
  const trace = traceTarget === undefined ? undefined : recordTrace(io.fetch, settings.apiKey);
  const progress = reportProgress(settings.reports, { verbose: args.verbose });
  let outcomes: ReportOutcome[];
  try {
    outcomes = await runReportsFromSettings(settings, {
      fetch: trace?.fetch ?? io.fetch,
      // A path the user typed may go anywhere they can write; a default name stays in cwd.
      output: {
        baseDir: io.cwd,
        roots: settings.outputPath === undefined ? [io.cwd] : undefined,
        label: settings.outputPath === undefined ? "the default output path" : "--output",
      },
      signal: io.signal,
      now: io.now,
      pollHistoryPath: cliHistoryPath(io.env),
      onBudgetWait: say,
      onEvent: (spec, event) => {
        const line = progress(spec, event);
        if (line !== undefined) say(line);
      },
    });
  } finally {
    if (trace && traceTarget !== undefined) await saveTrace(traceTarget, trace, say);
  }
  const skipped = io.signal.aborted ? "cancelled" : "fail-fast";
  if (args.json) {
    io.stdout(
      outcomes.map((outcome) => `${JSON.stringify(reportJson(outcome, skipped))}\n`).join(""),
    );
  } else if (!args.quiet) {
    io.stdout(reportText(outcomes, skipped));
  }
  // Quiet still shows errors: they are what the user needs to act on.
  for (const line of failureLines(outcomes)) io.stderr(`${logSafeLines(line)}\n`);
  // Interrupted between two reports, none failed: the interruption is still the answer.
  const cut = io.signal.aborted && outcomes.some((outcome) => outcome.status !== "done");
  return cut ? codeOf(io.signal.reason) : exitCodeOf(outcomes);
}

/** 0 when all succeeded; a cancellation's code first, then the highest failure code. */
export function exitCodeOf(outcomes: readonly ReportOutcome[]): number {
  let worst = 0;
  for (const outcome of outcomes) {
    if (outcome.status !== "failed") continue;
    const { error } = outcome;
    if (error instanceof AbortedError) return error.exitCode;
    worst = Math.max(worst, codeOf(error));
  }
  return worst;
}

function codeOf(error: unknown): number {
  return error instanceof LuccaReportError ? error.exitCode : 1;
}
