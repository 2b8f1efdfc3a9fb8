import { createHash } from "node:crypto";
import { copyFile, lstat, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import * as cache from "@actions/cache";
import * as core from "@actions/core";

/** What makes two runs' reports comparable: the same tenant, template, period and format. */
export interface ReportIdentity {
  domain: string;
  templateId: string;
  startsOn: string | null;
  endsOn: string | null;
  format: "csv" | "excel";
}

export type Restored =
  | { status: "restored"; key: string; csvPath: string; sha256: string }
  | { status: "miss" }
  | { status: "unavailable"; reason: string };

export type Saved = { status: "saved"; key: string } | { status: "unavailable"; reason: string };

export interface CacheOptions {
  /**
   * Where the report is kept for the cache: an absolute directory, the same on every run (the
   * cache version is derived from it), e.g. `${RUNNER_TEMP}/lucca-report-cache`. It is
   * emptied first on every call.
   */
  workDir: string;
}

const REPORT_FILE = "report";
const META_FILE = "meta.json";
/** meta.json holds a checksum and a date (about 120 bytes); anything larger is not ours. */
const MAX_META_BYTES = 4096;

/**
 * The start of every cache key for this report, e.g. `lucca-report-v1-0123456789abcdef-`.
 * Domain and template are hashed, so no tenant name ends up in a cache key.
 */
export function cacheKeyPrefix(identity: ReportIdentity): string {
  const digest = createHash("sha256")
    .update(
      JSON.stringify([
        identity.domain,
        identity.templateId,
        identity.startsOn,
        identity.endsOn,
        identity.format,
      ]),
    )
    .digest("hex");
  return `lucca-report-v1-${digest.slice(0, 16)}-`;
}

/**
 * The report the latest earlier run for the same identity saved, restored into `workDir`.
 * Never throws: a cache that cannot be used is `unavailable`, with a one-line reason.
 *
 * "miss" and "unavailable" look alike from outside @actions/cache: restoreCache answers
 * `undefined` both when nothing matches and when the service failed. It says which only by
 * printing a `::warning::` (or `::error::`) workflow command on a failure, so the commands
 * printed during the call are held back and decide it; they are re-printed as debug lines.
 */
export async function restorePrevious(
  identity: ReportIdentity,
  options: CacheOptions,
): Promise<Restored> {
  const unusable = await prepare(options.workDir);
  if (unusable) return unusable;
  const prefix = cacheKeyPrefix(identity);
  // Keys cannot be overwritten, so each save has its own: the prefix finds the newest.
  const call = await heldBackProblems(() =>
    cache.restoreCache([options.workDir], `${prefix}latest`, [prefix]),
  );
  if (call.problem !== undefined) return unavailable(call.problem);
  if (call.value === undefined) return { status: "miss" };
  const key = call.value;
  let sha256: unknown;
  try {
    // A restored entry is data: only regular files (no link, FIFO or device), meta.json small.
    const meta = await lstat(join(options.workDir, META_FILE));
    const report = await lstat(join(options.workDir, REPORT_FILE));
    if (!meta.isFile() || !report.isFile() || meta.size > MAX_META_BYTES) {
      return unavailable(`the cache entry ${key} does not hold a report and its checksum`);
    }
    sha256 = JSON.parse(await readFile(join(options.workDir, META_FILE), "utf8"))?.sha256;
  } catch (error) {
    // The archive holds paths relative to GITHUB_WORKSPACE (or the cwd): if that moved since
    // the save, the files were extracted somewhere else.
    return unavailable(
      `the cache entry ${key} did not restore ${options.workDir} (${messageOf(error)})`,
    );
  }
  if (typeof sha256 !== "string" || !/^[0-9a-f]{64}$/.test(sha256)) {
    return unavailable(`the cache entry ${key} has no report checksum`);
  }
  return { status: "restored", key, csvPath: join(options.workDir, REPORT_FILE), sha256 };
}

/**
 * Remembers this run's report (a copy, kept in `workDir`, and its sha256) for the next run of
 * the same identity, under `<prefix><runId>-<runAttempt>-<ms since epoch>`. Never throws: a
 * cache that cannot be used is `unavailable`, with a one-line reason.
 */
export async function savePrevious(
  identity: ReportIdentity,
  file: { csvPath: string; sha256: string },
  options: CacheOptions & { runId: string; runAttempt: string },
): Promise<Saved> {
  const inside = relative(resolve(options.workDir), resolve(file.csvPath));
  if (inside !== ".." && !inside.startsWith(`..${sep}`) && !isAbsolute(inside)) {
    return unavailable(`the report to remember is inside ${options.workDir}, which is emptied`);
  }
  const unusable = await prepare(options.workDir);
  if (unusable) return unusable;
  try {
    await copyFile(file.csvPath, join(options.workDir, REPORT_FILE));
    await writeFile(
      join(options.workDir, META_FILE),
      JSON.stringify({ sha256: file.sha256, savedAt: new Date().toISOString() }),
    );
  } catch (error) {
    return unavailable(`cannot copy the report into ${options.workDir}: ${messageOf(error)}`);
  }
  const key = `${cacheKeyPrefix(identity)}${options.runId}-${options.runAttempt}-${Date.now()}`;
  const call = await heldBackProblems(() => cache.saveCache([options.workDir], key));
  if (call.problem !== undefined) return unavailable(call.problem);
  // -1 without a warning: the service refused to reserve the key (it says so with core.info).
  // Stryker disable next-line ConditionalExpression: equivalent
  // `call.value === undefined ||` -> false: saveCache returns a number whenever it does not throw,
  // and a throw has returned already.
  if (call.value === undefined || call.value === -1) {
    return unavailable(`the Actions cache did not take the entry ${key}`);
  }
  return { status: "saved", key };
}

/** Empties `workDir`, or says why the cache cannot be used at all. */
export async function prepare(
  workDir: string,
): Promise<{ status: "unavailable"; reason: string } | null> {
  if (!cache.isFeatureAvailable()) {
    return unavailable("the Actions cache service is not configured for this runner");
  }
  if (!isAbsolute(workDir)) {
    return unavailable(`the cache directory must be an absolute path, not ${workDir}`);
  }
  try {
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
  } catch (error) {
    return unavailable(`cannot prepare ${workDir}: ${messageOf(error)}`);
  }
  return null;
}

const WORKFLOW_PROBLEM = /^::(warning|error)(?: [^:]*)?::(.*)$/;

/**
 * Runs `work` while holding back the `::warning::`/`::error::` commands written to stdout
 * (how @actions/cache reports a failure it swallows); they come back as debug lines, and the
 * last one is the problem. A thrown error is a problem too. Anything else printed passes.
 * Other code printing warnings meanwhile would be held back too: call this with nothing else
 * running, as a step does.
 */
export async function heldBackProblems<T>(
  work: () => Promise<T>,
): Promise<{ value: T | undefined; problem: string | undefined }> {
  const held: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    const text = typeof chunk === "string" ? chunk : undefined;
    const match = text === undefined ? null : WORKFLOW_PROBLEM.exec(text.trimEnd());
    if (match && !/[\r\n]/.test(text?.trimEnd() ?? "")) {
      held.push(`${match[1]}: ${unescapeCommand(match[2] as string)}`);
      const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
      if (callback) process.nextTick(callback);
      return true;
    }
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof process.stdout.write;
  let value: T | undefined;
  let thrown: string | undefined;
  try {
    value = await work();
  } catch (error) {
    thrown = messageOf(error);
  } finally {
    process.stdout.write = write;
  }
  for (const line of held) core.debug(`@actions/cache ${line}`);
  const last = held.at(-1);
  return {
    value,
    // Stryker disable next-line Regex: equivalent
    // `/^\w+: /` -> `/\w+: /`: held lines always begin "warning: " or "error: ".
    problem: thrown ?? (last === undefined ? undefined : last.replace(/^\w+: /, "")),
  };
}

/** The message of a workflow command, as @actions/core escaped it, on one line. */
function unescapeCommand(message: string): string {
  return message
    .replace(/%0D%0A|%0A|%0D/g, " ")
    .replace(/%25/g, "%")
    .trim();
}

function unavailable(reason: string): { status: "unavailable"; reason: string } {
  // Stryker disable next-line Regex: equivalent
  // `[\r\n]+` -> `[\r\n]`: the `\s*` on each side takes further breaks.
  return { status: "unavailable", reason: reason.replace(/\s*[\r\n]+\s*/g, " ") };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
