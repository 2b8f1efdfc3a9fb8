import { editDistance, nearest } from "./nearest.ts";

const LUCCA_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.ilucca(?:-test|-demo)?\.(?:net|ch)$/;
const SANDBOX_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.sandbox\.[a-z0-9-]+\.luccasoftware\.com$/;

export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

export function isLuccaHost(hostname: string): boolean {
  return LUCCA_HOST.test(hostname) || SANDBOX_HOST.test(hostname);
}

/**
 * The Lucca host a user most likely meant by a host that is not one: the account alone
 * (`bigcorp`), a Lucca name a letter or two off (`acme.iluca.net`, `acme.ilucca.com`,
 * `acme.sandbox.eu1.lucasoftware.com`) or with labels in front (`www.acme.ilucca.net`).
 * Undefined for a host unlike any of them: that one may be a proxy of the user's own.
 */
export function suggestLuccaHost(hostname: string): string | undefined {
  const host = hostname.replace(/\.$/, "");
  const labels = host.split(".");
  const [account = "", name, tld] = labels;
  const candidates = [host];
  for (let first = 1; first < labels.length - 1; first++) {
    candidates.push(labels.slice(first).join("."));
  }
  const lucca = nearest(name ?? "ilucca", ["ilucca", "ilucca-test", "ilucca-demo"]);
  if (labels.length <= 3 && lucca !== undefined) {
    // Most tenants are on .net: a wrong top-level domain (.com, .fr) is taken for it.
    candidates.push(`${account}.${lucca}.${nearest(tld ?? "net", ["net", "ch"], 1) ?? "net"}`);
  }
  if (labels.length === 5) {
    const [, sandbox = "", server = "", ...domain] = labels;
    const edits =
      editDistance(sandbox, "sandbox") + editDistance(domain.join("."), "luccasoftware.com");
    if (edits <= 2) candidates.push(`${account}.sandbox.${server}.luccasoftware.com`);
  }
  return candidates.find((candidate) => candidate !== hostname && isLuccaHost(candidate));
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
    // Allowing a typo would send the API key to whoever holds that name: a near miss gets
    // the Lucca host it resembles, and only an unrelated name the allow-list advice.
    const meant = suggestLuccaHost(host);
    if (meant !== undefined) {
      return {
        problem: `${label}: "${host}" is not a Lucca host; did you mean https://${meant}${url.port ? `:${url.port}` : ""}?`,
      };
    }
    return {
      problem: `${label}: "${host}" is not a Lucca host (expected {account}.ilucca.net, .ilucca-test.net, .ilucca-demo.net, the .ch equivalents or {account}-{sandbox}.sandbox.{server}.luccasoftware.com); if it is your own proxy or host in front of Lucca, allow it with ${labels.allowHost} ${host}`,
    };
  }
  return { url: new URL(url.origin) };
}
