import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../core/errors.ts";
import { readInputs } from "./inputs.ts";

const NOW = new Date("2026-11-15T12:00:00Z");
const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? "";
const BASE = { domain: "127.0.0.1:1234", "api-key": "k", "template-id": "42" };

function issuesOf(inputs: Record<string, string>): string[] {
  try {
    readInputs(reader({ ...BASE, ...inputs }), NOW, "/work/repo");
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues;
    throw error;
  }
  return [];
}

describe("readInputs (zod schemas)", () => {
  it("reads the defaults", () => {
    const inputs = readInputs(reader(BASE), NOW, "/work/repo");
    expect(inputs.publish).toEqual(["artifact"]);
    expect(inputs.summary).toBe(true);
    expect(inputs.summaryPreviewRows).toBe(0);
    expect(inputs.commit.pushAttempts).toBe(5);
    expect(inputs.ifUnchanged).toBe("publish");
    expect(inputs.settings.reports[0]?.period).toEqual({ startsOn: null, endsOn: null });
  });

  it("takes the runner's boolean spellings and nothing else", () => {
    expect(readInputs(reader({ ...BASE, summary: "False" }), NOW, "/w").summary).toBe(false);
    expect(issuesOf({ summary: "yes" })).toEqual([
      'summary: "yes" is not a boolean; use true or false',
    ]);
  });

  it("lists every bad input, each with its own message", () => {
    const issues = issuesOf({
      "api-key": "",
      "template-id": "a b",
      timeout: "forever",
      "max-poll-interval": "1s",
      "poll-interval": "5s",
      publish: "artifact,ftp",
      "artifact-retention-days": "365",
      "summary-preview-rows": "many",
      "artifact-archive": "maybe",
      "push-attempts": "0",
      "commit-branch": "-x",
      "commit-message": "{nope}",
      "if-unchanged": "never",
    });
    expect(issues).toEqual([
      "api-key: missing; the secret passed to it is empty or not available to this event: GitHub gives no secrets to workflows run for pull requests from forks (and only Dependabot secrets to Dependabot's), so check the secret's name and the event",
      'template-id: "a b" is not a template id (letters, digits, - and _ only)',
      expect.stringMatching(/^timeout: cannot parse "forever"/),
      "max-poll-interval: must not be shorter than poll-interval",
      'publish: unknown value(s) "ftp"; expected artifact, commit, pull-request or none (comma separated)',
      expect.stringMatching(/^commit-message: unknown placeholder\(s\) \{nope\}/),
      'commit-branch: "-x" is not a valid branch name: it starts with "-"',
      'push-attempts: "0" must be a whole number from 1 to 20',
      'if-unchanged: "never" must be publish or skip',
      'artifact-retention-days: "365" must be a whole number from 1 to 90',
      'artifact-archive: "maybe" is not a boolean; use true or false',
      'summary-preview-rows: "many" must be a whole number from 0 to 100',
    ]);
  });

  it("keeps the Actions cache on unless cache is false, which if-unchanged: skip needs", () => {
    expect(readInputs(reader(BASE), NOW, "/w").cache).toBe(true);
    expect(readInputs(reader({ ...BASE, cache: "false" }), NOW, "/w").cache).toBe(false);
    expect(issuesOf({ cache: "off" })).toEqual([
      'cache: "off" is not a boolean; use true or false',
    ]);
    expect(issuesOf({ cache: "false", "if-unchanged": "skip" })).toEqual([
      "if-unchanged: skip needs the previous report, which is kept in the Actions cache; it cannot be used with cache: false",
    ]);
    expect(issuesOf({ cache: "true", "if-unchanged": "skip" })).toEqual([]);
  });

  it("refuses a commit target outside the workspace", () => {
    expect(issuesOf({ publish: "commit", "output-path": "../x.csv" })).toEqual([
      'output-path: "../x.csv" is outside the workspace; with publish: commit or pull-request the file must be inside the repository',
    ]);
  });

  it("reads repository from the workspace and keeps a committed report inside it", () => {
    expect(readInputs(reader(BASE), NOW, "/work/repo").repository).toEqual({
      path: ".",
      dir: "/work/repo",
    });
    expect(
      readInputs(reader({ ...BASE, repository: "sub/app" }), NOW, "/work/repo").repository,
    ).toEqual({ path: "sub/app", dir: "/work/repo/sub/app" });
    expect(issuesOf({ repository: "../elsewhere" })).toEqual([
      'repository: "../elsewhere" is outside the workspace; give a directory inside it, relative to it (the path: given to actions/checkout)',
    ]);
    expect(issuesOf({ repository: "sub/.git" })).toEqual([
      `repository: "sub/.git" is inside a .git directory; give the checkout's own directory`,
    ]);
    expect(
      issuesOf({ publish: "pull-request", repository: "sub/app", "output-path": "sub/x.csv" }),
    ).toEqual([
      'output-path: "sub/x.csv" is outside repository "sub/app"; with publish: commit or pull-request the file must be inside the repository (output-path is relative to the workspace, e.g. sub/app/reports/timesheet.csv)',
    ]);
    expect(issuesOf({ repository: "sub/app", "output-path": "x.csv" })).toEqual([]);
    expect(
      issuesOf({ publish: "commit", repository: "sub/app", "output-path": "sub/app/x.csv" }),
    ).toEqual([]);
  });
});
