import { execFileSync, spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { readInputs } from "../../src/action/inputs.ts";
import { branchNameProblem } from "../../src/core/branch-name.ts";
import { InvalidInputError } from "../../src/core/errors.ts";
import { runAction } from "../support/action.ts";

const BAD = [
  "HEAD",
  "@",
  "refs/heads/x",
  "x.lock",
  "a/b.lock/c",
  ".hidden",
  "a/.b",
  "a..b",
  "a b",
  "a~b",
  "a^b",
  "a:b",
  "a?b",
  "a*b",
  "a[b",
  "a\\b",
  "a\tb",
  "x/",
  "/x",
  "a//b",
  "x.",
  "a@{b",
  "-x",
];
const GOOD = ["main", "reports", "data/timesheets", "release-2026.11", "a@b", "été", "a.b/c_d"];

function gitAccepts(name: string): boolean {
  try {
    execFileSync("git", ["check-ref-format", "--branch", name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("branchNameProblem", () => {
  it.each(BAD)("refuses %j", (name) => {
    expect(branchNameProblem(name)).toBeTypeOf("string");
  });

  it.each(GOOD)("accepts %j", (name) => {
    expect(branchNameProblem(name)).toBeUndefined();
  });

  it("agrees with git check-ref-format --branch, except where git's answer misleads", () => {
    // git takes these as branch names (refs/heads/HEAD, refs/heads/refs/heads/x) or expands
    // "@" to the current branch: refused here.
    const stricter = new Set(["HEAD", "@", "refs/heads/x"]);
    for (const name of [...BAD, ...GOOD]) {
      if (stricter.has(name)) continue;
      expect(branchNameProblem(name) === undefined, name).toBe(gitAccepts(name));
    }
  });

  it("refuses a name git's files backend cannot hold, or GitHub would refuse", () => {
    // git check-ref-format has no length rule: creating the ref is what fails.
    const repo = execFileSync("mktemp", ["-d"], { encoding: "utf8" }).trim();
    execFileSync("git", ["init", "--quiet", repo]);
    const tree = execFileSync("git", ["-C", repo, "write-tree"], { encoding: "utf8" }).trim();
    const commit = execFileSync(
      "git",
      [
        "-c",
        "user.name=T",
        "-c",
        "user.email=t@example.com",
        "-C",
        repo,
        "commit-tree",
        tree,
        "-m",
        "x",
      ],
      { encoding: "utf8" },
    ).trim();
    const creates = (name: string) =>
      spawnSync("git", ["-C", repo, "update-ref", `refs/heads/${name}`, commit]).status === 0;
    const long = `reports/${"1000+".repeat(69)}1069`;
    expect(gitAccepts(long)).toBe(true);
    expect(creates(long)).toBe(false);
    expect(branchNameProblem(long)).toBe(
      "is 357 bytes long; GitHub refuses branch names over 244 bytes",
    );
    const longest = "a".repeat(244);
    expect(branchNameProblem(longest)).toBeUndefined();
    expect(creates(longest)).toBe(true);
  });

  it("suggests the short name for a full ref", () => {
    expect(branchNameProblem("refs/heads/reports")).toMatch(/give the branch name "reports"/);
  });
});

describe("commit-branch input", () => {
  const read = (branch: string) => (name: string) =>
    ({
      domain: "acme.ilucca.net",
      "api-key": "k",
      "template-id": "42",
      publish: "commit",
      "commit-branch": branch,
    })[name] ?? "";

  it.each(BAD)("refuses %j while reading inputs, before anything else runs", (name) => {
    let error: unknown;
    try {
      readInputs(read(name), new Date(), "/workspace");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.join("\n")).toMatch(/^commit-branch: /m);
  });
});

describe("the action with a bad commit-branch", () => {
  let sim: Simulator | undefined;
  afterEach(async () => {
    await sim?.close();
  });

  it("fails with zero requests to Lucca", async () => {
    sim = await startSimulator({ apiKey: "branch-key-1", generationMs: 0 });
    const run = await runAction(
      {
        domain: sim.url,
        "api-key": "branch-key-1",
        "template-id": "42",
        publish: "commit",
        "commit-branch": "HEAD",
      },
      { fromSource: true },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/commit-branch: "HEAD" is not a valid branch name/);
    expect(sim.requests).toHaveLength(0);
  });
});
