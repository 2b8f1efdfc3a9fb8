import type { FetchLike } from "../../core/http.ts";

/**
 * The action's transport: undici.request (see undici-fetch.ts), through an EnvHttpProxyAgent
 * when HTTPS_PROXY or HTTP_PROXY is set (Node's global fetch ignores them; self-hosted runners
 * behind a corporate proxy need them). Loaded on first use, so the action's start-up does not
 * pay for undici before it sends a request.
 */
export async function fetchForEnvironment(
  env: Record<string, string | undefined>,
): Promise<FetchLike> {
  const { createUndiciFetch } = await import("../undici-fetch.ts");
  const proxy = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
  if (!proxy) return createUndiciFetch();
  const { EnvHttpProxyAgent } = await import("undici");
  // EnvHttpProxyAgent reads HTTP(S)_PROXY and NO_PROXY itself, per request host.
  return createUndiciFetch(new EnvHttpProxyAgent());
}
