import * as z from "zod";
import { parseDomain } from "../core/domain.ts";
import { parseDuration } from "../core/duration.ts";
import { InvalidInputError } from "../core/errors.ts";
import type { ReportFormat } from "../core/lucca-client.ts";
import {
  checkDistinctPaths,
  DEFAULT_OUTPUT_TEMPLATE,
  type PathFacts,
  unknownPathPlaceholders,
} from "../core/output-template.ts";
import type { Period } from "../core/period.ts";
import { resolvePeriods } from "../core/period-range.ts";
import { END_DATE_CONVENTIONS, type EndDateConvention } from "../core/range-sent.ts";
import type { ReportSpec } from "../core/run-reports.ts";
import {
  ALWAYS,
  inputError,
  known,
  optionalText,
  runnerBoolean,
  viaParser,
  wholeNumber,
} from "./input-schema.ts";

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
  concurrency?: string | undefined;
  requestsPerMinute?: string | undefined;
  failFast?: string | undefined;
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
  concurrency: "--concurrency",
  requestsPerMinute: "--requests-per-minute",
  failFast: "--fail-fast",
};

export interface Settings extends Connection {
  format: ReportFormat;
  outputPath: string | undefined;
  timeoutMs: number;
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  requestTimeoutMs: number;
  maxRetries: number;
  generationAttempts: number;
  endDateConvention: EndDateConvention;
  /**
   * Every report the step fetches: each template for each period, or the one report to
   * resume; never empty.
   */
  reports: ReportSpec[];
  /** Reports generated at once. @default 3 */
  concurrency: number;
  /** The whole step's share of Lucca's 50 requests per minute. @default 20 */
  requestsPerMinute: number;
  /** Stop at the first failed report instead of finishing the others. @default false */
  failFast: boolean;
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
  concurrency: "3",
  requestsPerMinute: "20",
} as const;

export interface Connection {
  baseUrl: URL;
  apiKey: string;
}

const ID = /^[A-Za-z0-9_-]+$/;
/**
 * Reports in one step. Each costs at least three of the tenant's 50 requests a minute, so 100
 * already take the step's default share (20 a minute) a quarter of an hour; and the summary,
 * the `reports` output and a pull request body list every one.
 */
export const MAX_REPORTS = 100;

/** How to give the key, by the name each surface gives it (the CLI's, the action's). */
const MISSING_KEY: Record<string, string> = {
  LUCCA_API_KEY:
    "give the Lucca API key with `export LUCCA_API_KEY=...` or put it in a file and pass --api-key-file PATH",
  "api-key":
    "the secret passed to it is empty or not available to this event: GitHub gives no secrets to workflows run for pull requests from forks (and only Dependabot secrets to Dependabot's), so check the secret's name and the event",
};

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
          message: `${labels.apiKey}: missing; ${MISSING_KEY[labels.apiKey] ?? "the Lucca API key is required"}`,
          input: value,
        });
      } else if (/\p{Cc}/u.test(value.replace(/[\t\n\r]/g, ""))) {
        ctx.issues.push({
          code: "custom",
          message: `${labels.apiKey}: the API key contains a control character; check it was copied whole`,
          input: "[redacted]",
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
      templateId: optionalText.transform((value, ctx) => {
        const ids = (value ?? "")
          .split(/[\n,]/)
          .map((id) => id.trim())
          .filter(Boolean);
        for (const id of ids.filter((id) => !ID.test(id))) {
          ctx.issues.push({
            code: "custom",
            message: `${labels.templateId}: "${id}" is not a template id (letters, digits, - and _ only)`,
            input: value,
          });
        }
        return ids;
      }),
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
      output: optionalText
        .refine((value) => value === undefined || !/[/\\]$/.test(value), {
          error: (issue) =>
            `${labels.output}: "${String(issue.input)}" names a directory; give a file path such as reports/timesheet.csv`,
        })
        .superRefine((value, ctx) => {
          const unknown = value === undefined ? [] : unknownPathPlaceholders(value);
          if (unknown.length > 0) {
            ctx.addIssue({
              code: "custom",
              message: `${labels.output}: unknown placeholder(s) ${unknown.map((name) => `{${name}}`).join(", ")}; use {templateId}, {startsOn}, {endsOn}, {year}, {month} or {reportId}`,
            });
          }
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
      concurrency: wholeNumber(labels.concurrency, DEFAULTS.concurrency, 1, 10),
      requestsPerMinute: wholeNumber(labels.requestsPerMinute, DEFAULTS.requestsPerMinute, 1, 50),
      failFast: runnerBoolean(labels.failFast, false),
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
  let periods: Period[] = [{ startsOn: null, endsOn: null }];
  if (text(raw.reportId) !== undefined) {
    if (periodInput.start || periodInput.end || periodInput.period) {
      warnings.push(
        `${labels.reportId} is set: the period comes from that report, so ${labels.start}, ${labels.end} and ${labels.period} are ignored`,
      );
    }
  } else {
    try {
      periods = resolvePeriods({
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
  const givenIds = result.success ? result.data.templateId : [];
  const templateIds = [...new Set(givenIds)];
  const repeated = [...new Set(givenIds.filter((id, index) => givenIds.indexOf(id) !== index))];
  if (repeated.length > 0) {
    warnings.push(
      `${labels.templateId}: ${repeated.join(", ")} given more than once; each template is fetched once per period`,
    );
  }
  const resume = result.success ? result.data.reportId : undefined;
  const reports: ReportSpec[] =
    resume !== undefined
      ? [{ templateId: templateIds[0], period: periods[0] as Period, reportId: resume }]
      : templateIds.flatMap((templateId) => periods.map((period) => ({ templateId, period })));
  if (text(raw.reportId) !== undefined && (templateIds.length > 1 || periods.length > 1)) {
    issues.push(
      `${labels.reportId}: resumes one report; give at most one ${labels.templateId} and a single period with it`,
    );
  }
  if (reports.length > MAX_REPORTS) {
    issues.push(
      `${labels.templateId} and ${labels.period}: ${reports.length} reports (${templateIds.length} template(s) × ${periods.length} period(s)) in one run; at most ${MAX_REPORTS}: split them over several runs`,
    );
  }
  const output = text(raw.output);
  if (reports.length > 1 && issues.length === 0) {
    try {
      checkDistinctPaths(
        output ?? DEFAULT_OUTPUT_TEMPLATE,
        reports as PathFacts[],
        output === undefined ? `${labels.output} (not given, so the default name)` : labels.output,
      );
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
    format: fields.format,
    outputPath: fields.output,
    timeoutMs: fields.timeout,
    pollIntervalMs: fields.pollInterval,
    maxPollIntervalMs: fields.maxPollInterval,
    requestTimeoutMs: fields.requestTimeout,
    maxRetries: fields.maxRetries,
    generationAttempts: fields.generationAttempts,
    endDateConvention: fields.endDateConvention,
    reports,
    concurrency: fields.concurrency,
    requestsPerMinute: fields.requestsPerMinute,
    failFast: fields.failFast,
    warnings,
  };
}
