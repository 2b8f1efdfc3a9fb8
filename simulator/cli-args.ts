import { parseArgs } from "node:util";
import type { Outcome, SimulatorOptions } from "./options.ts";

export const USAGE = `Usage: node simulator/main.ts [options]

  --port N               port on 127.0.0.1 (default 0: a free port)
  --api-key KEY          the valid API key (default demo-key-0000)
  --templates IDS        existing template ids, comma-separated (default 42)
  --generation-ms N      how long a report stays pending (default 1000)
  --rows N               CSV data rows (default 200)
  --culture fr|en        CSV delimiter, decimals and BOM (default fr)
  --outcomes LIST        done/error per created report, the last repeats (default done)
  --rate-limit N         requests per 60 s, 0 = off (default 50)
  --wrap-json            report objects as {"data": {...}}
  --string-ids           report ids as strings
  --redirect-download    downloads redirect to a signed URL on another port
  --envelope KIND        bare, data, header ({"header","data"}), items or array
  --status-endpoint N    404 or 405: the status path is refused (default: available)
  --pending-download N   status of a download while the report is pending (default 400)
  --failure-word WORD    status word of a failed report (default error)
  --error-shape KIND     status-message, text-as-json, empty, id-error, stack-trace, problem
  --login-redirect       every API call answers 302 to an HTML login page
  --create-redirect N    301, 302 or 303 after creating a report
  --no-retry-after       429 answers without Retry-After
  --rate-limit-headers   X-RateLimit-* headers on every answer
  --excel-file KIND      xls or xlsx (default xls)
  --bare-file-headers    files as application/octet-stream without a file name
  --csv-encoding ENC     utf-8, windows-1252, utf-16le or utf-16be (default utf-8)
  --log                  one line per request on stderr
  -h, --help
`;

export type CliCommand = { help: true } | { help: false; log: boolean; options: SimulatorOptions };

/** Thrown for a bad command line; main prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

function count(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    throw new UsageError(`Cannot read --${flag}: expected a whole number, got "${value}"`);
  }
  return Number(value);
}

function outcomes(value: string | undefined): Outcome[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(",").map((item) => item.trim());
  for (const item of list) {
    if (item !== "done" && item !== "error") {
      throw new UsageError(`Cannot read --outcomes: expected done or error, got "${item}"`);
    }
  }
  return list as Outcome[];
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]) {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`Cannot read --${flag}: expected ${allowed.join(", ")}, got "${value}"`);
  }
  return value as T;
}

function variantOptions(values: ReturnType<typeof parse>["values"]): SimulatorOptions {
  const statusEndpoint = oneOf("status-endpoint", values["status-endpoint"], ["404", "405"]);
  const createRedirect = oneOf("create-redirect", values["create-redirect"], ["301", "302", "303"]);
  return {
    envelope: oneOf("envelope", values.envelope, ["bare", "data", "header", "items", "array"]),
    statusEndpoint:
      statusEndpoint === undefined ? undefined : (Number(statusEndpoint) as 404 | 405),
    pendingDownloadStatus: count("pending-download", values["pending-download"]),
    failureWord: values["failure-word"],
    errorShape: oneOf("error-shape", values["error-shape"], [
      "status-message",
      "text-as-json",
      "empty",
      "id-error",
      "stack-trace",
      "problem",
    ]),
    loginRedirect: values["login-redirect"],
    createRedirect:
      createRedirect === undefined ? undefined : (Number(createRedirect) as 301 | 302 | 303),
    retryAfterHeader: values["no-retry-after"] ? false : undefined,
    rateLimitHeaders: values["rate-limit-headers"],
    excelFile: oneOf("excel-file", values["excel-file"], ["xls", "xlsx"]),
    fileHeaders: values["bare-file-headers"] ? "bare" : undefined,
    csvEncoding: oneOf("csv-encoding", values["csv-encoding"], [
      "utf-8",
      "windows-1252",
      "utf-16le",
      "utf-16be",
    ]),
  };
}

export function parseCliArgs(argv: string[]): CliCommand {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { help: true };
  const culture = values.culture;
  if (culture !== undefined && culture !== "fr" && culture !== "en") {
    throw new UsageError(`Cannot read --culture: expected fr or en, got "${culture}"`);
  }
  const rateLimit = count("rate-limit", values["rate-limit"]);
  const options: SimulatorOptions = {
    port: count("port", values.port),
    apiKey: values["api-key"],
    templates: values.templates?.split(",").map((id) => id.trim()),
    generationMs: count("generation-ms", values["generation-ms"]),
    rows: count("rows", values.rows),
    culture,
    outcomes: outcomes(values.outcomes),
    rateLimit:
      rateLimit === undefined
        ? undefined
        : rateLimit === 0
          ? false
          : { requests: rateLimit, windowMs: 60_000 },
    wrapJson: values["wrap-json"],
    stringIds: values["string-ids"],
    redirectDownload: values["redirect-download"],
    ...variantOptions(values),
  };
  for (const key of Object.keys(options) as (keyof SimulatorOptions)[]) {
    if (options[key] === undefined) delete options[key];
  }
  return { help: false, log: values.log ?? false, options };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: "string" },
      "api-key": { type: "string" },
      templates: { type: "string" },
      "generation-ms": { type: "string" },
      rows: { type: "string" },
      culture: { type: "string" },
      outcomes: { type: "string" },
      "rate-limit": { type: "string" },
      "wrap-json": { type: "boolean" },
      "string-ids": { type: "boolean" },
      "redirect-download": { type: "boolean" },
      envelope: { type: "string" },
      "status-endpoint": { type: "string" },
      "pending-download": { type: "string" },
      "failure-word": { type: "string" },
      "error-shape": { type: "string" },
      "login-redirect": { type: "boolean" },
      "create-redirect": { type: "string" },
      "no-retry-after": { type: "boolean" },
      "rate-limit-headers": { type: "boolean" },
      "excel-file": { type: "string" },
      "bare-file-headers": { type: "boolean" },
      "csv-encoding": { type: "string" },
      log: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
