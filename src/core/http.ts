import { describeBody } from "./body-description.ts";
import { timerMs } from "./delay.ts";
import { isLoopbackHost } from "./domain.ts";
import { LuccaRejectedError, NetworkError, UnusableAnswerError } from "./errors.ts";
import { permanentNetworkProblem } from "./network-failure.ts";
import { readCapped } from "./read-body.ts";
import { excerptOf, redact } from "./redact.ts";
import { isTransientStatus, TransientFailure } from "./retry.ts";
import { parseRetryAfter } from "./retry-after.ts";
import { pathShape, urlForMessage } from "./url-shape.ts";

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface HttpRequest {
  method: "GET" | "POST";
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /**
   * "api" (JSON calls): redirects are followed on the same origin only. "download": also
   * to another https origin, without the Authorization header. @default "api"
   */
  redirects?: "api" | "download";
}

export interface SendOptions {
  fetch: FetchLike;
  /** The whole job's signal: cancellation and the overall deadline. */
  signal: AbortSignal;
  /** Longest wait for the response headers of one request. */
  requestTimeoutMs: number;
  now: () => number;
  /** Texts that must never appear in an error message (the API key). */
  secrets: readonly string[];
  /** Explains a rejection (401, 403, 404, ...) in words a user can act on. */
  hint: (status: number) => string;
  /**
   * Waits for the step's shared request budget, before the timeout starts (queueing is not
   * slowness); the function it returns is called once the request is answered or failed.
   */
  takeSlot?: ((signal: AbortSignal) => Promise<() => void>) | undefined;
}

const MAX_REDIRECTS = 5;
/** Bytes of an error body read for its excerpt; the rest is never read. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** A response whose body is still to be read, and the abort that cancels reading it. */
export interface OpenResponse {
  response: Response;
  url: URL;
  /** Cancels the body read (an idle timer uses it). */
  abort: (reason: unknown) => void;
  signal: AbortSignal;
}

/**
 * Sends one request and returns the 2xx response with its body unread. Follows redirects
 * itself so that Authorization never leaves the origin it was meant for. Throws
 * TransientFailure for what a retry may cure, LuccaRejectedError for the rest.
 */
export async function sendOnce(request: HttpRequest, options: SendOptions): Promise<OpenResponse> {
  const answered = await options.takeSlot?.(options.signal);
  const controller = new AbortController();
  const signal = AbortSignal.any([options.signal, controller.signal]);
  const timer = setTimeout(
    () =>
      controller.abort(new TransientFailure(`no response within ${options.requestTimeoutMs} ms`)),
    timerMs(options.requestTimeoutMs),
  );
  try {
    let url = request.url;
    let headers = { ...request.headers };
    let method = request.method;
    let body = request.body ?? null;
    /** Set once a POST was answered with "see the result there": it must never be sent again. */
    let postSeenOther: string | undefined;
    for (let hop = 0; ; hop++) {
      const response = await fetchOrTransient(
        options.fetch,
        url,
        { method, headers, body, redirect: "manual", signal },
        signal,
        options.secrets,
      ).catch((error: unknown) => {
        throw postSeenOther ? notRetried(postSeenOther, error) : error;
      });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) {
          const failure = new TransientFailure(`more than ${MAX_REDIRECTS} redirects`);
          throw postSeenOther ? notRetried(postSeenOther, failure) : failure;
        }
        const next = checkRedirect(request, url, response.status, location, options);
        if (next.origin !== request.url.origin) headers = withoutAuthorization(headers);
        if (method === "POST" && isSeeOther(response.status)) {
          // The POST was received (the report may exist): read the answer where it points,
          // with a GET, as HTTP says; the POST itself is never sent again.
          postSeenOther = `${request.method} ${request.url.origin}${request.url.pathname} was answered ${response.status} (see ${pathShape(next.pathname, options.secrets)})`;
          method = "GET";
          body = null;
          headers = withoutContentType(headers);
        }
        url = next;
        continue;
      }
      if (response.ok)
        return { response, url, abort: (reason) => controller.abort(reason), signal };
      const failure = await failureFor(
        method,
        url,
        response,
        options,
        url.origin === request.url.origin,
      );
      throw postSeenOther ? notRetried(postSeenOther, failure) : failure;
    }
  } catch (error) {
    if (options.signal.aborted) throw options.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    answered?.();
  }
}

/** 301, 302 and 303 turn a POST into a GET of the place named (what browsers do). */
function isSeeOther(status: number): boolean {
  return status === 301 || status === 302 || status === 303;
}

/**
 * A failure after a POST was answered with a redirect: retrying would send the POST again
 * and could create a second report, so it ends the call instead.
 */
function notRetried(what: string, error: unknown): Error {
  if (!(error instanceof TransientFailure)) return error as Error;
  return new UnusableAnswerError(
    `${what}, and reading that answer failed: ${error.message}. Not retried, so that no second report is created; the report may exist in Lucca.`,
    { cause: error },
  );
}

function withoutContentType(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== "content-type"),
  );
}

async function fetchOrTransient(
  fetch: FetchLike,
  url: URL,
  init: RequestInit,
  signal: AbortSignal,
  secrets: readonly string[],
) {
  try {
    return await fetch(url, init);
  } catch (error) {
    // The request timeout (a TransientFailure) or the job's own reason, not the AbortError.
    if (signal.aborted) throw signal.reason;
    // The HTTP stack may quote a header it refused: with a key holding a NUL byte, that
    // is the key. Neither the message nor the cause kept may show it.
    const described = describeCause(error);
    const cause = redact(described, secrets) === described ? error : redactedCause(error, secrets);
    const permanent = permanentNetworkProblem(error, url.hostname);
    if (permanent !== undefined) {
      // Fails at once: every retry would meet the same answer, after waits of 15 s in all.
      const where = `${init.method ?? "GET"} ${url.origin}${url.pathname}`;
      throw new NetworkError(`${where} failed: ${permanent}. Not retried.`, {
        method: init.method ?? "GET",
        url: `${url.origin}${url.pathname}`,
        status: undefined,
        attempts: 1,
        cause,
      });
    }
    throw new TransientFailure(`network error: ${excerptOf(described, secrets)}`, { cause });
  }
}

/** A stand-in for an error whose text holds a secret: same name, redacted message. */
function redactedCause(error: unknown, secrets: readonly string[]): Error {
  const copy = new Error(redact(describeCause(error), secrets));
  copy.name = error instanceof Error ? error.name : "Error";
  return copy;
}

/**
 * Where a redirect may lead. Never to another scheme than https (http only between
 * loopback hosts, for the simulator), and for JSON calls never to another origin: there, a
 * redirect means a wrong domain or a sign-in page. A POST answered 301-303 on its own
 * origin is followed with a GET by the caller; 307/308 re-send the same POST.
 */
function checkRedirect(
  request: HttpRequest,
  from: URL,
  status: number,
  location: string,
  options: SendOptions,
): URL {
  const where = `${request.method} ${urlForMessage(from, options.secrets)}`;
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new UnusableAnswerError(
      `${where} was redirected (${status}) to something that is not a URL; not followed.`,
    );
  }
  const loopbackHttp =
    request.url.protocol === "http:" &&
    isLoopbackHost(request.url.hostname) &&
    isLoopbackHost(next.hostname);
  if (next.protocol !== "https:" && !(next.protocol === "http:" && loopbackHttp)) {
    const what =
      next.protocol === "http:" ? "http:, a downgrade from https" : `a ${next.protocol} URL`;
    throw new UnusableAnswerError(`${where} was redirected (${status}) to ${what}; not followed.`);
  }
  const keyHint = options.hint(401);
  if ((request.redirects ?? "api") === "api" && next.origin !== request.url.origin) {
    throw new LuccaRejectedError(
      `${where} was redirected (${status}) to another origin, ${redact(next.origin, options.secrets)}; API calls are not followed there. Either the domain is not the Lucca API (check it), or Lucca sent the call to a sign-in page because it did not accept the key. ${keyHint}`,
      {
        status,
        method: request.method,
        url: urlForMessage(from, options.secrets),
        bodyExcerpt: "",
        hint: keyHint,
      },
    );
  }
  return next;
}

function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== "authorization"),
  );
}

async function failureFor(
  method: string,
  url: URL,
  response: Response,
  options: SendOptions,
  echoBody: boolean,
) {
  // Another origin's body is never shown: a redirect could point at an internal service.
  const excerpt = echoBody ? await readExcerpt(response, options.secrets) : "";
  if (!echoBody) await response.body?.cancel().catch(() => {});
  // The last hop's URL may be a redirect's target: the server chose it.
  const shown = urlForMessage(url, options.secrets);
  const where = `${method} ${shown}`;
  if (isTransientStatus(response.status)) {
    return new TransientFailure(
      `${where} answered ${response.status}${excerpt ? `: ${excerpt}` : ""}`,
      {
        status: response.status,
        retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), options.now()),
      },
    );
  }
  const hint = options.hint(response.status);
  return new LuccaRejectedError(
    `Lucca rejected ${where} with ${response.status}${excerpt ? ` (${excerpt})` : ""}. ${hint}`,
    {
      status: response.status,
      method,
      url: shown,
      bodyExcerpt: excerpt,
      hint,
    },
  );
}

/**
 * The message an error body carries, whichever of Lucca's error shapes it uses, or only its
 * type, size and first bytes when it is not recognisably a page or an error (it may be the
 * report): at most 64 KiB read, secrets redacted before the cut to 300 characters, one line.
 */
export async function readExcerpt(
  response: Response,
  secrets: readonly string[] = [],
): Promise<string> {
  try {
    const body = await readCapped(response.body, MAX_ERROR_BODY_BYTES);
    return describeBody(
      {
        bytes: body.bytes,
        more: body.overflowed,
        contentType: response.headers.get("content-type"),
        declaredBytes: declaredLength(response.headers),
      },
      secrets,
    );
  } catch {
    return "";
  }
}

/** The Content-Length announced, when it is a number. */
export function declaredLength(headers: Headers): number | undefined {
  const value = headers.get("content-length");
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

export { redact };

function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
