import { mkdir, open, realpath, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { assertReplaceable, partFileName, resolveOutputTarget } from "./output-target.ts";
import type { TraceRecorder } from "./trace-recorder.ts";

/**
 * Where --trace writes, through the same checks as a report's target (no device, symlink,
 * directory or .git), before the first request.
 */
export function resolveTraceTarget(path: string, baseDir: string): Promise<string> {
  return resolveOutputTarget(path, { baseDir, roots: undefined, label: "--trace" });
}

/** Written whether the run worked or not: a failed run is when support needs it. */
export async function saveTrace(
  target: string,
  trace: TraceRecorder,
  say: (line: string) => void,
): Promise<void> {
  try {
    await writeWhole(target, trace.jsonLines());
    say(`Trace of ${trace.records.length} HTTP exchange(s) written to ${target}`);
  } catch (error) {
    say(`Warning: could not write the trace to ${target}: ${(error as Error).message}`);
  }
}

/**
 * As a report is written: a new temporary file beside the target (never an existing file or
 * a link planted meanwhile), renamed over it only once whole and the place is unchanged.
 */
async function writeWhole(target: string, text: string): Promise<void> {
  const directory = dirname(target);
  await mkdir(directory, { recursive: true });
  const temporary = join(directory, partFileName(target, crypto.randomUUID().slice(0, 8)));
  const handle = await open(temporary, "wx", 0o600);
  try {
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
    await assertReplaceable(target);
    if ((await realpath(directory)) !== directory) {
      throw new Error(`${directory} was replaced while the run went on`);
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
