// Checks a release tag before the workflow publishes it, and says what to do with the major
// tag. Usage: node scripts/release-check.ts v1.2.3 [--main origin/main] [--notes-file PATH]
// Writes version, tag, major-tag, move-major and notes-file to $GITHUB_OUTPUT when set.
import { appendFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";
import { readVersions } from "./release-files.ts";
import { commitOf, descendsFrom, type Git, gitIn, tagsAt } from "./release-git.ts";
import {
  checkVersionsMatch,
  decideMajorTag,
  extractReleaseNotes,
  formatVersion,
  type MajorTagDecision,
  newestOfMajor,
  ReleaseError,
} from "./release-lib.ts";

export interface ReleaseCheck {
  tag: string;
  version: string;
  commit: string;
  notes: string;
  major: MajorTagDecision;
}

export async function checkRelease(options: {
  root: string;
  tag: string;
  mainRef: string;
  git?: Git;
}): Promise<ReleaseCheck> {
  const git = options.git ?? gitIn(options.root);
  const tag = options.tag.replace(/^refs\/tags\//, "");
  const commit = await commitOf(git, `refs/tags/${tag}`);
  if (!commit) throw new ReleaseError(`Tag ${tag} does not exist`);
  const main = await commitOf(git, options.mainRef);
  if (!main) throw new ReleaseError(`Cannot find ${options.mainRef} to check the tag against`);
  if (!(await descendsFrom(git, main, commit))) {
    throw new ReleaseError(`Cannot release ${tag}: commit ${commit} is not on ${options.mainRef}`);
  }
  // The versions as committed at the tag, whatever is checked out.
  const atTag = async (file: string) => git(["show", `${commit}:${file}`]);
  const versions = await readVersions(atTag);
  const version = checkVersionsMatch(tag, versions);
  const notes = extractReleaseNotes(await atTag("CHANGELOG.md"), formatVersion(version));

  const majorTag = `v${version.major}`;
  const majorCommit = await commitOf(git, `refs/tags/${majorTag}`);
  const current = majorCommit
    ? newestOfMajor(await tagsAt(git, majorCommit), version.major)
    : undefined;
  const major = decideMajorTag(version, current);
  // Without a version tag beside it, v1's commit still tells: never move it off its history.
  if (major.move && majorCommit && !current && !(await descendsFrom(git, commit, majorCommit))) {
    throw new ReleaseError(
      `Cannot move ${majorTag} backwards: ${tag} does not descend from ${majorTag} (${majorCommit})`,
    );
  }
  return { tag, version: formatVersion(version), commit, notes, major };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { main: { type: "string", default: "origin/main" }, "notes-file": { type: "string" } },
  });
  const tag = positionals[0];
  if (!tag) throw new ReleaseError("Usage: node scripts/release-check.ts vX.Y.Z [--main REF]");
  const root = resolve(import.meta.dirname, "..");
  const result = await checkRelease({ root, tag, mainRef: values.main });
  const notesFile = resolve(values["notes-file"] ?? join(root, "release-notes.md"));
  await writeFile(notesFile, result.notes);
  console.log(`${result.tag} (${result.commit}) is on ${values.main}; versions agree`);
  console.log(
    `${result.major.tag}: ${result.major.move ? "move" : "keep"} (${result.major.reason})`,
  );
  const output = process.env.GITHUB_OUTPUT;
  if (output) {
    const lines = [
      `tag=${result.tag}`,
      `version=${result.version}`,
      `commit=${result.commit}`,
      `major-tag=${result.major.tag}`,
      `move-major=${result.major.move}`,
      `prerelease=${result.version.includes("-")}`,
      `notes-file=${notesFile}`,
    ];
    await appendFile(output, `${lines.join("\n")}\n`);
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof ReleaseError ? error.message : error);
    process.exit(1);
  });
}
