import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../core/errors.ts";
import { proxyProblems, shown } from "./proxy-env.ts";
import { fetchForEnvironment } from "./proxy-fetch.ts";

const node = { cidr: false };

describe("proxyProblems", () => {
  it("accepts the proxy URLs undici and Deno can use, in either spelling", () => {
    expect(
      proxyProblems(
        {
          HTTPS_PROXY: "http://proxy.corp:3128",
          https_proxy: "https://user:p%40ss@proxy.corp",
          HTTP_PROXY: "socks5://[::1]:1080",
          http_proxy: " http://10.0.0.1:8080/ ",
          NO_PROXY: "",
        },
        node,
      ),
    ).toEqual([]);
    expect(proxyProblems({}, node)).toEqual([]);
  });

  it("refuses a URL that does not parse, and shows it without the password", () => {
    const problems = proxyProblems({ HTTPS_PROXY: "http://user:secret@[::1" }, node);
    expect(problems).toEqual([
      'HTTPS_PROXY: "http://***@[::1" is not a URL; expected http://host:port (or https://, socks5://), with user:password@ before the host if the proxy needs it',
    ]);
  });

  it("refuses a value without a scheme, which parses as another scheme", () => {
    expect(proxyProblems({ http_proxy: "user:pass@proxy:3128" }, node)).toEqual([
      'http_proxy: "***@proxy:3128" does not start with http://, https:// or socks5:// and a host; expected e.g. http://proxy.example.com:3128',
    ]);
    expect(proxyProblems({ HTTP_PROXY: "proxy.corp:3128", https_proxy: "ftp://x" }, node)).toEqual([
      expect.stringMatching(/^https_proxy: "ftp:\/\/x" does not start with http:\/\//),
      expect.stringMatching(/^HTTP_PROXY: "proxy\.corp:3128" does not start with http:\/\//),
    ]);
  });

  it("refuses credentials undici could not decode", () => {
    expect(proxyProblems({ HTTPS_PROXY: "http://user:50%off@proxy:3128" }, node)).toEqual([
      'HTTPS_PROXY: "http://***@proxy:3128" has a user name or password with a % that is not followed by two hex digits; write a literal % as %25',
    ]);
  });

  it("accepts NO_PROXY hosts, domains, addresses and *, and refuses what undici would ignore", () => {
    expect(
      proxyProblems(
        {
          NO_PROXY: "localhost, .example.com,*.corp 127.0.0.1:8080,[::1]:443,::1,*",
          no_proxy: "*",
        },
        node,
      ),
    ).toEqual([]);
    expect(proxyProblems({ no_proxy: "ok.com,10.0.0.0/8,https://x.com,host:99999" }, node)).toEqual(
      ["10.0.0.0/8", "https://x.com", "host:99999"].map(
        (entry) =>
          `no_proxy: "${entry}" is not a host name, a domain (.example.com), an IP address or * (address ranges are not understood here); requests to it would still go through the proxy`,
      ),
    );
    expect(proxyProblems({ NO_PROXY: "10.0.0.0/8,fd00::/8" }, { cidr: true })).toEqual([]);
  });
});

describe("shown", () => {
  it("removes everything up to the last @, escapes controls and cuts", () => {
    expect(shown("http://a:b@c@proxy:1")).toBe("http://***@proxy:1");
    expect(shown("p@ss\u001b[2J")).toBe("***@ss\\x1b[2J");
    expect(shown("x".repeat(300))).toHaveLength(201);
  });
});

describe("fetchForEnvironment", () => {
  it("throws bad input instead of building a transport on an unusable variable", async () => {
    const error = await fetchForEnvironment({ HTTPS_PROXY: "http://u:secret@[::1" }).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).exitCode).toBe(2);
    expect(String((error as Error).message)).not.toContain("secret");
  });
});
