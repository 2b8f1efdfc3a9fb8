import { describe, expect, it } from "vitest";
import { MIN_NODE, nodeVersionProblem } from "./node-version.ts";

describe("nodeVersionProblem", () => {
  it("names the version needed and the one found, without a stack", () => {
    expect(nodeVersionProblem("20.20.2")).toBe(
      "lucca-report needs Node 22.19 or newer (found 20.20.2); install a current Node from https://nodejs.org",
    );
    expect(nodeVersionProblem("v18.0.0")).toMatch(/\(found 18\.0\.0\)/);
  });

  it.each(["20.20.2", "22.0.0", "22.18.9", "21.99.99", "0.12.0"])("refuses %s", (version) => {
    expect(nodeVersionProblem(version)).toMatch(/^lucca-report needs Node 22\.19 or newer/);
  });

  it.each(["22.19.0", "22.19.1", "22.100.0", "23.0.0", "24.11.1", "100.0.0", "26.3.0-pre"])(
    "takes %s",
    (version) => {
      expect(nodeVersionProblem(version)).toBeUndefined();
    },
  );

  it("lets a version it cannot read through", () => {
    for (const version of [undefined, "", "latest", "22", "22.19"]) {
      expect(nodeVersionProblem(version)).toBeUndefined();
    }
  });

  it("takes the Node this suite runs on", () => {
    expect(nodeVersionProblem(process.versions.node)).toBeUndefined();
    expect(MIN_NODE).toEqual([22, 19, 0]);
  });
});
