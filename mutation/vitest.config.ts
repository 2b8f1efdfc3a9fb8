import { defineConfig, mergeConfig } from "vitest/config";
import base from "../vitest.config.ts";

// For mutation testing only: Stryker switches mutants on inside the test process, so tests
// that run the product as a child process (dist/, `node src/cli.ts`, another user) cannot
// see a mutant; they only cost time, and some need paths outside Stryker's sandbox.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      // Instrumented code is several times slower, and the cores are shared with the checker.
      testTimeout: 300_000,
      hookTimeout: 300_000,
      exclude: [
        "**/node_modules/**",
        "test/action/**",
        "test/cli/process.test.ts",
        "test/cli/proxy.test.ts",
        "test/cli/signals.test.ts",
        "test/output-target.test.ts",
        "test/repo/package.test.ts",
        "simulator/main.test.ts",
      ],
    },
  }),
);
