// Deno: the demo flow run by Deno against the same simulator, time relative to Node.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startSimulator } from "../simulator/server.ts";
import { type Figure, median, round } from "./figures.ts";
import { runTimed } from "./processes.ts";

const root = resolve(import.meta.dirname, "..");
const RUNS = 3;

export async function denoFigures(): Promise<Figure[]> {
  const deno = execFileSync("sh", ["-c", "command -v deno || true"], { encoding: "utf8" }).trim();
  if (!deno) throw new Error("the Deno figure needs deno on PATH: source .ci/ensure-tools.sh");
  const sim = await startSimulator({ generationMs: 1000, rows: 50_000, rateLimit: false });
  const dir = await mkdtemp(join(tmpdir(), "lucca-bench-"));
  const flags = [
    "--domain",
    sim.url,
    "--template-id",
    "42",
    "--period",
    "previous-month",
    "--quiet",
    "--output",
    join(dir, "r.csv"),
  ];
  const env = { ...process.env, LUCCA_API_KEY: sim.apiKey, DENO_NO_UPDATE_CHECK: "1" };
  try {
    const node: number[] = [];
    const denoTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const byNode = await runTimed(process.execPath, [join(root, "src/cli.ts"), ...flags], env);
      const byDeno = await runTimed(
        deno,
        [
          "run",
          "--allow-net",
          "--allow-env",
          "--allow-read",
          "--allow-write",
          join(root, "src/cli.ts"),
          ...flags,
        ],
        env,
      );
      if (byNode.code !== 0 || byDeno.code !== 0)
        throw new Error(`a run failed: ${byNode.stderr}${byDeno.stderr}`);
      node.push(byNode.wallMs);
      denoTimes.push(byDeno.wallMs);
    }
    const ratio = median(denoTimes) / median(node);
    return [
      {
        name: "deno: demo flow (1 s report, 50,000 rows) under Deno / under Node",
        value: round(ratio),
        unit: "ratio",
        reference: `Node ${round(median(node) / 1000, 2)} s; Deno ${round(median(denoTimes) / 1000, 2)} s (medians of ${RUNS}, both running src/cli.ts)`,
        target: "count",
        met: true,
      },
    ];
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}
