import * as z from "zod";
import { parseDomain } from "../core/domain.ts";
import { parseDuration } from "../core/duration.ts";
import { InvalidInputError } from "../core/errors.ts";
import type { ReportFormat } from "../core/lucca-client.ts";
import { type Period, resolvePeriod } from "../core/period.ts";
import { END_DATE_CONVENTIONS, type EndDateConvention } from "../core/range-sent.ts";
import { ALWAYS, inputError, known, optionalText, viaParser, wholeNumber } from "./input-schema.ts";

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

const ID = /^[A-Za-z0-9_-]+$/;

function connectionFields(raw: RawSettings, labels: SettingLabels) {
  return {
    domain: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const domain = parseDomain(value ?? "", raw.allowHosts ?? [], {
          domain: labels.domain,
          allowHost: labels.allowHosts,
        });
        if ("url" in domain) return domain.url;
        ctx.issues.push({ code: "custom", message: domain.problem, input: value });
        return z.NEVER;
      }),
    apiKey: optionalText.transform((value, ctx) => {
      if (value === undefined) {
        ctx.issues.push({
          code: "custom",
          message: `${labels.apiKey}: missing; the Lucca API key is required`,
          input: value,
        });
      } else if (/\s/.test(value)) {
        ctx.issues.push({
          code: "custom",
          message: `${labels.apiKey}: the API key contains white space or a line break; check it was copied whole`,
          input: "[redacted]",
        });
      }
      return value ?? "";
    }),
  };
}

/** The domain and API key, the part every command needs; problems go into `issues`. */
export function parseConnection(
  raw: RawSettings,
  labels: SettingLabels,
  issues: string[],
): Connection | undefined {
  const result = z.object(connectionFields(raw, labels)).safeParse(raw);
  if (result.success) return { baseUrl: result.data.domain, apiKey: result.data.apiKey };
  issues.push(...inputError(result.error).issues);
  return undefined;
}

function idField(label: string, what: string) {
  return optionalText.refine((value) => value === undefined || ID.test(value), {
    error: (issue) =>
      `${label}: "${String(issue.input)}" is not a ${what} (letters, digits, - and _ only)`,
  });
}

function durationField(label: string, fallback: string) {
  return optionalText.transform(
    viaParser((value: string | undefined) => {
      const ms = parseDuration(value ?? fallback, label);
      if (ms <= 0) throw new InvalidInputError(`${label}: must be longer than zero`);
      return ms;
    }),
  );
}

/** The schema of every report setting; messages name each setting by `labels`. */
export function settingsSchema(raw: RawSettings, labels: SettingLabels) {
  return z
    .object({
      ...connectionFields(raw, labels),
      reportId: idField(labels.reportId, "report id"),
      templateId: idField(labels.templateId, "template id"),
      start: optionalText,
      end: optionalText,
      period: optionalText,
      timezone: optionalText,
      format: optionalText.transform((value, ctx) => {
        const format = value ?? DEFAULTS.format;
        if (format === "csv" || format === "excel") return format as ReportFormat;
        ctx.issues.push({
          code: "custom",
          message: `${labels.format}: unknown format "${format}"; expected csv or excel`,
          input: value,
        });
        return z.NEVER;
      }),
      output: optionalText.refine((value) => value === undefined || !/[/\\]$/.test(value), {
        error: (issue) =>
          `${labels.output}: "${String(issue.input)}" names a directory; give a file path such as reports/timesheet.csv`,
      }),
      timeout: durationField(labels.timeout, DEFAULTS.timeout),
      pollInterval: durationField(labels.pollInterval, DEFAULTS.pollInterval),
      maxPollInterval: durationField(labels.maxPollInterval, DEFAULTS.maxPollInterval),
      requestTimeout: durationField(labels.requestTimeout, DEFAULTS.requestTimeout),
      maxRetries: wholeNumber(labels.maxRetries, DEFAULTS.maxRetries, 0),
      generationAttempts: wholeNumber(labels.generationAttempts, DEFAULTS.generationAttempts, 1),
      endDateConvention: optionalText.transform((value, ctx) => {
        const convention = value ?? DEFAULTS.endDateConvention;
        if ((END_DATE_CONVENTIONS as readonly string[]).includes(convention)) {
          return convention as EndDateConvention;
        }
        ctx.issues.push({
          code: "custom",
          message: `${labels.endDateConvention}: "${convention}" must be inclusive or exclusive`,
          input: value,
        });
        return z.NEVER;
      }),
    })
    .superRefine((fields, ctx) => {
      if (!raw.templateId?.trim() && !raw.reportId?.trim()) {
        ctx.addIssue({
          code: "custom",
          message: `${labels.templateId}: missing; give the id of the Lucca report template (or ${labels.reportId} to download an existing report)`,
        });
      }
      const poll = known(fields.pollInterval);
      const maxPoll = known(fields.maxPollInterval);
      if (typeof poll === "number" && typeof maxPoll === "number" && maxPoll < poll) {
        ctx.addIssue({
          code: "custom",
          message: `${labels.maxPollInterval}: must not be shorter than ${labels.pollInterval}`,
        });
      }
    }, ALWAYS);
}

/**
 * Checks every setting and gathers every problem, so one run tells the user all that is
 * wrong. Throws InvalidInputError before anything touches the network.
 */
export function parseSettings(raw: RawSettings, labels: SettingLabels, now: Date): Settings {
  const result = settingsSchema(raw, labels).safeParse(raw);
  const issues = result.success ? [] : inputError(result.error).issues;
  const warnings: string[] = [];
  const text = (value: string | undefined) => value?.trim() || undefined;
  const periodInput = { start: text(raw.start), end: text(raw.end), period: text(raw.period) };
  let period: Period = { startsOn: null, endsOn: null };
  if (text(raw.reportId) !== undefined) {
    if (periodInput.start || periodInput.end || periodInput.period) {
      warnings.push(
        `${labels.reportId} is set: the period comes from that report, so ${labels.start}, ${labels.end} and ${labels.period} are ignored`,
      );
    }
  } else {
    try {
      period = resolvePeriod({
        ...periodInput,
        timezone: text(raw.timezone) ?? DEFAULTS.timezone,
        now,
        labels: {
          start: labels.start,
          end: labels.end,
          period: labels.period,
          timezone: labels.timezone,
        },
      });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (!result.success || issues.length > 0) throw new InvalidInputError(issues);
  const fields = result.data;
  return {
    baseUrl: fields.domain,
    apiKey: fields.apiKey,
    templateId: fields.templateId,
    period,
    reportId: fields.reportId,
    format: fields.format,
    outputPath: fields.output,
    timeoutMs: fields.timeout,
    pollIntervalMs: fields.pollInterval,
    maxPollIntervalMs: fields.maxPollInterval,
    requestTimeoutMs: fields.requestTimeout,
    maxRetries: fields.maxRetries,
    generationAttempts: fields.generationAttempts,
    endDateConvention: fields.endDateConvention,
    warnings,
  };
}
