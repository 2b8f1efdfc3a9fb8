import { describe, expect, it } from "vitest";
import { GitError, parseIdentity, redactCredentials, redactSecrets } from "./git.ts";

describe("git helpers", () => {
  it("blanks credentials in URLs that git prints", () => {
    expect(
      redactCredentials(
        "fatal: unable to access 'https://x-access-token:ghs_abc123@github.com/acme/payroll.git/'",
      ),
    ).toBe("fatal: unable to access 'https://***@github.com/acme/payroll.git/'");
    expect(redactCredentials("plain message")).toBe("plain message");
    expect(redactCredentials("see http://user:pw@proxy.example:3128/ and user@host")).toBe(
      "see http://***@proxy.example:3128/ and user@host",
    );
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
    expect(parseIdentity("  Payroll Bot  <payroll@acme.example>  ")).toEqual({
      name: "Payroll Bot",
      email: "payroll@acme.example",
    });
    expect(parseIdentity("nobody")).toBeUndefined();
    expect(parseIdentity("Bot <bot@acme.example> trailing")).toBeUndefined();
    expect(parseIdentity("<x> Bot <bot@acme.example>")).toBeUndefined();
    expect(parseIdentity("Bot <bot@acme example>")).toBeUndefined();
    expect(parseIdentity("<a@b.c>")).toBeUndefined();
  });

  it("blanks the key, and any 12-character piece of it, in what git printed", () => {
    const key = "abcdefghijklmnopqrstuvwxyz012345";
    expect(redactSecrets(`remote: ${key}`, [key])).toBe("remote: ***");
    const cut = redactSecrets(`remote: ${key.slice(3, 20)}!`, [key]);
    expect(cut).not.toContain(key.slice(3, 15));
    const error = new GitError(
      ["push"],
      { code: 1, stdout: "", stderr: `hook says ${key.slice(0, 14)}` },
      [key],
    );
    expect(error.message).not.toContain(key.slice(0, 12));
    expect(error.message).toMatch(/^git push failed \(exit 1\): hook says \*\*\*/);
  });
});
