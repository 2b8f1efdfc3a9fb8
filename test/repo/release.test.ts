import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareRelease } from "../../scripts/release.ts";
import { checkRelease } from "../../scripts/release-check.ts";
import { fromDisk, readVersions } from "../../scripts/release-files.ts";
import {
  decideMajorTag,
  extractReleaseNotes,
  parseVersion,
  promoteUnreleased,
  ReleaseError,
} from "../../scripts/release-lib.ts";
import { tempDir } from "../support/cli.ts";
import { git, writeIn } from "../support/git-repos.ts";

const root = resolve(import.meta.dirname, "../..");

const CHANGELOG = `# Changelog

## [Unreleased]

### Added

- Monthly exports.

## [0.1.0] - 2026-01-05

### Added

- First version.

[Unreleased]: https://github.com/org/lucca-report-action/compare/v0.1.0...HEAD
[0.1.0]: https://github.com/org/lucca-report-action/releases/tag/v0.1.0
`;

/** A scratch project on main with every versioned file at 0.1.0. */
async function scratchProject(): Promise<string> {
  const dir = await tempDir("lucca-release-");
  git(dir, "init", "--quiet", "--initial-branch=main");
  git(dir, "config", "user.name", "Release Test");
  git(dir, "config", "user.email", "release@example.com");
  git(dir, "config", "tag.gpgSign", "false");
  git(dir, "config", "commit.gpgSign", "false");
  const pkg = { name: "lucca-report", version: "0.1.0" };
  await writeIn(dir, "package.json", `${JSON.stringify(pkg, null, 2)}\n`);
  const lock = { name: "lucca-report", version: "0.1.0", packages: { "": { version: "0.1.0" } } };
  await writeIn(dir, "package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
  await writeIn(dir, "deno.json", `${JSON.stringify({ version: "0.1.0" }, null, 2)}\n`);
  await writeIn(dir, "src/version.ts", 'export const VERSION = "0.1.0";\n');
  await writeIn(dir, "CHANGELOG.md", CHANGELOG);
  await writeIn(dir, "dist/cli.js", "// built 0.1.0\n");
  git(dir, "add", ".");
  git(dir, "commit", "--quiet", "-m", "Initial commit");
  return dir;
}

/** Stands in for `npm run build`: writes dist/ as a build would, from the current version. */
function fakeBuild(dir: string) {
  return async () => {
    const version = (await readVersions(fromDisk(dir)))["package.json"];
    await writeFile(join(dir, "dist/cli.js"), `// built ${version}\n`);
  };
}

async function release(dir: string, version: string, date = "2026-12-01") {
  await writeIn(dir, "CHANGELOG.md", await addUnreleased(dir, `- Work for ${version}.`));
  git(dir, "commit", "--quiet", "-am", `Work for ${version}`);
  return prepareRelease({ root: dir, version, date, build: fakeBuild(dir) });
}

async function addUnreleased(dir: string, line: string): Promise<string> {
  const text = await readFile(join(dir, "CHANGELOG.md"), "utf8");
  return text.replace("## [Unreleased]\n", `## [Unreleased]\n\n### Fixed\n\n${line}\n`);
}

describe("release decisions (pure)", () => {
  it("moves the major tag forward, never backwards, and not for pre-releases or 0.x", () => {
    const v = parseVersion;
    expect(decideMajorTag(v("1.2.0"), v("1.1.9"))).toMatchObject({ move: true, tag: "v1" });
    expect(decideMajorTag(v("1.0.0"), undefined)).toMatchObject({ move: true, tag: "v1" });
    expect(decideMajorTag(v("1.2.0"), v("1.2.0"))).toMatchObject({ move: false });
    expect(decideMajorTag(v("1.3.0-rc.1"), v("1.2.0"))).toMatchObject({ move: false });
    expect(decideMajorTag(v("0.4.0"), undefined)).toMatchObject({ move: false, tag: "v0" });
    expect(() => decideMajorTag(v("1.1.0"), v("1.2.0"))).toThrow(
      /Cannot move v1 backwards from 1.2.0 to 1.1.0/,
    );
    expect(() => decideMajorTag(v("1.10.0"), v("1.9.0"))).not.toThrow();
    expect(() => decideMajorTag(v("1.2.0"), v("1.2.0-rc.2"))).not.toThrow();
  });

  it("refuses what is not a version", () => {
    for (const bad of ["1.2", "v1.2.3", "01.2.3", "1.2.3 ", "latest"]) {
      expect(() => parseVersion(bad), bad).toThrow(ReleaseError);
    }
  });

  it("extracts a version's notes from the CHANGELOG, and refuses a missing or empty one", () => {
    expect(extractReleaseNotes(CHANGELOG, "0.1.0")).toBe("### Added\n\n- First version.\n");
    expect(() => extractReleaseNotes(CHANGELOG, "0.2.0")).toThrow(/no "## \[0.2.0\]" section/);
    const empty = CHANGELOG.replace("### Added\n\n- First version.\n", "");
    expect(empty).not.toContain("First version");
    expect(() => extractReleaseNotes(empty, "0.1.0")).toThrow(/empty/);
  });

  it("every file of the project that states its version says package.json's", async () => {
    const versions = await readVersions(fromDisk(root));
    const { version } = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
    expect(Object.keys(versions)).toContain("deno.json");
    for (const [file, stated] of Object.entries(versions)) expect(stated, file).toBe(version);
  });

  it("the project's own CHANGELOG has notes for the current version and an Unreleased section", async () => {
    const changelog = await readFile(join(root, "CHANGELOG.md"), "utf8");
    const { version } = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
    expect(extractReleaseNotes(changelog, version)).toMatch(/^### /);
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
  });

  it("moves Unreleased into a dated section and updates the compare links", () => {
    const out = promoteUnreleased(CHANGELOG, "0.2.0", "2026-12-01");
    expect(out).toContain("## [Unreleased]\n\n## [0.2.0] - 2026-12-01\n\n### Added\n\n- Monthly");
    expect(extractReleaseNotes(out, "0.2.0")).toBe("### Added\n\n- Monthly exports.\n");
    expect(extractReleaseNotes(out, "0.1.0")).toBe("### Added\n\n- First version.\n");
    expect(out).toContain(
      "[Unreleased]: https://github.com/org/lucca-report-action/compare/v0.2.0...HEAD\n" +
        "[0.2.0]: https://github.com/org/lucca-report-action/compare/v0.1.0...v0.2.0\n" +
        "[0.1.0]:",
    );
    expect(() => promoteUnreleased(out, "0.3.0", "2026-12-02")).toThrow(/Unreleased .*empty/);
    expect(() => promoteUnreleased(CHANGELOG, "0.1.0", "2026-12-02")).toThrow(/already has/);
  });
});

describe("npm run release (on a scratch repository)", () => {
  it("bumps every version, dates the CHANGELOG, rebuilds dist/, commits and tags", async () => {
    const dir = await scratchProject();
    const { tag } = await release(dir, "1.0.0");
    expect(tag).toBe("v1.0.0");
    expect(Object.values(await readVersions(fromDisk(dir)))).toEqual(Array(5).fill("1.0.0"));
    expect(await readFile(join(dir, "dist/cli.js"), "utf8")).toBe("// built 1.0.0\n");
    expect(await readFile(join(dir, "CHANGELOG.md"), "utf8")).toContain(
      "## [1.0.0] - 2026-12-01\n\n### Fixed\n\n- Work for 1.0.0.",
    );
    expect(git(dir, "status", "--porcelain")).toBe("");
    expect(git(dir, "log", "-1", "--format=%s")).toBe("Release v1.0.0");
    expect(git(dir, "rev-parse", "v1.0.0^{commit}")).toBe(git(dir, "rev-parse", "HEAD"));
  });

  it("refuses, leaving everything as it was, a dirty tree, another branch, an older version", async () => {
    const dir = await scratchProject();
    const head = git(dir, "rev-parse", "HEAD");
    const build = fakeBuild(dir);
    await writeIn(dir, "notes.txt", "draft\n");
    await expect(prepareRelease({ root: dir, version: "0.2.0", build })).rejects.toThrow(/dirty/);
    git(dir, "clean", "-fdq");

    git(dir, "switch", "--quiet", "-c", "feature");
    await expect(prepareRelease({ root: dir, version: "0.2.0", build })).rejects.toThrow(
      /Cannot release from feature/,
    );
    git(dir, "switch", "--quiet", "main");

    await expect(prepareRelease({ root: dir, version: "0.1.0", build })).rejects.toThrow(
      /not newer than 0.1.0/,
    );
    await expect(prepareRelease({ root: dir, version: "2", build })).rejects.toThrow(ReleaseError);
    expect(git(dir, "rev-parse", "HEAD")).toBe(head);
    expect(git(dir, "status", "--porcelain")).toBe("");
    expect(git(dir, "tag")).toBe("");
  });

  it("puts the tree back when the build fails", async () => {
    const dir = await scratchProject();
    await writeIn(dir, "CHANGELOG.md", await addUnreleased(dir, "- A fix."));
    git(dir, "commit", "--quiet", "-am", "Fix");
    const failing = async () => {
      await writeIn(dir, "dist/half.js", "partial");
      throw new Error("ncc failed");
    };
    await expect(prepareRelease({ root: dir, version: "0.2.0", build: failing })).rejects.toThrow(
      "ncc failed",
    );
    expect(git(dir, "status", "--porcelain")).toBe("");
    expect(git(dir, "log", "-1", "--format=%s")).toBe("Fix");
    expect(git(dir, "tag")).toBe("");
  });
});

describe("release check (the release workflow's gate, on a scratch repository)", () => {
  it("accepts a prepared tag on main, gives its notes and moves v1 when it does not exist", async () => {
    const dir = await scratchProject();
    await release(dir, "1.0.0");
    const result = await checkRelease({ root: dir, tag: "refs/tags/v1.0.0", mainRef: "main" });
    expect(result).toMatchObject({ tag: "v1.0.0", version: "1.0.0" });
    expect(result.notes).toBe(
      "### Fixed\n\n- Work for 1.0.0.\n\n### Added\n\n- Monthly exports.\n",
    );
    expect(result.major).toMatchObject({ move: true, tag: "v1" });
  });

  it("refuses a tag whose version differs from package.json's", async () => {
    const dir = await scratchProject();
    await release(dir, "1.0.0");
    git(dir, "tag", "v1.0.1");
    await expect(checkRelease({ root: dir, tag: "v1.0.1", mainRef: "main" })).rejects.toThrow(
      /Cannot release v1.0.1: package.json says 1.0.0, .*deno.json says 1.0.0/,
    );
  });

  it("refuses a tag on a commit that is not on main", async () => {
    const dir = await scratchProject();
    git(dir, "switch", "--quiet", "-c", "side");
    git(dir, "switch", "--quiet", "main");
    await release(dir, "1.0.0");
    // The release commit and its tag now live only on "side"; main is back where it was.
    git(dir, "branch", "--quiet", "-f", "side", "HEAD");
    git(dir, "reset", "--quiet", "--hard", "HEAD~2");
    await expect(checkRelease({ root: dir, tag: "v1.0.0", mainRef: "main" })).rejects.toThrow(
      /Cannot release v1.0.0: commit [0-9a-f]{40} is not on main/,
    );
    git(dir, "merge", "--quiet", "--ff-only", "side");
    await expect(checkRelease({ root: dir, tag: "v1.0.0", mainRef: "main" })).resolves.toBeTruthy();
  });

  it("moves v1 forward, and refuses to move it back to an older release", async () => {
    const dir = await scratchProject();
    await release(dir, "1.1.0");
    await release(dir, "1.2.0");
    git(dir, "tag", "v1", "v1.2.0");
    const newer = await release(dir, "1.3.0");
    expect(
      (await checkRelease({ root: dir, tag: newer.tag, mainRef: "main" })).major,
    ).toMatchObject({ move: true, tag: "v1" });
    await expect(checkRelease({ root: dir, tag: "v1.1.0", mainRef: "main" })).rejects.toThrow(
      /Cannot move v1 backwards from 1.2.0 to 1.1.0/,
    );
    const same = await checkRelease({ root: dir, tag: "v1.2.0", mainRef: "main" });
    expect(same.major).toMatchObject({ move: false });
  });

  it("without a version tag beside v1, refuses a release that does not descend from it", async () => {
    const dir = await scratchProject();
    await release(dir, "1.1.0");
    await writeIn(dir, "later.txt", "later\n");
    git(dir, "add", "later.txt");
    git(dir, "commit", "--quiet", "-m", "Later work");
    git(dir, "tag", "v1");
    await expect(checkRelease({ root: dir, tag: "v1.1.0", mainRef: "main" })).rejects.toThrow(
      /Cannot move v1 backwards: v1.1.0 does not descend from v1/,
    );
  });
});
