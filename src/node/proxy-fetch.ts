import { InvalidInputError } from "../core/errors.ts";
import type { FetchLike } from "../core/http.ts";
import { proxyProblems } from "./proxy-env.ts";

/**
 * The Node transport: undici.request (see undici-fetch.ts), through an EnvHttpProxyAgent
 * when HTTPS_PROXY or HTTP_PROXY is set (Node's global fetch ignores them; self-hosted
 * runners and CLI users behind a corporate proxy need them). Deno keeps its own fetch, which
 * already honours HTTP(S)_PROXY and NO_PROXY, and loads nothing of undici. A proxy variable
 * that cannot be used is bad input (InvalidInputError), found before any request.
 */
export async function fetchForEnvironment(
  env: Record<string, string | undefined>,
): Promise<FetchLike> {
  const problems = proxyProblems(env);
  if (problems.length > 0) throw new InvalidInputError(problems);
  if ("Deno" in globalThis) return globalThis.fetch;
  // Loaded here, not at start-up: the action's first request waits for it either way, but
  // parsing it with the entry point would delay everything before (reading inputs, masking).
  const { createUndiciFetch } = await import("./undici-fetch.ts");
  const proxy = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
  if (!proxy) return createUndiciFetch();
  const { EnvHttpProxyAgent } = await import("undici");
  // EnvHttpProxyAgent reads HTTP(S)_PROXY and NO_PROXY itself, per request host.
  return createUndiciFetch(new EnvHttpProxyAgent());
}

/**
 * fetchForEnvironment, built on the first request: the CLI starts before it knows whether
 * the command sends any, and refuses an unusable proxy variable as bad input first.
 */
export function lazyFetchForEnvironment(env: Record<string, string | undefined>): FetchLike {
  let transport: Promise<FetchLike> | undefined;
  return async (input, init) => {
    transport ??= fetchForEnvironment(env);
    return (await transport)(input, init);
  };
}
