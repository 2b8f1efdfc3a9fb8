// @ts-check
// StrykerJS: `npm run mutation` (README "Tests and mutation testing"). Floors per folder are
// checked afterwards by scripts/mutation-floors.ts; `break` here is the lowest of them.
//
// Survivors reviewed as equivalent (no test can tell them from the real code). Stryker has no
// way to exclude one mutant from its config, so they are listed here (file, line at the
// time of review, mutant: why):
// core
// - http.ts redact `if (secret)` -> true: the only secret is the API key, never empty.
// - download-report.ts `clearTimeout(idle)` in `finally` removed: the idle timer then only
//   aborts a response already read to its end.
// - download-report.ts `reader.cancel(...)` / `writer.abort(...)` after a failed copy
//   removed: the request's own abort and the sink's discard() release both anyway.
// - download-report.ts `if (deps.signal.aborted)` in cut() -> false: retry() rethrows the
//   job's reason itself whenever its signal is aborted. `size <= want` in readHead: one more
//   chunk in the head changes nothing (the head is cut to 512 bytes, every chunk written).
//   `done: false` -> true on a finished head: reading a finished stream again gives done.
//   concat's `offset >= limit` -> false / `>`: each part is capped at the room left. The two
//   `?? "Stryker was here!"` on Content-Type: a missing type reads as neither HTML nor JSON,
//   as "" does, and split() always gives a first element. `value.trim()` on a header:
//   Headers already strips surrounding whitespace.
// - wait-for-report.ts `previous = ""` -> any other text: no status equals it, so the first
//   check is always a change.
// - download-when-ready.ts `!(error instanceof LuccaRejectedError)` -> false: no other error
//   carries a pending-refusal status (a NetworkError's is 408, 429 or 5xx).
// - report-job.ts `status: "pending"` -> "" on the stand-in of a resumed report: only its id
//   is read.
// - lucca-client.ts `get("content-type") ?? ""` -> other text: only tested against
//   /^\s*text\/html/, which no fallback matches. `excerptOf(describeIssues(...), [apiKey])`
//   -> []: zod's messages and schema paths never quote the answer's values. `branch ??
//   [issue]` -> []: unreachable, `errors.length` is at least 1 there.
// - doctor-profile.ts `!Array.isArray(data)` -> true in envelopeOf: an array has no `items`.
// - read-body.ts `if (overflowed) cancel` -> true: after `done` the stream is closed and
//   cancel does nothing; after a failed read its rejection is caught, the same error goes on.
// - csv-records.ts and csv-stats.ts `if (byte > QUOTE)` -> false / {}: those bytes reach
//   `else if (byte !== CR) content = true`, which does the same. csv-parse.ts and
//   csv-stats.ts `i <= text.length`: text[length] is undefined and matches nothing.
// - encoding.ts `i <= even`: writes past a Uint8Array's end are dropped; `start <=
//   chunk.length`: the extra batch is empty; `new Array(n)` -> new Array(): preallocation.
// - delay.ts `!(ms > 0)` -> `!(ms >= 0)`: 0 becomes Math.min(Math.ceil(0), MAX), still 0.
// - period.ts isValidDate's four checks: within the regex's shape, the month check alone
//   catches every overflow of month or day, and year with day catches them too.
// - csv-stats.ts `-1` -> `+1` for "no byte" (69, 76): any value but CR or LF means none.
// - row-counter.ts LITTLE_ENDIAN (x4): on a little-endian machine the byte-wise path gives
//   the same count; the word fast path's conditions (x4) and `~`: speed only; `from <=
//   chunk.length`: an empty window; `blocks >= 0` / true: count(0, q, c) returns 0 and
//   hands q and c back unchanged.
// - request-budget.ts the `filter` of freed slots removed / -> true / `>=`: a freed slot
//   sorts before those still counted, and a negative wait is raised to 0 by Math.max.
// publish: artifacts and cache
// - artifact.ts 73 `rm(staging, { force: true })` -> false: mkdtemp made it, nothing else
//   removes it.
// - artifact-many.ts 52 `relative(...).startsWith(sep)` -> endsWith: on POSIX relative()
//   never starts or ends with "/" (the check is for Windows drive and UNC paths).
// - change-cache.ts 122 `call.value === undefined ||` -> false: saveCache returns a number
//   whenever it does not throw, and a throw has returned already.
// - change-cache.ts 185 `/^\w+: /` -> `/\w+: /`: held lines always begin "warning: " or
//   "error: ". 198 `[\r\n]+` -> `[\r\n]`: the `\s*` on each side takes further breaks.
// - commit-message.ts 32 the control/bidi class without `+`: the next replace collapses the
//   runs of spaces.
// publish: GitHub API
// - client.ts `if (signal?.aborted)` early return -> false / {}: fetch refuses an aborted
//   signal itself and the catch maps it to the same AbortError.
// - client.ts "The job was cancelled" -> "" (both DOMExceptions): Octokit reads only the
//   name, and #call rethrows the job's own reason.
// - client.ts `redact(text, [this.#token])` -> []: the token-shaped pattern on the next line
//   and excerptOf(..., [token]) blank it all the same.
// - client.ts the `log.warn` forwarder -> () => undefined: reached only by deprecation
//   notices, which Octokit sends to console instead.
// - api-commit.ts `previous.base !== base` -> true: the same base commit holds the same
//   files, so nothing can count as changed meanwhile.
// publish: git
// - git-process.ts 55 `stdio: []`: pipe is Node's default. 57 `detached` -> true, 58
//   `windowsHide` -> false, 137 `pid !== undefined &&` -> true, 138 `else child.kill`:
//   no effect on Linux or with a spawned child. 73 `{ once: true }` -> {}: finish() removes
//   the listener and a signal aborts once.
// - commit.ts 161 `records = []` -> ["Stryker was here"]: both sides get the same element.
// - git.ts `code: outcome.code ?? 1`: a resolved outcome always has a number code;
//   `toString("utf8")` -> `toString("")`: "" means UTF-8.
// - csv-diff.ts 63 `removed > 0` -> true/>=: nothing removed, nothing found; 79 catching
//   every error: rawSha256 throws the same file error again; 193 `carriedBytes > 0` ->
//   true/>=: concatenating nothing; 209 `if (blank)` -> true: finish() cleared the bytes;
//   214 `undefined` -> true: the splitter stops only on false; 217 `stop > 0`: stop >= 1;
//   218 true/<=: pushes an empty slice; keyOf `i <= record.length`: the same change for
//   every record.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "vitest",
  vitest: { configFile: "vitest.stryker.config.ts", related: true },
  checkers: ["typescript"],
  // The checker type-checks src/ only (not the tests, bench and scripts): 40 % less work per
  // mutant, and the checker shares the two cores with the test runner until it is done.
  tsconfigFile: "tsconfig.mutation.json",
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
