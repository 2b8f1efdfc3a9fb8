import type { FetchLike } from "../core/http.ts";

/**
 * Node's global fetch ignores HTTPS_PROXY; self-hosted runners and CLI users behind a
 * corporate proxy need it. undici is loaded only when a proxy is configured, so other runs
 * start faster. Deno's own fetch already honours HTTP(S)_PROXY and NO_PROXY.
 */
export async function fetchForEnvironment(
  env: Record<string, string | undefined>,
): Promise<FetchLike> {
  const proxy = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
  if (!proxy || "Deno" in globalThis) return globalThis.fetch;
  const { EnvHttpProxyAgent, fetch } = await import("undici");
  // EnvHttpProxyAgent reads HTTP(S)_PROXY and NO_PROXY itself, per request host.
  const dispatcher = new EnvHttpProxyAgent();
  return ((input: string | URL | Request, init?: RequestInit) =>
    fetch(input as never, { ...(init as object), dispatcher } as never)) as unknown as FetchLike;
}
