// @ts-check
// StrykerJS: `npm run mutation` (docs/development.md). Floors per folder are checked
// afterwards by scripts/mutation-floors.ts; `break` here is the lowest of them. Mutants
// reviewed as equivalent are disabled where they are, by a `// Stryker disable next-line`
// comment with the reason. Paths are relative to the repository's root, where Stryker runs.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "vitest",
  vitest: { configFile: "mutation/vitest.config.ts", related: true },
  checkers: ["typescript"],
  // The checker type-checks src/ only (not the tests, bench and scripts): 40 % less work per
  // mutant, and the checker shares the two cores with the test runner until it is done.
  tsconfigFile: "mutation/tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  mutate: ["src/core/**/*.ts", "src/publish/**/*.ts", "!src/**/*.test.ts"],
  ignorePatterns: ["bench/work", "coverage", "reports", ".tools"],
  // Results kept between runs (git-ignored; the weekly workflow caches the file).
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  reporters: ["html", "clear-text", "progress", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // Two shared cores here; the workflow passes --concurrency 4.
  concurrency: 2,
  timeoutMS: 10_000,
  // The whole in-process suite, instrumented, on two loaded cores takes more than the default 5.
  dryRunTimeoutMinutes: 30,
  thresholds: { high: 90, low: 80, break: 75 },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
