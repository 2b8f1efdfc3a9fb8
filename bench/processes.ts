import { spawn } from "node:child_process";

export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
  wallMs: number;
}

/** Runs a command to its end and times it, wall clock. */
export function runTimed(
  command: string,
  args: string[],
  env: Record<string, string | undefined> = process.env,
): Promise<Finished> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stdout, stderr, wallMs: performance.now() - started }),
    );
  });
}

export interface Measured extends Finished {
  /** User plus system CPU time of the command, seconds. */
  cpuSeconds: number;
  peakRssMiB: number;
}

/** Runs a command under GNU time, for its CPU time and peak resident memory. */
export async function runMeasured(
  command: string,
  args: string[],
  env: Record<string, string | undefined> = process.env,
): Promise<Measured> {
  const run = await runTimed("/usr/bin/time", ["-f", "%U %S %M", command, ...args], env);
  // GNU time writes its line last, after whatever the command wrote to stderr.
  const lines = run.stderr.trimEnd().split("\n");
  const [user, system, kib] = (lines.at(-1) ?? "").trim().split(" ").map(Number);
  if (user === undefined || system === undefined || kib === undefined || Number.isNaN(kib))
    throw new Error(`cannot read GNU time's line from: ${lines.at(-1)}`);
  return {
    ...run,
    stderr: lines.slice(0, -1).join("\n"),
    cpuSeconds: user + system,
    peakRssMiB: kib / 1024,
  };
}
