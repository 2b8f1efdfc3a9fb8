import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { doctorChecklist } from "../core/doctor-checklist.ts";
import { buildDoctorProfile, type DoctorProfile, type DoctorStep } from "../core/doctor-profile.ts";
import { LuccaReportError } from "../core/errors.ts";
import type { FetchLike } from "../core/http.ts";
import type { JobEvent } from "../core/job-events.ts";
import { resolvePeriod } from "../core/period.ts";
import type { ReportJobResult } from "../core/report-job.ts";
import { VERSION } from "../version.ts";
import { runReportsFromSettings } from "./run-reports.ts";
import type { Settings } from "./settings.ts";
import { recordTrace, type TraceRecorder } from "./trace-recorder.ts";

export interface DoctorReport {
  ok: boolean;
  /** What the CLI exits with: 0, or the failure's usual code. */
  exitCode: number;
  /** The one day the report was made for. */
  day: string;
  /** The day the check ran (UTC). */
  checkedOn: string;
  /** What ran the check, for a bug report: the tool's version, the runtime, the OS. */
  environment: { version: string; runtime: string; os: string };
  steps: DoctorStep[];
  profile: DoctorProfile;
  /** Every exchange of the run, for --trace; not part of the profile. */
  trace: TraceRecorder;
}

/**
 * Runs the whole flow once, on yesterday in the configured time zone, into a temporary
 * directory that is removed afterwards, and reports what the tenant did. Never throws for
 * what Lucca does: a failure is part of the report.
 */
export async function runDoctor(
  settings: Settings,
  env: {
    fetch: FetchLike;
    signal: AbortSignal;
    timezone: string | undefined;
    now?: () => number;
    onEvent?: (event: JobEvent) => void;
  },
): Promise<DoctorReport> {
  const period = resolvePeriod({
    period: "previous-day",
    timezone: env.timezone,
    now: new Date(env.now?.() ?? Date.now()),
  });
  const trace = recordTrace(env.fetch, settings.apiKey, env.now);
  const events: JobEvent[] = [];
  const dir = await mkdtemp(join(tmpdir(), "lucca-doctor-"));
  let result: ReportJobResult | undefined;
  let failure: { exitCode: number; message: string } | undefined;
  try {
    // One report, through the same path as every run: its template (the first asked for),
    // yesterday, a default name in the temporary directory.
    const [outcome] = await runReportsFromSettings(
      {
        ...settings,
        reports: [{ templateId: settings.reports[0]?.templateId, period }],
        outputPath: undefined,
      },
      {
        fetch: trace.fetch,
        output: { baseDir: dir, roots: [dir], label: "the doctor's temporary directory" },
        signal: env.signal,
        now: env.now,
        previewRows: 10,
        onEvent: (_spec, event) => {
          events.push(event);
          env.onEvent?.(event);
        },
      },
    );
    if (outcome?.status === "done") result = outcome.result;
    // Skipped: cancelled before it started.
    else throw outcome?.status === "failed" ? outcome.error : env.signal.reason;
  } catch (error) {
    // Cancellation is not a finding: the caller handles it as for any command.
    if (env.signal.aborted) throw env.signal.reason;
    failure = failureOf(error);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const profile = buildDoctorProfile({ records: trace.records, events, result, failure });
  return {
    ok: failure === undefined,
    exitCode: failure?.exitCode ?? 0,
    day: period.startsOn ?? "",
    checkedOn: new Date(env.now?.() ?? Date.now()).toISOString().slice(0, 10),
    environment: runtimeFacts(),
    steps: doctorChecklist(profile, failure),
    profile,
    trace,
  };
}

function failureOf(error: unknown): { exitCode: number; message: string } {
  return error instanceof LuccaReportError
    ? { exitCode: error.exitCode, message: error.message }
    : { exitCode: 1, message: error instanceof Error ? error.message : String(error) };
}

/** The tool's version, the runtime (Node or Deno) and the OS: facts, no names or paths. */
function runtimeFacts(): DoctorReport["environment"] {
  const deno = (globalThis as { Deno?: { version?: { deno?: string } } }).Deno;
  const runtime = deno?.version?.deno
    ? `deno ${deno.version.deno}`
    : `node ${process.versions.node}`;
  return { version: VERSION, runtime, os: `${process.platform} ${process.arch}` };
}
