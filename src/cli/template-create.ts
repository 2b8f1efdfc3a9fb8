import { parseDuration } from "../core/duration.ts";
import { InvalidInputError } from "../core/errors.ts";
import { createLuccaClient } from "../core/lucca-client.ts";
import { templatePayloadSchema } from "../core/schemas.ts";
import { CLI_LABELS, DEFAULTS, parseConnection } from "../node/settings.ts";
import type { CliArgs } from "./args.ts";
import type { CliIo } from "./io.ts";

/** `template create --file template.json`: posts the template and returns its new id. */
export async function createTemplateFromFile(args: CliArgs, io: CliIo): Promise<string> {
  const issues: string[] = [];
  const connection = parseConnection(args.raw, CLI_LABELS, issues);
  let payload: unknown;
  if (args.templateFile === undefined) {
    issues.push("--file: missing; give the template JSON file");
  } else {
    try {
      payload = JSON.parse(await io.readTextFile(args.templateFile));
      const checked = templatePayloadSchema.safeParse(payload);
      if (!checked.success) {
        issues.push(
          `--file: ${args.templateFile} is not a report template (it needs blueprintId, name and a non-empty columns list, each with a kind)`,
        );
      }
    } catch (error) {
      issues.push(
        `--file: cannot read "${args.templateFile}" as JSON: ${(error as Error).message}`,
      );
    }
  }
  let requestTimeoutMs = 0;
  try {
    requestTimeoutMs = parseDuration(
      args.raw.requestTimeout ?? DEFAULTS.requestTimeout,
      "--request-timeout",
    );
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    issues.push(...error.issues);
  }
  const retries = args.raw.maxRetries ?? DEFAULTS.maxRetries;
  if (!/^\d+$/.test(retries))
    issues.push(`--max-retries: "${retries}" is not a whole number of at least 0`);
  if (issues.length > 0 || connection === undefined) throw new InvalidInputError(issues);
  const client = createLuccaClient({
    ...connection,
    fetch: io.fetch,
    signal: io.signal,
    requestTimeoutMs,
    maxRetries: Number(retries),
    // No job deadline here: a Retry-After longer than a whole default job is not waited for.
    deadlineAt: (io.now?.() ?? Date.now()) + parseDuration(DEFAULTS.timeout, "timeout"),
  });
  const template = await client.createTemplate(payload);
  return template.id;
}
