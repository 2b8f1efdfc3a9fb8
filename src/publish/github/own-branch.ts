import { LuccaReportError } from "../../core/errors.ts";
import { logSafe, truncate } from "../../core/safe-text.ts";
import type { GitHubClient } from "./client.ts";
import { GitHubApiError } from "./errors.ts";
import type { Comparison, Identity } from "./types.ts";

/** An author and a committer, as a commit records them. */
export interface Authorship {
  author: Identity;
  committer: Identity;
}

const BOT: Identity = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com",
};

/**
 * How the action's commits are made with its defaults, whatever this run's settings: by git's
 * identity (commit-author and commit-committer, both the bot), or by GitHub for a commit signed
 * with the job's GITHUB_TOKEN. A run that switched sign-commits still knows its own branch.
 */
export const DEFAULT_AUTHORSHIPS: readonly Authorship[] = [
  { author: BOT, committer: BOT },
  { author: BOT, committer: { name: "GitHub", email: "noreply@github.com" } },
];

/** Commits of this action looked at one by one; its branch holds one beyond the base. */
const MAX_OWN_COMMITS = 20;

export interface OwnBranchCheck {
  branch: string;
  base: string;
  baseTip: string;
  /** The branch's tip, as read just before it is to be replaced. */
  tip: string;
  /** Who makes this action's commits: any one of these. */
  authorships: readonly Authorship[];
  /** The paths this action writes on the branch: its reports. */
  isReportPath: (path: string) => boolean;
}

/**
 * Refuses to rewrite a branch that holds someone else's work. Only commits this action made
 * may be dropped: beyond the base, each must be a single-parent commit by one of
 * `authorships` that changes nothing but reports. The first other one is named, with its
 * author, and nothing is written.
 */
export async function checkOwnBranch(client: GitHubClient, check: OwnBranchCheck): Promise<void> {
  const comparison = await compareWithBase(client, check);
  const { commits } = comparison;
  for (const commit of commits) {
    if (commit.parents.length !== 1) {
      refuse(check, commit, "is a merge, which this action never makes");
    }
    if (!check.authorships.some((own) => sameAuthorship(own, commit))) {
      refuse(check, commit, "was not made by this action");
    }
  }
  const tip = commits.at(-1);
  if (tip && (comparison.totalCommits > commits.length || commits.length > MAX_OWN_COMMITS)) {
    refuse(
      check,
      tip,
      `is the tip of ${comparison.totalCommits} commits beyond ${check.base}, more than this action makes`,
    );
  }
  for (const commit of commits) {
    // With one commit, the comparison's files are that commit's own.
    const files: Comparison["files"] =
      commits.length === 1
        ? comparison.files
        : (await client.compare(commit.parents[0] as string, commit.sha)).files;
    for (const file of files) {
      const path = [file.path, file.previousPath].find(
        (name) => name !== undefined && !check.isReportPath(name),
      );
      if (path !== undefined) {
        refuse(
          check,
          commit,
          `changes ${logSafe(truncate(path, 200))}, which is not one of this step's reports`,
        );
      }
    }
  }
}

async function compareWithBase(client: GitHubClient, check: OwnBranchCheck): Promise<Comparison> {
  try {
    return await client.compare(check.baseTip, check.tip);
  } catch (error) {
    // Both commits were just read: a 404 here is GitHub's "No common ancestor between ...".
    if (!(error instanceof GitHubApiError && error.status === 404)) throw error;
    const tip = await client.commit(check.tip);
    return refuse(
      check,
      { sha: tip.sha, author: tip.author ?? { name: "", email: "" } },
      `shares no history with ${check.base}, which no commit of this action does`,
    );
  }
}

function sameAuthorship(own: Authorship, commit: Authorship): boolean {
  const same = (a: Identity, b: Identity) =>
    a.name === b.name && a.email.toLowerCase() === b.email.toLowerCase();
  return same(own.author, commit.author) && same(own.committer, commit.committer);
}

function refuse(
  check: OwnBranchCheck,
  commit: { sha: string; author: Identity },
  reason: string,
): never {
  const who = logSafe(truncate(`${commit.author.name} <${commit.author.email}>`, 120));
  throw new LuccaReportError(
    `Cannot update the pull request's branch ${check.branch}: commit ${commit.sha.slice(0, 7)} by ${who} ${reason}. ` +
      `The branch was left untouched. Choose another pr-branch, or delete the branch ${check.branch} once that commit is kept elsewhere, then re-run.`,
  );
}
