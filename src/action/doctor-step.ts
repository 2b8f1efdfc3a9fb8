import * as core from "@actions/core";
import type { FetchLike } from "../core/http.ts";
import { codeSpan, escapeCell } from "../core/markdown.ts";
import { logSafe } from "../core/safe-text.ts";
import { type DoctorReport, runDoctor } from "../node/doctor-run.ts";
import { doctorJson, doctorText } from "../node/doctor-text.ts";
import type { ActionInputs } from "./inputs.ts";
import { printTrace } from "./trace-group.ts";

const MARK = { ok: "✅", failed: "❌", "not reached": "➖", info: "ℹ️" } as const;

/** `mode: doctor`: the checklist in the log and the job summary; fails the step when the flow does. */
export async function doctorStep(
  inputs: ActionInputs,
  fetch: FetchLike,
  signal: AbortSignal,
): Promise<void> {
  // The checklist inside the step's log group, in the action's words.
  const report = await core.group("Check what the Lucca tenant does (mode: doctor)", async () => {
    const checked = await runDoctor(inputs.settings, {
      fetch,
      signal,
      timezone: core.getInput("timezone") || undefined,
    });
    for (const line of doctorText(checked, "action").split("\n"))
      if (line) core.info(logSafe(line));
    return checked;
  });
  if (inputs.trace) printTrace(report.trace);
  if (inputs.summary && process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderDoctorSummary(report)).write();
  }
  if (!report.ok) {
    const failed = report.steps.find((step) => step.name === "Result");
    core.error(logSafe(failed?.detail ?? "the flow failed"), {
      title: "Lucca tenant check failed",
    });
    process.exitCode = 1;
  }
}

export function renderDoctorSummary(report: DoctorReport): string {
  const lines = [
    `## ${report.ok ? "✅" : "❌"} Lucca tenant check on ${escapeCell(report.checkedOn)}`,
    "",
    `A report for ${escapeCell(report.day)}, made and downloaded once.`,
    "",
    "| State | Step | What the tenant did |",
    "| --- | --- | --- |",
  ];
  for (const step of report.steps) {
    lines.push(`| ${MARK[step.state]} | ${escapeCell(step.name)} | ${escapeCell(step.detail)} |`);
  }
  const file = report.profile.file;
  if (file && file.header.length > 0) {
    lines.push("", `Header line: ${codeSpan(file.header.join(file.delimiter ?? ","))}`);
  }
  lines.push(
    "",
    "<details>",
    "<summary>Profile to paste into an issue (no key, no ids of people, no CSV data)</summary>",
    "",
    ...jsonBlock(doctorJson(report)),
    "",
    "</details>",
    "",
  );
  return lines.join("\n");
}

/** A pretty-printed JSON code block, its fence longer than any run of backticks inside. */
function jsonBlock(value: unknown): string[] {
  const text = JSON.stringify(value, null, 2);
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [`${fence}json`, text, fence];
}
