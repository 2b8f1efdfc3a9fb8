/**
 * Network failures another attempt cannot cure, told apart by the error's code (Node sets
 * `code` on the error, and fetch or undici keep it on a `cause`), never by its text. Codes
 * left out are retried: EAI_AGAIN is a resolver that failed for now, ECONNREFUSED or
 * ECONNRESET a server that may be back in a moment.
 */

/** The certificate chain does not lead to a CA this runtime trusts. */
const UNTRUSTED = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
  "CERT_REJECTED",
]);
const OUT_OF_DATE = new Set(["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"]);
const OTHER_NAME = new Set(["ERR_TLS_CERT_ALTNAME_INVALID", "HOSTNAME_MISMATCH"]);

/** How many `cause` links are followed: fetch wraps once, a proxy agent once more. */
const MAX_DEPTH = 5;

/**
 * What is wrong, in words a user can act on, when `error` (thrown by fetch for a request
 * to `host`) cannot be cured by retrying; undefined when another attempt may work.
 */
export function permanentNetworkProblem(error: unknown, host: string): string | undefined {
  let current: unknown = error;
  for (
    let depth = 0;
    depth < MAX_DEPTH && typeof current === "object" && current !== null;
    depth++
  ) {
    const { code, hostname } = current as { code?: unknown; hostname?: unknown };
    if (typeof code === "string") {
      const problem = explain(code, typeof hostname === "string" ? hostname : host, host);
      if (problem !== undefined) return problem;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function explain(code: string, looked: string, host: string): string | undefined {
  if (code === "ENOTFOUND") {
    return looked === host
      ? `the host name ${host} could not be found in DNS (${code}): check --domain (or the domain input) for a typo`
      : `the host name ${looked} could not be found in DNS (${code}); it is not the domain ${host} but the proxy's: check HTTPS_PROXY`;
  }
  if (UNTRUSTED.has(code)) {
    return `the TLS certificate presented for ${host} is not trusted (${code}). A company proxy that inspects TLS presents certificates of its own CA: give Node that CA with NODE_EXTRA_CA_CERTS=/path/to/company-ca.pem (see Troubleshooting in the README)`;
  }
  if (OUT_OF_DATE.has(code)) {
    return `the TLS certificate presented for ${host} has expired or is not valid yet (${code}): check this machine's clock, or the proxy in between`;
  }
  if (OTHER_NAME.has(code)) {
    return `the TLS certificate presented for ${host} is for another host name (${code}): check --domain (or the domain input), or the proxy in between`;
  }
  return undefined;
}
