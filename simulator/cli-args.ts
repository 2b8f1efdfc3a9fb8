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
      log: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
