// Start-up: from spawning the action to its first request, against bare Node; and the
// proof that a run which publishes nothing never loads the artifact client.
import { cp, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startSimulator } from "../simulator/server.ts";
import { type Figure, median, round } from "./figures.ts";
import { runTimed } from "./processes.ts";

const root = resolve(import.meta.dirname, "..");
const RUNS = 7;

function actionEnv(url: string, apiKey: string, workspace: string) {
  return {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: workspace,
    INPUT_DOMAIN: url,
    "INPUT_API-KEY": apiKey,
    "INPUT_TEMPLATE-ID": "42",
    INPUT_PUBLISH: "none",
    INPUT_SUMMARY: "false",
  };
}

export async function startupFigures(): Promise<Figure[]> {
  const sim = await startSimulator({ generationMs: 0, rows: 5, rateLimit: false });
  const workspace = await mkdtemp(join(tmpdir(), "lucca-bench-"));
  try {
    const toFirstRequest: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      bare.push((await runTimed(process.execPath, ["-e", "0"])).wallMs);
      const before = sim.requests.length;
      const started = Date.now();
      const action = await runTimed(
        process.execPath,
        [join(root, "dist/index.js")],
        actionEnv(sim.url, sim.apiKey, workspace),
      );
      if (action.code !== 0) throw new Error(`the action failed: ${action.stdout}`);
      toFirstRequest.push((sim.requests[before]?.at ?? Number.NaN) - started);
    }
    const extra = median(toFirstRequest) - median(bare);
    const size = (await stat(join(root, "dist/index.js"))).size;
    return [
      {
        name: "start-up: node dist/index.js to its first request, minus bare node -e 0",
        value: round(extra, 0),
        unit: "ms",
        reference: `bare Node ${round(median(bare), 0)} ms; action to first request ${round(median(toFirstRequest), 0)} ms (medians of ${RUNS})`,
        target: "<= 150",
        met: extra <= 150,
      },
      {
        name: "start-up: size of dist/index.js (chunks loaded on demand excluded)",
        value: round(size / 1024 / 1024, 2),
        unit: "MiB",
        reference: "what Node parses on every run",
        target: "count",
        met: true,
      },
      await withoutPublishingCode(sim.url, sim.apiKey, workspace),
    ];
  } finally {
    await sim.close();
    await rm(workspace, { recursive: true, force: true });
  }
}

/** Runs a copy of dist/ from which every chunk holding the artifact client is deleted. */
async function withoutPublishingCode(
  url: string,
  apiKey: string,
  workspace: string,
): Promise<Figure> {
  const dist = await mkdtemp(join(tmpdir(), "lucca-dist-"));
  try {
    await cp(join(root, "dist"), dist, { recursive: true });
    let removed = 0;
    for (const name of await readdir(dist)) {
      if (
        name !== "index.js" &&
        (await readFile(join(dist, name), "utf8")).includes("DefaultArtifactClient")
      ) {
        await rm(join(dist, name));
        removed++;
      }
    }
    const run = await runTimed(
      process.execPath,
      [join(dist, "index.js")],
      actionEnv(url, apiKey, workspace),
    );
    const ok = removed > 0 && run.code === 0;
    return {
      name: "start-up: a run with publish: none succeeds with the artifact chunks deleted",
      value: ok ? 1 : 0,
      unit: "yes=1",
      reference: `${removed} chunk(s) holding @actions/artifact removed`,
      target: "1",
      met: ok,
    };
  } finally {
    await rm(dist, { recursive: true, force: true });
  }
}
