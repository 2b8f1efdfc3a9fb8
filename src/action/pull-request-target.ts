import { InvalidInputError } from "../core/errors.ts";
import { type Env, gitHubClient, withDeadline } from "./github-context.ts";
import type { ActionInputs } from "./inputs.ts";
import { type PullRequestTarget, plannedBranch } from "./pull-request-branch.ts";

/** The branch the workflow runs on: a pull request's head branch, else a pushed branch. */
export function runningBranch(env: Record<string, string | undefined>): string | undefined {
  if (env.GITHUB_HEAD_REF) return env.GITHUB_HEAD_REF;
  return env.GITHUB_REF?.startsWith("refs/heads/") ? env.GITHUB_REF_NAME || undefined : undefined;
}

/**
 * With publish: pull-request, before any request to Lucca: the base, from pr-base, the branch
 * the workflow runs on or the repository's default branch (asked of GitHub). pr-branch is
 * force-updated, so it is refused when it names any of them.
 */
export async function pullRequestTarget(
  inputs: ActionInputs,
  env: Env,
  signal: AbortSignal,
): Promise<PullRequestTarget> {
  const client = await gitHubClient(
    inputs,
    env,
    withDeadline({ signal, timeoutMs: inputs.settings.timeoutMs }),
  );
  const defaultBranch = await client.defaultBranch();
  const running = runningBranch(env);
  const base =
    inputs.github.pullRequest.base ??
    (env.GITHUB_REF?.startsWith("refs/heads/") ? env.GITHUB_REF_NAME : undefined) ??
    defaultBranch;
  const planned = plannedBranch(inputs.github.pullRequest.branch, inputs.settings);
  const roles = [
    [defaultBranch, "the repository's default branch"],
    [base, "the pull request's base"],
    [running, "the branch the workflow runs on"],
  ].flatMap(([branch, role]) => (planned.exact && branch === planned.name ? [role] : []));
  if (roles.length > 0) {
    throw new InvalidInputError(
      `pr-branch: "${planned.name}" is ${roles.join(" and ")}; the action rebuilds and force-updates pr-branch, so give it a branch of its own (the default is lucca-report/{templateId})`,
    );
  }
  return { base, refuse: [defaultBranch, ...(running ? [running] : [])] };
}
