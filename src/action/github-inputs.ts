import { branchNameProblem } from "../core/branch-name.ts";
import { unknownPlaceholders } from "../publish/commit-message.ts";

/** Inputs of the modes that talk to GitHub's API: sign-commits and publish: pull-request. */
export interface GitHubInputs {
  token: string;
  signCommits: boolean;
  pullRequest: {
    /** May hold placeholders; the rendered name is checked with the reports' values (pull-request-branch.ts). */
    branch: string;
    base: string | undefined;
    title: string;
    /** Undefined: the summary table and change counts. */
    body: string | undefined;
    labels: string[];
    reviewers: string[];
    teamReviewers: string[];
    draft: boolean;
  };
}

export const DEFAULT_PR_BRANCH = "lucca-report/{templateId}";
export const DEFAULT_PR_TITLE = "Lucca report {templateId} {startsOn}..{endsOn}";

/** Reads the GitHub inputs; each problem is added to `issues`, as for every other input. */
export function readGitHubInputs(read: (name: string) => string, issues: string[]): GitHubInputs {
  const text = (name: string, fallback: string) => read(name).trim() || fallback;
  const placeholders = (name: string, value: string) => {
    const unknown = unknownPlaceholders(value);
    if (unknown.length > 0) {
      issues.push(
        `${name}: unknown placeholder(s) ${unknown.map((p) => `{${p}}`).join(", ")}; use {templateId}, {startsOn}, {endsOn}, {reportId}, {rows}, {sha256} or {count}`,
      );
    }
    return value;
  };
  const bool = (name: string) => {
    const value = read(name).trim();
    if (value === "" || ["false", "False", "FALSE"].includes(value)) return false;
    if (["true", "True", "TRUE"].includes(value)) return true;
    issues.push(`${name}: "${value}" is not a boolean; use true or false`);
    return false;
  };
  const branch = placeholders("pr-branch", text("pr-branch", DEFAULT_PR_BRANCH));
  // "x" stands for each value here; the name with the reports' values is checked in readInputs.
  const branchProblem = branchNameProblem(branch.replace(/\{[^{}\s]+\}/g, "x"));
  if (branchProblem)
    issues.push(`pr-branch: "${branch}" is not a valid branch name: it ${branchProblem}`);
  const base = read("pr-base").trim() || undefined;
  const baseProblem = base === undefined ? undefined : branchNameProblem(base);
  if (baseProblem) issues.push(`pr-base: "${base}" is not a valid branch name: it ${baseProblem}`);
  const reviewers = list(read("pr-reviewers"));
  const bad = reviewers.filter((name) => !/^[A-Za-z0-9-]+(\/[A-Za-z0-9_.-]+)?$/.test(name));
  if (bad.length > 0) {
    issues.push(
      `pr-reviewers: ${bad.map((name) => `"${name}"`).join(", ")} is not a user name or org/team`,
    );
  }
  return {
    token: read("github-token").trim(),
    signCommits: bool("sign-commits"),
    pullRequest: {
      branch,
      base,
      title: placeholders("pr-title", text("pr-title", DEFAULT_PR_TITLE)),
      body: read("pr-body").trim() ? placeholders("pr-body", read("pr-body")) : undefined,
      labels: list(read("pr-labels")),
      reviewers: reviewers.filter((name) => !name.includes("/")),
      // GitHub wants a team's slug alone; "org/team" is how people write it.
      teamReviewers: reviewers
        .filter((name) => name.includes("/"))
        .map((name) => name.split("/")[1] as string),
      draft: bool("pr-draft"),
    },
  };
}

const BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com";

/** Settings that are accepted but would not do what their author expects. */
export function gitHubWarnings(inputs: {
  publish: readonly string[];
  github: Pick<GitHubInputs, "signCommits">;
  commit: { author: { email: string }; committer: { email: string } };
}): string[] {
  const warnings: string[] = [];
  const writesGit = inputs.publish.includes("commit") || inputs.publish.includes("pull-request");
  if (inputs.github.signCommits && !writesGit) {
    warnings.push("sign-commits has no effect without publish: commit or pull-request");
  }
  const custom =
    inputs.commit.author.email !== BOT_EMAIL || inputs.commit.committer.email !== BOT_EMAIL;
  if (inputs.github.signCommits && writesGit && custom) {
    warnings.push(
      "commit-author and commit-committer do not apply with sign-commits: true: GitHub signs only the commits it authors as the token's identity",
    );
  }
  return warnings;
}

function list(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
