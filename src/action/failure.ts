import {
  AbortedError,
  InvalidInputError,
  LuccaReportError,
  ReportFailedError,
  ReportTimeoutError,
  UnusableAnswerError,
} from "../core/errors.ts";
import { GitHubApiError } from "../publish/github/errors.ts";

export interface FailureText {
  title: string;
  message: string;
  /** How to resume, in the action's words, when a report was created. */
  resume: string | undefined;
}

/** An error as a person reads it in an annotation and the summary. */
export function describeFailure(error: unknown, lastReportId?: string): FailureText {
  const reportId =
    error instanceof ReportTimeoutError || error instanceof ReportFailedError
      ? error.reportId
      : lastReportId;
  const resume = reportId
    ? `To resume, re-run with the input \`report-id: ${reportId}\`.`
    : undefined;
  if (error instanceof InvalidInputError) {
    return {
      title: "Invalid inputs",
      message: error.issues.map((issue) => `- ${issue}`).join("\n"),
      resume: undefined,
    };
  }
  if (error instanceof ReportTimeoutError)
    return { title: "Lucca report timed out", message: error.message, resume };
  if (error instanceof ReportFailedError) {
    return {
      title: "Lucca could not generate the report",
      message: error.message,
      resume: undefined,
    };
  }
  if (error instanceof GitHubApiError) {
    return { title: "GitHub API call failed", message: error.message, resume: undefined };
  }
  if (error instanceof AbortedError) return { title: "Cancelled", message: error.message, resume };
  if (error instanceof LuccaReportError) {
    return {
      title: titleFor(error),
      message: error.message,
      resume: error.exitCode === 6 ? resume : undefined,
    };
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { title: "Unexpected error", message, resume };
}

function titleFor(error: LuccaReportError): string {
  if (error instanceof UnusableAnswerError) return "Lucca's answer could not be used";
  switch (error.exitCode) {
    case 3:
      return "Lucca rejected the request";
    case 5:
      return "Timed out";
    case 6:
      return "Lucca could not be reached";
    default:
      return "Lucca report failed";
  }
}
