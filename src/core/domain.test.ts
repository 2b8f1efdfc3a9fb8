import { describe, expect, it } from "vitest";
import { parseDomain } from "./domain.ts";

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
