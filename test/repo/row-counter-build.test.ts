import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { compileRowCounter, renderRowCounterModule } from "../../scripts/row-counter-source.ts";

const read = (path: string) => readFile(new URL(`../../${path}`, import.meta.url), "utf8");

describe("row-counter-wasm.ts", () => {
  it("is exactly what wabt makes of row-counter.wat, so the bytes cannot drift from their source", async () => {
    const wat = await read("src/core/row-counter/row-counter.wat");
    const committed = await read("src/core/row-counter/row-counter-wasm.ts");
    expect(committed).toBe(renderRowCounterModule(await compileRowCounter(wat)));
  });

  it("would notice a changed source", async () => {
    const wat = await read("src/core/row-counter/row-counter.wat");
    const committed = await read("src/core/row-counter/row-counter-wasm.ts");
    const changed = wat.replace("(i8x16.splat (i32.const 0x0d))", "(i8x16.splat (i32.const 0x0c))");
    expect(changed).not.toBe(wat);
    expect(committed).not.toBe(renderRowCounterModule(await compileRowCounter(changed)));
  });
});
