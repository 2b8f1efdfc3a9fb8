// `npm run bench`: every figure, side by side, printed and written to bench/results.json.

import { writeFile } from "node:fs/promises";
import { cpus, totalmem, type } from "node:os";
import { resolve } from "node:path";
import { backfillFigures } from "./backfill.ts";
import { totalsFigures } from "./csv-totals.ts";
import { denoFigures } from "./deno.ts";
import { downloadFigures } from "./download.ts";
import type { Figure } from "./figures.ts";
import { loadFigures } from "./load.ts";
import { pollingFigures } from "./polling.ts";
import { rowCounterFigures } from "./row-counter.ts";
import { startupFigures } from "./startup.ts";

const sections: [string, () => Promise<Figure[]>][] = [
  ["polling", pollingFigures],
  ["row counter", rowCounterFigures],
  ["totals", totalsFigures],
  ["download", downloadFigures],
  ["start-up", startupFigures],
  ["load", loadFigures],
  ["deno", denoFigures],
  ["backfill", backfillFigures],
];

const started = performance.now();
const figures: Figure[] = [];
for (const [name, measure] of sections) {
  const at = performance.now();
  console.error(`bench: ${name}…`);
  figures.push(...(await measure()));
  console.error(`bench: ${name} done in ${((performance.now() - at) / 1000).toFixed(0)} s`);
}

const machine = {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 1024 ** 3),
  os: type(),
  node: process.version,
};
const table = [
  "| Figure | Value | Target | Met | Reference |",
  "| --- | --- | --- | --- | --- |",
  ...figures.map(
    (f) =>
      `| ${f.name} | ${f.value} ${f.unit} | ${f.target} | ${f.met ? "yes" : "**no**"} | ${f.reference} |`,
  ),
].join("\n");
console.log(table);
console.log(
  `\n${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; ${((performance.now() - started) / 1000).toFixed(0)} s in all`,
);
await writeFile(
  resolve(import.meta.dirname, "results.json"),
  `${JSON.stringify({ date: new Date().toISOString(), machine, figures }, null, 2)}\n`,
);
