import { createHash } from "node:crypto";
import { lstat, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join } from "node:path";
import { HISTORY_LENGTH, usableHistory } from "../core/learned-poll.ts";

/**
 * Each template's last generation times, in a small JSON file: `{"version":1,"templates":
 * {"<key>":[ms, ...]}}`. Optional everywhere: a missing, unreadable or corrupt file reads as
 * no history, and a failed write loses only the learning.
 */
const VERSION = 1;
/** Templates remembered; the least recently run ones go first. */
const MAX_TEMPLATES = 200;
/**
 * A full file is about 30 KiB (200 keys of 24 characters, ten times of up to 8 digits each):
 * anything much larger was not written by this tool (a restored cache entry is data too),
 * and is not read.
 */
export const MAX_HISTORY_FILE_BYTES = 64 * 1024;

/**
 * Where the CLI keeps it: `$XDG_CACHE_HOME/lucca-report/` or `$HOME/.cache/lucca-report/`;
 * undefined (no learning) when neither is an absolute path.
 */
export function cliHistoryPath(env: Record<string, string | undefined>): string | undefined {
  const base = isAbsolute(env.XDG_CACHE_HOME ?? "")
    ? (env.XDG_CACHE_HOME as string)
    : isAbsolute(env.HOME ?? "")
      ? join(env.HOME as string, ".cache")
      : undefined;
  return base === undefined ? undefined : join(base, "lucca-report", "poll-history.json");
}

/** The entry of one template on one tenant; hashed, so the file names no tenant. */
export function historyKey(domain: string, templateId: string): string {
  return createHash("sha256").update(`${domain}\n${templateId}`).digest("hex").slice(0, 24);
}

type Templates = Record<string, number[]>;

/**
 * The file's text, or undefined when there is no usable file: only a small regular file
 * counts (a FIFO would block the read, a link may point anywhere).
 */
export async function readHistoryText(path: string): Promise<string | undefined> {
  try {
    const found = await lstat(path);
    if (!found.isFile() || found.size > MAX_HISTORY_FILE_BYTES) return undefined;
    const text = await readFile(path, "utf8");
    return text.length > MAX_HISTORY_FILE_BYTES ? undefined : text;
  } catch {
    return undefined;
  }
}

async function readTemplates(path: string): Promise<Templates> {
  try {
    const text = await readHistoryText(path);
    if (text === undefined) return {};
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null) return {};
    const { version, templates } = parsed as { version?: unknown; templates?: unknown };
    if (version !== VERSION || typeof templates !== "object" || templates === null) return {};
    const out: Templates = {};
    for (const [key, times] of Object.entries(templates)) {
      if (/^[0-9a-f]{24}$/.test(key) && Array.isArray(times)) {
        const usable = usableHistory(times);
        if (usable.length > 0) out[key] = usable;
      }
    }
    return out;
  } catch {
    return {};
  }
}

/** The remembered times of one template, oldest first; [] when there are none. */
export async function readHistory(path: string, key: string): Promise<number[]> {
  return (await readTemplates(path))[key] ?? [];
}

/**
 * Adds a generation time to a template's history (written to a temporary file, then renamed,
 * so a reader never sees half a file). Returns the error instead of throwing it.
 */
export function rememberGeneration(
  path: string,
  key: string,
  generationMs: number,
): Promise<Error | undefined> {
  return update(path, (templates) => {
    const times = [...(templates[key] ?? []), Math.round(generationMs)].slice(-HISTORY_LENGTH);
    delete templates[key];
    templates[key] = usableHistory(times);
  });
}

/**
 * Drops a template's history: a run that waited as it said and timed out must not make the
 * next run wait the same way (a run that times out has no new time to correct it with).
 * Returns the error instead of throwing it.
 */
export function forgetTemplate(path: string, key: string): Promise<Error | undefined> {
  return update(path, (templates) => {
    delete templates[key];
  });
}

/** One read-modify-write of the file; several at once on one file run one after the other. */
function update(path: string, change: (templates: Templates) => void): Promise<Error | undefined> {
  // Several reports of one step finish at once: one read-modify-write at a time per file,
  // or the last writer would drop the others' times.
  const previous = writing.get(path) ?? Promise.resolve(undefined);
  const next = previous.then(() => write(path, change));
  writing.set(path, next);
  void next.finally(() => {
    if (writing.get(path) === next) writing.delete(path);
  });
  return next;
}

const writing = new Map<string, Promise<Error | undefined>>();

async function write(
  path: string,
  change: (templates: Templates) => void,
): Promise<Error | undefined> {
  const templates = await readTemplates(path);
  change(templates);
  const keys = Object.keys(templates);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_TEMPLATES))) delete templates[old];
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, `${JSON.stringify({ version: VERSION, templates })}\n`);
    await rename(temporary, path);
    return undefined;
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    return error instanceof Error ? error : new Error(String(error));
  }
}
