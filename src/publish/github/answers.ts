import * as z from "zod";

// What the client reads of GitHub's answers. Octokit hands over whatever body came back: a
// cut-off body becomes `undefined` and a proxy's HTML page a string, with a 200 either way.
// Object ids and URLs read here reach git, the job's outputs and its summary, so they are
// checked before use, like any other text from the network.

const objectId = z.string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/);

const pullRequest = z.object({
  number: z.number().int().positive(),
  html_url: z.string().regex(/^https?:\/\/[^\s<>"]+$/),
  head: z.object({ sha: objectId }),
});

// Git's names as GitHub reports them (nullable-git-user): shown only through the log-line door.
const gitUser = z
  .object({ name: z.string().optional(), email: z.string().optional() })
  .nullable()
  .transform((user) => ({ name: user?.name ?? "", email: user?.email ?? "" }));

export const answers = {
  repository: z.object({ default_branch: z.string().regex(/^[^\s\p{Cc}]+$/u) }),
  ref: z.object({ object: z.object({ sha: objectId }) }),
  commit: z.object({
    sha: objectId,
    tree: z.object({ sha: objectId }),
    parents: z.array(z.object({ sha: objectId })),
    author: gitUser.optional(),
  }),
  tree: z.object({
    tree: z.array(
      z.object({
        path: z.string().optional(),
        mode: z.string().optional(),
        type: z.string().optional(),
        sha: objectId.optional(),
      }),
    ),
  }),
  blob: z.object({ content: z.string(), encoding: z.string() }),
  created: z.object({ sha: objectId }),
  createdCommit: z.object({
    sha: objectId,
    verification: z.object({ verified: z.boolean() }),
    author: gitUser.optional(),
    committer: gitUser.optional(),
  }),
  comparison: z.object({
    total_commits: z.number().int().nonnegative(),
    commits: z.array(
      z.object({
        sha: objectId,
        parents: z.array(z.object({ sha: objectId })),
        commit: z.object({ author: gitUser, committer: gitUser }),
      }),
    ),
    files: z
      .array(z.object({ filename: z.string(), previous_filename: z.string().optional() }))
      .optional(),
  }),
  pullRequest,
  pullRequests: z.array(pullRequest),
};
