// Every file that states the project's version, read and written in one place.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ReleaseError } from "./release-lib.ts";

const VERSION_TS = /export const VERSION = "([^"]*)";/;

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
}

/** Reads a file of the project by its path from the root (on disk, or at a commit). */
export type ReadFile = (path: string) => Promise<string>;

export function fromDisk(root: string): ReadFile {
  return (path) => readFile(join(root, path), "utf8");
}

/** File name -> version it states. */
export async function readVersions(read: ReadFile): Promise<Record<string, string>> {
  const json = async (path: string) => JSON.parse(await read(path)) as Record<string, unknown>;
  const pkg = await json("package.json");
  const lock = await json("package-lock.json");
  const deno = await json("deno.json");
  const source = await read("src/version.ts");
  const lockRoot = (lock.packages as Record<string, { version?: string }> | undefined)?.[""];
  return {
    "package.json": String(pkg.version),
    "package-lock.json": String(lock.version),
    'package-lock.json packages[""]': String(lockRoot?.version),
    "deno.json": String(deno.version),
    "src/version.ts": VERSION_TS.exec(source)?.[1] ?? "(none)",
  };
}

async function setJsonVersion(path: string, version: string, lock = false): Promise<void> {
  const data = await readJson(path);
  data.version = version;
  if (lock) {
    const root = (data.packages as Record<string, { version?: string }> | undefined)?.[""];
    if (root) root.version = version;
  }
  await writeFile(path, `${JSON.stringify(data, null, 2)}\n`);
}

export async function writeVersions(root: string, version: string): Promise<void> {
  const sourcePath = join(root, "src/version.ts");
  const source = await readFile(sourcePath, "utf8");
  if (!VERSION_TS.test(source)) throw new ReleaseError("src/version.ts has no VERSION constant");
  await setJsonVersion(join(root, "package.json"), version);
  await setJsonVersion(join(root, "package-lock.json"), version, true);
  await setJsonVersion(join(root, "deno.json"), version);
  await writeFile(sourcePath, source.replace(VERSION_TS, `export const VERSION = "${version}";`));
}
