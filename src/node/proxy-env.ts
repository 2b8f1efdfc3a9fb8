import { escapeControls, truncate } from "../core/safe-text.ts";

type Env = Record<string, string | undefined>;

/** Both spellings of each, as undici, Node's HTTP clients and Deno read them. */
const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"] as const;
const NO_PROXY_VARIABLES = ["NO_PROXY", "no_proxy"] as const;
/** The schemes every transport here can use: undici (Node) and Deno both speak these. */
const PROXY_SCHEMES = ["http:", "https:", "socks5:"];
/** Characters of a value shown in a message; a proxy URL is far shorter. */
const SHOWN_CHARS = 200;

const LABEL = "[A-Za-z0-9_-]+";
const PORT = String.raw`(?::(\d{1,5}))?`;
/** `*`, a host, `.domain` or `*.domain`, or an IPv4 address, each with an optional port. */
const HOST_ENTRY = new RegExp(String.raw`^(?:\*|(?:\*\.|\.)?${LABEL}(?:\.${LABEL})*\.?)${PORT}$`);
/** An IPv6 address, bare or bracketed (a port only when bracketed). */
const IPV6_ENTRY =
  /^(?:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|\[[0-9A-Fa-f:.]+\](?::(\d{1,5}))?)$/;
/** An address range: Deno's NO_PROXY understands these, undici's does not. */
const CIDR_ENTRY = /^[0-9A-Fa-f:.]+\/\d{1,3}$/;

/**
 * What is wrong with the proxy variables, one line each, before any request: undici throws
 * on an unparsable proxy URL with the URL (password included) in the message, and reads a
 * value without a scheme as something else entirely; a NO_PROXY entry it cannot read is
 * silently ignored, so requests meant to go direct would go through the proxy. Values are
 * shown without their credentials. `cidr`: whether NO_PROXY ranges are understood (Deno).
 */
export function proxyProblems(
  env: Env,
  options: { cidr: boolean } = { cidr: "Deno" in globalThis },
): string[] {
  const problems: string[] = [];
  for (const name of PROXY_VARIABLES) {
    const value = env[name]?.trim();
    if (!value) continue;
    const problem = proxyUrlProblem(value);
    if (problem) problems.push(`${name}: "${shown(value)}" ${problem}`);
  }
  for (const name of NO_PROXY_VARIABLES) {
    const entries = (env[name] ?? "").split(/[,\s]+/).filter(Boolean);
    for (const entry of entries) {
      if (isNoProxyEntry(entry, options.cidr)) continue;
      problems.push(
        `${name}: "${shown(entry)}" is not a host name, a domain (.example.com), an IP address or *${options.cidr ? "" : " (address ranges are not understood here)"}; requests to it would still go through the proxy`,
      );
    }
  }
  return problems;
}

function proxyUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not a URL; expected http://host:port (or https://, socks5://), with user:password@ before the host if the proxy needs it";
  }
  if (!PROXY_SCHEMES.includes(url.protocol) || url.hostname === "") {
    return "does not start with http://, https:// or socks5:// and a host; expected e.g. http://proxy.example.com:3128";
  }
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    return "has a user name or password with a % that is not followed by two hex digits; write a literal % as %25";
  }
  return undefined;
}

function isNoProxyEntry(entry: string, cidr: boolean): boolean {
  for (const pattern of [HOST_ENTRY, IPV6_ENTRY]) {
    const match = pattern.exec(entry);
    if (match) return match[1] === undefined || Number(match[1]) <= 65_535;
  }
  return cidr && CIDR_ENTRY.test(entry);
}

/**
 * A value fit for a message: everything up to the last `@` (where credentials end, however
 * malformed the rest) replaced, control characters escaped, and cut.
 */
export function shown(value: string): string {
  const at = value.lastIndexOf("@");
  let text = value;
  if (at !== -1) {
    const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(value)?.[0] ?? "";
    text = `${scheme}***@${value.slice(at + 1)}`;
  }
  return truncate(escapeControls(text), SHOWN_CHARS);
}
