// JSON bodies shaped as GitHub's REST API returns them (checked against @octokit/openapi by
// test/github-api-standin.test.ts). Only the fields the action reads carry real state; the
// others hold what GitHub would put there for a repository on this host.

export interface Site {
  /** e.g. http://127.0.0.1:PORT or http://127.0.0.1:PORT/api/v3 */
  api: string;
  /** The web host's URL, e.g. http://127.0.0.1:PORT */
  web: string;
  owner: string;
  repo: string;
}

const NOW = "2026-11-01T06:00:00Z";

export function user(site: Site, login: string, id: number, type = "User") {
  const url = `${site.api}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `${site.web}/avatars/${id}`,
    gravatar_id: "",
    url,
    html_url: `${site.web}/${encodeURIComponent(login)}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type,
    site_admin: false,
  };
}

const REPO_URLS = {
  archive_url: "/{archive_format}{/ref}",
  assignees_url: "/assignees{/user}",
  blobs_url: "/git/blobs{/sha}",
  branches_url: "/branches{/branch}",
  collaborators_url: "/collaborators{/collaborator}",
  comments_url: "/comments{/number}",
  commits_url: "/commits{/sha}",
  compare_url: "/compare/{base}...{head}",
  contents_url: "/contents/{+path}",
  contributors_url: "/contributors",
  deployments_url: "/deployments",
  downloads_url: "/downloads",
  events_url: "/events",
  forks_url: "/forks",
  git_commits_url: "/git/commits{/sha}",
  git_refs_url: "/git/refs{/sha}",
  git_tags_url: "/git/tags{/sha}",
  hooks_url: "/hooks",
  issue_comment_url: "/issues/comments{/number}",
  issue_events_url: "/issues/events{/number}",
  issues_url: "/issues{/number}",
  keys_url: "/keys{/key_id}",
  labels_url: "/labels{/name}",
  languages_url: "/languages",
  merges_url: "/merges",
  milestones_url: "/milestones{/number}",
  notifications_url: "/notifications{?since,all,participating}",
  pulls_url: "/pulls{/number}",
  releases_url: "/releases{/id}",
  stargazers_url: "/stargazers",
  statuses_url: "/statuses/{sha}",
  subscribers_url: "/subscribers",
  subscription_url: "/subscription",
  tags_url: "/tags",
  teams_url: "/teams",
  trees_url: "/git/trees{/sha}",
};

export function repository(site: Site, defaultBranch: string) {
  const url = `${site.api}/repos/${site.owner}/${site.repo}`;
  const urls = Object.fromEntries(
    Object.entries(REPO_URLS).map(([name, suffix]) => [name, `${url}${suffix}`]),
  );
  const host = new URL(site.web).host;
  return {
    id: 1001,
    node_id: "R_1001",
    name: site.repo,
    full_name: `${site.owner}/${site.repo}`,
    owner: user(site, site.owner, 2001, "Organization"),
    private: true,
    html_url: `${site.web}/${site.owner}/${site.repo}`,
    description: "payroll archive",
    fork: false,
    url,
    ...urls,
    clone_url: `${site.web}/${site.owner}/${site.repo}.git`,
    git_url: `git://${host}/${site.owner}/${site.repo}.git`,
    ssh_url: `git@${host}:${site.owner}/${site.repo}.git`,
    svn_url: `${site.web}/${site.owner}/${site.repo}`,
    mirror_url: null,
    homepage: null,
    language: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 1,
    default_branch: defaultBranch,
    open_issues: 0,
    open_issues_count: 0,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: NOW,
    created_at: NOW,
    updated_at: NOW,
    network_count: 0,
    subscribers_count: 0,
  };
}

export interface GitIdentity {
  name: string;
  email: string;
  date: string;
}

export function gitCommit(
  site: Site,
  commit: {
    sha: string;
    tree: string;
    parents: string[];
    message: string;
    author: GitIdentity;
    committer: GitIdentity;
    verified: boolean;
  },
) {
  const api = `${site.api}/repos/${site.owner}/${site.repo}`;
  return {
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 12)}`,
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${site.web}/${site.owner}/${site.repo}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    message: commit.message,
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/git/commits/${sha}`,
      html_url: `${site.web}/${site.owner}/${site.repo}/commit/${sha}`,
    })),
    verification: commit.verified
      ? {
          verified: true,
          reason: "valid",
          signature: "-----BEGIN PGP SIGNATURE-----\n(stand-in)\n-----END PGP SIGNATURE-----",
          payload: `tree ${commit.tree}`,
          verified_at: NOW,
        }
      : { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
  };
}

export function gitRef(site: Site, branch: string, sha: string) {
  const api = `${site.api}/repos/${site.owner}/${site.repo}`;
  return {
    ref: `refs/heads/${branch}`,
    node_id: `REF_${branch}`,
    url: `${api}/git/refs/heads/${branch}`,
    object: { type: "commit", sha, url: `${api}/git/commits/${sha}` },
  };
}

export interface PullState {
  number: number;
  title: string;
  body: string;
  head: string;
  headSha: string;
  base: string;
  baseSha: string;
  draft: boolean;
  state: "open" | "closed";
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  createdAt: string;
  updatedAt: string;
}

export function label(site: Site, name: string, id: number) {
  return {
    id,
    node_id: `LA_${id}`,
    url: `${site.api}/repos/${site.owner}/${site.repo}/labels/${encodeURIComponent(name)}`,
    name,
    description: "",
    color: "ededed",
    default: false,
  };
}

/** "simple" for the list and review-request answers, "full" for create, get and update. */
export function pullRequest(
  site: Site,
  pull: PullState,
  bot: ReturnType<typeof user>,
  repo: ReturnType<typeof repository>,
  kind: "simple" | "full",
) {
  const api = `${site.api}/repos/${site.owner}/${site.repo}`;
  const html = `${site.web}/${site.owner}/${site.repo}/pull/${pull.number}`;
  const side = (ref: string, sha: string) => ({
    label: `${site.owner}:${ref}`,
    ref,
    sha,
    repo,
    user: repo.owner,
  });
  const simple = {
    url: `${api}/pulls/${pull.number}`,
    id: 5000 + pull.number,
    node_id: `PR_${pull.number}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${api}/pulls/${pull.number}/commits`,
    review_comments_url: `${api}/pulls/${pull.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${pull.headSha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: bot,
    body: pull.body,
    labels: pull.labels.map((name, index) => label(site, name, 7000 + index)),
    milestone: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: pull.reviewers.map((login, index) => user(site, login, 3000 + index)),
    requested_teams: [],
    head: side(pull.head, pull.headSha),
    base: side(pull.base, pull.baseSha),
    _links: {
      self: { href: `${api}/pulls/${pull.number}` },
      html: { href: html },
      issue: { href: `${api}/issues/${pull.number}` },
      comments: { href: `${api}/issues/${pull.number}/comments` },
      review_comments: { href: `${api}/pulls/${pull.number}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${api}/pulls/${pull.number}/commits` },
      statuses: { href: `${api}/statuses/${pull.headSha}` },
    },
    author_association: "NONE",
    auto_merge: null,
    draft: pull.draft,
  };
  if (kind === "simple") return simple;
  return {
    ...simple,
    merged: false,
    mergeable: null,
    rebaseable: null,
    mergeable_state: "unknown",
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

export function errorBody(site: Site, message: string, status: number) {
  return {
    message,
    documentation_url: `${site.web}/docs/rest`,
    status: String(status),
  };
}
