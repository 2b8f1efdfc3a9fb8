import { dirname } from "node:path";
import { InvalidInputError, LuccaReportError } from "../core/errors.ts";
import type { FetchLike } from "../core/http.ts";
import type { ReportJobResult } from "../core/report-job.ts";
import { logSafe, logSafeLines } from "../core/safe-text.ts";
import { nodeFileSink } from "../node/node-file-sink.ts";
import { resolveOutputTarget } from "../node/output-target.ts";
import { cliHistoryPath } from "../node/poll-history.ts";
import { encodingText, periodText, progressLines, rangeSentText } from "../node/progress-lines.ts";
import { proxyProblems } from "../node/proxy-env.ts";
import { runJobFromSettings } from "../node/run-job.ts";
import { CLI_LABELS, parseSettings } from "../node/settings.ts";
import { recordTrace, type TraceRecorder } from "../node/trace-recorder.ts";
import { VERSION } from "../version.ts";
import { type CliArgs, parseCliArgs } from "./args.ts";
import { doctorCommand } from "./doctor.ts";
import { helpFor } from "./help.ts";
import { reportMany } from "./report-many.ts";
import { createTemplateFromFile } from "./template-create.ts";

export interface CliIo {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  fetch: FetchLike;
  /** Aborted on SIGINT/SIGTERM, with an AbortedError as reason. */
  signal: AbortSignal;
  readTextFile: (path: string) => Promise<string>;
  now?: () => number;
}

/** The whole command line: returns the exit code, never throws. */
export async function runCli(io: CliIo): Promise<number> {
  let args: CliArgs | undefined;
  try {
    args = parseCliArgs(io.argv, io.env);
    if (args.command === "help") {
      io.stdout(helpFor(args.helpTopic));
      return 0;
    }
    if (args.command === "version") {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    // Every command below sends requests: a proxy variable they could not use is bad input.
    const proxy = proxyProblems(io.env);
    if (proxy.length > 0) throw new InvalidInputError(proxy);
    if (args.apiKeyFile !== undefined) args.raw.apiKey = await readKeyFile(io, args.apiKeyFile);
    if (args.command === "template-create") {
      const id = await createTemplateFromFile(args, io);
      io.stdout(args.json ? `${JSON.stringify({ templateId: id })}\n` : `${logSafe(id)}\n`);
      return 0;
    }
    if (args.command === "doctor") return await doctorCommand(args, io);
    return await report(args, io);
  } catch (error) {
    return fail(error, io, args?.quiet ?? false);
  }
}

async function report(args: CliArgs, io: CliIo): Promise<number> {
  const settings = parseSettings(args.raw, CLI_LABELS, new Date(io.now?.() ?? Date.now()));
  const say = (line: string) => {
    if (!args.quiet) io.stderr(`${logSafeLines(line)}\n`);
  };
  for (const warning of settings.warnings) say(`Warning: ${warning}`);
  if (settings.reports.length > 1) return reportMany(settings, args, io);
  const lines = progressLines({ verbose: args.verbose });
  const traceTarget =
    args.traceFile === undefined ? undefined : await resolveTraceTarget(io, args.traceFile);
  const trace = traceTarget === undefined ? undefined : recordTrace(io.fetch, settings.apiKey);
  let result: ReportJobResult;
  try {
    result = await runJobFromSettings(settings, {
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
      onEvent: (event) => {
        const line = lines(event);
        if (line !== undefined) say(line);
      },
    });
  } finally {
    if (trace && traceTarget !== undefined) await saveTrace(traceTarget, trace, say);
  }
  if (args.json) {
    io.stdout(`${JSON.stringify(jsonResult(result))}\n`);
  } else if (!args.quiet) {
    io.stdout(summary(result));
  }
  return 0;
}

function jsonResult(result: ReportJobResult) {
  const { stats: _stats, ...rest } = result;
  return {
    reportId: rest.reportId,
    templateId: rest.templateId ?? null,
    startsOn: rest.startsOn,
    endsOn: rest.endsOn,
    rangeSent: rest.rangeSent,
    status: rest.status,
    format: rest.format,
    path: rest.path,
    bytes: rest.bytes,
    rows: rest.rows,
    columns: rest.columns,
    sha256: rest.sha256,
    encoding: rest.format === "csv" ? result.stats.encoding : null,
    bom: rest.format === "csv" ? result.stats.bom : null,
    attempts: rest.attempts,
    polls: rest.polls,
    durationMs: rest.durationMs,
    expectedGenerationMs: rest.polling.expectedMs,
    statusChecksSaved: rest.polling.requestsSaved,
  };
}

function summary(result: ReportJobResult): string {
  const shape = result.rows === null ? "" : `${result.rows} rows × ${result.columns} columns, `;
  return [
    `Report ${logSafe(result.reportId)} (template ${logSafe(result.templateId ?? "?")}, ${periodText(result.startsOn, result.endsOn)})`,
    ...(result.rangeSent.startsOn === null && result.rangeSent.endsOn === null
      ? []
      : [`  sent:    ${rangeSentText(result.rangeSent)}`]),
    `  file:    ${logSafe(result.path)}`,
    `  content: ${shape}${result.bytes} bytes${result.rows === null ? "" : `, ${encodingText(result.stats)}`}`,
    `  sha256:  ${result.sha256}`,
    `  took:    ${(result.durationMs / 1000).toFixed(1)} s, ${result.polls} status check(s), ${result.attempts} attempt(s)`,
    ...(result.polling.expectedMs === null
      ? []
      : [
          `  polling: expected after ${(result.polling.expectedMs / 1000).toFixed(1)} s (this template's last runs), ${result.polling.requestsSaved} status check(s) saved`,
        ]),
    "",
  ].join("\n");
}

/**
 * Where --trace writes, through the same checks as a report's target (no device, symlink,
 * directory or .git), before the first request.
 */
export function resolveTraceTarget(io: CliIo, path: string): Promise<string> {
  return resolveOutputTarget(path, { baseDir: io.cwd, roots: undefined, label: "--trace" });
}

/**
 * Written whether the run worked or not: a failed run is when support needs it. Through
 * the same sink as reports: an exclusive temporary file beside the target, renamed into
 * place once the target is checked again (the run may have lasted long enough for a link,
 * a pipe or a directory to take its place).
 */
export async function saveTrace(
  target: string,
  trace: TraceRecorder,
  say: (line: string) => void,
): Promise<void> {
  try {
    const sink = nodeFileSink(
      { baseDir: dirname(target), roots: undefined, label: "--trace" },
      { mode: 0o600 },
    );
    const file = await sink.create(target);
    const writer = file.writable.getWriter();
    try {
      await writer.write(new TextEncoder().encode(trace.jsonLines()));
      await writer.close();
      await file.commit();
    } catch (error) {
      await file.discard();
      throw error;
    }
    say(`Trace of ${trace.records.length} HTTP exchange(s) written to ${target}`);
  } catch (error) {
    say(`Warning: could not write the trace to ${target}: ${(error as Error).message}`);
  }
}

async function readKeyFile(io: CliIo, path: string): Promise<string> {
  let key: string;
  try {
    key = (await io.readTextFile(path)).trim();
  } catch (error) {
    throw new InvalidInputError(
      `--api-key-file: cannot read "${path}": ${(error as Error).message}`,
    );
  }
  // Else the message would be about LUCCA_API_KEY, which the user did not use.
  if (key === "") throw new InvalidInputError(`--api-key-file: "${path}" is empty`);
  return key;
}

function fail(error: unknown, io: CliIo, quiet: boolean): number {
  if (error instanceof InvalidInputError) {
    io.stderr(
      `Invalid input:\n${error.issues.map((issue) => `  - ${logSafe(issue)}`).join("\n")}\n`,
    );
    return error.exitCode;
  }
  if (error instanceof LuccaReportError) {
    // Quiet still shows errors: they are what the user needs to act on.
    void quiet;
    io.stderr(`Error: ${logSafeLines(error.message)}\n`);
    return error.exitCode;
  }
  io.stderr(
    `Unexpected error: ${logSafeLines(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
  );
  return 1;
}
