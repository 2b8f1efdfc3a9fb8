// `npm run summary-pictures`: runs the action for real against the simulator (and the
// local results service for artifacts), renders each job summary in headless Chromium
// and writes docs/images/summary*.png with the Markdown beside them. Not part of
// `npm test`: CI has no Chromium. Needs Chromium (Debian: apt-get install chromium, or
// set CHROMIUM). By default it runs the TypeScript sources (src/action.ts), so the
// pictures follow the checkout; `--dist` runs the bundle (node dist/index.js) instead;
// `--only=<name>` (e.g. summary-doctor) renders one picture.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { type SimulatorOptions, startSimulator } from "../simulator/server.ts";
import { startResultsService } from "../test/support/results-service/index.ts";
import { findChromium, screenshot, summaryPage, warnIfNoEmojiFont } from "./summary-page.ts";

const root = resolve(import.meta.dirname, "..");
const outDir = join(root, "docs/images");
const KEY = "summary-picture-key-5c2e";
const RUN_TIMEOUT_MS = 120_000;
const WORKSPACE_ROOT = join(tmpdir(), "lucca-summary-pictures");
const WORKSPACE = join(WORKSPACE_ROOT, "work/payroll/payroll");

interface Case {
  /** File name without extension, in docs/images. */
  name: string;
  simulator: SimulatorOptions;
  inputs: Record<string, string>;
  /** Publishing an artifact needs the local results service (Azurite included). */
  artifacts: boolean;
  /** The exit code this case must end with. */
  expectedCode: number;
  /** Unfold <details> so the picture shows what is inside. */
  openDetails: boolean;
}

const cases: Case[] = [
  {
    name: "summary",
    simulator: { generationMs: 1200, rows: 30 },
    inputs: {
      "template-id": "42",
      period: "2026-10",
      "summary-preview-rows": "5",
      publish: "artifact",
    },
    artifacts: true,
    expectedCode: 0,
    openDetails: true,
  },
  {
    name: "summary-six",
    simulator: { generationMs: 1200, rows: 30, templates: ["42", "43"] },
    inputs: {
      "template-id": "42, 43",
      period: "2026-07..2026-09",
      publish: "artifact",
    },
    artifacts: true,
    expectedCode: 0,
    openDetails: false,
  },
  {
    name: "summary-failure",
    simulator: { generationMs: 600_000, rows: 30 },
    inputs: {
      "template-id": "42",
      period: "2026-10",
      publish: "none",
      timeout: "2s",
    },
    artifacts: false,
    expectedCode: 1,
    openDetails: true,
  },
  {
    name: "summary-doctor",
    simulator: { generationMs: 800, rows: 30 },
    inputs: { "template-id": "42", mode: "doctor" },
    artifacts: false,
    expectedCode: 0,
    openDetails: false,
  },
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
}

/** Runs the action as the runner does: INPUT_* variables in, GITHUB_STEP_SUMMARY out. */
async function runAction(
  inputs: Record<string, string>,
  extraEnv: Record<string, string>,
  fromDist: boolean,
): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), "summary-run-"));
  // The summary names the file on the runner: a fixed workspace keeps the .md files
  // from changing with every run.
  await rm(WORKSPACE_ROOT, { recursive: true, force: true });
  try {
    const workspace = WORKSPACE;
    const runnerTemp = join(dir, "runner-temp");
    await Promise.all([mkdir(workspace, { recursive: true }), mkdir(runnerTemp)]);
    const summaryFile = join(dir, "summary.md");
    const outputFile = join(dir, "output");
    await Promise.all([writeFile(summaryFile, ""), writeFile(outputFile, "")]);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_SERVER_URL: "https://github.com",
      RUNNER_TEMP: runnerTemp,
      ...extraEnv,
      // After extraEnv: the results service names its own repository and run.
      GITHUB_REPOSITORY: "acme/payroll",
      GITHUB_RUN_ID: "4242",
    };
    for (const [name, value] of Object.entries(inputs)) {
      env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
    }
    const entry = fromDist ? join(root, "dist/index.js") : join(root, "src/action.ts");
    const child = spawn(process.execPath, [entry], {
      cwd: workspace,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: RUN_TIMEOUT_MS,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number>((done) => child.on("close", (exit) => done(exit ?? 1)));
    return { code, stdout, stderr, summary: await readFile(summaryFile, "utf8") };
  } finally {
    await Promise.all([
      rm(dir, { recursive: true, force: true }),
      rm(WORKSPACE_ROOT, { recursive: true, force: true }),
    ]);
  }
}

async function runCase(item: Case, fromDist: boolean): Promise<string> {
  const simulator = await startSimulator({ apiKey: KEY, ...item.simulator });
  const service = item.artifacts ? await startResultsService() : undefined;
  try {
    const run = await runAction(
      { domain: simulator.url, "api-key": KEY, ...item.inputs },
      service?.env ?? {},
      fromDist,
    );
    if (run.code !== item.expectedCode || run.summary.trim() === "") {
      throw new Error(
        `Cannot picture ${item.name} as the run ended with ${run.code} (expected ${item.expectedCode})` +
          `${run.summary.trim() === "" ? " and wrote no summary" : ""}:\n` +
          `${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`,
      );
    }
    if (run.summary.includes(KEY)) throw new Error(`The ${item.name} summary holds the API key`);
    return run.summary;
  } finally {
    await Promise.all([simulator.close(), service?.close()]);
  }
}

async function main(): Promise<void> {
  const fromDist = process.argv.includes("--dist");
  const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
  const chosen = cases.filter((item) => only === undefined || item.name === only);
  if (chosen.length === 0) {
    throw new Error(`--only=${only} names no picture: ${cases.map((c) => c.name).join(", ")}`);
  }
  const chromium = findChromium();
  warnIfNoEmojiFont();
  await mkdir(outDir, { recursive: true });
  for (const item of chosen) {
    const summary = await runCase(item, fromDist);
    const png = join(outDir, `${item.name}.png`);
    await writeFile(join(outDir, `${item.name}.md`), summary);
    await screenshot(chromium, summaryPage(summary, item.openDetails), png);
    console.error(`wrote ${relative(root, png)} and its .md`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
