import type { BareRepo } from "./bare-repo.ts";
import { type GitIdentity, type Site, user } from "./objects.ts";

// GET /repos/{owner}/{repo}/compare/{base}...{head}, as GitHub answers it: the commits `head`
// has and `base` has not (git log base..head, oldest first; without paging parameters the 250
// most recent), and the files that differ between their merge base and `head` (at most 300).

const BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com";
const STATUS: Record<string, string> = {
  A: "added",
  D: "removed",
  M: "modified",
  R: "renamed",
  C: "copied",
  T: "changed",
};

type Answer = { status: 200; body: unknown } | { status: 404; message: string };

export async function compare(
  repo: BareRepo,
  site: Site,
  basehead: string,
  signed: (sha: string) => boolean,
): Promise<Answer> {
  const match = /^(.+?)\.\.\.(.+)$/.exec(basehead);
  if (!match) return { status: 404, message: "Not Found" };
  const [base, head] = [
    await resolve(repo, match[1] as string),
    await resolve(repo, match[2] as string),
  ];
  if (!base || !head) return { status: 404, message: "Not Found" };
  const mergeBase = await repo.tryGit(["merge-base", base, head]);
  if (!mergeBase) {
    return { status: 404, message: `No common ancestor between ${match[1]} and ${match[2]}.` };
  }
  const list = async (range: string[]) =>
    ((await repo.tryGit(["rev-list", "--reverse", "--date-order", ...range])) ?? "")
      .split("\n")
      .filter(Boolean);
  const ahead = await list([head, `^${base}`]);
  const behind = await list([base, `^${head}`]);
  const api = `${site.api}/repos/${site.owner}/${site.repo}`;
  const commit = async (sha: string) => restCommit(site, repo, sha, signed(sha));
  return {
    status: 200,
    body: {
      url: `${api}/compare/${basehead}`,
      html_url: `${site.web}/${site.owner}/${site.repo}/compare/${basehead}`,
      permalink_url: `${site.web}/${site.owner}/${site.repo}/compare/${site.owner}:${base}...${site.owner}:${head}`,
      diff_url: `${site.web}/${site.owner}/${site.repo}/compare/${basehead}.diff`,
      patch_url: `${site.web}/${site.owner}/${site.repo}/compare/${basehead}.patch`,
      base_commit: await commit(base),
      merge_base_commit: await commit(mergeBase),
      status:
        ahead.length === 0
          ? behind.length === 0
            ? "identical"
            : "behind"
          : behind.length === 0
            ? "ahead"
            : "diverged",
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: await Promise.all(ahead.slice(-250).map(commit)),
      files: (await changedFiles(repo, site, mergeBase, head)).slice(0, 300),
    },
  };
}

async function resolve(repo: BareRepo, name: string): Promise<string | undefined> {
  if (/^[0-9a-f]{40}$/.test(name)) {
    return (await repo.objectType(name)) === "commit" ? name : undefined;
  }
  return repo.branchTip(name);
}

/** A commit as GET /repos/{owner}/{repo}/commits/{ref} and the comparison list it. */
async function restCommit(site: Site, repo: BareRepo, sha: string, verified: boolean) {
  const commit = await repo.readCommit(sha);
  if (!commit) throw new Error(`stand-in: ${sha} is not a commit`);
  const api = `${site.api}/repos/${site.owner}/${site.repo}`;
  const web = `${site.web}/${site.owner}/${site.repo}`;
  // GitHub links an identity to an account by its email; only the bot's is known here.
  const account = (who: GitIdentity) =>
    who.email === BOT_EMAIL ? user(site, "github-actions[bot]", 41898282, "Bot") : null;
  return {
    url: `${api}/commits/${sha}`,
    sha,
    node_id: `C_${sha.slice(0, 12)}`,
    html_url: `${web}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      verification: verified
        ? {
            verified: true,
            reason: "valid",
            signature: "(stand-in)",
            payload: "",
            verified_at: commit.committer.date,
          }
        : {
            verified: false,
            reason: "unsigned",
            signature: null,
            payload: null,
            verified_at: null,
          },
    },
    author: account(commit.author),
    committer: account(commit.committer),
    parents: commit.parents.map((parent) => ({
      sha: parent,
      url: `${api}/commits/${parent}`,
      html_url: `${web}/commit/${parent}`,
    })),
  };
}

/** git diff-tree from the merge base to head, with renames, as GitHub's diff entries. */
async function changedFiles(repo: BareRepo, site: Site, from: string, to: string) {
  const tokens = async (format: string) =>
    (await repo.git(["diff-tree", "-r", "-z", "-M", format, from, to]))
      .toString("utf8")
      .split("\0");
  const raw = await tokens("--raw");
  const counts = await tokens("--numstat");
  const entries: { status: string; sha: string; path: string; previous?: string }[] = [];
  for (let index = 0; index < raw.length; index++) {
    const meta = raw[index] as string;
    if (!meta.startsWith(":")) continue;
    const [, , , after, status] = meta.slice(1).split(" ") as string[];
    const letter = (status as string)[0] as string;
    if (letter === "R" || letter === "C") {
      entries.push({
        status: letter,
        sha: after as string,
        previous: raw[index + 1] as string,
        path: raw[index + 2] as string,
      });
      index += 2;
    } else {
      entries.push({ status: letter, sha: after as string, path: raw[index + 1] as string });
      index += 1;
    }
  }
  const lines: [number, number][] = [];
  for (let index = 0; index < counts.length; index++) {
    const parts = (counts[index] as string).split("\t");
    if (parts.length !== 3) continue;
    lines.push([Number(parts[0]) || 0, Number(parts[1]) || 0]);
    if (parts[2] === "") index += 2;
  }
  const web = `${site.web}/${site.owner}/${site.repo}`;
  return entries.map((entry, index) => {
    const [additions, deletions] = lines[index] ?? [0, 0];
    const at = entry.status === "D" ? from : to;
    const path = encodeURI(entry.path);
    return {
      sha: entry.status === "D" ? null : entry.sha,
      filename: entry.path,
      status: STATUS[entry.status] ?? "changed",
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `${web}/blob/${at}/${path}`,
      raw_url: `${web}/raw/${at}/${path}`,
      contents_url: `${site.api}/repos/${site.owner}/${site.repo}/contents/${path}?ref=${at}`,
      ...(entry.previous === undefined ? {} : { previous_filename: entry.previous }),
    };
  });
}
