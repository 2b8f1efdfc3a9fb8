import { describe, expect, it } from "vitest";
import { branchNameProblem } from "./branch-name.ts";

// The exact reasons: test/publish/branch-names.test.ts checks the verdicts against git itself.
describe("branchNameProblem says why", () => {
  it.each([
    ["", "is empty"],
    ["HEAD", "is HEAD, which names the current commit, not a branch"],
    ["@", 'is "@", which git reads as HEAD'],
    ["refs/heads/reports", 'is a full ref name; give the branch name "reports"'],
    ["refs/heads/a/b", 'is a full ref name; give the branch name "a/b"'],
    ["refs/heads/", 'starts with "refs/"; give a branch name such as "reports"'],
    ["refs/heads/a\nb", 'starts with "refs/"; give a branch name such as "reports"'],
    ["refs/tags/v1", 'starts with "refs/"; give a branch name such as "reports"'],
    ["-x", 'starts with "-"'],
    ["a..b", 'contains ".."'],
    ["a@{b", 'contains "@{"'],
    ["/a", "has an empty part between slashes, or starts or ends with /"],
    ["a/", "has an empty part between slashes, or starts or ends with /"],
    ["a//b", "has an empty part between slashes, or starts or ends with /"],
    ["a.", 'ends with "."'],
    [".a", 'has a part starting with "." (".a")'],
    ["a/.b/c", 'has a part starting with "." (".b")'],
    ["a.lock", 'has a part ending with ".lock" ("a.lock")'],
    ["a/b.lock/c", 'has a part ending with ".lock" ("b.lock")'],
  ])("%j %s", (name, problem) => {
    expect(branchNameProblem(name)).toBe(problem);
  });

  it.each([
    "a b",
    "a\u0000b",
    "a\u001fb",
    "a\u007fb",
    "a~b",
    "a^b",
    "a:b",
    "a?b",
    "a*b",
    "a[b",
    "a\\b",
    "\tx",
    "x ",
  ])("%j has a character git refuses", (name) => {
    expect(branchNameProblem(name)).toBe(
      "contains a space, a control character or one of ~ ^ : ? * [ \\",
    );
  });

  it.each([
    "main",
    "a!b",
    "a]b",
    "a@b",
    "a.b",
    "a./b",
    "lock.a",
    "a/lock",
    "x/refs/heads/y",
    "heads/refs",
    "a-",
    "é",
    "a/b/c",
  ])("accepts %j", (name) => {
    expect(branchNameProblem(name)).toBeUndefined();
  });

  it("counts bytes, not characters, up to GitHub's 244", () => {
    expect(branchNameProblem("a".repeat(244))).toBeUndefined();
    expect(branchNameProblem(`x/${"é".repeat(121)}`)).toBeUndefined();
    expect(branchNameProblem("a".repeat(245))).toBe(
      "is 245 bytes long; GitHub refuses branch names over 244 bytes",
    );
    expect(branchNameProblem(`x/${"é".repeat(122)}`)).toBe(
      "is 246 bytes long; GitHub refuses branch names over 244 bytes",
    );
  });
});
