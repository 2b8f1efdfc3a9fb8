import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "simulator/**/*.test.ts", "test/**/*.test.ts"],
    // Two files at a time: vitest's default leaves one of two cores idle, and most files
    // spend their time waiting on child processes and loopback servers.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: ["src/**/*.test.ts"],
      // Figures go to coverage/ (coverage.txt, coverage-summary.json), not the console, so a
      // run still ends with vitest's summary; a figure under the floor fails the run.
      reporter: ["json-summary", ["text", { file: "coverage.txt" }]],
      reportsDirectory: "coverage",
      // The floor CI enforces for src/: the suite's figures when it was set, rounded down,
      // less a point for runs that take other retry and timing paths. Code that only runs in
      // child processes (the action's entry and publishing steps, tested through dist/) is
      // not counted, which is why the figure fell as those features grew.
      thresholds: { lines: 79, statements: 78, functions: 79, branches: 69 },
    },
  },
});
