// @ts-check
// `npm run mutation:quick`: see vitest.stryker-quick.config.ts. Results and report are kept
// apart from the full run's, so neither run's incremental file misleads the other.
import full from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...full,
  vitest: { configFile: "vitest.stryker-quick.config.ts", related: true },
  mutate: ["src/core/**/*.ts", "!src/**/*.test.ts"],
  // Mutants of module-level constants need every test at once (about 200 mutants, well over
  // half of the time); here they are left out, reported as ignored, and the full run has them.
  ignoreStatic: true,
  incrementalFile: "reports/mutation-quick/stryker-incremental.json",
  htmlReporter: { fileName: "reports/mutation-quick/index.html" },
  jsonReporter: { fileName: "reports/mutation-quick/mutation.json" },
};
