import { logSafeLines } from "../core/safe-text.ts";
import { runDoctor } from "../node/doctor-run.ts";
import { doctorJson, doctorText } from "../node/doctor-text.ts";
import { CLI_LABELS, parseSettings } from "../node/settings.ts";
import { resolveTraceTarget, saveTrace } from "../node/trace-file.ts";
import type { CliArgs } from "./args.ts";
import type { CliIo } from "./io.ts";

/** `lucca-report doctor`: the checklist on stdout (or --json), the usual exit codes. */
export async function doctorCommand(args: CliArgs, io: CliIo): Promise<number> {
  const settings = parseSettings(args.raw, CLI_LABELS, new Date(io.now?.() ?? Date.now()));
  const traceTarget =
    args.traceFile === undefined ? undefined : await resolveTraceTarget(args.traceFile, io.cwd);
  if (!args.quiet) io.stderr(`Running the whole flow once on a one-day period…\n`);
  const report = await runDoctor(settings, {
    fetch: io.fetch,
    signal: io.signal,
    timezone: args.raw.timezone,
    now: io.now,
  });
  if (traceTarget !== undefined) {
    await saveTrace(traceTarget, report.trace, (line) => {
      if (!args.quiet) io.stderr(`${logSafeLines(line)}\n`);
    });
  }
  io.stdout(args.json ? `${JSON.stringify(doctorJson(report))}\n` : doctorText(report));
  return report.exitCode;
}
