// @ts-check
// `npm run mutation:quick`: see vitest.quick.config.ts. Results and report are kept apart
// from the full run's, so neither run's incremental file misleads the other.
import full from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...full,
  vitest: { configFile: "mutation/vitest.quick.config.ts", related: true },
  mutate: ["src/core/**/*.ts", "!src/**/*.test.ts"],
  // Mutants of module-level constants (about 170) run every related test; with unit tests
  // only that is cheap, so they are measured here too, unlike in the full run's estimate.
  ignoreStatic: false,
  incrementalFile: "reports/mutation-quick/stryker-incremental.json",
  htmlReporter: { fileName: "reports/mutation-quick/index.html" },
  jsonReporter: { fileName: "reports/mutation-quick/mutation.json" },
};
