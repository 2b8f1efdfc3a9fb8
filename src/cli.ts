#!/usr/bin/env node
import { readFile } from "node:fs/promises";
import process from "node:process";
import { runCli } from "./adapters/cli/run.ts";
import { createUndiciFetch } from "./adapters/undici-fetch.ts";
import { AbortedError } from "./core/errors.ts";

const cancel = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (cancel.signal.aborted) process.exit(signal === "SIGINT" ? 130 : 143);
    cancel.abort(
      new AbortedError(`Interrupted by ${signal}; no partial file was left`, { signal }),
    );
  });
}

// Node downloads through undici.request (much less CPU per byte than fetch); Deno keeps its
// own fetch. A static import: ncc numbers the dynamic chunks of dist/cli.js and dist/index.js
// independently, so the same chunk name would hold different code.
const fetchForRuntime = "Deno" in globalThis ? globalThis.fetch : createUndiciFetch();

const code = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  fetch: fetchForRuntime,
  signal: cancel.signal,
  readTextFile: (path) => readFile(path, "utf8"),
});
// Exit at once: a cancelled keep-alive socket or timer must not hold the process open.
process.exit(code);
