import { createReport, createTemplate, downloadReport, readReport } from "./endpoints.ts";
import { type Exchange, sendError } from "./exchange.ts";
import type { FailureRule, FailureTarget } from "./options.ts";
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
  const limit = settings.rateLimit;
  if (limit) {
    const waitMs = state.limiter.take(settings.now(), limit);
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      return sendError(
        ex,
        429,
        `Too many requests: the limit is ${limit.requests} per ${limit.windowMs / 1000} s; retry in ${seconds} s`,
        { "Retry-After": String(seconds) },
      );
    }
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
