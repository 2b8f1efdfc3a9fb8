import { parseDomain } from "../core/domain.ts";
import { parseDuration } from "../core/duration.ts";
import { InvalidInputError } from "../core/errors.ts";
import type { ReportFormat } from "../core/lucca-client.ts";
import { type Period, resolvePeriod } from "../core/period.ts";
import { END_DATE_CONVENTIONS, type EndDateConvention } from "../core/range-sent.ts";

/** Settings as text, from command-line flags or action inputs; empty strings mean unset. */
export interface RawSettings {
  domain?: string | undefined;
  apiKey?: string | undefined;
  templateId?: string | undefined;
  start?: string | undefined;
  end?: string | undefined;
  period?: string | undefined;
  timezone?: string | undefined;
  reportId?: string | undefined;
  format?: string | undefined;
  output?: string | undefined;
  timeout?: string | undefined;
  pollInterval?: string | undefined;
  maxPollInterval?: string | undefined;
  requestTimeout?: string | undefined;
  maxRetries?: string | undefined;
  generationAttempts?: string | undefined;
  allowHosts?: readonly string[] | undefined;
  endDateConvention?: string | undefined;
}

/** How each setting is named to the user: "--start" on the command line, "start-date" in a workflow. */
export type SettingLabels = Record<keyof RawSettings, string>;

export const CLI_LABELS: SettingLabels = {
  domain: "--domain",
  apiKey: "LUCCA_API_KEY",
  templateId: "--template-id",
  start: "--start",
  end: "--end",
  period: "--period",
  timezone: "--timezone",
  reportId: "--report-id",
  format: "--format",
  output: "--output",
  timeout: "--timeout",
  pollInterval: "--poll-interval",
  maxPollInterval: "--max-poll-interval",
  requestTimeout: "--request-timeout",
  maxRetries: "--max-retries",
  generationAttempts: "--generation-attempts",
  allowHosts: "--allow-host",
  endDateConvention: "--end-date-convention",
};

export interface Settings extends Connection {
  templateId: string | undefined;
  period: Period;
  reportId: string | undefined;
  format: ReportFormat;
  outputPath: string | undefined;
  timeoutMs: number;
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  requestTimeoutMs: number;
  maxRetries: number;
  generationAttempts: number;
  endDateConvention: EndDateConvention;
  /** Things worth saying that do not stop the run. */
  warnings: string[];
}

export const DEFAULTS = {
  format: "csv",
  timeout: "15m",
  pollInterval: "1s",
  maxPollInterval: "8s",
  requestTimeout: "30s",
  maxRetries: "5",
  generationAttempts: "2",
  timezone: "UTC",
  endDateConvention: "inclusive",
} as const;

export interface Connection {
  baseUrl: URL;
  apiKey: string;
}

/** The domain and API key, the part every command needs; problems go into `issues`. */
export function parseConnection(
  raw: RawSettings,
  labels: SettingLabels,
  issues: string[],
): Connection | undefined {
  const domain = parseDomain(raw.domain ?? "", raw.allowHosts ?? [], {
    domain: labels.domain,
    allowHost: labels.allowHosts,
  });
  if ("problem" in domain) issues.push(domain.problem);
  const apiKey = raw.apiKey?.trim() ?? "";
  if (apiKey === "") {
    issues.push(`${labels.apiKey}: missing; the Lucca API key is required`);
  } else if (/\s/.test(apiKey)) {
    issues.push(
      `${labels.apiKey}: the API key contains white space or a line break; check it was copied whole`,
    );
  }
  return "url" in domain && apiKey !== "" ? { baseUrl: domain.url, apiKey } : undefined;
}

/**
 * Checks every setting and gathers every problem, so one run tells the user all that is
 * wrong. Throws InvalidInputError before anything touches the network.
 */
export function parseSettings(raw: RawSettings, labels: SettingLabels, now: Date): Settings {
  const issues: string[] = [];
  const warnings: string[] = [];
  const text = (value: string | undefined) => {
    const trimmed = value?.trim();
    return trimmed === "" ? undefined : trimmed;
  };
  const collect = <T>(produce: () => T): T | undefined => {
    try {
      return produce();
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      issues.push(...error.issues);
      return undefined;
    }
  };

  const connection = parseConnection(raw, labels, issues);

  const reportId = text(raw.reportId);
  if (reportId !== undefined && !/^[A-Za-z0-9_-]+$/.test(reportId)) {
    issues.push(
      `${labels.reportId}: "${reportId}" is not a report id (letters, digits, - and _ only)`,
    );
  }
  const templateId = text(raw.templateId);
  if (templateId === undefined && reportId === undefined) {
    issues.push(
      `${labels.templateId}: missing; give the id of the Lucca report template (or ${labels.reportId} to download an existing report)`,
    );
  } else if (templateId !== undefined && !/^[A-Za-z0-9_-]+$/.test(templateId)) {
    issues.push(
      `${labels.templateId}: "${templateId}" is not a template id (letters, digits, - and _ only)`,
    );
  }

  const periodInput = { start: text(raw.start), end: text(raw.end), period: text(raw.period) };
  let period: Period | undefined = { startsOn: null, endsOn: null };
  if (reportId !== undefined) {
    if (periodInput.start || periodInput.end || periodInput.period) {
      warnings.push(
        `${labels.reportId} is set: the period comes from that report, so ${labels.start}, ${labels.end} and ${labels.period} are ignored`,
      );
    }
  } else {
    period = collect(() =>
      resolvePeriod({
        ...periodInput,
        timezone: text(raw.timezone) ?? DEFAULTS.timezone,
        now,
        labels: {
          start: labels.start,
          end: labels.end,
          period: labels.period,
          timezone: labels.timezone,
        },
      }),
    );
  }

  const format = text(raw.format) ?? DEFAULTS.format;
  if (format !== "csv" && format !== "excel") {
    issues.push(`${labels.format}: unknown format "${format}"; expected csv or excel`);
  }
  const outputPath = text(raw.output);
  if (outputPath !== undefined && /[/\\]$/.test(outputPath)) {
    issues.push(
      `${labels.output}: "${outputPath}" names a directory; give a file path such as reports/timesheet.csv`,
    );
  }

  const duration = (value: string | undefined, fallback: string, label: string) =>
    collect(() => {
      const ms = parseDuration(text(value) ?? fallback, label);
      if (ms <= 0) throw new InvalidInputError(`${label}: must be longer than zero`);
      return ms;
    });
  const timeoutMs = duration(raw.timeout, DEFAULTS.timeout, labels.timeout);
  const pollIntervalMs = duration(raw.pollInterval, DEFAULTS.pollInterval, labels.pollInterval);
  const maxPollIntervalMs = duration(
    raw.maxPollInterval,
    DEFAULTS.maxPollInterval,
    labels.maxPollInterval,
  );
  const requestTimeoutMs = duration(
    raw.requestTimeout,
    DEFAULTS.requestTimeout,
    labels.requestTimeout,
  );
  if (
    pollIntervalMs !== undefined &&
    maxPollIntervalMs !== undefined &&
    maxPollIntervalMs < pollIntervalMs
  ) {
    issues.push(`${labels.maxPollInterval}: must not be shorter than ${labels.pollInterval}`);
  }

  const count = (value: string | undefined, fallback: string, label: string, min: number) => {
    const source = text(value) ?? fallback;
    const parsed = /^\d+$/.test(source) ? Number(source) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min) {
      issues.push(`${label}: "${source}" is not a whole number of at least ${min}`);
      return undefined;
    }
    return parsed;
  };
  const maxRetries = count(raw.maxRetries, DEFAULTS.maxRetries, labels.maxRetries, 0);
  const generationAttempts = count(
    raw.generationAttempts,
    DEFAULTS.generationAttempts,
    labels.generationAttempts,
    1,
  );

  const endDateConvention = text(raw.endDateConvention) ?? DEFAULTS.endDateConvention;
  if (!(END_DATE_CONVENTIONS as readonly string[]).includes(endDateConvention)) {
    issues.push(
      `${labels.endDateConvention}: "${endDateConvention}" must be inclusive or exclusive`,
    );
  }

  if (issues.length > 0) throw new InvalidInputError(issues);
  return {
    ...(connection as Connection),
    endDateConvention: endDateConvention as EndDateConvention,
    templateId,
    period: period as Period,
    reportId,
    format: format as ReportFormat,
    outputPath,
    timeoutMs: timeoutMs as number,
    pollIntervalMs: pollIntervalMs as number,
    maxPollIntervalMs: maxPollIntervalMs as number,
    requestTimeoutMs: requestTimeoutMs as number,
    maxRetries: maxRetries as number,
    generationAttempts: generationAttempts as number,
    warnings,
  };
}
