import { logSafe } from "../core/safe-text.ts";
import type { DoctorReport } from "./doctor-run.ts";

const MARK = { ok: "✔", failed: "✘", "not reached": "·", info: "i" } as const;

/** What `doctor --json` prints and the action's summary holds: no key, no people, no CSV data. */
export function doctorJson(report: DoctorReport) {
  return {
    ok: report.ok,
    exitCode: report.exitCode,
    day: report.day,
    checkedOn: report.checkedOn,
    environment: report.environment,
    steps: report.steps,
    profile: report.profile,
  };
}

/** Where the profile to paste into an issue is, in each front end's words. */
export const PROFILE_WHERE = {
  cli: "Paste the output of `lucca-report doctor --json` into an issue to tell us what your tenant does;",
  action:
    'Paste the profile from this job\'s summary ("Profile to paste into an issue") into an issue to tell us what your tenant does;',
} as const;

/** The checklist as text, for the CLI's stdout and the action's log. */
export function doctorText(
  report: DoctorReport,
  where: keyof typeof PROFILE_WHERE = "cli",
): string {
  const lines = [
    `Lucca tenant check on ${report.checkedOn} (a report for ${report.day}): ${report.ok ? "the flow works" : "the flow failed"}`,
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
    PROFILE_WHERE[where],
    "it holds no key, no ids of people and no CSV content beyond the header line.",
    "",
  );
  return lines.join("\n");
}
