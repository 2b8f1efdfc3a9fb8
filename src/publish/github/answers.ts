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

export const answers = {
  repository: z.object({ default_branch: z.string().regex(/^[^\s\p{Cc}]+$/u) }),
  ref: z.object({ object: z.object({ sha: objectId }) }),
  commit: z.object({
    sha: objectId,
    tree: z.object({ sha: objectId }),
    parents: z.array(z.object({ sha: objectId })),
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
  createdCommit: z.object({ sha: objectId, verification: z.object({ verified: z.boolean() }) }),
  pullRequest,
  pullRequests: z.array(pullRequest),
};
