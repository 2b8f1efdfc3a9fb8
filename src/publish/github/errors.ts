import { LuccaReportError } from "../../core/errors.ts";

// Apart from the client so that the entry point can recognise it without loading Octokit.
/** A GitHub API call that failed; the token never appears in `message`. */
export class GitHubApiError extends LuccaReportError {
  readonly status: number | undefined;
  readonly method: string;
  readonly path: string;
  constructor(
    message: string,
    details: { status: number | undefined; method: string; path: string; cause?: unknown },
  ) {
    super(message, { cause: details.cause });
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
  }
}
