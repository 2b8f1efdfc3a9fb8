import { parseArgs } from "node:util";
import { InvalidInputError } from "../core/errors.ts";
import { nearest } from "../core/nearest.ts";
import type { RawSettings } from "../node/settings.ts";
import { argvProblems } from "./argv-problems.ts";
import type { HelpTopic } from "./help.ts";

export interface CliArgs {
  command: "report" | "doctor" | "template-create" | "help" | "version";
  /** Which usage `help` prints: the command's own, with an example. */
  helpTopic: HelpTopic;
  raw: RawSettings;
  apiKeyFile: string | undefined;
  templateFile: string | undefined;
  /** --trace FILE: every HTTP exchange as JSON lines. */
  traceFile: string | undefined;
  json: boolean;
  quiet: boolean;
  verbose: boolean;
}

const OPTIONS = {
  domain: { type: "string" },
  "template-id": { type: "string", multiple: true },
  "api-key-file": { type: "string" },
  start: { type: "string" },
  end: { type: "string" },
  period: { type: "string" },
  timezone: { type: "string" },
  "report-id": { type: "string" },
  format: { type: "string" },
  output: { type: "string" },
  timeout: { type: "string" },
  "poll-interval": { type: "string" },
  "max-poll-interval": { type: "string" },
  "request-timeout": { type: "string" },
  "max-retries": { type: "string" },
  "generation-attempts": { type: "string" },
  "allow-host": { type: "string", multiple: true },
  "end-date-convention": { type: "string" },
  concurrency: { type: "string" },
  "requests-per-minute": { type: "string" },
  "fail-fast": { type: "boolean" },
  file: { type: "string" },
  trace: { type: "string" },
  json: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  verbose: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  "api-key": { type: "string" },
} as const;

/** Reads argv and the environment into raw settings; validation happens in parseSettings. */
export function parseCliArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): CliArgs {
  const problems = argvProblems(argv, OPTIONS);
  if (problems.length > 0) throw new InvalidInputError(problems);
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new InvalidInputError(`${(error as Error).message}; see --help`);
  }
  const { values, positionals } = parsed;
  if (values["api-key"] !== undefined) {
    // A key given as a flag ends up in shell history and process listings.
    throw new InvalidInputError(
      "--api-key is not accepted: pass the key in the LUCCA_API_KEY environment variable or with --api-key-file PATH",
    );
  }
  const topic = commandOf(positionals[0] === "help" ? positionals.slice(1) : positionals);
  let command: CliArgs["command"];
  if (values.help || positionals[0] === "help" || topic === "template") command = "help";
  else if (values.version) command = "version";
  else command = topic;
  return {
    command,
    helpTopic: topic,
    raw: {
      domain: values.domain ?? env.LUCCA_DOMAIN,
      templateId: values["template-id"]?.join(",") ?? env.LUCCA_TEMPLATE_ID,
      apiKey: values["api-key-file"] === undefined ? env.LUCCA_API_KEY : undefined,
      start: values.start,
      end: values.end,
      period: values.period,
      timezone: values.timezone,
      reportId: values["report-id"],
      format: values.format,
      output: values.output,
      timeout: values.timeout,
      pollInterval: values["poll-interval"],
      maxPollInterval: values["max-poll-interval"],
      requestTimeout: values["request-timeout"],
      maxRetries: values["max-retries"],
      generationAttempts: values["generation-attempts"],
      allowHosts: values["allow-host"] ?? [],
      endDateConvention: values["end-date-convention"],
      concurrency: values.concurrency,
      requestsPerMinute: values["requests-per-minute"],
      failFast: values["fail-fast"] ? "true" : undefined,
    },
    apiKeyFile: values["api-key-file"],
    templateFile: values.file,
    traceFile: values.trace,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
  };
}

const COMMANDS: Record<string, HelpTopic> = {
  "": "report",
  doctor: "doctor",
  "template create": "template-create",
  // `template` alone shows what it offers, as `template --help` does.
  template: "template",
};

/** The command the positionals name; an unknown one is refused, with the one meant if close. */
function commandOf(positionals: readonly string[]): HelpTopic {
  const words = positionals.join(" ");
  const topic = COMMANDS[words];
  if (topic !== undefined) return topic;
  const meant = nearest(words, Object.keys(COMMANDS).filter(Boolean));
  throw new InvalidInputError(
    `unexpected argument "${words}"; ${meant === undefined ? "" : `did you mean ${meant}? `}the commands are doctor and template create (see --help)`,
  );
}
