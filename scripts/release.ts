// Prepares a release locally: `npm run release -- 1.2.3` bumps every version, moves
// CHANGELOG's Unreleased section under the version, rebuilds dist/, commits and tags.
// Nothing is pushed: it prints the command, and the tag push starts the release workflow.
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import process from "node:process";
import { fromDisk, readVersions, writeVersions } from "./release-files.ts";
import { commitOf, type Git, gitIn } from "./release-git.ts";
import {
  compareVersions,
  formatVersion,
  parseVersion,
  promoteUnreleased,
  ReleaseError,
} from "./release-lib.ts";

export interface PrepareOptions {
  root: string;
  version: string;
  /** YYYY-MM-DD of the release; today in UTC by default. */
  date?: string;
  /** Rebuilds dist/ (npm run build by default). */
  build?: () => Promise<void>;
  git?: Git;
}

export async function prepareRelease(options: PrepareOptions): Promise<{ tag: string }> {
  const { root } = options;
  const git = options.git ?? gitIn(root);
  const version = parseVersion(options.version);
  const text = formatVersion(version);
  const tag = `v${text}`;

  // Every check before the first write: a refused release leaves the tree as it was.
  if ((await git(["status", "--porcelain"])) !== "") {
    throw new ReleaseError("Cannot release from a dirty work tree: commit or stash first");
  }
  const branch = await git(["rev-parse", "--abbrev-ref", "HEAD"]);
  if (branch !== "main") throw new ReleaseError(`Cannot release from ${branch}: switch to main`);
  if (await commitOf(git, `refs/tags/${tag}`)) throw new ReleaseError(`Tag ${tag} already exists`);
  const current = (await readVersions(fromDisk(root)))["package.json"] ?? "0.0.0";
  if (compareVersions(version, parseVersion(current)) <= 0) {
    throw new ReleaseError(`Cannot release ${text}: it is not newer than ${current}`);
  }
  const changelogPath = join(root, "CHANGELOG.md");
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const changelog = promoteUnreleased(await readFile(changelogPath, "utf8"), text, date);

  const head = await git(["rev-parse", "HEAD"]);
  try {
    await writeVersions(root, text);
    await writeFile(changelogPath, changelog);
    await (options.build ?? (() => run("npm", ["run", "build"], root)))();
    await git(["add", "--all", "--", "."]);
    await git(["commit", "--quiet", "-m", `Release ${tag}`]);
    await git(["tag", "--annotate", tag, "-m", tag]);
  } catch (error) {
    // Put the tree back as it was (it was clean), so a failed attempt can simply be rerun.
    await git(["reset", "--quiet", "--hard", head]);
    await git(["clean", "--quiet", "-fd", "--", "dist"]);
    throw error;
  }
  return { tag };
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, stdio: "inherit" });
    child.on("error", fail);
    child.on("close", (code) =>
      code === 0 ? done() : fail(new ReleaseError(`${command} ${args.join(" ")} exited ${code}`)),
    );
  });
}

if (import.meta.main) {
  const version = process.argv[2];
  const root = resolve(import.meta.dirname, "..");
  if (!version) {
    console.error("Usage: npm run release -- MAJOR.MINOR.PATCH");
    process.exit(2);
  }
  prepareRelease({ root, version }).then(
    ({ tag }) => {
      console.log(`Committed and tagged ${tag}. Check it, then publish it with:`);
      console.log(`  git push origin main ${tag}`);
    },
    (error: unknown) => {
      console.error(error instanceof ReleaseError ? error.message : error);
      process.exit(1);
    },
  );
}
