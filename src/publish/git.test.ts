import { describe, expect, it } from "vitest";
import { parseIdentity, redactCredentials } from "./git.ts";

describe("git helpers", () => {
  it("blanks credentials in URLs that git prints", () => {
    expect(
      redactCredentials(
        "fatal: unable to access 'https://x-access-token:ghs_abc123@github.com/acme/payroll.git/'",
      ),
    ).toBe("fatal: unable to access 'https://***@github.com/acme/payroll.git/'");
    expect(redactCredentials("plain message")).toBe("plain message");
  });

  it("reads Name <email> identities", () => {
    expect(
      parseIdentity("github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>"),
    ).toEqual({
      name: "github-actions[bot]",
      email: "41898282+github-actions[bot]@users.noreply.github.com",
    });
    expect(parseIdentity("Payroll Bot<payroll@acme.example>")).toEqual({
      name: "Payroll Bot",
      email: "payroll@acme.example",
    });
    expect(parseIdentity("nobody")).toBeUndefined();
    expect(parseIdentity("<a@b.c>")).toBeUndefined();
  });
});
