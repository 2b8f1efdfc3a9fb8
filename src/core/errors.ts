/** Every error this tool raises on purpose; `exitCode` is what the CLI exits with. */
export class LuccaReportError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }
}

/** Bad input, found before any request; `issues` names each bad field. */
export class InvalidInputError extends LuccaReportError {
  override readonly exitCode: number = 2;
  readonly issues: string[];
  constructor(issues: string[] | string) {
    const list = typeof issues === "string" ? [issues] : issues;
    super(list.join("; "));
    this.issues = list;
  }
}

/** Lucca said no (400, 401, 403, 404, ...): retrying will not help. */
export class LuccaRejectedError extends LuccaReportError {
  override readonly exitCode: number = 3;
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly bodyExcerpt: string;
  readonly hint: string;
  constructor(
    message: string,
    details: {
      status: number;
      method: string;
      url: string;
      bodyExcerpt: string;
      hint: string;
      cause?: unknown;
    },
  ) {
    super(message, { cause: details.cause });
    this.status = details.status;
    this.method = details.method;
    this.url = details.url;
    this.bodyExcerpt = details.bodyExcerpt;
    this.hint = details.hint;
  }
}

/** The report ended in "error" on every generation attempt. */
export class ReportFailedError extends LuccaReportError {
  override readonly exitCode: number = 4;
  readonly reportId: string;
  readonly attempts: number;
  constructor(message: string, details: { reportId: string; attempts: number }) {
    super(message);
    this.reportId = details.reportId;
    this.attempts = details.attempts;
  }
}

/** The overall deadline passed; `reportId` lets the user resume. */
export class ReportTimeoutError extends LuccaReportError {
  override readonly exitCode: number = 5;
  readonly reportId: string | undefined;
  constructor(message: string, details: { reportId: string | undefined; cause?: unknown }) {
    super(message, { cause: details.cause });
    this.reportId = details.reportId;
  }
}

/** Network errors or server failures that outlasted every retry. */
export class NetworkError extends LuccaReportError {
  override readonly exitCode: number = 6;
  readonly method: string;
  readonly url: string;
  readonly status: number | undefined;
  readonly attempts: number;
  constructor(
    message: string,
    details: {
      method: string;
      url: string;
      status: number | undefined;
      attempts: number;
      cause?: unknown;
    },
  ) {
    super(message, { cause: details.cause });
    this.method = details.method;
    this.url = details.url;
    this.status = details.status;
    this.attempts = details.attempts;
  }
}

/**
 * Lucca (or whatever answers on its domain) sent something this tool will not use: a
 * report whose id, status or dates do not have the expected form, a body past the size
 * cap, a page where a report was expected, a Retry-After past the deadline. Exit 6 like
 * other server failures: it is the server's answer that is wrong, not the tool.
 */
export class UnusableAnswerError extends LuccaReportError {
  override readonly exitCode: number = 6;
  /** The answer, redacted, single-line and cut: safe to print. */
  readonly excerpt: string;
  constructor(message: string, details: { excerpt?: string; cause?: unknown } = {}) {
    super(message, { cause: details.cause });
    this.excerpt = details.excerpt ?? "";
  }
}

/** The signals that cancel a run, with the exit code shells expect for each (128 + number). */
export const CANCEL_SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
export type CancelSignal = keyof typeof CANCEL_SIGNALS;

/** Cancelled from outside: SIGHUP exits 129, SIGINT 130, SIGTERM 143, as shells expect. */
export class AbortedError extends LuccaReportError {
  override readonly exitCode: number;
  readonly signal: CancelSignal | undefined;
  constructor(message: string, details: { signal?: CancelSignal } = {}) {
    super(message);
    this.signal = details.signal;
    this.exitCode = CANCEL_SIGNALS[details.signal ?? "SIGINT"];
  }
}
