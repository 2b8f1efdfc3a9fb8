import { constants } from "node:fs";
import { lstat, open, realpath, rm, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { InvalidInputError } from "../core/errors.ts";

/** Where a report may be written; the one door every output path goes through. */
export interface TargetPolicy {
  /** Relative paths are resolved from here (the workspace, or the CLI's working directory). */
  baseDir: string;
  /**
   * Directories the real path must stay inside (symlinks resolved). Undefined: anywhere the
   * user asked, which only the CLI allows, for a path the user typed.
   */
  roots: readonly string[] | undefined;
  /** How the setting is named to the user ("output-path", "--output"). */
  label: string;
}

/**
 * Resolves where a report will really be written and refuses any place it must not go:
 * a device, FIFO, socket, directory or symbolic link at the target; a real path outside the
 * allowed roots; anything inside a `.git` directory; a directory that cannot be written.
 * Called before the first request, and again by the sink once a default name is known.
 * Returns the real absolute path of the target (its parent's symlinks resolved).
 */
export async function resolveOutputTarget(path: string, policy: TargetPolicy): Promise<string> {
  const refuse = (why: string) => new InvalidInputError(`${policy.label}: "${path}" ${why}`);
  if (path.trim() === "" || /[\0\r\n]/.test(path)) throw refuse("is not a usable file name");
  const absolute = resolve(policy.baseDir, path);
  const name = basename(absolute);
  if (name === "" || name === "." || name === ".." || /[/\\]$/.test(path)) {
    throw refuse("names a directory; give a file path such as reports/timesheet.csv");
  }
  const directory = await resolveDirectory(dirname(absolute), policy, refuse);
  const target = join(directory.real, name);
  if (insideGitDir(name)) throw refuse("is inside a .git directory");
  const existing = await lstat(target).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) throw refuse(`is ${kindOf(existing)}`);
  await probeWritable(directory.deepestExisting, refuse);
  return target;
}

/**
 * The same checks for a directory that files will be written into, when their names are not
 * known yet (a default name built from the report); returns its real path.
 */
export async function resolveOutputDirectory(dir: string, policy: TargetPolicy): Promise<string> {
  const refuse = (why: string) => new InvalidInputError(`${policy.label}: "${dir}" ${why}`);
  const directory = await resolveDirectory(resolve(policy.baseDir, dir), policy, refuse);
  await probeWritable(directory.deepestExisting, refuse);
  return directory.real;
}

async function resolveDirectory(
  absolute: string,
  policy: TargetPolicy,
  refuse: (why: string) => Error,
): Promise<{ real: string; deepestExisting: string }> {
  if (insideGitDir(absolute)) throw refuse("is inside a .git directory");
  const directory = await realParent(absolute, refuse);
  const real = directory.real;
  if (insideGitDir(real)) throw refuse(`resolves to ${real}, inside a .git directory`);
  if (policy.roots !== undefined) {
    const roots = await Promise.all(policy.roots.map((root) => realpath(root).catch(() => root)));
    if (!roots.some((root) => root === real || isInside(root, real))) {
      throw refuse(
        real === absolute
          ? `is outside ${roots.join(" and ")}`
          : `resolves to ${real}, outside ${roots.join(" and ")} (through a symbolic link)`,
      );
    }
  }
  return directory;
}

/** The stale temporary files of this tool beside `target` look like this. */
export function partFileName(target: string, token: string): string {
  return `.${basename(target)}.${token}.part`;
}

/** Rechecks, just before a rename, that the target is still absent or a regular file. */
export async function assertReplaceable(target: string): Promise<void> {
  const existing = await lstat(target).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) {
    throw new InvalidInputError(
      `${target} became ${kindOf(existing)} while the report was downloading; it was left untouched`,
    );
  }
}

function insideGitDir(path: string): boolean {
  return path.split(/[/\\]/).some((part) => part.toLowerCase() === ".git");
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}

/**
 * The real path of a directory that may not exist yet: the deepest existing ancestor with
 * its symlinks resolved, plus the part mkdir will create.
 */
async function realParent(
  dir: string,
  refuse: (why: string) => Error,
): Promise<{ real: string; deepestExisting: string }> {
  const missing: string[] = [];
  let current = dir;
  for (;;) {
    const info = await stat(current).catch(() => undefined);
    if (info !== undefined) {
      if (!info.isDirectory()) {
        throw refuse(`cannot be written: ${current} is not a directory`);
      }
      const real = await realpath(current);
      return { real: join(real, ...missing.reverse()), deepestExisting: real };
    }
    const up = dirname(current);
    if (up === current) throw refuse(`cannot be written: ${dir} does not exist`);
    missing.push(basename(current));
    current = up;
  }
}

/** Creating a file is the only test that tells the truth (root, ACLs, read-only mounts). */
async function probeWritable(dir: string, refuse: (why: string) => Error): Promise<void> {
  const probe = join(dir, `.lucca-report.${crypto.randomUUID().slice(0, 8)}.probe`);
  try {
    const handle = await open(probe, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY);
    await handle.close();
  } catch (error) {
    throw refuse(`cannot be written: ${dir} is not writable (${(error as Error).message})`);
  }
  await rm(probe, { force: true });
}

function kindOf(info: {
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (info.isDirectory()) return "a directory";
  if (info.isSymbolicLink()) return "a symbolic link; give the path of the file itself";
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  return "not a regular file";
}
