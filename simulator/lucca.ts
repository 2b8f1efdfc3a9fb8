import { createReport, createTemplate, downloadReport, readReport } from "./endpoints.ts";
import { type Exchange, sendError, writeHead } from "./exchange.ts";
import type { FailureRule, FailureTarget, RateLimit } from "./options.ts";
import { failureTarget, matchRoute } from "./routes.ts";
import type { SimulatorState } from "./state.ts";

/** Uses up one matching configured failure, if any is left. */
function takeFailure(
  state: SimulatorState,
  rules: FailureRule[],
  target: FailureTarget,
): FailureRule | undefined {
  for (const rule of rules) {
    const on = rule.on ?? "any";
    if (on !== "any" && on !== target) continue;
    const used = state.failuresUsed.get(rule) ?? 0;
    if (used >= rule.count) continue;
    state.failuresUsed.set(rule, used + 1);
    return rule;
  }
  return undefined;
}

/**
 * The Lucca origin. Order of checks: the tenant-wide rate limit (every request counts),
 * then the API key, then the route, then injected failures.
 */
export async function handleLucca(ex: Exchange, state: SimulatorState): Promise<void> {
  const { settings } = ex;
  if (ex.url.pathname === LOGIN_PATH) return sendLoginPage(ex);
  const now = settings.now();
  const limit = settings.rateLimit;
  if (limit && settings.rateLimitHeaders) setRateLimitHeaders(ex, state, limit, now);
  if (settings.throttleUntil !== undefined && now < settings.throttleUntil) {
    const seconds = Math.max(1, Math.ceil((settings.throttleUntil - now) / 1000));
    return sendError(
      ex,
      429,
      "Too many requests",
      settings.retryAfterHeader ? { "Retry-After": String(seconds) } : {},
    );
  }
  if (limit) {
    const waitMs = state.limiter.take(now, limit);
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      return sendError(
        ex,
        429,
        `Too many requests: the limit is ${limit.requests} per ${limit.windowMs / 1000} s; retry in ${seconds} s`,
        settings.retryAfterHeader ? { "Retry-After": String(seconds) } : {},
      );
    }
  }
  if (settings.loginRedirect) {
    // What an SSO front does with a request it does not take for an API call.
    writeHead(ex, 302, {
      Location: `${LOGIN_PATH}?ReturnUrl=${encodeURIComponent(ex.url.pathname)}`,
      "Content-Length": 0,
    });
    ex.res.end();
    return;
  }

  const authorization = ex.req.headers.authorization;
  if (authorization !== `lucca application=${settings.apiKey}`) {
    if (authorization === `lucca application=${settings.forbiddenKey}`) {
      return sendError(ex, 403, "This API key has no report generation rights");
    }
    return sendError(
      ex,
      401,
      authorization === undefined
        ? "Authentication required: send Authorization: lucca application=<API key>"
        : "Invalid API key",
    );
  }

  const match = matchRoute(ex.req.method ?? "GET", ex.url.pathname);
  if (!match.found) {
    if (match.status === 405) {
      return sendError(ex, 405, `Method ${ex.req.method} is not allowed here`, {
        Allow: match.allow,
      });
    }
    return sendError(ex, 404, `No endpoint at ${ex.url.pathname}`);
  }

  const { route } = match;
  const failure = takeFailure(state, settings.failures, failureTarget(route));
  if (failure) {
    return sendError(
      ex,
      failure.status,
      `Simulated failure (HTTP ${failure.status})`,
      failure.retryAfter === undefined ? {} : { "Retry-After": String(failure.retryAfter) },
    );
  }

  switch (route.kind) {
    case "createTemplate":
      return createTemplate(ex, state);
    case "createReport":
      return createReport(ex, state);
    case "status":
      return readReport(ex, state, route.id);
    case "download":
      return downloadReport(ex, state, route.id, route.format);
  }
}

const LOGIN_PATH = "/identity/login";

function sendLoginPage(ex: Exchange): void {
  const html =
    '<!DOCTYPE html><html><head><title>Lucca - Connexion</title></head><body><form method="post"><input name="login"></form></body></html>';
  writeHead(ex, 200, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
  });
  ex.res.end(html);
}

/** The headers many APIs send with every answer; Lucca's are not documented. */
function setRateLimitHeaders(
  ex: Exchange,
  state: SimulatorState,
  limit: RateLimit,
  now: number,
): void {
  const remaining = state.limiter.remaining(now, limit);
  ex.res.setHeader("X-RateLimit-Limit", String(limit.requests));
  ex.res.setHeader("X-RateLimit-Remaining", String(Math.max(0, remaining - 1)));
  ex.res.setHeader("X-RateLimit-Reset", String(Math.ceil(limit.windowMs / 1000)));
}
