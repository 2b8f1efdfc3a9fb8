import { RequestError } from "@octokit/request-error";
import { excerptOf, redact } from "../../core/redact.ts";
import { GitHubApiError } from "./errors.ts";

/** Which permission each call needs, to say it plainly when GitHub answers 403. */
export type Permission =
  | "contents: read"
  | "contents: write"
  | "pull-requests: write"
  | "issues: write";

/** A failed call as a GitHubApiError: what was called, what GitHub said, what to check. */
export function describeApiFailure(call: {
  method: string;
  path: string;
  permission: Permission;
  error: unknown;
  token: string;
  redact: (text: string) => string;
}): GitHubApiError {
  const { method, path, permission, error } = call;
  const status = error instanceof RequestError ? error.status : undefined;
  const said = excerptOf(call.redact(error instanceof Error ? error.message : String(error)), [
    call.token,
  ]);
  let hint = "";
  if (rateLimited(error)) {
    hint = " GitHub's rate limit for this token was reached: run the job again later.";
  } else if (status === 403 || status === 401) {
    hint =
      status === 401
        ? " The token was refused: check github-token."
        : ` The token needs \`permissions: ${permission}\` in the workflow (or job)` +
          (permission === "pull-requests: write"
            ? ', and the repository must allow it: Settings > Actions > General > "Allow GitHub Actions to create and approve pull requests".'
            : ".");
  } else if (status === 404) {
    hint = " Check the repository name and that the token can read it.";
  }
  return new GitHubApiError(
    `GitHub API ${method} ${path} failed${status ? ` (${status})` : ""}: ${said}${/[.!?]$/.test(said) ? "" : "."}${hint}`,
    { status, method, path, cause: error },
  );
}

/** GitHub's refusals for its primary (remaining 0) or secondary (Retry-After) rate limit. */
function rateLimited(error: unknown): boolean {
  if (!(error instanceof RequestError) || (error.status !== 403 && error.status !== 429)) {
    return false;
  }
  const headers = error.response?.headers ?? {};
  return headers["x-ratelimit-remaining"] === "0" || headers["retry-after"] !== undefined;
}

/** The token, and anything that looks like one, blanked out of text bound for a log. */
export function redactToken(text: string, token: string): string {
  // Stryker disable next-line ArrayDeclaration: equivalent
  // `[token]` -> []: the token-shaped pattern below and excerptOf(..., [token]) blank it
  // all the same.
  return redact(text, [token]).replace(
    /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g,
    "***",
  );
}
