import { createHash } from "node:crypto";
import { LuccaReportError } from "../../core/errors.ts";
import { sameContent } from "../csv-diff.ts";
import { type GitHubClient, MAX_BLOB_BYTES } from "./client.ts";
import type { CreatedCommit, Identity } from "./types.ts";

/** A file to commit: its path in the repository ("/"-separated) and its bytes. */
export interface RepoFile {
  path: string;
  content: Buffer;
}

/** The id git gives these bytes as a blob, so equal content is found without a download. */
export function gitBlobSha(content: Buffer): string {
  return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}

/** Refuses, before any write, a file GitHub's blob API would not take. */
export function checkBlobSizes(files: RepoFile[], maxBytes = MAX_BLOB_BYTES): void {
  const tooBig = files.filter((file) => file.content.length > maxBytes);
  if (tooBig.length > 0) {
    throw new LuccaReportError(
      `Cannot commit through GitHub's API: ${tooBig
        .map((file) => `${file.path} is ${file.content.length} bytes`)
        .join(", ")}, over the ${maxBytes}-byte limit of one blob. ` +
        "Publish it as an artifact, or with publish: commit and sign-commits: false (git push).",
    );
  }
}

/** Each file's bytes at `commit`, undefined where the commit does not have it. */
export async function filesAt(
  client: GitHubClient,
  commit: string,
  paths: string[],
): Promise<(Buffer | undefined)[]> {
  const { tree } = await client.commit(commit);
  const trees = new Map<string, Promise<Awaited<ReturnType<GitHubClient["tree"]>>>>();
  const listing = (sha: string) => {
    const known = trees.get(sha);
    if (known) return known;
    const entries = client.tree(sha);
    trees.set(sha, entries);
    return entries;
  };
  const out: (Buffer | undefined)[] = [];
  for (const path of paths) {
    let sha: string | undefined = tree;
    const parts = path.split("/");
    for (const [index, part] of parts.entries()) {
      const entries = await listing(sha as string);
      const wanted = index === parts.length - 1 ? "blob" : "tree";
      sha = entries.find((entry) => entry.path === part && entry.type === wanted)?.sha;
      if (sha === undefined) break;
    }
    out.push(sha === undefined ? undefined : await client.blob(sha));
  }
  return out;
}

/** A file that differs from what a commit holds, with that commit's version (if any). */
export interface FileChange extends RepoFile {
  before: Buffer | undefined;
}

/**
 * What `commit` holds of the files: `changed` lists those that differ (missing, or different
 * bytes beyond the ignored lines); `holds` is true when none does.
 */
export async function holdsFiles(
  client: GitHubClient,
  commit: string,
  files: RepoFile[],
  ignoreLines: RegExp | undefined,
): Promise<{ holds: boolean; before: (Buffer | undefined)[]; changed: FileChange[] }> {
  const before = await filesAt(
    client,
    commit,
    files.map((file) => file.path),
  );
  const changed: FileChange[] = [];
  for (const [index, file] of files.entries()) {
    const was = before[index];
    if (was === undefined || !(await sameContent(was, file.content, ignoreLines))) {
      changed.push({ ...file, before: was });
    }
  }
  return { holds: changed.length === 0, before, changed };
}

/**
 * One commit on `parent` with `files` added or replaced: blobs, a tree on the parent's tree,
 * the commit. Blobs already sent (same bytes) are not sent again.
 */
export async function createFilesCommit(
  client: GitHubClient,
  options: {
    parent: string;
    files: RepoFile[];
    message: string;
    /** Absent: GitHub authors and signs the commit. */
    identity?: { author: Identity; committer: Identity } | undefined;
    blobs?: Map<string, string>;
  },
): Promise<CreatedCommit> {
  const blobs = options.blobs ?? new Map<string, string>();
  const entries: { path: string; sha: string }[] = [];
  for (const file of options.files) {
    const local = gitBlobSha(file.content);
    let sha = blobs.get(local);
    if (sha === undefined) {
      sha = await client.createBlob(file.content);
      blobs.set(local, sha);
    }
    entries.push({ path: file.path, sha });
  }
  const { tree: baseTree } = await client.commit(options.parent);
  const tree = await client.createTree(baseTree, entries);
  return client.createCommit({
    message: options.message,
    tree,
    parents: [options.parent],
    author: options.identity?.author,
    committer: options.identity?.committer,
  });
}
