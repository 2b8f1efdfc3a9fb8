import { logSafe, logSafeLines } from "../core/safe-text.ts";
import type { DoctorReport } from "../node/doctor-run.ts";
import { runDoctor } from "../node/doctor-run.ts";
import { CLI_LABELS, parseSettings } from "../node/settings.ts";
import type { CliArgs } from "./args.ts";
import { type CliIo, resolveTraceTarget, saveTrace } from "./run.ts";

const MARK = { ok: "✔", failed: "✘", "not reached": "·", info: "i" } as const;

/** `lucca-report doctor`: the checklist on stdout (or --json), the usual exit codes. */
export async function doctorCommand(args: CliArgs, io: CliIo): Promise<number> {
  const settings = parseSettings(args.raw, CLI_LABELS, new Date(io.now?.() ?? Date.now()));
  const traceTarget =
    args.traceFile === undefined ? undefined : await resolveTraceTarget(io, args.traceFile);
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

/** What --json prints and the action's summary holds: no key, no people, no CSV data. */
export function doctorJson(report: DoctorReport) {
  return {
    ok: report.ok,
    exitCode: report.exitCode,
    day: report.day,
    steps: report.steps,
    profile: report.profile,
  };
}

export function doctorText(report: DoctorReport): string {
  const lines = [
    `Lucca tenant check on ${report.day}: ${report.ok ? "the flow works" : "the flow failed"}`,
  ];
  const file = report.profile.file;
  for (const step of report.steps) {
    lines.push(`  ${MARK[step.state]} ${step.name}: ${logSafe(step.detail)}`);
    if (step.name === "File" && file && file.header.length > 0) {
      lines.push(`    header: ${logSafe(file.header.join(file.delimiter ?? ","))}`);
    }
  }
  lines.push(
    "",
    "Paste the output of `lucca-report doctor --json` into an issue to tell us what your tenant does;",
    "it holds no key, no ids of people and no CSV content beyond the header line.",
    "",
  );
  return lines.join("\n");
}
