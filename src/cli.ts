#!/usr/bin/env node
import process from "node:process";
import { nodeVersionProblem } from "./node/node-version.ts";

// The version check is this file's only import: on an older Node, the CLI's own imports
// (undici needs zlib functions Node 20 lacks) would fail with a stack trace before any of
// its code could say why. Deno reports the Node version it is compatible with, or none.
const problem = "Deno" in globalThis ? undefined : nodeVersionProblem(process.versions.node);
if (problem !== undefined) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
await import("./cli/main.ts");
