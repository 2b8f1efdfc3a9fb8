// Download: our streaming client (rows and sha256 computed on the way, written to disk)
// against curl writing to /dev/null, and the peak memory for a small and a 1 GiB report.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startSimulator } from "../simulator/server.ts";
import { type Figure, round } from "./figures.ts";
import { peakRssMiB, runTimed } from "./processes.ts";

const root = resolve(import.meta.dirname, "..");
const GIB = 1024 ** 3;
const BYTES_PER_ROW = 61; // the simulator's rows, on average

async function reportOf(targetBytes: number) {
  const sim = await startSimulator({
    generationMs: 0,
    rows: Math.ceil(targetBytes / BYTES_PER_ROW),
    rateLimit: false,
  });
  const created = await fetch(`${sim.url}/timmi-timesheet/api/reports`, {
    method: "POST",
    headers: {
      authorization: `lucca application=${sim.apiKey}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ templateId: "42", startsOn: null, endsOn: null }),
  });
  const { id } = (await created.json()) as { id: number };
  return { sim, id: String(id), bytes: sim.expectedCsvLength(id) };
}

async function ourDownload(sim: { url: string; apiKey: string }, id: string, dir: string) {
  const run = await runTimed(
    "/usr/bin/time",
    [
      "-f",
      "%M",
      process.execPath,
      join(root, "dist/cli.js"),
      "--domain",
      sim.url,
      "--report-id",
      id,
      "--output",
      join(dir, `${id}.csv`),
      "--json",
      "--quiet",
    ],
    { ...process.env, LUCCA_API_KEY: sim.apiKey },
  );
  if (run.code !== 0) throw new Error(`the CLI failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout) as { durationMs: number; bytes: number };
  await rm(join(dir, `${id}.csv`), { force: true });
  return { ms: result.durationMs, bytes: result.bytes, rssMiB: peakRssMiB(run.stderr) };
}

/** Peak RSS of a Node process that only reads the body with fetch: the floor for any Node client. */
async function bareReadRss(url: string, apiKey: string): Promise<number> {
  const script = `const r = await fetch(${JSON.stringify(url)}, { headers: { authorization: ${JSON.stringify(`lucca application=${apiKey}`)} } });
for await (const chunk of r.body) void chunk;`;
  const run = await runTimed("/usr/bin/time", [
    "-f",
    "%M",
    process.execPath,
    "--input-type=module",
    "-e",
    script,
  ]);
  if (run.code !== 0) throw new Error(`the bare read failed: ${run.stderr}`);
  return peakRssMiB(run.stderr);
}

/** The fastest any Node client of ours could go: read the body, drop it. */
async function bareFetchRead(url: string, apiKey: string, expected: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `lucca application=${apiKey}` } });
  let bytes = 0;
  for await (const chunk of response.body ?? []) bytes += chunk.byteLength;
  if (bytes !== expected) throw new Error(`fetch read ${bytes} of ${expected} bytes`);
  return performance.now() - started;
}

export async function downloadFigures(): Promise<Figure[]> {
  if (!existsSync("/usr/bin/time") || !existsSync("/usr/bin/curl")) {
    throw new Error("the download figures need GNU time and curl: apt-get install -y time curl");
  }
  const dir = await mkdtemp(join(tmpdir(), "lucca-bench-"));
  const big = await reportOf(GIB);
  const small = await reportOf(10 * 1024 * 1024);
  try {
    const url = `${big.sim.url}/timmi-timesheet/api/reports/${big.id}/download-csv`;
    const curlMs: number[] = [];
    const oursMs: number[] = [];
    let rssBig = 0;
    for (let run = 0; run < 2; run++) {
      const curl = await runTimed("curl", [
        "-s",
        "-o",
        "/dev/null",
        "-w",
        "%{size_download}",
        "-H",
        `Authorization: lucca application=${big.sim.apiKey}`,
        url,
      ]);
      if (Number(curl.stdout) !== big.bytes)
        throw new Error(`curl got ${curl.stdout} of ${big.bytes} bytes`);
      curlMs.push(curl.wallMs);
      const ours = await ourDownload(big.sim, big.id, dir);
      oursMs.push(ours.ms);
      rssBig = Math.max(rssBig, ours.rssMiB);
    }
    const bareMs: number[] = [];
    for (let run = 0; run < 2; run++)
      bareMs.push(await bareFetchRead(url, big.sim.apiKey, big.bytes));
    const rssSmall = (await ourDownload(small.sim, small.id, dir)).rssMiB;
    const bareRssBig = await bareReadRss(url, big.sim.apiKey);
    const bareRssSmall = await bareReadRss(
      `${small.sim.url}/timmi-timesheet/api/reports/${small.id}/download-csv`,
      small.sim.apiKey,
    );
    const curlRate = big.bytes / Math.min(...curlMs) / 1000; // MB/s
    const ourRate = big.bytes / Math.min(...oursMs) / 1000;
    const bareRate = big.bytes / Math.min(...bareMs) / 1000;
    return [
      {
        name: "download: ceiling, Node fetch reading the body and doing nothing else / curl",
        value: round(bareRate / curlRate),
        unit: "ratio",
        reference: `bare fetch read ${round(bareRate, 0)} MB/s; curl ${round(curlRate, 0)} MB/s`,
        target: "count",
        met: true,
      },
      {
        name: `download ${round(big.bytes / GIB)} GiB: throughput, ours / curl`,
        value: round(ourRate / curlRate),
        unit: "ratio",
        reference: `curl -o /dev/null ${round(curlRate, 0)} MB/s; ours ${round(ourRate, 0)} MB/s (rows, sha256, written to disk)`,
        target: ">= 0.8",
        met: ourRate / curlRate >= 0.8,
      },
      {
        name: "download: reference, peak RSS of bare Node reading 1 GiB with fetch (no file, no hash)",
        value: round(bareRssBig, 1),
        unit: "MiB",
        reference: `same at 10 MiB: ${round(bareRssSmall, 1)} MiB; growth ${round(bareRssBig - bareRssSmall, 1)} MiB`,
        target: "count",
        met: true,
      },
      {
        name: "download: peak RSS at 1 GiB minus peak RSS at 10 MiB",
        value: round(rssBig - rssSmall, 1),
        unit: "MiB",
        reference: `10 MiB: ${round(rssSmall, 1)} MiB; 1 GiB: ${round(rssBig, 1)} MiB`,
        target: "<= 20",
        met: rssBig - rssSmall <= 20,
      },
      {
        name: "download: peak RSS at 1 GiB",
        value: round(rssBig, 1),
        unit: "MiB",
        reference: "whole CLI process",
        target: "< 128",
        met: rssBig < 128,
      },
    ];
  } finally {
    await big.sim.close();
    await small.sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}
