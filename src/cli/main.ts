// The CLI itself, loaded by src/cli.ts once the Node version is known to be recent enough.
import { readFile } from "node:fs/promises";
import process from "node:process";
import { lazyFetchForEnvironment } from "../node/proxy-fetch.ts";
import { runCli } from "./run.ts";
// Bundled with the rest of the CLI, not in a chunk of its own: ncc numbers the dynamic chunks
// of dist/cli.js and dist/index.js independently, and the same chunk name holding different
// code breaks the build.
import "../node/undici-fetch.ts";
import { AbortedError, CANCEL_SIGNALS, type CancelSignal } from "../core/errors.ts";

const cancel = new AbortController();
// SIGHUP (the terminal closed, an ssh session dropped) cancels like SIGTERM: no .part is left.
for (const signal of Object.keys(CANCEL_SIGNALS) as CancelSignal[]) {
  process.on(signal, () => {
    if (cancel.signal.aborted) process.exit(CANCEL_SIGNALS[signal]);
    cancel.abort(
      new AbortedError(`Interrupted by ${signal}; no partial file was left`, { signal }),
    );
  });
}

const code = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  fetch: lazyFetchForEnvironment(process.env),
  signal: cancel.signal,
  readTextFile: (path) => readFile(path, "utf8"),
});
// Exit at once: a cancelled keep-alive socket or timer must not hold the process open.
process.exit(code);
