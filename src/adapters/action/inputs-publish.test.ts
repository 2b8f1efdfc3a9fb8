import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../core/errors.ts";
import { readInputs } from "./inputs.ts";

const base: Record<string, string> = {
  domain: "https://acme.ilucca.net",
  "api-key": "k",
  "template-id": "42",
};
const read = (values: Record<string, string>) => (name: string) =>
  ({ ...base, ...values })[name] ?? "";
const now = new Date("2026-11-15T12:00:00Z");

describe("readInputs: the GitHub API modes", () => {
  it("accepts publish: pull-request and carries the GitHub inputs", () => {
    const inputs = readInputs(
      read({ publish: "pull-request, artifact", "pr-labels": "payroll", "github-token": "t" }),
      now,
      "/work/repo",
    );
    expect(inputs.publish).toEqual(["pull-request", "artifact"]);
    expect(inputs.github.token).toBe("t");
    expect(inputs.github.pullRequest.labels).toEqual(["payroll"]);
  });

  it("refuses commit with pull-request, a file outside the workspace, and bad GitHub inputs, together", () => {
    let error: unknown;
    try {
      readInputs(
        read({
          publish: "commit, pull-request",
          "output-path": "../out.csv",
          "pr-draft": "maybe",
        }),
        now,
        "/work/repo",
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues).toHaveLength(3);
    expect((error as InvalidInputError).issues).toEqual(
      expect.arrayContaining([
        "publish: commit and pull-request cannot be combined; choose one",
        'pr-draft: "maybe" is not a boolean; use true or false',
        expect.stringMatching(
          /^output-path: "..\/out.csv" is outside the workspace; with publish: commit or pull-request/,
        ),
      ]),
    );
  });
});
