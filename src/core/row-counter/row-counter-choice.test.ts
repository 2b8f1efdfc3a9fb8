import { afterEach, describe, expect, it, vi } from "vitest";
import { bestRecordCounter, countRecordsWordWise, wasmRecordCounter } from "./row-counter.ts";

// Node here has WebAssembly SIMD: the runtimes without it are stood in for by stubbing the global.

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe("choosing a record counter", () => {
  it("builds the WebAssembly counter once and keeps it", () => {
    const best = bestRecordCounter();
    expect(best).toBe(bestRecordCounter());
    expect(best).not.toBe(countRecordsWordWise);
  });

  it("has no WebAssembly counter where the runtime has no WebAssembly", () => {
    vi.stubGlobal("WebAssembly", undefined);
    expect(wasmRecordCounter()).toBeUndefined();
  });

  it("has none where the module does not compile (a runtime without SIMD)", () => {
    const { CompileError, Instance } = WebAssembly;
    vi.stubGlobal("WebAssembly", {
      CompileError,
      Instance,
      Module: class {
        constructor() {
          throw new CompileError("invalid opcode 0xfd");
        }
      },
    });
    expect(wasmRecordCounter()).toBeUndefined();
  });

  it("falls back to the word-wise JavaScript counter", async () => {
    vi.stubGlobal("WebAssembly", undefined);
    vi.resetModules();
    const fresh = await import("./row-counter.ts");
    expect(fresh.bestRecordCounter()).toBe(fresh.countRecordsWordWise);
  });
});
