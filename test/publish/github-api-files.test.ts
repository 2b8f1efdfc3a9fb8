import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { checkBlobSizes, gitBlobSha } from "../../src/publish/github/api-files.ts";
import { MAX_BLOB_BYTES } from "../../src/publish/github/client.ts";

// The checks made on the files before any call to GitHub's blob API.
describe("files bound for GitHub's blob API", () => {
  it("are named as git names them", () => {
    const content = Buffer.from("Name;Hours\nAda;151.67\n");
    const git = execFileSync("git", ["hash-object", "--stdin"], { input: content });
    expect(gitBlobSha(content)).toBe(git.toString().trim());
    expect(gitBlobSha(Buffer.alloc(0))).toBe("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  });

  it("may be as large as the limit, not a byte more", () => {
    const sized = (path: string, length: number) => ({ path, content: Buffer.alloc(length) });
    expect(() => checkBlobSizes([sized("a.csv", 1024)], 1024)).not.toThrow();
    expect(() => checkBlobSizes([sized("a.csv", 1024), sized("b.csv", 1025)], 1024)).toThrow(
      "Cannot commit through GitHub's API: b.csv is 1025 bytes, over the 1024-byte limit of one " +
        "blob. Publish it as an artifact, or with publish: commit and sign-commits: false (git push).",
    );
  });

  it("are held to GitHub's 100 MiB by default", () => {
    expect(MAX_BLOB_BYTES).toBe(104_857_600);
    // Only the length is read: no need for 100 MiB of memory.
    const sized = (length: number) => [{ path: "big.csv", content: { length } as Buffer }];
    expect(() => checkBlobSizes(sized(104_857_600))).not.toThrow();
    expect(() => checkBlobSizes(sized(104_857_601))).toThrow(/over the 104857600-byte limit/);
  });
});
