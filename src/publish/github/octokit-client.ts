import { defaults as actionsDefaults, GitHub, getOctokitOptions } from "@actions/github/lib/utils";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck/light.js";

export interface GitHubClientOptions {
  token: string;
  /** "owner/name". */
  repository: string;
  /** GITHUB_API_URL; https://HOST/api/v3 on GitHub Enterprise Server. @default https://api.github.com */
  apiUrl?: string | undefined;
  signal?: AbortSignal | undefined;
  /** One HTTP request; a timed-out request is retried like a network error. @default 30000 */
  requestTimeoutMs?: number | undefined;
  /** Retries of a 5xx or network failure (plugin-retry). @default 3 */
  retries?: number | undefined;
  /**
   * Gap between two writes and between two notifying writes (a pull request, a review
   * request), as GitHub recommends to stay clear of secondary rate limits. Tests set 0.
   * @default { writeMs: 1000, notifyMs: 3000 }
   */
  spacing?: { writeMs: number; notifyMs: number } | undefined;
  /**
   * How long one second of a wait lasts: a rate limit's retry-after, plugin-retry's back-off
   * (1 s, 4 s, 9 s). Tests shorten it so that those paths run in milliseconds. @default 1000
   */
  retryAfterUnitMs?: number | undefined;
  /** Warnings from Octokit (deprecations, rate limits). */
  warn?: ((message: string) => void) | undefined;
}

/**
 * Octokit as the client uses it: the job's signal and a timeout on every request, retries of
 * 5xx and network failures, writes spaced as GitHub asks, rate limits waited out briefly.
 */
export function createOctokit(
  options: GitHubClientOptions,
  apiUrl: string,
  redactText: (text: string) => string,
): InstanceType<typeof GitHub> {
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const signal = options.signal;
  const baseFetch = (actionsDefaults.request?.fetch ?? fetch) as typeof fetch;
  // Each attempt gets its own timeout. A cancelled job surfaces as an AbortError, which
  // @octokit/request rethrows as is and plugin-retry does not retry.
  const requestFetch: typeof fetch = (input, init) => {
    if (signal?.aborted) {
      return Promise.reject(new DOMException("The job was cancelled", "AbortError"));
    }
    const signals = [AbortSignal.timeout(timeoutMs)];
    if (init?.signal) signals.push(init.signal);
    if (signal) signals.push(signal);
    return baseFetch(input, { ...init, signal: AbortSignal.any(signals) }).catch((error) => {
      // Whatever reason the job gave, Octokit must see an AbortError, or it would retry.
      if (signal?.aborted) throw new DOMException("The job was cancelled", "AbortError");
      throw error;
    });
  };
  const spacing = options.spacing ?? { writeMs: 1000, notifyMs: 3000 };
  const warn = options.warn ?? (() => {});
  const unitMs = options.retryAfterUnitMs ?? 1000;
  const Client = GitHub.plugin(retry, throttling);
  return new Client(
    getOctokitOptions(options.token, {
      baseUrl: apiUrl,
      request: { fetch: requestFetch },
      retry: { retries: options.retries ?? 3, retryAfterBaseValue: unitMs },
      throttle: {
        retryAfterBaseValue: unitMs,
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: spacing.writeMs }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: spacing.notifyMs }),
        // A primary or secondary rate limit is waited out twice at most, and never for long.
        onRateLimit: (after: number, _options: unknown, _octokit: unknown, count: number) => {
          warn(
            `GitHub's rate limit was reached; ${count < 2 && after <= 60 ? `retrying in ${after} s` : "giving up"}`,
          );
          return count < 2 && after <= 60;
        },
        onSecondaryRateLimit: (
          after: number,
          _options: unknown,
          _octokit: unknown,
          count: number,
        ) => {
          warn(
            `GitHub's secondary rate limit was reached; ${count < 2 && after <= 60 ? `retrying in ${after} s` : "giving up"}`,
          );
          return count < 2 && after <= 60;
        },
      },
      log: {
        debug: () => {},
        info: () => {},
        warn: (message: string) => warn(redactText(message)),
        error: () => {},
      },
    }),
  );
}
