/**
 * Longest branch name, in UTF-8 bytes. GitHub refuses a ref whose full name is over 255 bytes
 * (`refs/heads/` is 11 of them), and git's files backend cannot create a name part whose
 * `.lock` file would pass the usual 255-byte limit of a file name: 244 keeps clear of both.
 */
export const MAX_BRANCH_BYTES = 244;

/**
 * Why `name` cannot be pushed as a branch, or undefined when it can: the rules of
 * `git check-ref-format --branch`, checked here so a bad name fails before any request,
 * plus names git accepts but that do not mean what the user meant (`HEAD`, `refs/heads/x`),
 * and names too long for GitHub.
 */
export function branchNameProblem(name: string): string | undefined {
  if (name === "") return "is empty";
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > MAX_BRANCH_BYTES) {
    return `is ${bytes} bytes long; GitHub refuses branch names over ${MAX_BRANCH_BYTES} bytes`;
  }
  if (name === "HEAD") return "is HEAD, which names the current commit, not a branch";
  if (name === "@") return 'is "@", which git reads as HEAD';
  const short = /^refs\/heads\/(.+)$/.exec(name)?.[1];
  if (short !== undefined) return `is a full ref name; give the branch name "${short}"`;
  if (name.startsWith("refs/")) return 'starts with "refs/"; give a branch name such as "reports"';
  if (name.startsWith("-")) return 'starts with "-"';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) {
    return "contains a space, a control character or one of ~ ^ : ? * [ \\";
  }
  if (name.includes("..")) return 'contains ".."';
  if (name.includes("@{")) return 'contains "@{"';
  if (name.startsWith("/") || name.endsWith("/") || name.includes("//")) {
    return "has an empty part between slashes, or starts or ends with /";
  }
  if (name.endsWith(".")) return 'ends with "."';
  for (const part of name.split("/")) {
    if (part.startsWith(".")) return `has a part starting with "." ("${part}")`;
    if (part.endsWith(".lock")) return `has a part ending with ".lock" ("${part}")`;
  }
  return undefined;
}
