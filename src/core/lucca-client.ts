import { duplicateWarning, mayHaveBeenProcessed } from "./ambiguous-retry.ts";
import type { BackoffOptions } from "./backoff.ts";
import { type BodySample, describeBody } from "./body-description.ts";
import { timerMs } from "./delay.ts";
import { decodeText } from "./encoding.ts";
import { LuccaRejectedError, UnusableAnswerError } from "./errors.ts";
import {
  declaredLength,
  type FetchLike,
  type HttpRequest,
  type OpenResponse,
  sendOnce,
} from "./http.ts";
import { readCapped } from "./read-body.ts";
import { excerptOf } from "./redact.ts";
import { type RetryInfo, type RetryOptions, retry, TransientFailure } from "./retry.ts";
import { type Report, reportSchema, templateSchema } from "./schemas.ts";

const API = "/timmi-timesheet/api";
/** A report or template object is a few KiB; an answer past this is not one. */
export const MAX_JSON_BYTES = 1024 * 1024;

export type ReportFormat = "csv" | "excel";

export interface LuccaClientOptions {
  /** Validated Lucca origin, e.g. https://acme.ilucca.net */
  baseUrl: URL;
  apiKey: string;
  fetch: FetchLike;
  signal: AbortSignal;
  /** @default 30_000 */
  requestTimeoutMs: number;
  /** @default 5 */
  maxRetries: number;
  /** @default { initialMs: 500, maxMs: 30_000 } */
  backoff?: BackoffOptions;
  now?: () => number;
  /** When the whole job must be over (epoch ms): a Retry-After past it fails at once. */
  deadlineAt?: number | undefined;
  onRetry?: (info: RetryInfo & { method: string; url: string }) => void;
  /** Things worth telling that do not stop the run (a possible duplicate report). */
  onWarning?: (message: string) => void;
  /** The step's shared request budget (several reports at once). */
  takeSlot?: ((signal: AbortSignal) => Promise<() => void>) | undefined;
}

export interface CreateReportInput {
  templateId: string;
  startsOn: string | null;
  endsOn: string | null;
  filters?: { kind: string; values: unknown[] }[] | null;
}

export interface LuccaClient {
  createTemplate(payload: unknown): Promise<{ id: string }>;
  createReport(input: CreateReportInput): Promise<Report>;
  getReport(reportId: string): Promise<Report>;
  /** One attempt: the caller streams the body and retries the whole download if it breaks. */
  openDownload(reportId: string, format: ReportFormat): Promise<OpenResponse>;
  /** Retry settings for a download loop run by the caller. */
  retryOptionsFor(method: string, url: string): RetryOptions;
  downloadUrl(reportId: string, format: ReportFormat): URL;
  /** Outside text fit for a message: the key redacted, one line, cut to 300 characters. */
  excerpt(text: string): string;
  /** A body that is not what was asked for, fit for a message (body-description.ts). */
  describe(sample: BodySample): string;
}

export function createLuccaClient(options: LuccaClientOptions): LuccaClient {
  const now = options.now ?? Date.now;
  const backoff = options.backoff ?? { initialMs: 500, maxMs: 30_000 };
  const authorization = `lucca application=${options.apiKey}`;

  const request = (
    method: "GET" | "POST",
    path: string,
    hint: (status: number) => string,
    body?: unknown,
  ) => {
    const req: HttpRequest = {
      method,
      url: new URL(path, options.baseUrl),
      headers: { authorization, accept: "application/json" },
    };
    if (body !== undefined) {
      req.headers["content-type"] = "application/json";
      req.body = JSON.stringify(body);
    }
    return {
      req,
      send: {
        fetch: options.fetch,
        signal: options.signal,
        requestTimeoutMs: options.requestTimeoutMs,
        now,
        secrets: [options.apiKey],
        hint,
        takeSlot: options.takeSlot,
      },
    };
  };

  const retryOptionsFor = (method: string, url: string): RetryOptions => ({
    maxRetries: options.maxRetries,
    backoff,
    signal: options.signal,
    method,
    url,
    onRetry: options.onRetry && ((info) => options.onRetry?.({ ...info, method, url })),
    deadlineAt: options.deadlineAt,
    now,
  });

  async function json(
    method: "GET" | "POST",
    path: string,
    hint: (status: number) => string,
    body?: unknown,
    onRetry?: (info: RetryInfo) => void,
  ): Promise<unknown> {
    const { req, send } = request(method, path, hint, body);
    const where = `${req.url.origin}${req.url.pathname}`;
    const retryOptions = retryOptionsFor(method, where);
    const notify = retryOptions.onRetry;
    return retry(
      async () => {
        const open = await sendOnce(req, send);
        // Stryker disable next-line StringLiteral: equivalent
        // `?? ""` -> other text: the type is only tested against /^\s*text\/html/, which no
        // fallback matches.
        const type = open.response.headers.get("content-type") ?? "";
        if (open.url.href !== req.url.href && /^\s*text\/html/i.test(type)) {
          // Same-origin redirect to a web page: what Lucca does with a key it refuses.
          await open.response.body?.cancel().catch(() => {});
          const hint = commonHint(401) as string;
          throw new LuccaRejectedError(
            `${method} ${where} was redirected to a web page (${excerptOf(open.url.pathname, [options.apiKey])}) instead of answering JSON: Lucca sends API calls to its sign-in page when it does not accept the key. ${hint}`,
            {
              status: open.response.status,
              method,
              url: where,
              bodyExcerpt: "",
              hint,
            },
          );
        }
        // The request timeout covers the headers; a body that stalls after them is cut too.
        const stalled = setTimeout(
          () =>
            open.abort(
              new TransientFailure(`no complete body within ${options.requestTimeoutMs} ms`),
            ),
          timerMs(options.requestTimeoutMs),
        );
        let text: string;
        let sample: BodySample;
        try {
          const body = await readCapped(open.response.body, MAX_JSON_BYTES);
          sample = {
            bytes: body.bytes,
            more: body.overflowed,
            contentType: type || null,
            declaredBytes: declaredLength(open.response.headers),
          };
          if (body.overflowed) {
            const shown = describeBody(sample, [options.apiKey]);
            throw new UnusableAnswerError(
              `The answer of ${method} ${where} is larger than ${MAX_JSON_BYTES / 1024 / 1024} MiB, far more than a report object; it was not read further: ${shown}`,
              { excerpt: shown },
            );
          }
          text = decodeText(body.bytes, "utf-8");
        } catch (error) {
          // A job cancelled meanwhile: retry() gives the job's reason for whatever is thrown.
          if (error instanceof UnusableAnswerError) throw error;
          if (open.signal.reason instanceof TransientFailure) throw open.signal.reason;
          throw new TransientFailure("the response body was cut", { cause: error });
        } finally {
          clearTimeout(stalled);
        }
        try {
          return JSON.parse(text) as unknown;
        } catch (error) {
          // A 2xx with a body that is not JSON is most often a cut body; one more try is cheap.
          throw new TransientFailure(
            `the response of ${method} ${where} is not JSON: ${describeBody(sample, [options.apiKey])}`,
            { cause: error, unusable: true },
          );
        }
      },
      {
        ...retryOptions,
        onRetry: (info) => {
          onRetry?.(info);
          notify?.(info);
        },
      },
    );
  }

  function parse<T>(
    schema: {
      safeParse(
        value: unknown,
      ):
        | { success: true; data: T }
        | { success: false; error: { issues: readonly ZodIssueLike[] } };
    },
    value: unknown,
    what: string,
  ): T {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const shown = excerptOf(JSON.stringify(value), [options.apiKey]);
    // Stryker disable next-line ArrayDeclaration: equivalent
    // `[options.apiKey]` -> []: zod's messages and schema paths never quote the answer's values.
    const problems = excerptOf(describeIssues(result.error.issues, value), [options.apiKey]);
    throw new UnusableAnswerError(
      `Lucca answered with ${what} this tool cannot use (${problems}): ${shown}`,
      { excerpt: shown },
    );
  }

  return {
    async createTemplate(payload) {
      const body = await json("POST", `${API}/report-templates`, templateHint, payload);
      return parse(templateSchema, body, "a template");
    },
    async createReport(input) {
      const ambiguous: string[] = [];
      const body = await json(
        "POST",
        `${API}/reports`,
        createHint(input.templateId),
        {
          templateId: input.templateId,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          filters: input.filters ?? null,
        },
        (info) => {
          if (mayHaveBeenProcessed(info)) ambiguous.push(info.reason);
        },
      );
      const report = parse(reportSchema, body, "a report");
      if (ambiguous.length > 0) options.onWarning?.(duplicateWarning(ambiguous, report.id));
      return report;
    },
    async getReport(reportId) {
      const body = await json(
        "GET",
        `${API}/reports/${encodeURIComponent(reportId)}`,
        reportHint(reportId),
      );
      return parse(reportSchema, body, "a report");
    },
    downloadUrl,
    async openDownload(reportId, format) {
      const { req, send } = request(
        "GET",
        downloadUrl(reportId, format).pathname,
        reportHint(reportId),
      );
      req.headers.accept = "application/octet-stream";
      req.redirects = "download";
      return sendOnce(req, send);
    },
    retryOptionsFor,
    excerpt: (text) => excerptOf(text, [options.apiKey]),
    describe: (sample) => describeBody(sample, [options.apiKey]),
  };

  function downloadUrl(reportId: string, format: ReportFormat): URL {
    const suffix = format === "excel" ? "download-excel" : "download-csv";
    return new URL(`${API}/reports/${encodeURIComponent(reportId)}/${suffix}`, options.baseUrl);
  }
}

interface ZodIssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  /** Only a union's issue has them: the issues of each branch. */
  readonly errors?: readonly (readonly ZodIssueLike[])[];
}

/**
 * "id: must be …; status: …" from a failed parse. Of a bare-or-wrapped union, the branch
 * that matches the answer's shape tells what is wrong.
 */
function describeIssues(issues: readonly ZodIssueLike[], value: unknown): string {
  const wrapped = typeof value === "object" && value !== null && "data" in value;
  const flat = issues.flatMap((issue) => {
    if (!issue.errors?.length) return [issue];
    const branch = wrapped ? issue.errors[0] : issue.errors[issue.errors.length - 1];
    // Stryker disable next-line ArrayDeclaration: unreachable
    // `[issue]` -> []: `errors.length` is at least 1 here.
    return branch ?? [issue];
  });
  return flat
    .map((issue) => {
      const path = issue.path.map(String).join(".");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

const KEY_HINT =
  "Check the API key (LUCCA_API_KEY, --api-key-file or the api-key input): Lucca did not accept it.";

function commonHint(status: number): string | undefined {
  if (status === 401) return KEY_HINT;
  if (status === 405)
    return "The Lucca API does not accept this method here; check the domain points at a Lucca Timesheet instance.";
  if (status === 413) return "The request is too large for Lucca.";
  return undefined;
}

function createHint(templateId: string) {
  return (status: number) =>
    commonHint(status) ??
    (status === 403
      ? `The API key is valid but its role lacks report generation rights or access to template ${templateId}; ask a Lucca administrator to grant them.`
      : status === 404
        ? `Check the template id: template ${templateId} does not exist on this domain or the key's role cannot see it.`
        : "Check the template id and the dates sent.");
}

function reportHint(reportId: string) {
  return (status: number) =>
    commonHint(status) ??
    (status === 403
      ? `The API key is valid but its role may not read report ${reportId}; it needs report generation rights.`
      : status === 404
        ? `Check the report id: report ${reportId} does not exist on this domain (or no longer), or the key's role cannot see it.`
        : `Lucca refused report ${reportId}; if it is not finished or failed, create a new one instead of resuming it.`);
}

function templateHint(status: number): string {
  return (
    commonHint(status) ??
    (status === 403
      ? "The API key's role may not create report templates."
      : "Check the template file: it must be the JSON payload the Lucca Timesheet UI sends (blueprintId, name, columns).")
  );
}
