import { describe, expect, it } from "vitest";
import { parseDomain, suggestLuccaHost } from "./domain.ts";

const origin = (input: string, allow: string[] = []) => {
  const result = parseDomain(input, allow);
  return "url" in result ? result.url.origin : result.problem;
};

describe("parseDomain", () => {
  it("accepts Lucca hosts over https, with or without the scheme", () => {
    expect(origin("https://acme.ilucca.net")).toBe("https://acme.ilucca.net");
    expect(origin("acme.ilucca-test.ch/")).toBe("https://acme.ilucca-test.ch");
    expect(origin("HTTPS://Acme.ILucca-Demo.net")).toBe("https://acme.ilucca-demo.net");
    expect(origin("https://acme-sb1.sandbox.eu1.luccasoftware.com")).toBe(
      "https://acme-sb1.sandbox.eu1.luccasoftware.com",
    );
  });

  it("accepts loopback over http for the simulator", () => {
    expect(origin("http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080");
    expect(origin("http://localhost:3000")).toBe("http://localhost:3000");
    expect(origin("http://[::1]:3000")).toBe("http://[::1]:3000");
  });

  it("refuses other hosts unless allowed", () => {
    expect(origin("https://evil.example.com")).toMatch(
      /not a Lucca host.*--allow-host evil\.example\.com/,
    );
    expect(origin("https://acme.ilucca.net.evil.com")).toMatch(/not a Lucca host/);
    expect(origin("https://lucca.internal.corp", ["lucca.internal.corp"])).toBe(
      "https://lucca.internal.corp",
    );
  });

  it("refuses http for anything but loopback, even when allowed", () => {
    expect(origin("http://acme.ilucca.net")).toMatch(/http:\/\/.*clear/);
    expect(origin("http://lucca.internal.corp", ["lucca.internal.corp"])).toMatch(/http:\/\//);
  });

  it("refuses paths, credentials, empty and non-URLs", () => {
    expect(origin("https://acme.ilucca.net/timmi")).toMatch(/bare origin/);
    expect(origin("https://user:pw@acme.ilucca.net")).toMatch(/bare origin/);
    expect(origin("")).toMatch(/missing/);
    expect(origin("ftp://acme.ilucca.net")).toMatch(/https/);
    expect(origin("https://")).toMatch(/not a URL/);
  });
});

describe("parseDomain, exactly", () => {
  const problem = (input: string, allow: string[] = []) => {
    const result = parseDomain(input, allow);
    return "problem" in result ? result.problem : `accepted ${result.url.href}`;
  };

  it("gives the origin alone as a URL", () => {
    const result = parseDomain("  https://Acme.ilucca.net:443/  ", []);
    expect("url" in result && result.url.href).toBe("https://acme.ilucca.net/");
  });

  it("says what is wrong, naming the setting", () => {
    expect(problem(" ")).toBe(
      "--domain: missing; give your Lucca domain, e.g. https://acme.ilucca.net",
    );
    expect(problem("https://")).toBe(
      '--domain: "https://" is not a URL; expected e.g. https://acme.ilucca.net',
    );
    expect(problem("ftp://acme.ilucca.net")).toBe(
      '--domain: "ftp://acme.ilucca.net" must use https://',
    );
    expect(problem("http://acme.ilucca.net")).toBe(
      '--domain: "http://acme.ilucca.net" uses http://, which would send the API key in clear; use https:// (only loopback hosts may use http)',
    );
    expect(problem("https://Evil.example.com")).toBe(
      '--domain: "evil.example.com" is not a Lucca host (expected {account}.ilucca.net, .ilucca-test.net, .ilucca-demo.net, the .ch equivalents or {account}-{sandbox}.sandbox.{server}.luccasoftware.com); if it is your own proxy or host in front of Lucca, allow it with --allow-host evil.example.com',
    );
  });

  it.each([
    "https://user@acme.ilucca.net",
    "https://:pw@acme.ilucca.net",
    "https://acme.ilucca.net?a=1",
    "https://acme.ilucca.net#x",
    "https://acme.ilucca.net/timmi",
    "acme.ilucca.net?u=http://x",
  ])("refuses %s as more than an origin", (input) => {
    expect(problem(input)).toBe(
      `--domain: "${input}" must be a bare origin such as https://acme.ilucca.net (no path, query or credentials)`,
    );
  });

  it("reads any scheme as a scheme, and a bare host as https", () => {
    for (const scheme of ["git+ssh", "a.b", "a-b", "s3"]) {
      expect(problem(`${scheme}://acme.ilucca.net`)).toBe(
        `--domain: "${scheme}://acme.ilucca.net" must use https://`,
      );
    }
    expect(problem("acme.ilucca.net")).toBe("accepted https://acme.ilucca.net/");
  });

  it("uses the labels it is given", () => {
    expect(
      parseDomain("https://x.example", [], { domain: "domain", allowHost: "allow-hosts" }),
    ).toEqual({
      problem:
        'domain: "x.example" is not a Lucca host (expected {account}.ilucca.net, .ilucca-test.net, .ilucca-demo.net, the .ch equivalents or {account}-{sandbox}.sandbox.{server}.luccasoftware.com); if it is your own proxy or host in front of Lucca, allow it with allow-hosts x.example',
    });
  });

  it("lets loopback use https too", () => {
    expect(problem("https://localhost:8443")).toBe("accepted https://localhost:8443/");
  });

  it("matches allowed hosts by name or name:port, trimmed and in any case", () => {
    const allow = ["other.example", " Lucca.Internal.Corp:8443 "];
    expect(problem("https://lucca.internal.corp:8443", allow)).toBe(
      "accepted https://lucca.internal.corp:8443/",
    );
    expect(problem("https://LUCCA.internal.corp", [" lucca.INTERNAL.corp "])).toBe(
      "accepted https://lucca.internal.corp/",
    );
    expect(problem("https://lucca.internal.corp:8443", [" LUCCA.internal.Corp "])).toBe(
      "accepted https://lucca.internal.corp:8443/",
    );
    expect(problem("https://lucca.internal.corp:9443", allow)).toMatch(/is not a Lucca host/);
    expect(problem("https://internal.corp", allow)).toMatch(/is not a Lucca host/);
  });
});

describe("a domain that resembles a Lucca host", () => {
  const problem = (input: string, allow: string[] = []) => {
    const result = parseDomain(input, allow);
    return "problem" in result ? result.problem : `accepted ${result.url.href}`;
  };

  it("names the Lucca host meant, and never offers to allow the typo", () => {
    expect(problem("https://acme.iluca.net")).toBe(
      '--domain: "acme.iluca.net" is not a Lucca host; did you mean https://acme.ilucca.net?',
    );
    expect(problem("bigcorp")).toBe(
      '--domain: "bigcorp" is not a Lucca host; did you mean https://bigcorp.ilucca.net?',
    );
    expect(problem("https://acme.iluca.net:8443")).toMatch(
      /did you mean https:\/\/acme\.ilucca\.net:8443\?$/,
    );
    expect(problem("acme.ilucca-tset.ch")).not.toContain("--allow-host");
  });

  it("still accepts the near miss when it is allowed on purpose", () => {
    expect(problem("https://acme.iluca.net", ["acme.iluca.net"])).toBe(
      "accepted https://acme.iluca.net/",
    );
  });

  it.each([
    ["bigcorp", "bigcorp.ilucca.net"],
    ["acme.iluca.net", "acme.ilucca.net"],
    ["acme.illuca.net", "acme.ilucca.net"],
    ["acme.lucca.net", "acme.ilucca.net"],
    ["acme.ilucca.met", "acme.ilucca.net"],
    ["acme.ilucca.com", "acme.ilucca.net"],
    ["acme.ilucca.fr", "acme.ilucca.net"],
    ["acme.ilucca.cj", "acme.ilucca.ch"],
    ["acme.ilucca", "acme.ilucca.net"],
    ["acme.ilucca-tset.net", "acme.ilucca-test.net"],
    ["acme.iluca-demo.ch", "acme.ilucca-demo.ch"],
    ["www.acme.ilucca.net", "acme.ilucca.net"],
    ["acme.ilucca.net.", "acme.ilucca.net"],
    ["acme-sb1.sandbox.eu1.lucasoftware.com", "acme-sb1.sandbox.eu1.luccasoftware.com"],
    ["acme-sb1.sandbx.eu1.luccasoftware.com", "acme-sb1.sandbox.eu1.luccasoftware.com"],
  ])("takes %s for %s", (typed, meant) => {
    expect(suggestLuccaHost(typed)).toBe(meant);
  });

  it.each([
    "evil.example.com",
    "lucca.internal.corp",
    "proxy.corp.example",
    "acme.ilucca.net.evil.com",
    "acme.sandbox.eu1.example.com",
    "10.0.0.5",
    "under_score",
    "acme.ilucca.net",
  ])("suggests nothing for %s", (host) => {
    expect(suggestLuccaHost(host)).toBeUndefined();
  });
});
