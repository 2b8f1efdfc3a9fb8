import { isAbsolute, relative, resolve } from "node:path";
import * as core from "@actions/core";
import { InvalidInputError } from "../../core/errors.ts";
import { DEFAULT_COMMIT_MESSAGE, unknownPlaceholders } from "../../publish/commit-message.ts";
import { type Identity, parseIdentity } from "../../publish/git.ts";
import { parseSettings, type RawSettings, type SettingLabels, type Settings } from "../settings.ts";
import { type GitHubInputs, readGitHubInputs } from "./github-inputs.ts";

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
};

export type PublishTarget = "artifact" | "commit" | "pull-request";

export interface ActionInputs {
  settings: Settings;
  publish: PublishTarget[];
  artifact: {
    name: string | undefined;
    retentionDays: number | undefined;
    archive: boolean;
    overwrite: boolean;
  };
  commit: {
    message: string;
    author: Identity;
    committer: Identity;
    branch: string | undefined;
    ignoreLines: RegExp | undefined;
    pushAttempts: number;
  };
  ifUnchanged: "publish" | "skip";
  github: GitHubInputs;
  summary: boolean;
  summaryPreviewRows: number;
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

  const publish = list(read("publish") || "artifact");
  const unknown = publish.filter(
    (target) => !["artifact", "commit", "pull-request", "none"].includes(target),
  );
  if (unknown.length > 0) {
    issues.push(
      `publish: unknown value(s) ${unknown.map((v) => `"${v}"`).join(", ")}; expected artifact, commit, pull-request or none (comma separated)`,
    );
  }
  if (publish.includes("none") && publish.length > 1) {
    issues.push(`publish: "none" cannot be combined with other targets`);
  }
  if (publish.includes("commit") && publish.includes("pull-request")) {
    issues.push(`publish: commit and pull-request cannot be combined; choose one`);
  }
  const commit = readCommitInputs(read, issues);
  const github = readGitHubInputs(read, issues);
  if (publish.includes("commit") || publish.includes("pull-request")) {
    const output = read("output-path").trim();
    if (output && !isInside(workspace, output)) {
      issues.push(
        `output-path: "${output}" is outside the workspace; with publish: commit or pull-request the file must be inside the repository`,
      );
    }
  }
  const ifUnchanged = read("if-unchanged").trim() || "publish";
  if (ifUnchanged !== "publish" && ifUnchanged !== "skip") {
    issues.push(`if-unchanged: "${ifUnchanged}" must be publish or skip`);
  }

  const retention = read("artifact-retention-days").trim();
  let retentionDays: number | undefined;
  if (retention !== "") {
    retentionDays = /^\d+$/.test(retention) ? Number(retention) : Number.NaN;
    if (!(retentionDays >= 1 && retentionDays <= 90)) {
      issues.push(`artifact-retention-days: "${retention}" must be a whole number from 1 to 90`);
    }
  }
  const artifactName = read("artifact-name").trim() || undefined;
  if (artifactName !== undefined && /[":<>|*?\\/\r\n]/.test(artifactName)) {
    issues.push(
      `artifact-name: "${artifactName}" contains a character artifacts do not allow (" : < > | * ? \\ / or a line break)`,
    );
  }
  const archive = flag(read, "artifact-archive", false, issues);
  const overwrite = flag(read, "artifact-overwrite", false, issues);
  const summary = flag(read, "summary", true, issues);
  const previewText = read("summary-preview-rows").trim() || "10";
  const summaryPreviewRows = /^\d+$/.test(previewText) ? Number(previewText) : Number.NaN;
  if (!(summaryPreviewRows >= 0 && summaryPreviewRows <= 100)) {
    issues.push(`summary-preview-rows: "${previewText}" must be a whole number from 0 to 100`);
  }

  if (issues.length > 0 || settings === undefined) throw new InvalidInputError(issues);
  return {
    settings,
    publish: publish.filter(
      (target): target is PublishTarget =>
        target === "artifact" || target === "commit" || target === "pull-request",
    ),
    artifact: { name: artifactName, retentionDays, archive, overwrite },
    commit,
    ifUnchanged: ifUnchanged as "publish" | "skip",
    github,
    summary,
    summaryPreviewRows,
  };
}

function readCommitInputs(read: InputReader, issues: string[]): ActionInputs["commit"] {
  const message = read("commit-message").trim() || DEFAULT_COMMIT_MESSAGE;
  const unknown = unknownPlaceholders(message);
  if (unknown.length > 0) {
    issues.push(
      `commit-message: unknown placeholder(s) ${unknown.map((name) => `{${name}}`).join(", ")}; use {templateId}, {startsOn}, {endsOn}, {reportId}, {rows} or {sha256}`,
    );
  }
  const identity = (name: string): Identity => {
    const text = read(name).trim() || BOT;
    const parsed = parseIdentity(text);
    if (!parsed) issues.push(`${name}: "${text}" is not of the form Name <email>`);
    return parsed ?? { name: "", email: "" };
  };
  const author = identity("commit-author");
  const committer = identity("commit-committer");
  const branch = read("commit-branch").trim() || undefined;
  if (
    branch !== undefined &&
    !/^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]+(?<![./])$/.test(branch)
  ) {
    issues.push(`commit-branch: "${branch}" is not a valid branch name`);
  }
  const pattern = read("commit-ignore-lines").trim();
  let ignoreLines: RegExp | undefined;
  if (pattern) {
    try {
      ignoreLines = new RegExp(pattern);
    } catch (error) {
      issues.push(
        `commit-ignore-lines: not a valid regular expression: ${(error as Error).message}`,
      );
    }
  }
  const attemptsText = read("push-attempts").trim() || "5";
  const pushAttempts = /^\d+$/.test(attemptsText) ? Number(attemptsText) : Number.NaN;
  if (!(pushAttempts >= 1 && pushAttempts <= 20)) {
    issues.push(`push-attempts: "${attemptsText}" must be a whole number from 1 to 20`);
  }
  return { message, author, committer, branch, ignoreLines, pushAttempts };
}

function isInside(workspace: string, path: string): boolean {
  const target = resolve(workspace, path);
  const rel = relative(workspace, target);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

function list(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
}

// Same spellings as core.getBooleanInput (YAML 1.2 core schema), but collected, not thrown.
function flag(read: InputReader, name: string, fallback: boolean, issues: string[]): boolean {
  const text = read(name).trim();
  if (text === "") return fallback;
  if (["true", "True", "TRUE"].includes(text)) return true;
  if (["false", "False", "FALSE"].includes(text)) return false;
  issues.push(`${name}: "${text}" is not a boolean; use true or false`);
  return fallback;
}
