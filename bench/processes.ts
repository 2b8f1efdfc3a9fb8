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

/** Peak resident memory in MiB, from GNU time's `%M` written as the last stderr line. */
export function peakRssMiB(stderr: string): number {
  const last = stderr.trim().split("\n").at(-1) ?? "";
  const kib = Number(last.trim());
  if (!Number.isFinite(kib)) throw new Error(`cannot read peak RSS from: ${last}`);
  return kib / 1024;
}
