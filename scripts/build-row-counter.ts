// Compiles src/core/row-counter/row-counter.wat into row-counter-wasm.ts (the bytes as base64),
// which is committed beside its source; test/repo/row-counter-build.test.ts checks they agree.
//   node scripts/build-row-counter.ts          write the module
//   node scripts/build-row-counter.ts --check  exit 1 when the committed module is stale
import { readFile, writeFile } from "node:fs/promises";
import { compileRowCounter, renderRowCounterModule } from "./row-counter-source.ts";

const watPath = new URL("../src/core/row-counter/row-counter.wat", import.meta.url);
const outPath = new URL("../src/core/row-counter/row-counter-wasm.ts", import.meta.url);
const expected = renderRowCounterModule(await compileRowCounter(await readFile(watPath, "utf8")));
if (process.argv.includes("--check")) {
  const current = await readFile(outPath, "utf8").catch(() => "");
  if (current !== expected) {
    console.error("row-counter-wasm.ts is stale: run node scripts/build-row-counter.ts");
    process.exit(1);
  }
} else {
  await writeFile(outPath, expected);
  console.log(`wrote ${outPath.pathname}`);
}
