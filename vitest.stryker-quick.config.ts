import { defineConfig } from "vitest/config";
import base from "./vitest.stryker.config.ts";

// `npm run mutation:quick`: src/core/ against its unit tests and the fast in-process
// integration tests only. A mutant the slow tests would kill counts here as survived or
// uncovered, so the score is a lower bound of the full run's, in a fraction of its time
// (the full run pays seconds of real HTTP per mutant of the shared modules).
// Spread, not mergeConfig: that would append this list to the full one.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      "src/**/*.test.ts",
      "test/api-variants.test.ts",
      "test/download-integrity.test.ts",
      "test/key-redaction.test.ts",
      "test/cli-doctor.test.ts",
      "test/cli-trace.test.ts",
      "test/cli-encodings.test.ts",
      "test/cli-end-date.test.ts",
      "test/branch-names.test.ts",
      "test/many.test.ts",
    ],
  },
});
