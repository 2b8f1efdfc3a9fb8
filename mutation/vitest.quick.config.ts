import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// `npm run mutation:quick`: src/core/ against its colocated unit tests only (milliseconds per
// mutant). A mutant only the integration tests kill counts here as survived or uncovered, so
// the score is a lower bound of the full run's, in a fraction of its time: the full run pays
// seconds of real HTTP for each mutant of the modules every integration test goes through.
// Spread, not mergeConfig: that would append this list to the full one.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["src/core/**/*.test.ts"],
  },
});
