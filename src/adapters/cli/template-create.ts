import { parseDuration } from "../../core/duration.ts";
import { InvalidInputError } from "../../core/errors.ts";
import { createLuccaClient } from "../../core/lucca-client.ts";
import { templatePayloadSchema } from "../../core/schemas.ts";
import { CLI_LABELS, DEFAULTS, parseConnection } from "../settings.ts";
import type { CliArgs } from "./args.ts";
import type { CliIo } from "./run.ts";

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
  if (issues.length > 0 || connection === undefined) throw new InvalidInputError(issues);
  const requestTimeoutMs = parseDuration(
    args.raw.requestTimeout ?? DEFAULTS.requestTimeout,
    "--request-timeout",
  );
  const client = createLuccaClient({
    ...connection,
    fetch: io.fetch,
    signal: io.signal,
    requestTimeoutMs,
    maxRetries: Number(args.raw.maxRetries ?? DEFAULTS.maxRetries),
  });
  const template = await client.createTemplate(payload);
  return template.id;
}
