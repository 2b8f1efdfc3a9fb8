import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../core/errors.ts";
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

  it("refuses, with several reports, texts that name one report's value", () => {
    const several = { "template-id": "42, 43", period: "2026-09..2026-10" };
    const issues = (values: Record<string, string>) => {
      try {
        readInputs(read({ ...several, ...values }), now, "/work/repo");
        return [];
      } catch (caught) {
        return (caught as InvalidInputError).issues;
      }
    };
    expect(
      issues({
        publish: "pull-request",
        "commit-message": "Reports {rows}",
        "pr-branch": "lucca/{reportId}",
        "pr-title": "{count} reports {templateId} {startsOn}",
        "pr-body": "{sha256} {rows} {sha256}",
      }),
    ).toEqual([
      "commit-message: {rows} names one report's value, and this step has several reports; use {templateId}, {startsOn}, {endsOn} or {count}",
      "pr-branch: {reportId} names one report's value, and this step has several reports; use {templateId}, {startsOn}, {endsOn} or {count}",
      "pr-body: {sha256}, {rows} names one report's value, and this step has several reports; use {templateId}, {startsOn}, {endsOn} or {count}",
    ]);
    // Only the texts the step uses are checked; one report keeps every placeholder.
    expect(issues({ publish: "artifact", "commit-message": "Reports {rows}" })).toEqual([]);
    expect(
      issues({
        publish: "pull-request",
        "template-id": "42",
        period: "2026-10",
        "pr-title": "{rows}",
      }),
    ).toEqual([]);
  });
});
