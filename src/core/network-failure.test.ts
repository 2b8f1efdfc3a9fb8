import { describe, expect, it } from "vitest";
import { failureOf } from "../../test/support/failure-of.ts";
import { NetworkError } from "./errors.ts";
import type { FetchLike } from "./http.ts";
import { createLuccaClient } from "./lucca-client.ts";
import { permanentNetworkProblem } from "./network-failure.ts";

/** An error as Node's socket layer makes it, wrapped the way fetch wraps it. */
function fetchFailed(code: string, extra: Record<string, unknown> = {}): Error {
  const cause = Object.assign(new Error(`some text ${code}`), { code, ...extra });
  return new TypeError("fetch failed", { cause });
}

describe("permanentNetworkProblem", () => {
  it("reads the code on the error or any of its causes", () => {
    const bare = Object.assign(new Error("getaddrinfo"), { code: "ENOTFOUND" });
    expect(permanentNetworkProblem(bare, "acme.ilucca.net")).toMatch(/ENOTFOUND/);
    expect(permanentNetworkProblem(fetchFailed("ENOTFOUND"), "acme.ilucca.net")).toMatch(
      /ENOTFOUND/,
    );
    const twice = new Error("proxy", { cause: fetchFailed("CERT_HAS_EXPIRED") });
    expect(permanentNetworkProblem(twice, "acme.ilucca.net")).toMatch(/CERT_HAS_EXPIRED/);
  });

  it("says to check the domain when its name does not resolve, the proxy when that one does not", () => {
    expect(
      permanentNetworkProblem(
        fetchFailed("ENOTFOUND", { hostname: "acme.ilucca.net" }),
        "acme.ilucca.net",
      ),
    ).toBe(
      "the host name acme.ilucca.net could not be found in DNS (ENOTFOUND): check --domain (or the domain input) for a typo",
    );
    expect(
      permanentNetworkProblem(
        fetchFailed("ENOTFOUND", { hostname: "proxy.corp" }),
        "acme.ilucca.net",
      ),
    ).toMatch(/proxy\.corp .*check HTTPS_PROXY/);
  });

  it.each([
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    "SELF_SIGNED_CERT_IN_CHAIN",
    "DEPTH_ZERO_SELF_SIGNED_CERT",
  ])("tells how to trust a company CA on %s", (code) => {
    expect(permanentNetworkProblem(fetchFailed(code), "acme.ilucca.net")).toMatch(
      new RegExp(`acme\\.ilucca\\.net is not trusted \\(${code}\\).*NODE_EXTRA_CA_CERTS=`),
    );
  });

  it("points at the clock for a certificate out of date, at the domain for another name", () => {
    expect(permanentNetworkProblem(fetchFailed("CERT_NOT_YET_VALID"), "a.ilucca.net")).toMatch(
      /clock/,
    );
    expect(
      permanentNetworkProblem(fetchFailed("ERR_TLS_CERT_ALTNAME_INVALID"), "a.ilucca.net"),
    ).toMatch(/another host name.*check --domain/);
  });

  it.each(["EAI_AGAIN", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "UND_ERR_SOCKET"])(
    "leaves %s to the retries",
    (code) => {
      expect(permanentNetworkProblem(fetchFailed(code), "acme.ilucca.net")).toBeUndefined();
    },
  );

  it("never reads the message: a text naming a code is not that code", () => {
    expect(
      permanentNetworkProblem(new Error("getaddrinfo ENOTFOUND acme"), "acme"),
    ).toBeUndefined();
    expect(permanentNetworkProblem("ENOTFOUND", "acme")).toBeUndefined();
    const loop: { code: number; cause?: unknown } = { code: 3 };
    loop.cause = loop;
    expect(permanentNetworkProblem(loop, "acme")).toBeUndefined();
  });
});

describe("a host name that does not resolve", () => {
  it("fails on the first attempt, with no retry, naming the host (real DNS, RFC 2606 .invalid)", async () => {
    let attempts = 0;
    const counting: FetchLike = (input, init) => {
      attempts++;
      return globalThis.fetch(input, init);
    };
    const client = createLuccaClient({
      baseUrl: new URL("https://acme.invalid"),
      apiKey: "key-0123456789abcdef",
      fetch: counting,
      signal: new AbortController().signal,
      requestTimeoutMs: 30_000,
      maxRetries: 5,
      backoff: { initialMs: 1, maxMs: 1 },
    });
    const error = await failureOf(client.getReport("77"));
    expect(attempts).toBe(1);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe(
      "GET https://acme.invalid/timmi-timesheet/api/reports/77 failed: the host name acme.invalid could not be found in DNS (ENOTFOUND): check --domain (or the domain input) for a typo. Not retried.",
    );
    expect((error as NetworkError).attempts).toBe(1);
  });
});
