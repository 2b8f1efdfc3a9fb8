import { describe, expect, it } from "vitest";
import { editDistance, nearest } from "./nearest.ts";

describe("editDistance", () => {
  it.each([
    ["domain", "domain", 0],
    ["domian", "domain", 1],
    ["iluca", "ilucca", 1],
    ["ilucca.met", "ilucca.net", 1],
    ["", "abc", 3],
    ["abc", "", 3],
    ["ab", "ba", 1],
    ["ca", "abc", 3],
    ["kitten", "sitting", 3],
    ["templateid", "template-id", 1],
  ])("counts %j -> %j as %i edit(s)", (a, b, edits) => {
    expect(editDistance(a, b)).toBe(edits);
    expect(editDistance(b, a)).toBe(edits);
  });
});

describe("nearest", () => {
  const options = ["domain", "template-id", "timeout", "timezone"];

  it("finds the closest candidate within the limit, case aside", () => {
    expect(nearest("domian", options)).toBe("domain");
    expect(nearest("DOMAIN", options)).toBe("domain");
    expect(nearest("templateid", options)).toBe("template-id");
    expect(nearest("timezon", options)).toBe("timezone");
  });

  it("prefers fewer edits, then the first listed", () => {
    expect(nearest("timeou", options)).toBe("timeout");
    expect(nearest("ab", ["ax", "ay"], 1)).toBe("ax");
    expect(nearest("abcd", ["abxy", "abcx"])).toBe("abcx");
  });

  it("suggests nothing when nothing is close", () => {
    expect(nearest("output-path", options)).toBeUndefined();
    expect(nearest("domian", options, 0)).toBeUndefined();
    expect(nearest("domain", options, 0)).toBe("domain");
  });
});
