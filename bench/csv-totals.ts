// Column totals: what they add to the download's one streaming pass (hash, row count,
// preview), in CPU time per GiB of the simulator's French CSV held in memory, fed in its own
// 64 KiB chunks. The download figures measure the whole CLI; this isolates the pass.

import { csvChunks } from "../simulator/csv.ts";
import { CsvStatsCollector } from "../src/core/csv-stats.ts";
import { CsvTotals } from "../src/core/csv-totals.ts";
import { nodeSha256 } from "../src/node/node-hash.ts";
import { type Figure, median, round } from "./figures.ts";

const GIB = 1024 ** 3;
const BYTES_PER_ROW = 61; // the simulator's rows, on average
const RUNS = 3;

function cpuSeconds(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

export async function totalsFigures(): Promise<Figure[]> {
  const chunks = [...csvChunks({ rows: Math.ceil(GIB / BYTES_PER_ROW), culture: "fr" })];
  const gib = chunks.reduce((sum, chunk) => sum + chunk.length, 0) / GIB;
  const pass = (totals: boolean) => () => {
    const collector = new CsvStatsCollector({ createHasher: nodeSha256, totals });
    for (const chunk of chunks) collector.update(chunk);
    const stats = collector.finish();
    if (totals && stats.totals?.length !== 3) throw new Error("the hour columns were not summed");
  };
  const alone = () => {
    const totals = new CsvTotals();
    for (const chunk of chunks) totals.update(chunk);
    totals.finish([], false);
  };
  const runs = { without: [] as number[], with: [] as number[], alone: [] as number[] };
  // Interleaved, so a slow spell of the machine does not land on one variant only.
  for (let run = 0; run < RUNS; run++) {
    runs.without.push(cpuSeconds(pass(false)) / gib);
    runs.with.push(cpuSeconds(pass(true)) / gib);
    runs.alone.push(cpuSeconds(alone) / gib);
  }
  const [without, withTotals, totalsAlone] = [
    median(runs.without),
    median(runs.with),
    median(runs.alone),
  ];
  return [
    {
      name: "totals: CPU time per GiB of the streaming pass, with column totals (in memory)",
      value: round(withTotals, 2),
      unit: "s",
      reference: `without totals ${round(without, 2)} s (sha256, WebAssembly row counter, preview); totals alone ${round(totalsAlone, 2)} s; French CSV, 3 of 7 columns summed; median of ${RUNS}`,
      target: "count",
      met: true,
    },
    {
      name: "totals: streaming pass with totals / without (in memory)",
      value: round(withTotals / without, 2),
      unit: "ratio",
      reference: "the whole download's CPU time per GiB is in the download figures",
      target: "count",
      met: true,
    },
  ];
}
