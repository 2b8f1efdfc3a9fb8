import * as core from "@actions/core";
import { InvalidInputError } from "../../core/errors.ts";
import { parseSettings, type RawSettings, type SettingLabels, type Settings } from "../settings.ts";

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

export type PublishTarget = "artifact";

export interface ActionInputs {
  settings: Settings;
  publish: PublishTarget[];
  artifact: {
    name: string | undefined;
    retentionDays: number | undefined;
    archive: boolean;
    overwrite: boolean;
  };
  summary: boolean;
  summaryPreviewRows: number;
}

/** Reads an input as the runner passes it: INPUT_<NAME> with spaces as underscores. */
export type InputReader = (name: string) => string;

export const runnerInputs: InputReader = (name) => core.getInput(name);

/** Every input into one typed object; every problem reported at once, before any request. */
export function readInputs(read: InputReader, now: Date): ActionInputs {
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
  const unknown = publish.filter((target) => target !== "artifact" && target !== "none");
  if (unknown.length > 0) {
    const later = unknown.includes("commit") ? " (commit is not available yet)" : "";
    issues.push(
      `publish: unknown value(s) ${unknown.map((v) => `"${v}"`).join(", ")}; expected artifact or none${later}`,
    );
  }
  if (publish.includes("none") && publish.length > 1) {
    issues.push(`publish: "none" cannot be combined with other targets`);
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
    publish: publish.filter((target): target is PublishTarget => target === "artifact"),
    artifact: { name: artifactName, retentionDays, archive, overwrite },
    summary,
    summaryPreviewRows,
  };
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
