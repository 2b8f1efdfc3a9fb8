import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Sha256 } from "./sha256.ts";

const hex = (input: string | Uint8Array, chunk?: number) => {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const hash = new Sha256();
  if (chunk === undefined) hash.update(bytes);
  else for (let i = 0; i < bytes.length; i += chunk) hash.update(bytes.subarray(i, i + chunk));
  return hash.digestHex();
};

describe("Sha256", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
    [
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
    ],
  ])("hashes the NIST vector %j", (input, digest) => {
    expect(hex(input)).toBe(digest);
  });

  it("hashes a million a's fed in odd chunks", () => {
    expect(hex("a".repeat(1_000_000), 997)).toBe(
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    );
  });

  it("agrees with node:crypto on random data split anywhere", () => {
    const data = randomBytes(10_000);
    const expected = createHash("sha256").update(data).digest("hex");
    for (const chunk of [1, 3, 63, 64, 65, 1000, 10_000]) expect(hex(data, chunk)).toBe(expected);
    // Lengths around the padding boundary.
    for (const length of [55, 56, 57, 63, 64, 119, 120]) {
      const slice = data.subarray(0, length);
      expect(hex(slice)).toBe(createHash("sha256").update(slice).digest("hex"));
    }
  });

  it("agrees with node:crypto on a megabyte cut at random places", () => {
    const data = randomBytes(1 << 20);
    let seed = 1;
    const random = (below: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % below;
    };
    for (let run = 0; run < 5; run++) {
      const hash = new Sha256();
      for (let at = 0; at < data.length; ) {
        // Mostly small pieces, now and then a run of whole blocks.
        const size = random(4) === 0 ? random(5000) : random(130);
        hash.update(data.subarray(at, at + size));
        at += size;
      }
      expect(hash.digestHex()).toBe(createHash("sha256").update(data).digest("hex"));
    }
  });

  it("returns the same digest twice and refuses input after it", () => {
    const hash = new Sha256();
    hash.update(new TextEncoder().encode("abc"));
    const digest = hash.digestHex();
    expect(hash.digestHex()).toBe(digest);
    expect(() => hash.update(new Uint8Array(1))).toThrow(/^Cannot update a Sha256 after/);
  });

  it("reads chunks that are views into larger buffers", () => {
    const data = randomBytes(300);
    for (const shift of [0, 1, 2, 3, 7]) {
      const view = new Uint8Array(data.buffer, data.byteOffset + shift, 200);
      expect(hex(view, 50)).toBe(createHash("sha256").update(view).digest("hex"));
      expect(hex(view)).toBe(createHash("sha256").update(view).digest("hex"));
    }
  });
});
