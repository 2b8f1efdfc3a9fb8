import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { tempDir } from "./cli.ts";

const root = resolve(import.meta.dirname, "../..");

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
  /** Milliseconds from sending a signal to the exit, when one was sent. */
  exitAfterSignalMs?: number;
}

/**
 * Runs `node dist/index.js` as the runner does: inputs as INPUT_* variables, outputs and
 * the job summary written to the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
 */
export async function runAction(
  inputs: Record<string, string>,
  options: {
    env?: Record<string, string>;
    signalWhen?: { stdout: RegExp; signal: NodeJS.Signals };
    /** Another copy of dist/ to run. */
    distDir?: string;
    /** Run the TypeScript sources (src/action.ts) instead of the bundle. */
    fromSource?: boolean;
    /** The checked-out repository; default an empty temporary directory. */
    workspace?: string;
  } = {},
): Promise<ActionRun> {
  const workspace = options.workspace ?? (await tempDir("lucca-action-"));
  const runnerDir = await tempDir("lucca-runner-");
  await mkdir(runnerDir, { recursive: true });
  const outputFile = join(runnerDir, "output");
  const summaryFile = join(runnerDir, "summary.md");
  await writeFile(outputFile, "");
  await writeFile(summaryFile, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "acme/payroll",
    GITHUB_RUN_ID: "4242",
    RUNNER_TEMP: runnerDir,
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) {
    env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  }
  const entry = options.fromSource
    ? join(root, "src/action.ts")
    : join(options.distDir ?? join(root, "dist"), "index.js");
  const child = spawn(process.execPath, [entry], {
    cwd: workspace,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let signalledAt: number | undefined;
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (options.signalWhen && signalledAt === undefined && options.signalWhen.stdout.test(stdout)) {
      signalledAt = performance.now();
      child.kill(options.signalWhen.signal);
    }
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number>((done) => child.on("close", (exit) => done(exit ?? 1)));
  const exitAfterSignalMs = signalledAt === undefined ? undefined : performance.now() - signalledAt;
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputFile, "utf8")),
    summary: await readFile(summaryFile, "utf8"),
    workspace,
    ...(exitAfterSignalMs === undefined ? {} : { exitAfterSignalMs }),
  };
}

/** Reads the `name<<DELIMITER ... DELIMITER` blocks @actions/core writes. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index] ?? "");
    if (!match) continue;
    const [, name, delimiter] = match as unknown as [string, string, string];
    const value: string[] = [];
    for (index++; index < lines.length && lines[index] !== delimiter; index++)
      value.push(lines[index] ?? "");
    outputs[name] = value.join("\n");
  }
  return outputs;
}
