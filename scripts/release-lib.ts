// Release decisions as pure functions, so the workflow and `npm run release` share them and
// tests can check each one without GitHub.

export class ReleaseError extends Error {
  override name = "ReleaseError";
}

export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** "rc.1" in 1.2.0-rc.1; empty for a final release. */
  prerelease: string;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?$/;

export function parseVersion(text: string): Version {
  const match = SEMVER.exec(text);
  if (!match) {
    throw new ReleaseError(
      `Cannot read "${text}" as a version: expected MAJOR.MINOR.PATCH, e.g. 1.2.3`,
    );
  }
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ?? "",
  };
}

export function formatVersion(version: Version): string {
  const core = `${version.major}.${version.minor}.${version.patch}`;
  return version.prerelease ? `${core}-${version.prerelease}` : core;
}

/** "v1.2.3" -> 1.2.3; anything else is refused. */
export function versionOfTag(tag: string): Version {
  const name = tag.replace(/^refs\/tags\//, "");
  if (!name.startsWith("v")) {
    throw new ReleaseError(`Cannot release tag "${name}": release tags are vMAJOR.MINOR.PATCH`);
  }
  return parseVersion(name.slice(1));
}

/** Negative when a < b, as semver orders them (a pre-release comes before its release). */
export function compareVersions(a: Version, b: Version): number {
  for (const key of ["major", "minor", "patch"] as const) {
    if (a[key] !== b[key]) return a[key] - b[key];
  }
  if (a.prerelease === b.prerelease) return 0;
  if (!a.prerelease) return 1;
  if (!b.prerelease) return -1;
  return comparePrerelease(a.prerelease, b.prerelease);
}

function comparePrerelease(a: string, b: string): number {
  const left = a.split(".");
  const right = b.split(".");
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    if (numeric) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return 0;
}

/** The tag and every versioned file must say the same version. */
export function checkVersionsMatch(tag: string, files: Record<string, string>): Version {
  const version = versionOfTag(tag);
  const expected = formatVersion(version);
  const wrong = Object.entries(files).filter(([, value]) => value !== expected);
  if (wrong.length > 0) {
    const list = wrong.map(([file, value]) => `${file} says ${value}`).join(", ");
    throw new ReleaseError(`Cannot release ${tag}: ${list}; run 'npm run release -- ${expected}'`);
  }
  return version;
}

export function majorTagOf(version: Version): string {
  return `v${version.major}`;
}

export type MajorTagDecision =
  | { move: true; tag: string; reason: string }
  | { move: false; tag: string; reason: string };

/**
 * Whether releasing `version` moves its major tag (v1). `current` is the version the major
 * tag points at now (undefined when it does not exist yet). Never backwards: users pinned
 * to v1 must only ever get newer code.
 */
export function decideMajorTag(version: Version, current: Version | undefined): MajorTagDecision {
  const tag = majorTagOf(version);
  if (version.prerelease) {
    return { move: false, tag, reason: `${formatVersion(version)} is a pre-release` };
  }
  if (version.major === 0) {
    return { move: false, tag, reason: "0.x releases promise no stability; v0 is not moved" };
  }
  if (!current) return { move: true, tag, reason: `${tag} does not exist yet` };
  if (current.major !== version.major) {
    throw new ReleaseError(`${tag} points at ${formatVersion(current)}, not a ${tag}.x release`);
  }
  const order = compareVersions(version, current);
  if (order < 0) {
    throw new ReleaseError(
      `Cannot move ${tag} backwards from ${formatVersion(current)} to ${formatVersion(version)}`,
    );
  }
  if (order === 0) return { move: false, tag, reason: `${tag} already points at this release` };
  return { move: true, tag, reason: `${tag} moves from ${formatVersion(current)}` };
}

/** The newest final version among tags that belong to `major` (for the tags at v1's commit). */
export function newestOfMajor(tags: string[], major: number): Version | undefined {
  let newest: Version | undefined;
  for (const tag of tags) {
    let version: Version;
    try {
      version = versionOfTag(tag);
    } catch {
      continue;
    }
    if (version.major !== major || version.prerelease) continue;
    if (!newest || compareVersions(version, newest) > 0) newest = version;
  }
  return newest;
}

const HEADING = /^## \[([^\]]+)\](.*)$/;

interface Section {
  name: string;
  /** Index of the heading line. */
  start: number;
  /** Index after the last line of the body. */
  end: number;
}

function sectionsOf(lines: string[]): Section[] {
  const sections: Section[] = [];
  const linkStart = lines.findIndex((line) => /^\[[^\]]+\]: /.test(line));
  const stop = linkStart === -1 ? lines.length : linkStart;
  for (let i = 0; i < stop; i++) {
    const match = HEADING.exec(lines[i] ?? "");
    if (!match) continue;
    const last = sections.at(-1);
    if (last) last.end = i;
    sections.push({ name: match[1] ?? "", start: i, end: stop });
  }
  return sections;
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start]?.trim()) start++;
  while (end > start && !lines[end - 1]?.trim()) end--;
  return lines.slice(start, end);
}

/** The body of `## [version]` in a Keep a Changelog file: the release notes. */
export function extractReleaseNotes(changelog: string, version: string): string {
  const lines = changelog.split(/\r?\n/);
  const section = sectionsOf(lines).find((s) => s.name === version);
  if (!section) {
    throw new ReleaseError(`CHANGELOG.md has no "## [${version}]" section to use as notes`);
  }
  const body = trimBlankLines(lines.slice(section.start + 1, section.end));
  if (body.length === 0) throw new ReleaseError(`CHANGELOG.md's [${version}] section is empty`);
  return `${body.join("\n")}\n`;
}

/**
 * Moves what is under `## [Unreleased]` into a dated `## [version] - date` section, leaves
 * Unreleased empty, and updates the compare links at the bottom when there are any.
 */
export function promoteUnreleased(changelog: string, version: string, date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ReleaseError(`Bad release date "${date}"`);
  const lines = changelog.split(/\r?\n/);
  const sections = sectionsOf(lines);
  if (sections.some((s) => s.name === version)) {
    throw new ReleaseError(`CHANGELOG.md already has a [${version}] section`);
  }
  const unreleased = sections.find((s) => s.name.toLowerCase() === "unreleased");
  if (!unreleased) throw new ReleaseError(`CHANGELOG.md has no "## [Unreleased]" section`);
  const body = trimBlankLines(lines.slice(unreleased.start + 1, unreleased.end));
  if (body.length === 0) {
    throw new ReleaseError("CHANGELOG.md's Unreleased section is empty: nothing to release");
  }
  const previous = sections[sections.indexOf(unreleased) + 1]?.name;
  const out = [
    ...lines.slice(0, unreleased.start + 1),
    "",
    `## [${version}] - ${date}`,
    "",
    ...body,
    "",
    ...lines.slice(unreleased.end),
  ];
  return updateLinks(out, version, previous).join("\n");
}

function updateLinks(lines: string[], version: string, previous: string | undefined): string[] {
  const index = lines.findIndex((line) => /^\[unreleased\]: /i.test(line));
  if (index === -1) return lines;
  const match = /^\[unreleased\]: (.*)\/compare\/(\S+)\.\.\.HEAD$/i.exec(lines[index] ?? "");
  if (!match) return lines;
  const base = match[1];
  const from = previous ? `v${previous}` : match[2];
  return [
    ...lines.slice(0, index),
    `[Unreleased]: ${base}/compare/v${version}...HEAD`,
    `[${version}]: ${base}/compare/${from}...v${version}`,
    ...lines.slice(index + 1),
  ];
}
