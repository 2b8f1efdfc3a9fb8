import { describe, expect, it } from "vitest";
import { leakedPieces } from "../../test/support/leaks.ts";
import { EXCERPT_CHARS, excerptOf, MIN_SECRET_PIECE, redact } from "./redact.ts";

const KEY = "3f9c2a7e-51b4-4d0a-9e63-c1d2e3f4a5b6";

describe("redact", () => {
  it("uses 8-character pieces, as the leak check does", () => {
    expect(MIN_SECRET_PIECE).toBe(8);
  });

  it("hides the whole key and every piece of it of 8 characters or more", () => {
    expect(redact(`key=${KEY};`, [KEY])).toBe("key=***;");
    expect(redact(`cut: ${KEY.slice(0, 20)}`, [KEY])).toBe("cut: ***");
    expect(redact(`tail ${KEY.slice(-9)} end`, [KEY])).toBe("tail *** end");
    expect(redact(`mid ${KEY.slice(5, 13)} end`, [KEY])).toBe("mid *** end");
    expect(leakedPieces(redact(`${KEY.slice(3)}${KEY}${KEY.slice(0, 30)}`, [KEY]), KEY)).toEqual(
      [],
    );
  });

  it("leaves pieces shorter than 8 characters and unrelated text", () => {
    expect(redact(`a ${KEY.slice(0, 7)} b`, [KEY])).toBe(`a ${KEY.slice(0, 7)} b`);
    expect(redact("nothing here", [KEY])).toBe("nothing here");
  });

  it("hides a key split around a byte the HTTP stack refused", () => {
    const key = "abcdefghij\u0000klmnopqrstuv";
    const message = `Headers.append: "lucca application=${key}" is an invalid header value.`;
    const shown = excerptOf(message, [key]);
    expect(leakedPieces(shown, key)).toEqual([]);
    expect(shown).not.toContain("abcdefghij");
    expect(shown).not.toContain("klmnopqrstuv");
    expect(leakedPieces(excerptOf(message.replace("\u0000", "\\u0000"), [key]), key)).toEqual([]);
  });

  it("hides whole short keys", () => {
    expect(redact("k=abc1 x", ["abc1"])).toBe("k=*** x");
  });

  it("hides a short key each time it occurs, overlapping or not", () => {
    expect(redact("aaa", ["aa"])).toBe("***");
    expect(redact("a-aa-a-aa", ["aa"])).toBe("a-***-a-***");
  });

  it("hides pieces of exactly 8 characters at either end of the key and of the text", () => {
    expect(redact(KEY.slice(-MIN_SECRET_PIECE), [KEY])).toBe("***");
    expect(redact(`${KEY.slice(0, MIN_SECRET_PIECE)}!`, [KEY])).toBe("***!");
    expect(redact(`${KEY.slice(0, MIN_SECRET_PIECE - 1)}!`, [KEY])).toBe(
      `${KEY.slice(0, MIN_SECRET_PIECE - 1)}!`,
    );
  });

  it("writes one mask for touching secrets and one per separate secret", () => {
    expect(redact("abcXYZ", ["abc", "XYZ"])).toBe("***");
    expect(redact("abc.XYZ!", ["XYZ", "abc"])).toBe("***.***!");
  });

  it("skips empty secrets and leaves text without secrets as it is", () => {
    expect(redact("abc", ["", "b"])).toBe("a***c");
    expect(redact("", [KEY, "k"])).toBe("");
    expect(redact("plain text", [])).toBe("plain text");
  });
});

describe("excerptOf", () => {
  it("redacts before it cuts: a key at the cut leaves nothing behind", () => {
    const body = `${"x".repeat(290)}${KEY} and more`;
    const shown = excerptOf(body, [KEY]);
    expect(leakedPieces(shown, KEY)).toEqual([]);
    expect(Array.from(shown).length).toBeLessThanOrEqual(EXCERPT_CHARS + 1);
    expect(shown.endsWith("…")).toBe(true);
  });

  it("cuts at 300 characters unless told otherwise", () => {
    expect(EXCERPT_CHARS).toBe(300);
    expect(excerptOf("x".repeat(300), [])).toBe("x".repeat(300));
    expect(excerptOf("x".repeat(301), [])).toBe(`${"x".repeat(300)}…`);
    expect(excerptOf("abcdef", [], 3)).toBe("abc…");
  });

  it("folds whitespace runs and trims the ends", () => {
    expect(excerptOf(" \n a \t\r\n b  ", ["zz"])).toBe("a b");
  });

  it("is one line with control characters escaped", () => {
    expect(excerptOf("a\n\n::error::b\u001b[31m", [])).toBe("a ::error::b\\x1b[31m");
  });
});
