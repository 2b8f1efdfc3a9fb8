import { describe, expect, it } from "vitest";
import { isLoopbackHost, isLuccaHost } from "./domain.ts";

describe("isLoopbackHost", () => {
  it.each(["localhost", "[::1]", "127.0.0.1", "127.10.200.3"])("takes %s for loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([
    "localhost.evil.com",
    "[::2]",
    "x127.0.0.1",
    "127.0.0.1.evil.com",
    "127.0.0",
    "127.0.0.1234",
    "127.0.0.a",
    "128.0.0.1",
    "",
  ])("does not take %j for loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe("isLuccaHost", () => {
  it.each([
    "a.ilucca.net",
    "ab.ilucca.net",
    "acme-2.ilucca.net",
    "acme.ilucca-test.net",
    "acme.ilucca-demo.ch",
    "acme.ilucca.ch",
    "a.sandbox.b.luccasoftware.com",
    "acme-sb1.sandbox.eu-1.luccasoftware.com",
  ])("takes %s for a Lucca host", (host) => {
    expect(isLuccaHost(host)).toBe(true);
  });

  it.each([
    "ilucca.net",
    ".ilucca.net",
    "-acme.ilucca.net",
    "acme-.ilucca.net",
    "x.acme.ilucca.net",
    "acme.ilucca.net.evil.com",
    "acme.ilucca-prod.net",
    "acme.ilucca.com",
    "acme_x.ilucca.net",
    "ACME.ILUCCA.NET",
    "acme.sandbox..luccasoftware.com",
    "acme.sandbox.eu1.luccasoftware.com.evil.com",
    "x.acme.sandbox.eu1.luccasoftware.com",
    "acme.sandbox.eu.1.luccasoftware.com",
    "-a.sandbox.eu1.luccasoftware.com",
    "a-.sandbox.eu1.luccasoftware.com",
  ])("does not take %j for a Lucca host", (host) => {
    expect(isLuccaHost(host)).toBe(false);
  });
});
