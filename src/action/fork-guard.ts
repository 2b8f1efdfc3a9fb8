import { readFileSync } from "node:fs";

/**
 * True on a pull_request_target event from a fork: that workflow runs with write access on
 * behalf of code someone else controls, so commit mode must not push from it.
 */
export function isForkPullRequestTarget(env: Record<string, string | undefined>): boolean {
  if (env.GITHUB_EVENT_NAME !== "pull_request_target") return false;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? "", "utf8")) as {
      pull_request?: {
        head?: { repo?: { full_name?: string; fork?: boolean } | null };
        base?: { repo?: { full_name?: string } };
      };
    };
    const head = event.pull_request?.head?.repo;
    const base = event.pull_request?.base?.repo;
    // A deleted fork has no head repository: assume the worst.
    return !head || head.fork === true || head.full_name !== base?.full_name;
  } catch {
    return true;
  }
}
