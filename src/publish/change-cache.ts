import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as cache from "@actions/cache";

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

const REPORT_FILE = "report";
const META_FILE = "meta.json";

/** Domain and template are hashed, so no tenant name ends up in a cache key. */
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
 * The report published by the latest earlier run for the same template and period. Cache
 * keys cannot be overwritten, so every save has its own key and the newest prefix match wins.
 * `workDir` must be the same absolute path on every run: the cache version depends on it.
 */
export async function restorePrevious(
  identity: ReportIdentity,
  options: { workDir: string },
): Promise<Restored> {
  const unavailable = await prepare(options.workDir);
  if (unavailable) return unavailable;
  const prefix = cacheKeyPrefix(identity);
  let key: string | undefined;
  // The cache library reports service failures as a warning and answers "no match"; watch for
  // its warning so a broken service is not mistaken for a first run.
  const problems = await watchWorkflowWarnings(async () => {
    key = await cache.restoreCache([options.workDir], `${prefix}none`, [prefix]);
  });
  if (problems.length > 0) return { status: "unavailable", reason: problems[0] as string };
  if (key === undefined) return { status: "miss" };
  try {
    const meta = JSON.parse(await readFile(join(options.workDir, META_FILE), "utf8")) as {
      sha256: string;
    };
    return {
      status: "restored",
      key,
      csvPath: join(options.workDir, REPORT_FILE),
      sha256: meta.sha256,
    };
  } catch (error) {
    return {
      status: "unavailable",
      reason: `the cached report is unreadable: ${(error as Error).message}`,
    };
  }
}

/** Remembers this run's report for the next run of the same template and period. */
export async function savePrevious(
  identity: ReportIdentity,
  file: { csvPath: string; sha256: string },
  options: { workDir: string; runId: string; runAttempt: string },
): Promise<{ status: "saved"; key: string } | { status: "unavailable"; reason: string }> {
  const unavailable = await prepare(options.workDir);
  if (unavailable) return unavailable;
  await copyFile(file.csvPath, join(options.workDir, REPORT_FILE));
  await writeFile(
    join(options.workDir, META_FILE),
    JSON.stringify({ sha256: file.sha256, savedAt: new Date().toISOString() }),
  );
  const key = `${cacheKeyPrefix(identity)}${options.runId}-${options.runAttempt}-${Date.now()}`;
  try {
    const id = await cache.saveCache([options.workDir], key);
    return id === -1
      ? { status: "unavailable", reason: "the Actions cache refused to save the report" }
      : { status: "saved", key };
  } catch (error) {
    return { status: "unavailable", reason: (error as Error).message };
  }
}

/** Empties `workDir`, or says why the cache cannot be used at all. */
async function prepare(
  workDir: string,
): Promise<{ status: "unavailable"; reason: string } | undefined> {
  if (!cache.isFeatureAvailable()) {
    return {
      status: "unavailable",
      reason: "the Actions cache service is not configured for this runner",
    };
  }
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  return undefined;
}

/** Runs `work` and returns the `::warning::`/`::error::` messages written meanwhile (still shown). */
async function watchWorkflowWarnings(work: () => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    const text = typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : "";
    for (const match of text.matchAll(/^::(?:warning|error)[^:]*::(.*)$/gm))
      problems.push(match[1] as string);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof process.stdout.write;
  try {
    await work();
  } catch (error) {
    problems.push((error as Error).message);
  } finally {
    process.stdout.write = write;
  }
  return problems;
}
