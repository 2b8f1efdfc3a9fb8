/** What GitHub's answers become once checked (answers.ts). */

export interface Identity {
  name: string;
  email: string;
}

export interface TreeEntry {
  path: string;
  mode: string;
  type: string;
  sha: string;
}

export interface CreatedCommit {
  sha: string;
  verified: boolean;
  /** As GitHub recorded them (for a signed commit, the token's identity). */
  author?: Identity | undefined;
  committer?: Identity | undefined;
}

export interface Comparison {
  totalCommits: number;
  commits: { sha: string; parents: string[]; author: Identity; committer: Identity }[];
  files: { path: string; previousPath: string | undefined }[];
}

export interface PullRequestRef {
  number: number;
  url: string;
  headSha: string;
}
