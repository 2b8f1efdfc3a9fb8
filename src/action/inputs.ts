import { isAbsolute, relative, resolve, sep } from "node:path";
import * as core from "@actions/core";
import * as z from "zod";
import { branchNameProblem } from "../core/branch-name.ts";
import { InvalidInputError } from "../core/errors.ts";
import { inputError, optionalText, runnerBoolean, wholeNumber } from "../node/input-schema.ts";
import {
  parseSettings,
  type RawSettings,
  type SettingLabels,
  type Settings,
} from "../node/settings.ts";
import { DEFAULT_COMMIT_MESSAGE, unknownPlaceholders } from "../publish/commit-message.ts";
import { type Identity, parseIdentity } from "../publish/git.ts";
import { type GitHubInputs, readGitHubInputs } from "./github-inputs.ts";
import { plannedBranchIssues } from "./pull-request-branch.ts";
import { type PublishTarget, severalReportsIssues } from "./step-text.ts";

export const ACTION_LABELS: SettingLabels = {
  domain: "domain",
  apiKey: "api-key",
  templateId: "template-id",
  start: "start-date",
  end: "end-date",
  period: "period",
  timezone: "timezone",
  reportId: "report-id",
  format: "format",
  output: "output-path",
  timeout: "timeout",
  pollInterval: "poll-interval",
  maxPollInterval: "max-poll-interval",
  requestTimeout: "request-timeout",
  maxRetries: "max-retries",
  generationAttempts: "generation-attempts",
  allowHosts: "allowed-hosts",
  endDateConvention: "end-date-convention",
  concurrency: "concurrency",
  requestsPerMinute: "requests-per-minute",
  failFast: "fail-fast",
};

export interface ActionInputs {
  settings: Settings;
  publish: PublishTarget[];
  artifact: {
    name: string | undefined;
    retentionDays: number | undefined;
    archive: boolean;
    overwrite: boolean;
    /** With several reports: one artifact per report instead of one for all. */
    perReport: boolean;
  };
  commit: {
    message: string;
    author: Identity;
    committer: Identity;
    branch: string | undefined;
    ignoreLines: RegExp | undefined;
    pushAttempts: number;
  };
  /**
   * The git repository commit mode commits into (and whose paths the GitHub API modes use),
   * as given (relative to the workspace) and as an absolute path (lexical: main.ts checks
   * its real path before any request).
   */
  repository: { path: string; dir: string };
  ifUnchanged: "publish" | "skip";
  /**
   * Whether the Actions cache carries anything from run to run (the poll history, and with
   * publish: artifact the previous report for the comparison). false: nothing is restored or
   * saved. @default true
   */
  cache: boolean;
  github: GitHubInputs;
  summary: boolean;
  summaryPreviewRows: number;
  /** Print every HTTP exchange (shapes only) in a collapsed group. */
  trace: boolean;
  /** "doctor" runs the flow once on one day and reports what the tenant does. */
  mode: "report" | "doctor";
}

const BOT = "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>";

/** Reads an input as the runner passes it: INPUT_<NAME> with spaces as underscores. */
export type InputReader = (name: string) => string;

export const runnerInputs: InputReader = (name) => core.getInput(name);

/** Every input into one typed object; every problem reported at once, before any request. */
export function readInputs(read: InputReader, now: Date, workspace: string): ActionInputs {
  const issues: string[] = [];
  const raw: RawSettings = {};
  for (const [key, label] of Object.entries(ACTION_LABELS) as [keyof RawSettings, string][]) {
    if (key !== "allowHosts") raw[key] = read(label) as never;
  }
  raw.allowHosts = read("allowed-hosts")
    .split(/[\n,]/)
    .map((host) => host.trim())
    .filter(Boolean);

  let settings: Settings | undefined;
  try {
    settings = parseSettings(raw, ACTION_LABELS, now);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    issues.push(...error.issues);
  }

  const names = Object.keys(PUBLISHING_FIELDS);
  const result = publishingSchema(workspace).safeParse(
    Object.fromEntries(names.map((name) => [name, read(name)])),
  );
  if (!result.success) issues.push(...inputError(result.error).issues);
  const github = readGitHubInputs(read, issues);
  if (result.success && settings && settings.reports.length > 1) {
    issues.push(
      ...severalReportsIssues({
        publish: result.data.publish,
        commitMessage: result.data["commit-message"],
        pullRequest: github.pullRequest,
      }),
    );
  }
  // The branch the reports' values make, checked now rather than after they are fetched.
  if (
    result.success &&
    settings &&
    result.data.publish.includes("pull-request") &&
    !issues.some((issue) => issue.startsWith("pr-branch:"))
  ) {
    issues.push(...plannedBranchIssues(github.pullRequest.branch, settings));
  }
  if (issues.length > 0 || settings === undefined || !result.success) {
    throw new InvalidInputError(issues);
  }
  const inputs = result.data;
  return {
    settings,
    publish: inputs.publish,
    artifact: {
      name: inputs["artifact-name"],
      retentionDays: inputs["artifact-retention-days"],
      archive: inputs["artifact-archive"],
      overwrite: inputs["artifact-overwrite"],
      perReport: inputs["artifact-per-report"],
    },
    commit: {
      message: inputs["commit-message"],
      author: inputs["commit-author"],
      committer: inputs["commit-committer"],
      branch: inputs["commit-branch"],
      ignoreLines: inputs["commit-ignore-lines"],
      pushAttempts: inputs["push-attempts"],
    },
    repository: { path: inputs.repository, dir: resolve(workspace, inputs.repository) },
    ifUnchanged: inputs["if-unchanged"],
    cache: inputs.cache,
    github,
    summary: inputs.summary,
    summaryPreviewRows: inputs["summary-preview-rows"],
    trace: inputs.trace,
    mode: inputs.mode,
  };
}

const custom = (ctx: z.core.$RefinementCtx<unknown>, message: string, input: unknown) =>
  ctx.issues.push({ code: "custom", message, input });

const identity = (name: string) =>
  optionalText.transform((value, ctx): Identity => {
    const text = value ?? BOT;
    const parsed = parseIdentity(text);
    if (!parsed) custom(ctx, `${name}: "${text}" is not of the form Name <email>`, value);
    return parsed ?? { name: "", email: "" };
  });

/** The inputs that say how and where the report is published; keyed by input name. */
const PUBLISHING_FIELDS = {
  publish: z.string().transform((value, ctx): PublishTarget[] => {
    const targets = list(value || "artifact");
    const unknown = targets.filter(
      (target) => !["artifact", "commit", "pull-request", "none"].includes(target),
    );
    if (unknown.length > 0) {
      custom(
        ctx,
        `publish: unknown value(s) ${unknown.map((v) => `"${v}"`).join(", ")}; expected artifact, commit, pull-request or none (comma separated)`,
        value,
      );
    }
    if (targets.includes("none") && targets.length > 1) {
      custom(ctx, `publish: "none" cannot be combined with other targets`, value);
    }
    if (targets.includes("commit") && targets.includes("pull-request")) {
      custom(ctx, "publish: commit and pull-request cannot be combined; choose one", value);
    }
    return targets.filter(
      (target): target is PublishTarget =>
        target === "artifact" || target === "commit" || target === "pull-request",
    );
  }),
  "output-path": optionalText,
  repository: optionalText.transform((value, ctx) => {
    const path = value ?? ".";
    if (/[\0\r\n]/.test(path))
      custom(ctx, `repository: "${path}" is not a usable directory name`, value);
    else if (path.split(/[/\\]/).some((part) => part.toLowerCase() === ".git")) {
      custom(
        ctx,
        `repository: "${path}" is inside a .git directory; give the checkout's own directory`,
        value,
      );
    }
    return path;
  }),
  "commit-message": optionalText.transform((value, ctx) => {
    const message = value ?? DEFAULT_COMMIT_MESSAGE;
    // {count}: the number of files in a several-report commit.
    const unknown = unknownPlaceholders(message).filter((name) => name !== "count");
    if (unknown.length > 0) {
      custom(
        ctx,
        `commit-message: unknown placeholder(s) ${unknown.map((name) => `{${name}}`).join(", ")}; use {templateId}, {startsOn}, {endsOn}, {reportId}, {rows}, {sha256} or {count}`,
        value,
      );
    }
    return message;
  }),
  "commit-author": identity("commit-author"),
  "commit-committer": identity("commit-committer"),
  "commit-branch": optionalText.transform((branch, ctx) => {
    const problem = branch === undefined ? undefined : branchNameProblem(branch);
    if (problem === undefined) return branch;
    custom(ctx, `commit-branch: "${branch}" is not a valid branch name: it ${problem}`, branch);
    return z.NEVER;
  }),
  "commit-ignore-lines": optionalText.transform((pattern, ctx) => {
    if (pattern === undefined) return undefined;
    try {
      return new RegExp(pattern);
    } catch (error) {
      custom(
        ctx,
        `commit-ignore-lines: not a valid regular expression: ${(error as Error).message}`,
        pattern,
      );
      return z.NEVER;
    }
  }),
  "push-attempts": wholeNumber("push-attempts", "5", 1, 20),
  "if-unchanged": optionalText.transform((value, ctx) => {
    const choice = value ?? "publish";
    if (choice === "publish" || choice === "skip") return choice;
    custom(ctx, `if-unchanged: "${choice}" must be publish or skip`, value);
    return z.NEVER;
  }),
  "artifact-retention-days": optionalText.transform((value, ctx) => {
    if (value === undefined) return undefined;
    const days = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (days >= 1 && days <= 90) return days;
    custom(ctx, `artifact-retention-days: "${value}" must be a whole number from 1 to 90`, value);
    return z.NEVER;
  }),
  "artifact-name": optionalText.refine(
    (name) => name === undefined || !/[":<>|*?\\/\r\n]/.test(name),
    {
      error: (issue) =>
        `artifact-name: "${String(issue.input)}" contains a character artifacts do not allow (" : < > | * ? \\ / or a line break)`,
    },
  ),
  "artifact-archive": runnerBoolean("artifact-archive", false),
  "artifact-overwrite": runnerBoolean("artifact-overwrite", false),
  "artifact-per-report": runnerBoolean("artifact-per-report", false),
  cache: runnerBoolean("cache", true),
  summary: runnerBoolean("summary", true),
  "summary-preview-rows": wholeNumber("summary-preview-rows", "0", 0, 100),
  trace: runnerBoolean("trace", false),
  mode: optionalText.transform((value, ctx): "report" | "doctor" => {
    const mode = value ?? "report";
    if (mode === "report" || mode === "doctor") return mode;
    custom(ctx, `mode: "${mode}" must be report or doctor`, value);
    return "report";
  }),
};

function publishingSchema(workspace: string) {
  return z.object(PUBLISHING_FIELDS).superRefine(
    (inputs, ctx) => {
      if (inputs.cache === false && inputs["if-unchanged"] === "skip") {
        custom(
          ctx,
          "if-unchanged: skip needs the previous report, which is kept in the Actions cache; it cannot be used with cache: false",
          inputs["if-unchanged"],
        );
      }
      const repository = inputs.repository;
      if (typeof repository === "string" && !isInside(workspace, repository, { orSame: true })) {
        custom(
          ctx,
          `repository: "${repository}" is outside the workspace; give a directory inside it, relative to it (the path: given to actions/checkout)`,
          repository,
        );
        return;
      }
      const output = inputs["output-path"];
      if (
        !Array.isArray(inputs.publish) ||
        !(inputs.publish.includes("commit") || inputs.publish.includes("pull-request")) ||
        !output
      ) {
        return;
      }
      const repoDir = resolve(workspace, typeof repository === "string" ? repository : ".");
      if (repoDir === resolve(workspace)) {
        if (!isInside(workspace, output)) {
          custom(
            ctx,
            `output-path: "${output}" is outside the workspace; with publish: commit or pull-request the file must be inside the repository`,
            output,
          );
        }
      } else if (!isInside(repoDir, resolve(workspace, output))) {
        custom(
          ctx,
          `output-path: "${output}" is outside repository "${repository}"; with publish: commit or pull-request the file must be inside the repository (output-path is relative to the workspace, e.g. ${repository.replace(/\/+$/, "")}/reports/timesheet.csv)`,
          output,
        );
      }
    },
    { when: () => true },
  );
}

function isInside(root: string, path: string, options: { orSame?: boolean } = {}): boolean {
  const rel = relative(root, resolve(root, path));
  if (rel === "") return options.orSame === true;
  return rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function list(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
}
