const LUCCA_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.ilucca(?:-test|-demo)?\.(?:net|ch)$/;
const SANDBOX_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.sandbox\.[a-z0-9-]+\.luccasoftware\.com$/;

export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

export function isLuccaHost(hostname: string): boolean {
  return LUCCA_HOST.test(hostname) || SANDBOX_HOST.test(hostname);
}

/**
 * Turns the user's domain into the origin every request goes to, or says what is wrong.
 * Lucca hosts need https; loopback (the simulator) may use http; any other host must be
 * named in `allowHosts`, so a typo cannot send the API key somewhere else.
 * Returns a list of problems instead of throwing, so callers can report every bad input at once.
 */
export function parseDomain(
  input: string,
  allowHosts: readonly string[],
  labels: { domain: string; allowHost: string } = { domain: "--domain", allowHost: "--allow-host" },
): { url: URL } | { problem: string } {
  const label = labels.domain;
  const text = input.trim();
  if (text === "")
    return { problem: `${label}: missing; give your Lucca domain, e.g. https://acme.ilucca.net` };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { problem: `${label}: "${text}" is not a URL; expected e.g. https://acme.ilucca.net` };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { problem: `${label}: "${text}" must use https://` };
  }
  if (url.username || url.password || url.search || url.hash || url.pathname !== "/") {
    return {
      problem: `${label}: "${text}" must be a bare origin such as https://acme.ilucca.net (no path, query or credentials)`,
    };
  }
  const host = url.hostname.toLowerCase();
  const loopback = isLoopbackHost(host);
  const allowed = allowHosts.some(
    (entry) =>
      entry.trim().toLowerCase() === host || entry.trim().toLowerCase() === url.host.toLowerCase(),
  );
  if (url.protocol === "http:" && !loopback) {
    return {
      problem: `${label}: "${text}" uses http://, which would send the API key in clear; use https:// (only loopback hosts may use http)`,
    };
  }
  if (!loopback && !allowed && !isLuccaHost(host)) {
    return {
      problem: `${label}: "${host}" is not a Lucca host (expected {account}.ilucca.net, .ilucca-test.net, .ilucca-demo.net, the .ch equivalents or {account}-{sandbox}.sandbox.{server}.luccasoftware.com); if it is really yours, allow it with ${labels.allowHost} ${host}`,
    };
  }
  return { url: new URL(url.origin) };
}
