import { InvalidInputError, LuccaReportError } from "../core/errors.ts";
import { logSafe, logSafeLines } from "../core/safe-text.ts";
import { proxyProblems } from "../node/proxy-env.ts";
import { VERSION } from "../version.ts";
import { type CliArgs, parseCliArgs } from "./args.ts";
import { doctorCommand } from "./doctor.ts";
import { helpFor } from "./help.ts";
import type { CliIo } from "./io.ts";
import { reportCommand } from "./report.ts";
import { createTemplateFromFile } from "./template-create.ts";

/** The whole command line: returns the exit code, never throws. */
export async function runCli(io: CliIo): Promise<number> {
  let args: CliArgs | undefined;
  try {
    args = parseCliArgs(io.argv, io.env);
    if (args.command === "help") {
      io.stdout(helpFor(args.helpTopic));
      return 0;
    }
    if (args.command === "version") {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    // Every command below sends requests: a proxy variable they could not use is bad input.
    const proxy = proxyProblems(io.env);
    if (proxy.length > 0) throw new InvalidInputError(proxy);
    if (args.apiKeyFile !== undefined) args.raw.apiKey = await readKeyFile(io, args.apiKeyFile);
    if (args.command === "template-create") {
      const id = await createTemplateFromFile(args, io);
      io.stdout(args.json ? `${JSON.stringify({ templateId: id })}\n` : `${logSafe(id)}\n`);
      return 0;
    }
    if (args.command === "doctor") return await doctorCommand(args, io);
    return await reportCommand(args, io);
  } catch (error) {
    return fail(error, io, args?.quiet ?? false);
  }
}

async function readKeyFile(io: CliIo, path: string): Promise<string> {
  let key: string;
  try {
    key = (await io.readTextFile(path)).trim();
  } catch (error) {
    throw new InvalidInputError(
      `--api-key-file: cannot read "${path}": ${(error as Error).message}`,
    );
  }
  // Else the message would be about LUCCA_API_KEY, which the user did not use.
  if (key === "") throw new InvalidInputError(`--api-key-file: "${path}" is empty`);
  return key;
}

function fail(error: unknown, io: CliIo, quiet: boolean): number {
  if (error instanceof InvalidInputError) {
    io.stderr(
      `Invalid input:\n${error.issues.map((issue) => `  - ${logSafe(issue)}`).join("\n")}\n`,
    );
    return error.exitCode;
  }
  if (error instanceof LuccaReportError) {
    // Quiet still shows errors: they are what the user needs to act on.
    void quiet;
    io.stderr(`Error: ${logSafeLines(error.message)}\n`);
    return error.exitCode;
  }
  io.stderr(
    `Unexpected error: ${logSafeLines(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
  );
  return 1;
}
